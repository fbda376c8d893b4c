"""Writing report files: atomically (temporary file in the same folder, then rename), never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from transqa.errors import TransqaError


def refuse_inputs(path: str | Path, inputs) -> None:
    """One-line error if `path` names one of `inputs` (same file by any spelling, link or hard link)."""
    target = Path(path)
    for item in inputs:
        if item is None:
            continue
        try:
            if Path(item).exists() and target.exists() and os.path.samefile(item, target):
                raise TransqaError("output path is one of the input files; refusing to overwrite it",
                                   path=str(path))
        except OSError:
            pass
        if Path(item).resolve() == target.resolve():
            raise TransqaError("output path is one of the input files; refusing to overwrite it", path=str(path))


def write_atomic(path: str | Path, text: str | Iterable[str], *, inputs: list[str] = ()) -> None:
    """Write `text` (a string, or its pieces, e.g. a reporter's `chunks`: written as they come, never
    joined) to a temporary file beside `path`, then rename it over `path`. If anything fails, the
    pieces included, `path` is left as it was and the temporary file is removed."""
    target = Path(path)
    refuse_inputs(path, inputs)
    if target.is_dir():
        raise TransqaError("output path is a directory", path=str(path))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TransqaError("output folder does not exist", path=str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TransqaError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                for piece in text:
                    handle.write(piece)
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except BaseException as exc:  # never leave the temporary file behind, whatever went wrong
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise TransqaError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
        raise


def _file_mode(target: Path) -> int:
    """Keep an existing report's permissions; a new one gets the usual 0o666 minus the umask (not 0o600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
