"""On-disk cache of large parsed glossaries, keyed by content hash.

libyaml plus validation takes about 9 s of CPU for a 100,000-entry YAML glossary; the same terms
read back from a JSON cache file take well under a second. Only files of at least CACHE_MIN_BYTES are
cached (small ones load in milliseconds). The key hashes the file's bytes, its path as given (terms
remember it), the transqa version and the source of the loader modules, so any change to any of them
misses the cache. Only glossaries that loaded without error are written, so a hit skips nothing
that could fail. The cache is plain JSON (never pickle): a tampered file can only yield wrong terms
of the right shape, and a malformed one is ignored.

Location: $TRANSQA_CACHE_DIR, else $XDG_CACHE_HOME/transqa, else ~/.cache/transqa.
TRANSQA_CACHE_DIR="" (empty) turns the cache off. Failing to write it is silently ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

CACHE_MIN_BYTES = 256 * 1024
_FORMAT = "transqa-glossary-cache-1"
_FIELDS = ("source", "target", "forbidden", "kind", "note", "ref", "line", "consistent")


def cache_dir() -> Path | None:
    configured = os.environ.get("TRANSQA_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "transqa"


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


def read(cached: Path):
    """(name, [rows of _FIELDS]) from a cache file, or None when missing or unreadable."""
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return None
        rows = data["terms"]
        if not all(type(row) is list and len(row) == len(_FIELDS) for row in rows):
            return None
        return data["name"], rows
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(cached: Path, name: str, terms) -> None:
    rows = [[getattr(term, field) for field in _FIELDS] for term in terms]
    text = json.dumps({"format": _FORMAT, "name": name, "terms": rows}, ensure_ascii=False)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass
