"""On-disk cache of large parsed glossaries, keyed by content hash.

libyaml plus validation takes several seconds of CPU for a 100,000-entry YAML glossary (JSON about
one); the same entries read back from the cache take a small fraction of a second. Only files of at least
CACHE_MIN_BYTES are cached (small ones load in milliseconds). The key hashes the file's bytes, its
path's stem (the glossary's name when it gives none), the transqa version and the source of the loader
modules, so any change to any of them misses the cache. Only glossaries that loaded without error are
written, so a hit skips nothing that could fail.

The cache is plain JSON (never pickle), one array per column of the glossary's TermTable, so reading
it creates a few long lists rather than one object per entry (an entry's several sources or targets
are one string, joined with glossary.SEP). Every column is checked for type and length on reading: a
tampered file can only yield wrong entries of the right shape, and a malformed one is ignored (the
glossary is parsed again).

The compiled matching automaton of a large phrase set (terms.PhraseMatcher, from
AUTOMATON_MIN_CHARS characters: 100,000 Chinese terms take about 0.5 s to compile and 10 ms to read
back) is cached too, keyed by the exact pattern list and the automaton library's version; the file
carries a checksum of the serialized automaton, and anything that does not verify is compiled again.

The characters that the installed OpenCC's t2s conversion may change (t2s_changed_chars: texts
without one are not converted, see terms.to_simplified) are cached too, keyed by OpenCC's version
and its dictionaries' bytes.

Location: $TRANSQA_CACHE_DIR, else $XDG_CACHE_HOME/transqa, else ~/.cache/transqa.
TRANSQA_CACHE_DIR="" (empty) turns the cache off. Failing to write it is silently ignored.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from array import array
from functools import lru_cache
from pathlib import Path

CACHE_MIN_BYTES = 256 * 1024
_FORMAT = "transqa-glossary-cache-2"


def cache_dir() -> Path | None:
    configured = os.environ.get("TRANSQA_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "transqa"


def store(cached: Path, text: str) -> None:
    """Write a cache file atomically (outputs.write_atomic); a cache that cannot be written is skipped."""
    from transqa.errors import TransqaError
    from transqa.outputs import write_atomic

    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, text)
    except (OSError, ValueError, TransqaError):  # ValueError: text the encoder refuses
        pass


@lru_cache(maxsize=1)
def _code_stamp() -> bytes:
    from transqa import __version__, glossary, yamlio

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
    for module in (glossary, yamlio):
        digest.update(Path(module.__file__).read_bytes())
    return digest.digest()


def cache_path(path: str, raw: bytes) -> Path | None:
    """Where the parsed form of glossary file `path` with contents `raw` is (or would be) cached."""
    folder = cache_dir()
    if folder is None or len(raw) < CACHE_MIN_BYTES:
        return None
    digest = hashlib.sha256(_code_stamp())
    digest.update(Path(path).stem.encode("utf-8", "surrogatepass") + b"\0")  # the name when none is given
    digest.update(raw)
    return folder / f"glossary-{digest.hexdigest()[:32]}.json"


def _strs(values, n: int) -> bool:
    return type(values) is list and len(values) == n and set(map(type, values)) <= {str}


def _shared(column, n: int) -> list[str]:
    """{"values": [str...], "index": [int...]} -> one string per row, one object per distinct value."""
    values, index = column["values"], column["index"]
    if not _strs(values, len(values)) or type(index) is not list or len(index) != n or (index and min(index) < 0):
        raise ValueError("bad shared column")
    return list(map(values.__getitem__, index))


def _rows(values, n: int) -> frozenset:
    if type(values) is not list or not all(type(r) is int and 0 <= r < n for r in values):
        raise ValueError("bad row list")
    return frozenset(values)


def read(cached: Path, path: str):
    """The TermTable stored in a cache file (its terms naming `path`), or None when missing or unreadable."""
    from transqa.glossary import KINDS, TermTable

    try:
        data = json.loads(cached.read_bytes())
        if type(data) is not dict or data.get("format") != _FORMAT or type(data.get("name")) is not str:
            return None
        source, target, forbidden = data["source"], data["target"], data["forbidden"]
        n = len(source)
        if n == 0 or not (_strs(source, n) and _strs(target, n) and _strs(forbidden, n)) or "" in source \
                or "" in target:
            return None
        kind, line = bytes(data["kind"]), array("q", data["line"])
        if len(kind) != n or max(kind) >= len(KINDS) or len(line) != n:
            return None
        return TermTable(data["name"], path, source, target, forbidden=forbidden,
                         multi_source=_rows(data["multi_source"], n), kind=kind, note=_shared(data["note"], n),
                         ref=_shared(data["ref"], n), line=line, consistent=_rows(data["consistent"], n))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError):
        return None


def _shared_column(values: list[str]) -> dict:
    table: dict[str, int] = {}
    index = [table.setdefault(v, len(table)) for v in values]
    return {"values": list(table), "index": index}


def write(cached: Path, table) -> None:
    """Store a TermTable (see transqa.glossary) in `cached`, atomically; errors are ignored."""
    data = {"format": _FORMAT, "name": table.name, "source": table.source, "target": table.target,
            "forbidden": table.forbidden, "multi_source": sorted(table.multi_source), "kind": list(table.kind),
            "note": _shared_column(table.note), "ref": _shared_column(table.ref), "line": table.line.tolist(),
            "consistent": sorted(table.consistent)}
    store(cached, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


AUTOMATON_MIN_CHARS = 100_000
_AUTOMATON_FORMAT = "transqa-automaton-1"


def _automaton_path(patterns: list[str]) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    from importlib.metadata import version

    digest = hashlib.sha256(f"{_AUTOMATON_FORMAT}\0{version('daachorse')}\0".encode())
    digest.update("\0".join(patterns).encode("utf-8", "surrogatepass"))
    return folder / f"automaton-{digest.hexdigest()[:32]}.b64"


def automaton(patterns: list[str], build):
    """The daachorse automaton that `build()` makes for `patterns` (pattern ids = their positions),
    read from the cache when the same pattern list was compiled before; else built and stored."""
    if sum(map(len, patterns)) < AUTOMATON_MIN_CHARS:
        return build()
    import daachorse

    path = _automaton_path(patterns)
    if path is None:
        return build()
    try:
        raw = base64.b64decode(path.read_bytes(), validate=True)
        if hashlib.blake2b(raw[16:], digest_size=16).digest() == raw[:16]:
            return daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(raw[16:])
    except (OSError, ValueError, binascii.Error):
        pass
    made = build()
    data = made.serialize()
    store(path, base64.b64encode(hashlib.blake2b(data, digest_size=16).digest() + data).decode("ascii"))
    return made


_T2S_FORMAT = "transqa-t2s-changed-1"


def _opencc_dicts(share: Path, config: str) -> list[Path] | None:
    """The .ocd2 dictionaries an OpenCC config reads (normalization and conversion chain, groups
    included), or None when the config uses anything else."""
    found: list[Path] = []

    def walk(node) -> bool:
        if node.get("type") == "group":
            return all(walk(d) for d in node.get("dicts", ()))
        if node.get("type") != "ocd2" or type(node.get("file")) is not str:
            return False
        found.append(share / node["file"])
        return True

    data = json.loads((share / config).read_text(encoding="utf-8"))
    stages = [*data.get("normalization", ()), *data.get("conversion_chain", ())]
    return found if all(walk(stage.get("dict", {})) for stage in stages) else None


def _changed(exported: str) -> set[str]:
    """The characters of a dictionary in OpenCC's text format ('key<TAB>value value...') that a
    conversion can change: those where a value differs from its key, or every character of a key
    with a value of another length (or a line that does not parse)."""
    out: set[str] = set()
    for line in exported.splitlines():
        key, tab, values = line.partition("\t")
        if not tab or not values:
            out.update(line)
            continue
        for value in values.split(" "):
            if len(value) != len(key):
                out.update(key)
            else:
                out.update(k for k, v in zip(key, value) if k != v)
    return out


def t2s_changed_chars(compute: bool = True) -> str | None:
    """Every character that the installed OpenCC's t2s conversion may change, sorted; None when it
    cannot be told (an OpenCC without its bundled dictionary tool, an unexpected config), or when
    it is not cached and not `compute`.

    A text with none of them converts to itself: each dictionary key that can match in it has
    only unchanged characters, so its value is the key (see `_changed`). The set is read from
    the dictionaries of the installed OpenCC with its own `opencc_dict` tool, once, and cached
    keyed by OpenCC's version and the bytes of the config and its dictionaries (a file that does
    not match its checksum is computed again)."""
    import subprocess
    import tempfile

    try:
        import opencc

        root = Path(opencc.__file__).resolve().parent / "clib"
        share, tool = root / "share" / "opencc", root / "bin" / "opencc_dict"
        dicts = _opencc_dicts(share, "t2s.json")
        if dicts is None or not tool.is_file():
            return None
        digest = hashlib.sha256(f"{_T2S_FORMAT}\0{opencc.__version__}\0".encode())
        digest.update((share / "t2s.json").read_bytes())
        for path in dicts:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        folder = cache_dir()
        cached = folder / f"t2s-changed-{digest.hexdigest()[:32]}.txt" if folder else None
        if cached is not None:
            try:
                head, chars = cached.read_text(encoding="utf-8").split("\n", 1)
                if head == f"{_T2S_FORMAT} {_checksum(chars)}":
                    return chars
            except (OSError, UnicodeDecodeError, ValueError):
                pass
        if not compute:
            return None
        changed: set[str] = set()
        with tempfile.TemporaryDirectory() as tmp:
            for path in dicts:
                out = Path(tmp) / (path.stem + ".txt")
                subprocess.run([str(tool), "-i", str(path), "-o", str(out), "-f", "ocd2", "-t", "text"],
                               check=True, capture_output=True, timeout=60)
                changed |= _changed(out.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError, UnicodeDecodeError,
            subprocess.SubprocessError):
        return None
    chars = "".join(sorted(changed))
    if cached is not None:
        store(cached, f"{_T2S_FORMAT} {_checksum(chars)}\n{chars}")
    return chars


def _checksum(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
