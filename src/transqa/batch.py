"""Batch runs: `transqa check SRC_DIR TGT_DIR` pairs files, checks each pair, and merges the results.

Pairing: by default a file pairs with the file at the same relative path under the other directory.
With `--pair 'SRC_GLOB:TGT_GLOB'` (each glob has one `*`, e.g. `*.zh.txt:*.en.txt`) a source file
whose relative path matches SRC_GLOB pairs with the target path made by putting what `*` matched into
TGT_GLOB; SOURCE and TARGET may then be the same directory. Hidden files and directories are skipped.

The merged Report holds every file's segments and findings; its score is computed over all of them
(total penalty over total words), and it passes only if that total passes and every file passes its
own gate. Per-file results are in `report.extra["files"]`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from transqa.errors import TransqaError
from transqa.model import Document, Report

LARGE_BYTES = 2_000_000  # show a progress bar (on a TTY) when the inputs are at least this big ...
LARGE_FILES = 20  # ... or a batch has at least this many pairs
LARGE_SEGMENTS = 5_000  # a spinner while one document this large is checked


@dataclass(frozen=True)
class Pair:
    source: str
    target: str


@dataclass
class Pairing:
    pairs: list[Pair]
    unpaired_sources: list[str]
    unpaired_targets: list[str]


def parse_pattern(text: str) -> tuple[str, str]:
    parts = text.split(":")
    if len(parts) != 2 or any(part.count("*") != 1 for part in parts):
        raise TransqaError(f"--pair {text!r}: give SRC_GLOB:TGT_GLOB with one '*' in each, e.g. '*.zh.txt:*.en.txt'")
    return parts[0], parts[1]


def _glob_regex(glob: str) -> re.Pattern:
    before, after = glob.split("*")
    return re.compile(re.escape(before) + "(.+)" + re.escape(after) + r"\Z")


def _files(root: Path) -> list[str]:
    """Relative '/'-separated paths of the non-hidden files under `root`, sorted."""
    out = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith("."):
                out.append((Path(folder) / name).relative_to(root).as_posix())
    return sorted(out)


def pair_directories(source_dir: str, target_dir: str, pattern: str | None = None) -> Pairing:
    src_root, tgt_root = Path(source_dir), Path(target_dir)
    for root in (src_root, tgt_root):
        if not root.is_dir():
            raise TransqaError("not a directory (give two directories, or two files)", path=str(root))
    same = src_root.resolve() == tgt_root.resolve()
    if pattern is None:
        if same:
            raise TransqaError("SOURCE and TARGET are the same directory: give --pair 'SRC_GLOB:TGT_GLOB', "
                               "e.g. --pair '*.zh.txt:*.en.txt'")
        src_files, tgt_files = _files(src_root), set(_files(tgt_root))
        pairs = [Pair(str(src_root / rel), str(tgt_root / rel)) for rel in src_files if rel in tgt_files]
        return Pairing(pairs, [str(src_root / r) for r in src_files if r not in tgt_files],
                       [str(tgt_root / r) for r in sorted(tgt_files - set(src_files))])
    src_glob, tgt_glob = parse_pattern(pattern)
    src_re, tgt_re = _glob_regex(src_glob), _glob_regex(tgt_glob)
    tgt_files = _files(tgt_root)
    tgt_set = set(tgt_files)
    pairs, unpaired, used = [], [], set()
    for rel in _files(src_root):
        match = src_re.match(rel)
        if not match:
            continue
        counterpart = tgt_glob.replace("*", match.group(1))
        if counterpart in tgt_set and not (same and counterpart == rel):
            pairs.append(Pair(str(src_root / rel), str(tgt_root / counterpart)))
            used.add(counterpart)
        else:
            unpaired.append(str(src_root / rel))
    orphans = [str(tgt_root / rel) for rel in tgt_files if tgt_re.match(rel) and rel not in used
               and not (same and src_re.match(rel))]
    return Pairing(pairs, unpaired, orphans)


class Progress:
    """A rich progress bar on stderr, or nothing. Imports rich only when it draws."""

    def __init__(self, total: int, label: str, enabled: bool):
        self._bar = None
        if enabled and total > 0:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=Console(file=sys.stderr, force_terminal=True),
                                     transient=True)
            self._task = self._bar.add_task(label, total=total)
            self._bar.start()

    def describe(self, description: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=description)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def spinner(segments: int, allowed: bool):
    """A rich spinner on stderr while one large document is checked (TTY only; else nothing)."""
    if not (allowed and segments >= LARGE_SEGMENTS and sys.stderr.isatty()
            and not os.environ.get("TRANSQA_NO_PROGRESS")):
        yield
        return
    from rich.console import Console

    with Console(file=sys.stderr, force_terminal=True).status(f"Checking {segments:,} segments…"):
        yield


def wants_progress(paths: list[str], quiet: bool) -> bool:
    """True when stderr is a terminal, not --quiet, and the work is large enough to wait for."""
    if quiet or not sys.stderr.isatty() or os.environ.get("TRANSQA_NO_PROGRESS"):
        return False
    if len(paths) >= 2 * LARGE_FILES:
        return True
    size = 0
    for path in paths:
        try:
            size += os.path.getsize(path)
        except OSError:
            pass
    return size >= LARGE_BYTES


def merge_reports(results: list[tuple[Pair, Report]], prepared, inputs: dict) -> Report:
    """One Report over all pairs: total score over all findings and words; passes only if all pass."""
    from transqa.scoring import score

    segments = tuple(seg for _, r in results for seg in r.document.segments)
    findings = tuple(f for _, r in results for f in r.findings)
    document = Document(segments=segments, inputs=inputs)
    config = prepared.config
    total = score(findings, document, weights=config.weights, threshold=config.threshold,
                  fail_on=config.fail_on, words=sum(r.score.words for _, r in results))
    passed = total.passed and all(r.score.passed for _, r in results)
    unused = None
    for _, r in results:
        mine = r.extra.get("unused_waivers")
        if mine is not None:
            unused = list(mine) if unused is None else [w for w in unused if w in mine]
    extra = {
        "files": [{"source": pair.source, "target": pair.target, "score": r.score,
                   "findings": len(r.findings), "waived": len(r.waived), "report": r} for pair, r in results],
        "baselined": tuple(f for _, r in results for f in r.extra.get("baselined", ())),
    }
    if unused is not None:
        extra["unused_waivers"] = unused
    return Report(document=document, findings=findings, score=dataclasses.replace(total, passed=passed),
                  rules=results[0][1].rules if results else tuple(prepared.rules),
                  waived=tuple(f for _, r in results for f in r.waived), extra=extra)


def check_directories(source_dir: str, target_dir: str, prepared, *, pattern: str | None = None,
                      quiet: bool = False, warn=None, read=None) -> Report:
    """Pair the directories, check every pair, merge. `warn(message)` receives unpaired-file notes."""
    from transqa.pipeline import check as run_check
    from transqa.readers import read_document

    read = read or (lambda pair: read_document([pair.source, pair.target]))
    pairing = pair_directories(source_dir, target_dir, pattern)
    if warn is not None:
        for path in pairing.unpaired_sources:
            warn(f"{path}: no matching target file; not checked")
        for path in pairing.unpaired_targets:
            warn(f"{path}: no matching source file; not checked")
    if not pairing.pairs:
        hint = "" if pattern else " (pair files by name with --pair 'SRC_GLOB:TGT_GLOB')"
        raise TransqaError(f"no file pairs found in {source_dir} and {target_dir}{hint}")
    paths = [p for pair in pairing.pairs for p in (pair.source, pair.target)]
    progress = Progress(len(pairing.pairs), "Checking", wants_progress(paths, quiet))
    results = []
    try:
        for pair in pairing.pairs:
            progress.describe(f"Checking {Path(pair.target).name}")
            results.append((pair, run_check(read(pair), prepared)))
            progress.advance()
    finally:
        progress.close()
    inputs = {"format": "batch", "formats": sorted({str(r.document.inputs.get("format")) for _, r in results}),
              "source": source_dir, "target": target_dir, "pattern": pattern,
              "pairs": [{"source": p.source, "target": p.target} for p in pairing.pairs],
              "unpaired": pairing.unpaired_sources + pairing.unpaired_targets}
    return merge_reports(results, prepared, inputs)


def render_terminal(report: Report, *, color: bool = False) -> str:
    """The terminal report of a batch run: each file's own report, then a per-file table and the total."""
    from transqa.reporters.terminal_report import render, summary_line

    out = []
    for item in report.extra["files"]:
        if item["report"].findings:
            out.append(f"== {item['source']} → {item['target']}")
            out.append(render(item["report"], color=color).rstrip("\n"))
            out.append("")
    width = max(len(item["target"]) for item in report.extra["files"])
    for item in report.extra["files"]:
        s = item["score"]
        out.append(f"{item['target']:<{width}}  {s.score:6.2f}  {'passed' if s.passed else 'FAILED'}  "
                   f"{item['findings']} finding(s)")
    out.append("")
    out.append("Total: " + summary_line(report, color))
    return "\n".join(out) + "\n"
