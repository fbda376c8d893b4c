"""`transqa explain`: a rule's description, options with their values, and its examples."""

from __future__ import annotations

import textwrap

from transqa.checks import registry
from transqa.model import Rule


def explain_rule(rule: Rule) -> str:
    check = registry()[rule.check]
    lines = [f"{rule.code} {rule.name}  ({rule.category}, {rule.severity}"
             f"{'' if rule.enabled else ', disabled by default'}; pack {rule.pack})", ""]
    lines += textwrap.wrap(rule.description or check.doc, 100)
    lines += ["", f"check type: {check.name} ({check.scope} scope)", f"message: {rule.message}"]
    if rule.options:
        lines += ["", "options (current value; default):"]
        for key, value in rule.options.items():
            lines.append(f"  {key}: {value!r}; default {check.options.get(key)!r}")
    for kind, title in (("fire", "flags"), ("pass", "does not flag")):
        cases = rule.examples.get(kind) or []
        if cases:
            lines += ["", f"examples it {title}:"]
            for case in cases:
                if "segments" in case:
                    lines.append("  document: " + " | ".join(f"{s} → {t}" for s, t in case["segments"]))
                else:
                    lines.append(f"  {case.get('source', '')!s} → {case.get('target', '')!s}")
    return "\n".join(lines)
