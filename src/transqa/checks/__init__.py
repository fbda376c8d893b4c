"""Check types, one module per family. Adding a family = one module here plus its rules and cases."""

from __future__ import annotations

import importlib

from transqa.checks.base import REGISTRY, CheckType, Context, check_type

CHECK_MODULES = (
    "transqa.checks.basic",
    "transqa.checks.spacing",
    "transqa.checks.punctuation",
    "transqa.checks.repetition",
    "transqa.checks.numbers",
    "transqa.checks.tags",
    "transqa.checks.alignment",
    "transqa.checks.terminology",
    "transqa.checks.consistency",
    "transqa.checks.names",
    "transqa.checks.existence",
    "transqa.checks.substitution",
    "transqa.checks.paired",
    "transqa.checks.conditional",
    "transqa.checks.capitalization_style",
    "transqa.checks.metric",
    "transqa.checks.variants",
    "transqa.checks.language",
    "transqa.checks.length",
    "transqa.checks.capitalization",
    "transqa.checks.reference",
    "transqa.checks.target_only",
)

__all__ = ["CheckType", "Context", "check_type", "registry"]


def registry() -> dict[str, CheckType]:
    """All check types, keyed by name (imports the check modules on first use)."""
    for module in CHECK_MODULES:
        importlib.import_module(module)
    return REGISTRY
