"""A self-contained HTML report for reviewers: one file, inline CSS, JS and SVG, no network access.

Top: score and verdict; then inline SVG charts of the penalty by MQM category and by severity; filters
(severity, category, code); then every segment with findings, source beside target with the flagged
spans highlighted and each finding's message and suggestion below. Every finding has a stable anchor
(`#f-<fingerprint>`). All text from the input is HTML-escaped and never placed inside the script; a
Content-Security-Policy forbids any network access and any script but the report's own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from html import escape

from transqa import __version__
from transqa.model import SEVERITIES, Finding, Report, Segment
from transqa.reporters.common import (SegmentIndex, penalty_by, penalty_by_severity, relative_path, segment_label,
                                      verdict_reasons)

MAX_SEGMENTS = 2000  # segment cards rendered; the rest are counted, not shown
LAZY_FINDINGS = 300  # above this, off-screen cards are laid out lazily (content-visibility)
SEV_COLOR = {"critical": "#6a1b9a", "major": "#c62828", "minor": "#d35400", "info": "#1565c0"}
DIM_COLOR = {"terminology": "#00838f", "accuracy": "#c62828", "fluency": "#d35400", "style": "#6d4c41",
             "locale-convention": "#2e7d32", "design": "#5e35b1", "other": "#546e7a"}
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")

CSS = """
:root{--fg:#1d2330;--muted:#5b6474;--line:#dde1e8;--bg:#f5f6f8;--card:#fff;--accent:#24527a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--fg);background:var(--bg)}
.wrap{max-width:1280px;margin:0 auto;padding:20px 24px 40px}
header.top{display:flex;gap:24px;align-items:stretch;margin-bottom:18px}
.verdict{min-width:200px;border-radius:10px;padding:14px 18px;color:#fff;display:flex;flex-direction:column;justify-content:center}
.verdict.pass{background:#2e7d32}.verdict.fail{background:#b71c1c}
.verdict .score{font-size:44px;font-weight:700;line-height:1.05}
.verdict .badge{font-weight:700;letter-spacing:.08em;font-size:18px}
.verdict .of{opacity:.9;font-size:13px}
.meta{flex:1;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 18px}
.meta h1{font-size:20px;margin:0 0 4px}
.meta p{margin:3px 0;color:var(--muted)}
.meta .reason{color:#b71c1c;font-weight:600}
.counts span{display:inline-block;margin-right:12px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:baseline}
.charts{display:grid;grid-template-columns:3fr 2fr;gap:16px;margin-bottom:16px}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
table.files{width:100%;border-collapse:collapse;background:var(--card);margin-bottom:16px;border:1px solid var(--line)}
table.files th,table.files td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left}
.filters{position:sticky;top:0;z-index:5;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 14px;margin-bottom:16px;box-shadow:0 2px 6px rgba(0,0,0,.05)}
.filters fieldset{border:0;margin:0;padding:3px 0}
.filters legend{float:left;width:84px;font-weight:600;color:var(--muted);padding:2px 0 0}
.chips{margin-left:84px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px}
.chip{display:inline-flex;align-items:center;gap:4px;border:1px solid var(--line);border-radius:14px;padding:1px 10px 1px 6px;cursor:pointer;font-size:13px;background:#fafbfc;user-select:none}
.chip input{margin:0}
.chip:has(input:not(:checked)){opacity:.45;text-decoration:line-through}
.chip small{color:var(--muted)}
.tools{display:flex;gap:10px;align-items:center;margin-top:4px;font-size:14px}
.tools button{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;border-radius:6px;padding:1px 10px;cursor:pointer}
.seg{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-bottom:14px;overflow:hidden}
.many .seg{content-visibility:auto;contain-intrinsic-size:auto 320px}
@media print{.many .seg{content-visibility:visible}.filters{position:static}}
.seg h2{font-size:14px;margin:0;padding:6px 14px;background:#eef1f5;border-bottom:1px solid var(--line);font-weight:600}
.seg h2 a{color:var(--accent);text-decoration:none}
.seg h2 .loc{color:var(--muted);font-weight:400;margin-left:8px}
.pair{display:grid;grid-template-columns:1fr 1fr}
.side{padding:8px 14px;min-width:0}
.side+.side{border-left:1px solid var(--line)}
.side .label{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 0;line-height:1.75}
.text:lang(zh){font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
mark.hl{border-radius:3px;padding:1px 0;color:var(--fg)}
mark.hl.off{background:none!important;box-shadow:none}
mark.hl.off::after{display:none}
mark.hl[data-n]::after{content:attr(data-n);font-size:10px;font-weight:700;vertical-align:super;margin-left:1px;color:var(--muted)}
mark.ins::before{content:"\\2038";font-weight:700;color:#b71c1c}
mark.s-critical{background:#ecd9f3;box-shadow:inset 0 -2px 0 #6a1b9a}
mark.s-major{background:#fbd3d3;box-shadow:inset 0 -2px 0 #c62828}
mark.s-minor{background:#ffe3c4;box-shadow:inset 0 -2px 0 #d35400}
mark.s-info{background:#d4e6fa;box-shadow:inset 0 -2px 0 #1565c0}
.cc{font-size:.75em;border:1px dashed #b71c1c;border-radius:3px;padding:0 2px;color:#b71c1c}
ol.findings{list-style:none;margin:0;padding:4px 14px 10px;border-top:1px dashed var(--line)}
.finding{padding:6px 0 4px;border-bottom:1px solid #f0f2f5}
.finding:last-child{border-bottom:0}
.finding:target{background:#fff8d6;outline:2px solid #f5c400;border-radius:4px}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.num{font-weight:700;color:var(--muted);min-width:1.6em}
.sev{font-size:12px;font-weight:700;color:#fff;border-radius:4px;padding:0 7px;text-transform:uppercase}
.code{font:600 13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.name{color:var(--muted)}
.cat{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 8px}
.anchor{margin-left:auto;color:var(--muted);text-decoration:none;font-size:13px}
.msg{margin:2px 0 0 2.2em}
.fix{margin:2px 0 0 2.2em;color:#1b5e20}
.fix .sugg{font-family:ui-monospace,Menlo,Consolas,monospace;background:#e8f5e9;border-radius:3px;padding:0 4px;white-space:pre-wrap}
.empty{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:24px;text-align:center;color:var(--muted)}
footer{color:var(--muted);font-size:13px;margin-top:24px}
@media (max-width:800px){header.top,.charts{display:block}.pair{grid-template-columns:1fr}.side+.side{border-left:0;border-top:1px solid var(--line)}}
"""

JS = """
(function(){
  var findings=[].slice.call(document.querySelectorAll('.finding'));
  var marks=[].slice.call(document.querySelectorAll('mark.hl'));
  var segs=[].slice.call(document.querySelectorAll('.seg'));
  var sets=[].slice.call(document.querySelectorAll('fieldset[data-filter]'));
  var counter=document.getElementById('shown');
  function apply(){
    var active={};
    sets.forEach(function(fs){var on={};fs.querySelectorAll('input:checked').forEach(function(i){on[i.value]=1;});active[fs.dataset.filter]=on;});
    var visible={},shown=0;
    findings.forEach(function(li){
      var ok=sets.every(function(fs){var k=fs.dataset.filter;return active[k][li.dataset[k]];});
      li.hidden=!ok; if(ok){visible[li.dataset.f]=1;shown++;}
    });
    marks.forEach(function(m){m.classList.toggle('off',!m.dataset.f.split(' ').some(function(n){return visible[n];}));});
    segs.forEach(function(s){s.hidden=!s.querySelector('.finding:not([hidden])');});
    counter.textContent=shown;
  }
  function setAll(on){sets.forEach(function(fs){fs.querySelectorAll('input').forEach(function(i){i.checked=on;});});apply();}
  sets.forEach(function(fs){fs.addEventListener('change',apply);});
  var all=document.getElementById('all'),none=document.getElementById('none');
  if(all)all.addEventListener('click',function(){setAll(true);});
  if(none)none.addEventListener('click',function(){setAll(false);});
  function reveal(){
    var id=decodeURIComponent(location.hash.slice(1)),el=id&&document.getElementById(id);
    if(el&&(el.hidden||(el.closest('.seg')||{}).hidden)){setAll(true);el.scrollIntoView();}
  }
  window.addEventListener('hashchange',reveal);
  apply();reveal();
})();
"""


# Only the report's own script may run (by hash), even if some input ever escaped the escaping.
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _visible(text: str) -> str:
    """Escape text; show control (except tab and newline) and bidi-override characters as code points."""
    out, pos = [], 0
    for match in _SPECIAL.finditer(text):
        code = f"U+{ord(match.group()):04X}"
        out += [escape(text[pos:match.start()], quote=True), f'<span class="cc" title="{code}">{code}</span>']
        pos = match.end()
    out.append(escape(text[pos:], quote=True))
    return "".join(out)


def _highlight(text: str, marks: list[tuple[int, Finding]]) -> str:
    """`text` with each finding's span in a <mark>; overlapping spans split into pieces."""
    if not marks:
        return _visible(text)
    rank = {sev: i for i, sev in enumerate(SEVERITIES)}
    cuts = sorted({0, len(text), *(f.start for _, f in marks), *(f.end for _, f in marks)})
    inserts = defaultdict(list)
    for n, f in marks:
        if f.start == f.end:
            inserts[f.start].append((n, f))
    out = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for n, f in inserts.get(a, ()):
            out.append(f'<mark class="hl ins s-{f.severity}" data-f="{n}" data-n="{n}" '
                       f'title="{_e(f.code)}: {_e(f.message)}"></mark>')
        if b is None:
            break
        covering = [(n, f) for n, f in marks if f.start <= a and b <= f.end and f.start < f.end]
        piece = _visible(text[a:b])
        if not covering:
            out.append(piece)
            continue
        worst = max((f for _, f in covering), key=lambda f: rank[f.severity])
        ends = [str(n) for n, f in covering if f.end == b]
        label = f' data-n="{",".join(ends)}"' if ends else ""
        title = " | ".join(f"{f.code}: {f.message}" for _, f in covering)
        ids = " ".join(str(n) for n, _ in covering)
        out.append(f'<mark class="hl s-{worst.severity}" data-f="{ids}"{label} title="{_e(title)}">{piece}</mark>')
    return "".join(out)


def _bar_chart(rows: list[tuple[str, float, int]], colors: list[str], label_width: int = 190,
               width: int = 560) -> str:
    bar_h, gap = 18, 7
    top = max((penalty for _, penalty, _ in rows), default=0) or 1
    span = width - label_width - 130
    height = len(rows) * (bar_h + gap) + gap
    parts = [f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">']
    for i, ((label, penalty, count), color) in enumerate(zip(rows, colors)):
        y = gap + i * (bar_h + gap)
        w = max(2.0, span * penalty / top) if penalty else 0
        parts.append(f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{color}">'
                     f'<title>{_e(label)}: penalty {penalty:g}, {count} finding(s)</title></rect>')
        parts.append(f'<text x="{label_width + w + 6:.1f}" y="{y + 13}">{penalty:g} '
                     f'<tspan fill="#5b6474">({count} finding{"s" if count != 1 else ""})</tspan></text>')
    parts.append("</svg>")
    return "".join(parts)


def _charts(report: Report) -> str:
    if not report.findings:
        return ""
    cats = penalty_by(report, lambda f: f.category)
    sevs = penalty_by_severity(report)
    cat_colors = [DIM_COLOR.get(label.split("/")[0], DIM_COLOR["other"]) for label, _, _ in cats]
    return ('<section class="charts">'
            f'<figure><figcaption>Penalty by MQM category</figcaption>{_bar_chart(cats, cat_colors)}</figure>'
            f'<figure><figcaption>Penalty by severity</figcaption>'
            f'{_bar_chart(sevs, [SEV_COLOR[s] for s, _, _ in sevs], label_width=70, width=360)}</figure></section>')


def _chips(name: str, counts: Counter, order: list[str], titles: dict[str, str] | None = None) -> str:
    chips = []
    for value in order:
        dot = f'<span class="dot" style="background:{SEV_COLOR[value]}"></span>' if name == "severity" else ""
        title = f' title="{_e(titles[value])}"' if titles and value in titles else ""
        chips.append(f'<label class="chip"{title}><input type="checkbox" value="{_e(value)}" checked>{dot}'
                     f'{_e(value)} <small>{counts[value]}</small></label>')
    return (f'<fieldset data-filter="{name}"><legend>{name.title()}</legend>'
            f'<div class="chips">{"".join(chips)}</div></fieldset>')


def _filters(report: Report) -> str:
    if not report.findings:
        return ""
    sev = Counter(f.severity for f in report.findings)
    cat = Counter(f.category for f in report.findings)
    code = Counter(f.code for f in report.findings)
    sev_order = [s for s in reversed(SEVERITIES) if sev[s]]
    return ('<section class="filters" aria-label="Filters">'
            + _chips("severity", sev, sev_order) + _chips("category", cat, sorted(cat))
            + _chips("code", code, sorted(code), {f.code: f.name for f in report.findings})
            + f'<div class="tools">Showing <b id="shown">{len(report.findings)}</b> of '
              f'{len(report.findings)} findings <button type="button" id="all">Show all</button>'
              '<button type="button" id="none">Hide all</button></div></section>')


def _suggestion(text: str) -> str:
    """The suggested replacement; leading and trailing spaces shown as ␣, an empty one as (delete)."""
    if text == "":
        return "(delete)"
    core = text.strip(" ")
    if not core:
        return "␣" * len(text)
    lead, trail = len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" "))
    return "␣" * lead + _visible(core) + "␣" * trail


def _finding_item(n: int, f: Finding, anchor: str) -> str:
    fix = ""
    if f.suggestion is not None and f.suggestion != f.match:
        fix = f'<div class="fix">Suggestion: <span class="sugg">{_suggestion(f.suggestion)}</span></div>'
    return (f'<li class="finding" id="{anchor}" data-f="{n}" data-severity="{_e(f.severity)}" '
            f'data-category="{_e(f.category)}" data-code="{_e(f.code)}">'
            f'<div class="head"><span class="num">{n}</span>'
            f'<span class="sev" style="background:{SEV_COLOR[f.severity]}">{_e(f.severity)}</span>'
            f'<span class="code">{_e(f.code)}</span><span class="name">{_e(f.name)}</span>'
            f'<span class="cat">{_e(f.category)}</span><span class="name">in {_e(f.side)}</span>'
            f'<a class="anchor" href="#{anchor}" title="Link to this finding">#&#8202;link</a></div>'
            f'<div class="msg">{_visible(f.message)}</div>{fix}</li>')


def _segments(report: Report) -> str:
    if not report.findings:
        return '<div class="empty">No findings. Nothing to review.</div>'
    segment_of = SegmentIndex(report)
    groups: dict[int, tuple[Segment, list[Finding]]] = {}
    order: list[int] = []
    for f in report.findings:
        segment = segment_of(f)
        key = id(segment) if segment is not None else id(f)
        if key not in groups:
            groups[key] = (segment, [])
            order.append(key)
        groups[key][1].append(f)
    used: Counter[str] = Counter()
    cards, n = [], 0
    for card_no, key in enumerate(order[:MAX_SEGMENTS], 1):
        segment, found = groups[key]
        numbered = []
        items = []
        for f in found:
            n += 1
            used[f.fingerprint] += 1
            anchor = f"f-{f.fingerprint}" + (f"-{used[f.fingerprint]}" if used[f.fingerprint] > 1 else "")
            numbered.append((n, f))
            items.append(_finding_item(n, f, anchor))
        if segment is None:
            sides = f'<div class="side"><div class="text">{_visible(found[0].match)}</div></div>'
            head, where = f"segment {found[0].segment}", ""
        else:
            sides = "".join(
                f'<div class="side" lang="{lang}"><div class="label">{side}</div>'
                f'<div class="text">{_highlight(segment.text(side), [(i, f) for i, f in numbered if f.side == side])}</div></div>'
                for side, lang in (("source", report.document.source_lang), ("target", report.document.target_lang)))
            loc = segment.target_location
            head = segment_label(segment)
            where = f"{relative_path(loc.file)}:{loc.line}" if loc.file and loc.line else ""
        cards.append(f'<article class="seg" id="seg-{card_no}"><h2><a href="#seg-{card_no}">{_e(head)}</a>'
                     f'<span class="loc">{_e(where)}</span></h2><div class="pair">{sides}</div>'
                     f'<ol class="findings">{"".join(items)}</ol></article>')
    if len(order) > MAX_SEGMENTS:
        cards.append(f'<div class="empty">{len(order) - MAX_SEGMENTS} more segments with findings are not '
                     'shown here; see the JSON report.</div>')
    return "".join(cards)


def _files_table(report: Report) -> str:
    files = report.extra.get("files") or []
    if not files:
        return ""
    rows = "".join(f'<tr><td>{_e(relative_path(item["source"]))}</td><td>{_e(relative_path(item["target"]))}</td>'
                   f'<td>{item["score"].score:.2f}</td><td>{"passed" if item["score"].passed else "<b>failed</b>"}</td>'
                   f'<td>{item["findings"]}</td></tr>' for item in files)
    return ('<table class="files"><thead><tr><th>source</th><th>target</th><th>score</th><th>verdict</th>'
            f'<th>findings</th></tr></thead><tbody>{rows}</tbody></table>')


def _header(report: Report) -> str:
    s = report.score
    inputs = report.document.inputs
    if report.extra.get("files"):
        what = f'{len(report.extra["files"])} file pairs'
    elif inputs.get("source") and inputs.get("target"):
        what = f'{relative_path(inputs["source"])} → {relative_path(inputs["target"])}'
    else:
        what = relative_path(inputs.get("file") or inputs.get("path")) or ""
    counts = "".join(f'<span><span class="dot" style="background:{SEV_COLOR[sev]}"></span>{n} {sev}</span>'
                     for sev, n in s.by_severity.items())
    extra = []
    if report.waived:
        extra.append(f"{len(report.waived)} waived")
    if report.extra.get("baselined"):
        extra.append(f"{len(report.extra['baselined'])} in the baseline (not gating)")
    unused = report.extra.get("unused_waivers") or []
    if unused:
        extra.append(f"{len(unused)} unused waiver(s): " + ", ".join(f"{w.code} {w.fingerprint}" for w in unused))
    reasons = verdict_reasons(report)
    return (f'<header class="top"><div class="verdict {"pass" if s.passed else "fail"}">'
            f'<div class="badge">{"PASSED" if s.passed else "FAILED"}</div><div class="score">{s.score:.2f}</div>'
            f'<div class="of">of 100 · pass at {s.threshold:g}</div></div>'
            f'<div class="meta"><h1>Translation QA report</h1><p>{_e(what)}</p>'
            f'<p class="counts">{counts}</p>'
            f'<p>{len(report.findings)} finding(s) in {s.segments} segments · {s.words} target words · '
            f'penalty {s.penalty:g}{" · " + _e("; ".join(extra)) if extra else ""}</p>'
            + (f'<p class="reason">Failed: {_e("; ".join(reasons))}</p>' if reasons else "")
            + "</div></header>")


def render(report: Report, *, color: bool = False) -> str:
    s = report.score
    weights = ", ".join(f"{k} {v:g}" for k, v in s.weights.items())
    title = f"transqa: {'PASSED' if s.passed else 'FAILED'} {s.score:.2f}"
    body_class = ' class="many"' if len(report.findings) > LAZY_FINDINGS else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            f"style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head>"
            f"<body{body_class}><div class=\"wrap\">"
            + _header(report) + _charts(report) + _files_table(report) + _filters(report)
            + f'<main id="segments">{_segments(report)}</main>'
            + f"<footer>MQM-style score = 100 × (1 − Σ severity weights ÷ target words); weights {weights}. "
              f"Generated by transqa {__version__}.</footer></div>"
            + f"<script>{JS}</script></body></html>\n")
