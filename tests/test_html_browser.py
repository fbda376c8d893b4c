"""The HTML report in a real browser (Debian's chromium driven by playwright; no browser download).

Skipped with a reason where chromium or playwright is missing, except under CI (CI=true), where
.ci/run installs chromium and a missing browser is a failure. Screenshots go to test-artifacts/.
"""

import json
import os
import shutil
from pathlib import Path

import pytest
from report_fixture import XSS, make_report

from transqa.reporters import render

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser test (.ci/run installs Debian's chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        _unavailable("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def open_(path: Path):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        events = {"dialogs": [], "requests": [], "errors": []}
        page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
        page.on("request", lambda r: events["requests"].append(r.url))
        page.on("pageerror", lambda e: events["errors"].append(str(e)))
        page.goto(path.as_uri())
        pages.append(page)
        return page, events

    yield open_
    for page in pages:
        page.close()


def visible(page) -> int:
    return page.locator("li.finding:visible").count()


def test_demo_report_filters_and_anchors(run_cli, fixtures, tmp_path, open_page):
    html, data = tmp_path / "demo.html", tmp_path / "demo.json"
    code, _, err = run_cli("check", str(fixtures / "cnipa-forum.zh.txt"), str(fixtures / "cnipa-forum.en.txt"),
                           "--output-format", f"html:{html}", "--output-format", f"json:{data}", "--quiet")
    assert code in (0, 1), err
    findings = json.loads(data.read_text(encoding="utf-8"))["findings"]
    assert findings, "the demo pair has known defects"
    page, events = open_page(html)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report-demo.png"), full_page=True)

    assert visible(page) == len(findings)
    assert page.locator("#shown").inner_text() == str(len(findings))
    assert page.locator("mark.hl:not(.off)").count() >= 1
    assert page.locator("text=Penalty by MQM category").is_visible()

    # hide the most frequent severity: its findings disappear, the counter follows
    severities = [f["severity"] for f in findings]
    common = max(set(severities), key=severities.count)
    page.locator(f"fieldset[data-filter=severity] input[value={common}]").uncheck()
    expected = len(findings) - severities.count(common)
    assert visible(page) == expected
    assert page.locator("#shown").inner_text() == str(expected)
    page.screenshot(path=str(ARTIFACTS / "html-report-demo-filtered.png"))

    # a link to a hidden finding shows everything again and scrolls to it
    hidden = next(f for f in findings if f["severity"] == common)
    page.evaluate(f"location.hash = 'f-{hidden['fingerprint']}'")
    page.wait_for_function("document.getElementById('shown').textContent == String(%d)" % len(findings))
    assert page.locator(f"#f-{hidden['fingerprint']}").is_visible()

    # filter by one code
    page.locator("#none").click()
    assert visible(page) == 0 and page.locator("article.seg:visible").count() == 0
    page.locator("#all").click()
    codes = sorted({f["code"] for f in findings})
    for code_value in codes[1:]:
        page.locator(f"fieldset[data-filter=code] input[value={code_value}]").uncheck()
    assert visible(page) == sum(1 for f in findings if f["code"] == codes[0])
    assert not events["errors"] and not events["dialogs"]
    assert all(url.startswith("file:") for url in events["requests"])


def test_script_in_a_translation_is_shown_not_run(tmp_path, open_page):
    path = tmp_path / "xss.html"
    path.write_text(render(make_report(tmp_path), "html"), encoding="utf-8")
    page, events = open_page(path)
    page.wait_for_timeout(200)
    assert events["dialogs"] == []
    assert XSS in page.locator("article.seg").first.inner_text()
    assert page.locator("mark.s-major").first.inner_text() == XSS
    assert not events["errors"]
    assert all(url.startswith("file:") for url in events["requests"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report-escaping.png"), full_page=True)


def test_csp_blocks_a_script_that_escaped_the_escaping(tmp_path, open_page):
    """Defence in depth: even an unescaped <script> in the page would not run; the report's own does."""
    text = render(make_report(tmp_path), "html")
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escaped in text
    path = tmp_path / "broken.html"
    path.write_text(text.replace(escaped, XSS), encoding="utf-8")
    page, events = open_page(path)
    page.wait_for_timeout(200)
    assert events["dialogs"] == []
    page.locator("#none").click()  # the report's script still works
    assert visible(page) == 0
