"""Project configuration: `.transqa.yaml` discovery, `extends`, merging, per-rule overrides, waivers.

Merge order, lowest first: the rule as written in its pack, configs named by `extends` (in order),
the project file, then CLI flags.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transqa.checks import registry
from transqa.errors import TransqaError
from transqa.model import SEVERITIES, Rule
from transqa.packs import validate_options
from transqa.yamlio import line_of, load_yaml_file

CONFIG_NAME = ".transqa.yaml"
CONFIG_KEYS = ("extends", "packs", "glossaries", "default_glossaries", "rules", "scoring", "fail_on",
               "waivers")
SCORING_KEYS = ("weights", "threshold", "pass_score")
OVERRIDE_HEADER = ("severity", "enabled", "category", "message")
DEFAULT_WEIGHTS = {"info": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}


@dataclass(frozen=True)
class Waiver:
    code: str
    fingerprint: str
    reason: str


@dataclass
class Config:
    path: str | None = None
    packs: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)
    default_glossaries: bool = True
    rules: dict[str, Any] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    threshold: float = 95.0
    fail_on: str | None = "critical"
    waivers: list[Waiver] = field(default_factory=list)
    rule_lines: dict[str, tuple[str, int | None]] = field(default_factory=dict)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest `.transqa.yaml` in `start` (default: the working directory) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: str | Path | None, *, discover: bool = True) -> Config:
    """Load `path` (or the discovered project file) with everything it extends; defaults if none."""
    if path is None and discover:
        path = find_config()
    config = Config()
    if path is not None:
        _merge_file(config, Path(path), seen=())
    return config


def _merge_file(config: Config, path: Path, seen: tuple[Path, ...]) -> None:
    resolved = path.resolve()
    if resolved in seen:
        raise TransqaError("'extends' forms a cycle", path=str(path))
    data = load_yaml_file(path)
    spath = str(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise TransqaError("config must be a mapping", path=spath)

    def fail(msg: str, node: Any = data) -> TransqaError:
        return TransqaError(msg, path=spath, line=line_of(node) or line_of(data))

    unknown = set(data) - set(CONFIG_KEYS)
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r} (config keys: {', '.join(CONFIG_KEYS)})")
    extends = data.get("extends", [])
    for parent in [extends] if isinstance(extends, str) else extends or []:
        if not isinstance(parent, str):
            raise fail("'extends' must be a path or a list of paths")
        if parent != "default":
            _merge_file(config, path.parent / parent, seen + (resolved,))
    config.path = spath
    for key in ("packs", "glossaries"):
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise fail(f"{key!r} must be a list of paths")
        getattr(config, key).extend(str(path.parent / i) for i in items)
    if "default_glossaries" in data:
        if not isinstance(data["default_glossaries"], bool):
            raise fail("'default_glossaries' must be true or false")
        config.default_glossaries = data["default_glossaries"]
    rules = data.get("rules", {}) or {}
    if not isinstance(rules, dict):
        raise fail("'rules' must be a mapping of rule code or name to an override")
    for key, value in rules.items():
        config.rules[str(key)] = _merge_override(config.rules.get(str(key)), value, fail, key, rules)
        config.rule_lines[str(key)] = (spath, line_of(value) or line_of(rules))
    _merge_scoring(config, data.get("scoring"), fail)
    if "fail_on" in data:
        fail_on = data["fail_on"]
        if fail_on not in (*SEVERITIES, None, "none"):
            raise fail(f"'fail_on' must be one of {', '.join(SEVERITIES)} or none")
        config.fail_on = None if fail_on in (None, "none") else fail_on
    for raw in data.get("waivers", []) or []:
        if not isinstance(raw, dict) or set(raw) - {"code", "fingerprint", "reason"}:
            raise fail("each waiver is {code, fingerprint, reason}", raw)
        if isinstance(raw.get("fingerprint"), (int, float)):
            raise fail("waiver fingerprint must be a quoted string (YAML read it as a number): "
                       f"fingerprint: '{raw['fingerprint']}'", raw)
        if not all(isinstance(raw.get(k), str) and raw.get(k).strip() for k in ("code", "fingerprint", "reason")):
            raise fail("a waiver needs a code, a fingerprint and a non-empty reason", raw)
        config.waivers.append(Waiver(raw["code"], raw["fingerprint"], raw["reason"]))


def _merge_override(previous: Any, value: Any, fail, key: Any, node: Any) -> dict[str, Any]:
    if value in ("disable", False):
        value = {"enabled": False}
    elif value in ("enable", True):
        value = {"enabled": True}
    if not isinstance(value, dict):
        raise fail(f"rule {key}: override must be 'disable', 'enable' or a mapping", node)
    if "severity" in value and value["severity"] not in SEVERITIES:
        raise fail(f"rule {key}: severity {value['severity']!r} must be one of {', '.join(SEVERITIES)}", value)
    merged = dict(previous or {})
    merged.update(value)
    return merged


def _merge_scoring(config: Config, scoring: Any, fail) -> None:
    if scoring is None:
        return
    if not isinstance(scoring, dict) or set(scoring) - set(SCORING_KEYS):
        raise fail(f"'scoring' takes {', '.join(SCORING_KEYS)}", scoring)
    weights = scoring.get("weights", {})
    if not isinstance(weights, dict) or set(weights) - set(SEVERITIES):
        raise fail(f"'scoring.weights' maps {', '.join(SEVERITIES)} to numbers", scoring)
    for sev, weight in weights.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 <= weight < math.inf:
            raise fail(f"'scoring.weights.{sev}' must be a finite number >= 0", scoring)  # .nan/.inf: bad JSON
        config.weights[sev] = float(weight)
    for key in ("threshold", "pass_score"):
        if key in scoring:
            value = scoring[key]
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
                raise fail(f"'scoring.{key}' must be a number from 0 to 100", scoring)
            config.threshold = float(value)


def apply_overrides(rules: list[Rule], config: Config) -> list[Rule]:
    """Apply the config's per-rule overrides (by code or name); unknown rules or options are errors."""
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    changes: dict[str, dict[str, Any]] = {}
    for key, override in config.rules.items():
        path, line = config.rule_lines.get(key, (config.path, None))
        if key not in by_key:
            raise TransqaError(f"rules: unknown rule {key!r}", path=path, line=line)
        changes.setdefault(by_key[key].code, {}).update(override)
    checks = registry()
    out = []
    for rule in rules:
        override = changes.get(rule.code)
        if not override:
            out.append(rule)
            continue
        path, line = config.rule_lines.get(rule.code) or config.rule_lines.get(rule.name) or (config.path, None)
        header = {k: v for k, v in override.items() if k in OVERRIDE_HEADER}
        options = {k: v for k, v in override.items() if k not in OVERRIDE_HEADER}
        try:
            merged = validate_options(checks[rule.check], {**rule.options, **options}, f"rule {rule.code}")
        except TransqaError as exc:
            raise TransqaError(exc.message, path=path, line=line) from None
        out.append(dataclasses.replace(rule, options=merged, **header))
    return out


def select_rules(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    """Keep enabled rules matching `select` (code, name or code prefix) and not matching `ignore`.

    Naming a rule exactly (code or name) in `select` enables it even when its pack disables it;
    a prefix selects only the enabled rules under it.
    """

    def matches(rule: Rule, selector: str) -> bool:
        return selector in (rule.code, rule.name) or rule.code.startswith(selector.upper())

    for selector in [*select, *ignore]:
        if not any(matches(r, selector) for r in rules):
            raise TransqaError(f"unknown rule, code or prefix {selector!r} in --select/--ignore "
                               f"(see `transqa rules`)")
    chosen = []
    for rule in rules:
        if select:
            named = any(s in (rule.code, rule.name) for s in select)
            keep = named or (rule.enabled and any(matches(rule, s) for s in select))
        else:
            keep = rule.enabled
        if keep and not any(matches(rule, s) for s in ignore):
            chosen.append(rule)
    return chosen
