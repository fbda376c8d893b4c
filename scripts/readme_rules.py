"""Regenerate the rule table in README.md from the shipped packs: `python scripts/readme_rules.py`.

tests/test_readme_rules.py fails when the table is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- rules-table:begin -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from transqa.packs import default_pack_paths, load_packs

    rows = ["| code | name | category | severity | pack | on |", "| --- | --- | --- | --- | --- | --- |"]
    for rule in load_packs(default_pack_paths()):
        rows.append(f"| {rule.code} | {rule.name} | {rule.category} | {rule.severity} | {rule.pack} | "
                    f"{'yes' if rule.enabled else 'no'} |")
    return "\n".join(rows)


def updated_readme(text: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{rules_table()}\n{END}{tail}"


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(updated_readme(path.read_text(encoding="utf-8")), encoding="utf-8")
