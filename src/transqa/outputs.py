"""Writing report files: atomically (temporary file in the same folder, then rename), never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from transqa.errors import TransqaError


def write_atomic(path: str | Path, text: str, *, inputs: list[str] = ()) -> None:
    target = Path(path)
    for item in inputs:
        try:
            if Path(item).exists() and target.exists() and os.path.samefile(item, target):
                raise TransqaError("output path is one of the input files; refusing to overwrite it",
                                   path=str(path))
        except OSError:
            pass
        if Path(item).resolve() == target.resolve():
            raise TransqaError("output path is one of the input files; refusing to overwrite it", path=str(path))
    if target.is_dir():
        raise TransqaError("output path is a directory", path=str(path))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TransqaError("output folder does not exist", path=str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)  # noqa: F821 - defined when mkstemp succeeded
        except (OSError, NameError):
            pass
        raise TransqaError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
