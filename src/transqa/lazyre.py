"""`re` patterns compiled on first use.

Compiling a character class with large Unicode ranges (Han, Hangul, Latin Extended) costs several
milliseconds in Python's `re` (it fills a table one code point at a time), so patterns that most runs
never reach (they sit behind a cheaper pre-scan, or serve a rarely used option) are compiled only
when first used; the CLI's start-up does not pay for them.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class LazyPattern:
    """Behaves like `re.compile(pattern, flags)`; compiles at the first attribute access."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:  # later calls find these directly, without __getattr__
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
