"""Baselines: accept the findings a project already has and gate only on new ones.

`transqa baseline write SOURCE TARGET -o FILE` records the current findings; `transqa check ...
--baseline FILE` then moves findings that are in the baseline out of the gate and the score (they are
counted and listed as `baselined`). A finding is matched by rule code and fingerprint. Fingerprints
come from the code, the segment's source text, the side and the matched text (engine.fingerprint),
not from line numbers, so inserting or deleting other lines does not turn known findings into new
ones. Matching counts: if the baseline holds a fingerprint once and the run finds it twice (a repeated
segment with the same problem), one of the two is new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from transqa import __version__
from transqa.errors import TransqaError
from transqa.model import Finding

FORMAT_KEY = "transqa_baseline"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Baseline:
    counts: Counter  # (code, fingerprint) -> how many times it is accepted
    path: str | None = None

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known): known findings are in the baseline; each entry accepts one finding."""
        left = Counter(self.counts)
        new, known = [], []
        for finding in findings:
            key = (finding.code, finding.fingerprint)
            if left[key] > 0:
                left[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known

    def __len__(self) -> int:
        return sum(self.counts.values())


def baseline_dict(findings: Iterable[Finding]) -> dict:
    """The baseline file's content; entries sorted so that the file diffs cleanly."""
    from transqa.reporters.common import relative_path

    entries = [{"code": f.code, "fingerprint": f.fingerprint, "file": relative_path(f.location.file),
                "line": f.location.line, "match": f.match, "message": f.message} for f in findings]
    entries.sort(key=lambda e: (str(e["file"]), e["line"] or 0, e["code"], e["fingerprint"]))
    return {FORMAT_KEY: FORMAT_VERSION, "tool": f"transqa {__version__}", "count": len(entries),
            "findings": entries}


def render_baseline(findings: Iterable[Finding]) -> str:
    return json.dumps(baseline_dict(findings), ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str | Path) -> Baseline:
    spath = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TransqaError("baseline file not found (create it with `transqa baseline write`)", path=spath) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TransqaError(f"cannot read baseline: {exc}", path=spath) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransqaError(f"baseline is not valid JSON: {exc.msg}", path=spath, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise TransqaError(f"not a transqa baseline (expected {{\"{FORMAT_KEY}\": {FORMAT_VERSION}, \"findings\": [...]}})",
                           path=spath)
    counts: Counter = Counter()
    for i, entry in enumerate(data["findings"]):
        if not (isinstance(entry, dict) and isinstance(entry.get("code"), str)
                and isinstance(entry.get("fingerprint"), str)):
            raise TransqaError(f"baseline entry {i + 1} needs a code and a fingerprint", path=spath)
        counts[(entry["code"], entry["fingerprint"])] += 1
    return Baseline(counts=counts, path=spath)
