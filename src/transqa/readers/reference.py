"""A reference translation for `--reference FILE`, aligned like the target, attached to segment meta."""

from __future__ import annotations

from dataclasses import replace

from transqa.errors import TransqaError
from transqa.model import Document
from transqa.textio import read_text, split_lines


def attach_reference(document: Document, path: str, encoding: str | None = None) -> Document:
    """Each segment gets `meta["reference"]`.

    Line-aligned text pairs: line N of the reference belongs to the segment whose target is on line N
    (blank lines pair with blank lines, like the target file). Other inputs (tables, XLIFF, ...): line N
    is the reference of the N-th segment.
    """
    lines = split_lines(read_text(path, encoding).text)
    segments = document.segments
    if document.inputs.get("format") == "text-pair":
        target_lines = {s.target_location.line for s in segments}
        expected = max((line for line in target_lines if line), default=0)
        if len(lines) < expected:
            raise TransqaError(f"reference has {len(lines)} lines but the target has text on line {expected}; "
                               "the reference must be line-aligned with the target", path=path)
        extra = next((n for n, line in enumerate(lines[expected:], expected + 1) if line.strip()), None)
        if extra is not None:
            raise TransqaError(f"reference has text on line {extra}, after the target's last line of text "
                               f"({expected}); the reference must be line-aligned with the target", path=path,
                               line=extra)
        refs = [lines[s.target_location.line - 1] for s in segments]
    else:
        if len(lines) != len(segments):
            raise TransqaError(f"reference has {len(lines)} lines for {len(segments)} segments; give one "
                               "reference line per segment", path=path)
        refs = lines
    segments = tuple(replace(s, meta={**s.meta, "reference": ref}) for s, ref in zip(segments, refs))
    return replace(document, segments=segments, inputs={**document.inputs, "reference": path})
