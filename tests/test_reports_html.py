"""The HTML report without a browser: escaping, self-containment, spans, anchors, charts."""

import base64
import hashlib
import re
from dataclasses import replace

import lxml.html
from report_fixture import XSS, make_report

from transqa.reporters import render


def page(report):
    text = render(report, "html")
    return text, lxml.html.fromstring(text)


def test_everything_from_the_input_is_escaped(tmp_path):
    text, _ = page(make_report(tmp_path))
    assert XSS not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert text.count("<script>") == 1  # the report's own script, at the end
    assert text.rstrip().endswith("</script></body></html>")


def test_self_contained(tmp_path):
    text, tree = page(make_report(tmp_path))
    assert not tree.xpath("//*[@src] | //link | //iframe | //object | //embed")
    assert "url(" not in text and "@import" not in text
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= {"http://www.w3.org/2000/svg"}  # an XML namespace
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    script = tree.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp  # only this exact script may run


def test_sides_show_the_original_text_with_spans_marked(tmp_path):
    report = make_report(tmp_path)
    _, tree = page(report)
    seg1 = tree.xpath("//article[@class='seg']")[0]
    target = seg1.xpath(".//div[@class='side'][@lang='en']/div[@class='text']")[0]
    assert target.text_content() == report.document.segments[0].target
    marks = target.xpath(".//mark")
    # the info span 'Hello  wor' overlaps the double space: pieces 'Hello', '  ', 'wor'
    assert [m.text_content() for m in marks] == ["Hello", "  ", "wor", XSS]
    assert marks[1].get("data-f") == "1 3" and "s-minor" in marks[1].get("class")  # worst severity wins
    assert marks[3].get("data-f") == "2" and "s-major" in marks[3].get("class")
    # the control character in segment 2's source is shown, not swallowed
    seg2 = tree.xpath("//article[@class='seg']")[1]
    source = seg2.xpath(".//div[@class='side'][@lang='zh']/div[@class='text']")[0]
    assert "U+000B" in source.text_content()
    # the zero-length span is an insertion mark at the end of the target
    insert = seg2.xpath(".//div[@lang='en']//mark[contains(@class,'ins')]")
    assert len(insert) == 1 and insert[0].text_content() == ""


def test_each_finding_has_an_anchor_message_and_suggestion(tmp_path):
    report = make_report(tmp_path)
    text, tree = page(report)
    items = tree.xpath("//li[contains(@class,'finding')]")
    assert len(items) == len(report.findings)
    for li, finding in zip(items, report.findings):
        assert li.get("id") == f"f-{finding.fingerprint}"
        assert li.xpath(".//a[@class='anchor']/@href") == [f"#f-{finding.fingerprint}"]
        assert (li.get("data-severity"), li.get("data-category"), li.get("data-code")) == (
            finding.severity, finding.category, finding.code)
        assert finding.message in li.text_content()
    fixes = [li.xpath(".//span[@class='sugg']")[0].text_content() if li.xpath(".//span[@class='sugg']") else None
             for li in items]
    assert fixes == ["␣", "(delete)", None, "intellectual property", None]


def test_duplicate_fingerprints_get_distinct_anchors(tmp_path):
    report = make_report(tmp_path)
    twice = replace(report, findings=report.findings + report.findings[:1])
    _, tree = page(twice)
    ids = tree.xpath("//li[contains(@class,'finding')]/@id")
    assert len(ids) == len(set(ids))


def test_filters_and_charts(tmp_path):
    report = make_report(tmp_path)
    _, tree = page(report)
    values = {fs.get("data-filter"): fs.xpath(".//input/@value") for fs in tree.xpath("//fieldset[@data-filter]")}
    assert values == {"severity": ["critical", "major", "minor", "info"],
                      "category": ["accuracy/addition", "fluency/punctuation", "style", "terminology"],
                      "code": ["TST001", "TST002", "TST003", "TST004"]}
    cat_svg, sev_svg = tree.xpath("//svg")
    assert len(cat_svg.xpath(".//*[local-name()='rect']")) == 4
    labels = [t.text for t in cat_svg.xpath(".//*[local-name()='text'][@text-anchor='end']")]
    assert labels == ["terminology", "accuracy/addition", "fluency/punctuation", "style"]  # by penalty
    assert tree.xpath("//div[contains(@class,'verdict')]")[0].get("class") == "verdict fail"


def test_no_findings(tmp_path):
    report = make_report(tmp_path)
    empty = replace(report, findings=(), score=replace(report.score, passed=True, score=100.0))
    text, tree = page(empty)
    assert "No findings" in text and not tree.xpath("//fieldset") and not tree.xpath("//svg")
