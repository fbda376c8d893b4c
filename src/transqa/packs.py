"""Load and validate rule packs (YAML under `rules/`) into `Rule`s.

A pack is `{pack: NAME, description: ..., rules: [...]}`. Each rule has fixed header keys (below);
every other key is an option of its check type and is validated against that type's defaults.
"""

from __future__ import annotations

import functools
import os
import re
import string
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from transqa import pack_cache
from transqa.checks import CheckType, registry
from transqa.errors import TransqaError
from transqa.model import MQM_DIMENSIONS, SEVERITIES, Rule
from transqa.yamlio import line_of, load_yaml_file

HEADER_KEYS = ("code", "name", "check", "category", "severity", "message", "description", "examples",
               "enabled")
REQUIRED_KEYS = ("code", "name", "check", "category", "severity", "message")
PACK_KEYS = ("pack", "description", "rules")
CODE_RE = re.compile(r"^[A-Z]{2,6}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def rules_dir() -> Path:
    """The shipped `rules/` folder: inside the installed package, or at the repo root in a checkout."""
    packaged = Path(str(resources.files("transqa"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def default_pack_paths() -> list[Path]:
    return sorted(rules_dir().glob("*.yaml"))


def default_glossary_paths() -> list[Path]:
    return sorted((rules_dir() / "glossaries").glob("*.yaml"))


def _type_ok(default: Any, value: Any) -> bool:
    if default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def validate_options(check: CheckType, options: dict[str, Any], where: str) -> dict[str, Any]:
    """Defaults of the check type overlaid with `options`; unknown keys and wrong types are errors."""
    merged = dict(check.options)
    for key, value in options.items():
        if key not in check.options:
            known = ", ".join(sorted(check.options)) or "none"
            raise TransqaError(f"{where}: unknown option {key!r} for check type {check.name!r} "
                               f"(options: {known})")
        if not _type_ok(check.options[key], value):
            expected = type(check.options[key]).__name__
            raise TransqaError(f"{where}: option {key!r} must be {expected}, got {type(value).__name__}")
        merged[key] = value
    if check.validate is not None:
        try:
            check.validate(merged)
        except (ValueError, TypeError) as exc:
            raise TransqaError(f"{where}: {exc}") from None
    return merged


def message_fields(message: str) -> set[str]:
    try:
        return {name.split(".")[0].split("[")[0]
                for _, name, _, _ in string.Formatter().parse(message) if name}
    except ValueError as exc:
        raise ValueError(f"bad message template: {exc}") from None


def _rule_from_yaml(raw: Any, path: str, pack: str, checks: dict[str, CheckType]) -> Rule:
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise TransqaError("each rule must be a mapping", path=path, line=line)
    label = f"rule {raw.get('code') or raw.get('name') or '?'}"

    def fail(msg: str) -> TransqaError:
        return TransqaError(f"{label}: {msg}", path=path, line=line)

    for key in REQUIRED_KEYS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"missing or empty {key!r}")
    if not CODE_RE.match(raw["code"]):
        raise fail(f"code {raw['code']!r} must be 2-6 capitals and 3 digits, like TERM001")
    if not NAME_RE.match(raw["name"]):
        raise fail(f"name {raw['name']!r} must be kebab-case, like number-missing")
    if raw["check"] not in checks:
        raise fail(f"unknown check type {raw['check']!r} (known: {', '.join(sorted(checks))})")
    if raw["severity"] not in SEVERITIES:
        raise fail(f"severity {raw['severity']!r} must be one of {', '.join(SEVERITIES)}")
    if raw["category"].split("/")[0] not in MQM_DIMENSIONS:
        raise fail(f"category {raw['category']!r} must start with one of {', '.join(MQM_DIMENSIONS)}")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("'enabled' must be true or false")
    check = checks[raw["check"]]
    try:
        unknown = message_fields(raw["message"]) - check.placeholders
    except ValueError as exc:
        raise fail(str(exc)) from None
    if unknown:
        raise fail(f"message placeholder {{{sorted(unknown)[0]}}} is not provided by check type "
                   f"{check.name!r} (available: {', '.join(sorted(check.placeholders))})")
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fire", "pass"}:
        raise fail("'examples' must be a mapping with 'fire' and/or 'pass' lists")
    options = {k: v for k, v in raw.items() if k not in HEADER_KEYS}
    try:
        options = validate_options(check, options, label)
    except TransqaError as exc:
        raise TransqaError(exc.message, path=path, line=line) from None
    return Rule(code=raw["code"], name=raw["name"], check=raw["check"], category=raw["category"],
                severity=raw["severity"], message=raw["message"],
                description=str(raw.get("description", "")).strip(), enabled=enabled,
                options=options, examples=examples, pack=pack)


def load_pack(path: str | Path, checks: dict[str, CheckType] | None = None) -> list[Rule]:
    """The rules of one pack; a shipped pack comes from the on-disk cache when it is unchanged."""
    checks = checks if checks is not None else registry()
    raw = _shipped_bytes(path)
    if raw is not None:
        cached = pack_cache.read(Path(path), raw, checks)
        if cached is not None:
            return cached
    rules = _load_pack(path, checks)
    if raw is not None and _shipped_bytes(path) == raw:  # not changed while it was being read
        pack_cache.write(Path(path), raw, checks, rules)
    return rules


def _shipped_bytes(path: str | Path) -> bytes | None:
    """The contents of `path` if it is one of the shipped packs (in rules_dir()), else None."""
    if os.path.dirname(os.path.abspath(path)) != _rules_dir_str():
        return None
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


@functools.lru_cache(maxsize=1)
def _rules_dir_str() -> str:
    return os.path.abspath(rules_dir())


def _load_pack(path: str | Path, checks: dict[str, CheckType]) -> list[Rule]:
    data = load_yaml_file(path)
    spath = str(path)
    if not isinstance(data, dict):
        raise TransqaError("a rule pack must be a mapping with a 'rules' list", path=spath)
    unknown = set(data) - set(PACK_KEYS)
    if unknown:
        raise TransqaError(f"unknown key {sorted(unknown)[0]!r} (pack keys: {', '.join(PACK_KEYS)})",
                           path=spath, line=line_of(data))
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise TransqaError("'rules' must be a list", path=spath, line=line_of(data))
    pack = str(data.get("pack") or Path(path).stem)
    return [_rule_from_yaml(raw, spath, pack, checks) for raw in rules]


def load_packs(paths: Iterable[str | Path]) -> list[Rule]:
    """Load packs in order; a code or name defined twice is an error naming both packs."""
    checks = registry()
    seen: dict[str, Rule] = {}
    out: list[Rule] = []
    for path in paths:
        for rule in load_pack(path, checks):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise TransqaError(f"rule {rule.code}: duplicate {'code' if key == rule.code else 'name'}"
                                       f" {key!r} (already defined in pack {seen[key].pack!r})", path=str(path))
                seen[key] = rule
            out.append(rule)
    return out
