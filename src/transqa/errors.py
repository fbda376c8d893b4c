"""The one exception type the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class TransqaError(Exception):
    """A usage, config or input error: shown as one line naming file, line and problem."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return where + self.message
