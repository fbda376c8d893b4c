"""On-disk cache of the shipped rule packs, validated, keyed by content hash.

Every `transqa check` loads the packs under `rules/`: YAML parsing plus validation (which compiles
each user pattern to report a bad one with its file and line) costs tens of milliseconds on every
run, for files that change only with transqa itself. A pack that loaded without error is stored as
JSON; the next run with the same pack bytes, the same transqa code (the source of the pack loader,
the pattern module and every check module, the versions of transqa, `regex` and PyYAML) and the same
check types reads its rules back instead. Anything that could fail is never skipped: a pack that
fails to load is not written, and a changed one misses the cache and is loaded (and validated) again.

Only shipped packs are cached, one file per pack and installation, overwritten when its key changes:
the cache stays a few small files (user packs are read as before). Options and examples must survive JSON
exactly (str, int, float, bool, None, lists, string-keyed mappings); a pack with anything else is
not cached. A cache file of the wrong shape is ignored. Location and switch: see glossary_cache
(TRANSQA_CACHE_DIR="" turns caching off).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from transqa.glossary_cache import cache_dir, store
from transqa.model import Rule

_FORMAT = "transqa-pack-cache-1"
_STRINGS = ("code", "name", "check", "category", "severity", "message", "description", "pack")
_FIELDS = tuple(f.name for f in dataclasses.fields(Rule))  # all of them are stored
_LOADER_MODULES = ("transqa.packs", "transqa.yamlio", "transqa.model", "transqa.userpatterns", "transqa.errors")


@lru_cache(maxsize=1)
def _code_stamp() -> bytes:
    import regex
    import yaml

    from transqa import __version__
    from transqa.checks import CHECK_MODULES

    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{regex.__version__}\0{yaml.__version__}\0".encode())
    for name in (*_LOADER_MODULES, "transqa.checks.base", *CHECK_MODULES):
        module = sys.modules.get(name)
        digest.update(name.encode() + b"\0")
        digest.update(Path(module.__file__).read_bytes() if module is not None and module.__file__ else b"-")
    return digest.digest()


def _checks_stamp(checks) -> bytes:
    """The check types as registered now (a test or plug-in may register more)."""
    parts = [f"{c.name}\0{c.scope}\0{c.options!r}\0{sorted(c.placeholders)}\0"
             f"{getattr(c.validate, '__module__', '')}.{getattr(c.validate, '__qualname__', '')}"
             for c in sorted(checks.values(), key=lambda c: c.name)]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).digest()


def _key(path: Path, raw: bytes, checks) -> str:
    digest = hashlib.sha256(_code_stamp() + _checks_stamp(checks))
    digest.update(path.stem.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


def _cache_file(path: Path) -> Path | None:
    """One file per pack and rules folder (two installations do not overwrite each other's)."""
    folder = cache_dir()
    if folder is None:
        return None
    where = hashlib.sha256(os.path.abspath(path.parent).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return folder / f"pack-{path.stem}-{where}.json"


def _plain(value) -> bool:
    """Survives a JSON round trip unchanged (a mapping may be a dict subclass such as yamlio's LineDict)."""
    if value is None or type(value) in (str, int, bool):
        return True
    if type(value) is float:
        return value == value and value not in (float("inf"), float("-inf"))
    if type(value) is list:
        return all(map(_plain, value))
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False


def read(path: Path, raw: bytes, checks) -> list[Rule] | None:
    """The rules of shipped pack `path` (contents `raw`) from the cache, or None."""
    cached = _cache_file(path)
    if cached is None:
        return None
    try:
        data = json.loads(cached.read_bytes())
        if type(data) is not dict or data.get("key") != _key(path, raw, checks) or type(data.get("rules")) is not list:
            return None
        rules = []
        for item in data["rules"]:
            if type(item) is not dict or set(item) != set(_FIELDS) or not all(type(item[k]) is str for k in _STRINGS) \
                    or type(item["enabled"]) is not bool or type(item["options"]) is not dict \
                    or type(item["examples"]) is not dict or item["check"] not in checks:
                return None
            rules.append(Rule(**item))
        return rules
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(path: Path, raw: bytes, checks, rules: list[Rule]) -> None:
    """Store the rules of a shipped pack that loaded without error; errors are ignored."""
    cached = _cache_file(path)
    items = [{k: getattr(r, k) for k in _FIELDS} for r in rules]
    if cached is None or not _plain(items):
        return
    try:
        text = json.dumps({"key": _key(path, raw, checks), "rules": items}, ensure_ascii=False,
                          separators=(",", ":"))
    except ValueError:
        return
    store(cached, text)
