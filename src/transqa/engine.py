"""Run enabled rules over a Document and turn their Hits into sorted, fingerprinted Findings."""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from transqa.checks import Context, registry
from transqa.config import Waiver
from transqa.errors import TransqaError
from transqa.model import Document, Finding, Hit, Rule, Segment

CHUNK_SEGMENTS = 2_000  # segment-scope rules run chunk by chunk: per-chunk state stays small
_SIDE_ORDER = {"source": 0, "target": 1}
Keyed = list[tuple[tuple, Finding]]


class _Args(dict):
    def __missing__(self, key: str) -> str:  # a placeholder a check did not fill stays visible
        return "{" + key + "}"


@functools.lru_cache(maxsize=1024)
def _fingerprint_prefix(code: str, source: str):
    """sha1 fed with "code<US>source<US>": hashed once per rule and segment, not once per finding."""
    return hashlib.sha1(f"{code}\x1f{source.strip()}\x1f".encode("utf-8"))


def fingerprint(code: str, segment: Segment, side: str, match: str, ordinal: int) -> str:
    """Stable across unrelated edits: code, the segment's source text, side, match and its ordinal.

    The digest of "code<US>source<US>side<US>match<US>ordinal" (US = \\x1f), computed incrementally.
    """
    digest = _fingerprint_prefix(code, segment.source).copy()
    digest.update(f"{side}\x1f{match}\x1f{ordinal}".encode("utf-8"))
    return digest.hexdigest()[:16]


def _finding(rule: Rule, segment: Segment, hit: Hit, ordinal: int) -> Finding:
    text = segment.text(hit.side)
    if not 0 <= hit.start <= hit.end <= len(text):
        raise RuntimeError(f"check {rule.check} returned span {hit.start}:{hit.end} outside the "
                           f"{hit.side} of segment {segment.id} ({len(text)} code points)")
    match = text[hit.start:hit.end]
    message = rule.message.format_map(_Args(hit.args, match=match))
    return Finding(code=rule.code, name=rule.name, category=rule.category, severity=rule.severity,
                   segment=segment.id, side=hit.side, start=hit.start, end=hit.end, match=match,
                   message=message, suggestion=hit.suggestion,
                   fingerprint=fingerprint(rule.code, segment, hit.side, match, ordinal),
                   location=segment.location(hit.side))


def collect_records(rule: Rule, segments: Sequence[Segment], context: Context, offset: int = 0) -> list:
    """The map step of a document-scope rule over one chunk (`offset` = index of its first segment)."""
    collect, options = registry()[rule.check].run.collect, rule.options
    return [record for i, segment in enumerate(segments, offset)
            for record in collect(i, segment, options, context)]


def finish_records(rule: Rule, records: list, context: Context,
                   segments: Sequence[Segment] | None = None) -> list[tuple[int, Hit]]:
    """The final step of a document-scope rule over the merged (concatenated) records; `segments` (the
    document's) go to a check that reads its candidates' texts in finish (`reads_segments`, checks/base.py)."""
    run = registry()[rule.check].run
    more = ()
    if getattr(run, "reads_segments", False):
        if segments is None:
            raise RuntimeError(f"document check {rule.check} reads the segments in finish: pass them")
        more = (segments,)
    out = []
    for hit in run.finish(records, rule.options, context, *more):
        if hit.segment is None:
            raise RuntimeError(f"document check {rule.check} returned a hit without a segment index")
        out.append((hit.segment, hit))
    return out


@dataclass
class ChunkResult:
    """What one chunk of segments produces: segment-scope hits and document-scope records, per rule.

    Merging chunk results is concatenation in document order (`merge_chunks`), so chunks can be
    processed by worker processes, dask or Spark and merged anywhere.
    """

    offset: int
    hits: dict[str, list[tuple[int, Hit]]] = field(default_factory=dict)
    records: dict[str, list] = field(default_factory=dict)


def map_chunk(segments: Sequence[Segment], offset: int, rules: Sequence[Rule], context: Context) -> ChunkResult:
    """Run every rule over one chunk; `offset` is the document index of the chunk's first segment."""
    checks = registry()
    result = ChunkResult(offset)
    for rule in rules:
        check = checks[rule.check]
        current: Segment | None = None
        try:
            if check.scope == "document":
                result.records[rule.code] = collect_records(rule, segments, context, offset)
                continue
            run, options = check.run, rule.options
            hits = result.hits[rule.code] = []
            append = hits.append
            for index, current in enumerate(segments, offset):
                for hit in run(current, options, context):  # no generator expression per segment
                    append((index, hit))
        except TransqaError as exc:  # bad user input met while checking (a runaway pattern): name the rule
            where = current.target_location if current is not None and exc.path is None else None
            raise type(exc)(f"rule {rule.code}: {exc.message}",
                            path=where.file if where else exc.path,
                            line=where.line if where else exc.line) from None
    return result


def merge_chunks(results: Iterable[ChunkResult]) -> ChunkResult:
    """Concatenate chunk results in document order (associative: merge partial merges freely)."""
    ordered = sorted(results, key=lambda r: r.offset)
    merged = ChunkResult(ordered[0].offset if ordered else 0)
    for result in ordered:
        for table, into in ((result.hits, merged.hits), (result.records, merged.records)):
            for code, items in table.items():
                into.setdefault(code, []).extend(items)
    return merged


def _keyed_findings(rule: Rule, position: int, hits: Iterable[tuple[int, Hit]],
                    segments: Sequence[Segment]) -> Keyed:
    """One rule's hits -> (sort key, Finding); the ordinal counts equal matches within one segment side."""
    seen: dict[tuple[int, str, str], int] = {}
    out = []
    for index, hit in hits:
        segment = segments[index]
        slot = (index, hit.side, segment.text(hit.side)[hit.start:hit.end])
        ordinal = seen[slot] = seen.get(slot, -1) + 1
        out.append(((index, _SIDE_ORDER[hit.side], hit.start, hit.end, rule.code, position),
                    _finding(rule, segment, hit, ordinal)))
    return out


def _sorted(keyed: Keyed) -> list[Finding]:
    keyed.sort(key=lambda kv: kv[0])  # stable: equal keys keep the order of the rule's hits
    return [finding for _, finding in keyed]


def finish(merged: ChunkResult, segments: Sequence[Segment], rules: Sequence[Rule],
           context: Context) -> list[Finding]:
    """Document-scope hits from the merged records, then all hits -> findings in document order."""
    checks = registry()
    keyed: Keyed = []
    for position, rule in enumerate(rules):
        if checks[rule.check].scope == "document":
            hits = finish_records(rule, merged.records.get(rule.code, []), context, segments)
        else:
            hits = merged.hits.get(rule.code, [])
        keyed += _keyed_findings(rule, position, hits, segments)
    return _sorted(keyed)


class _InProcess:
    """The map steps run in this process: segment rules chunk by chunk, document rules one at a time."""

    def __init__(self, segments: Sequence[Segment], context: Context):
        self.segments, self.context = segments, context

    def segment_chunks(self, rules: Sequence[Rule]) -> Iterator[ChunkResult]:
        for start in range(0, len(self.segments), CHUNK_SEGMENTS):
            yield map_chunk(self.segments[start:start + CHUNK_SEGMENTS], start, rules, self.context)

    def document_hits(self, rules: Sequence[Rule]) -> Iterator[list[tuple[int, Hit]]]:
        """Each document rule collected and finished (its records dropped before the next rule's), except
        that a rule with the same `collect_key` as the rule before it finishes that rule's records."""
        shared, records = None, None
        for rule in rules:
            key = collect_key(rule)
            if key is None or key != shared:
                records = None  # dropped before the next rule collects
                records = map_chunk(self.segments, 0, [rule], self.context).records[rule.code]
            shared = key
            yield finish_records(rule, records, self.context, self.segments)


def collect_key(rule: Rule) -> tuple | None:
    """Rules with equal keys collect equal records: same check, same values of the options its collect
    reads (the check class lists them in `collect_options`, e.g. LEN001/LEN002); None: never shared."""
    names = getattr(registry()[rule.check].run, "collect_options", None)
    return None if names is None else (rule.check, repr([rule.options[name] for name in names]))


def run_rules(document: Document, rules: Sequence[Rule], context: Context, jobs: int = 1) -> list[Finding]:
    """All findings of `rules` on `document`, in document order (segment, side, offset, code).

    Segment-scope rules run over chunks of CHUNK_SEGMENTS segments and their hits become findings chunk
    by chunk; each document-scope rule collects its records, finishes and drops them before the next
    one starts, so only one rule's records are alive at a time. With `jobs` > 1 the map steps run in
    worker processes (transqa.parallel); the findings are identical to a single-process run.
    """
    segments = document.segments
    checks = registry()
    segment_rules = [(i, r) for i, r in enumerate(rules) if checks[r.check].scope != "document"]
    document_rules = [(i, r) for i, r in enumerate(rules) if checks[r.check].scope == "document"]
    if jobs > 1 and len(segments) > 1:
        from transqa.parallel import in_processes

        mapper = in_processes(segments, rules, context, jobs)
    else:
        mapper = contextlib.nullcontext(_InProcess(segments, context))
    keyed: Keyed = []
    with mapper as steps:
        for chunk in steps.segment_chunks([r for _, r in segment_rules]):
            for position, rule in segment_rules:
                keyed += _keyed_findings(rule, position, chunk.hits.get(rule.code, ()), segments)
        hits_of = steps.document_hits([r for _, r in document_rules])  # with --jobs: finished in workers
        for position, rule in document_rules:
            keyed += _keyed_findings(rule, position, next(hits_of), segments)
    return _sorted(keyed)


def apply_waivers(findings: list[Finding], waivers: Sequence[Waiver]) -> tuple[list[Finding], list[Finding]]:
    """Split findings into (kept, waived); a waiver matches on code and fingerprint."""
    waived_keys = {(w.code, w.fingerprint) for w in waivers}
    kept = [f for f in findings if (f.code, f.fingerprint) not in waived_keys]
    waived = [f for f in findings if (f.code, f.fingerprint) in waived_keys]
    return kept, waived
