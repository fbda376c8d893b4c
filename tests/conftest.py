import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def pytest_sessionfinish(session, exitstatus):
    # "No tests collected" must fail CI, never pass silently.
    if session.testscollected == 0 and exitstatus == 5:
        session.exitstatus = 1


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """Run the real console entry point in-process; returns (exit code, stdout, stderr)."""
    from transqa import cli

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["transqa", *args])
        monkeypatch.setenv("NO_COLOR", "1")
        with pytest.raises(SystemExit) as exc:
            cli.run()
        out = capsys.readouterr()
        return exc.value.code, out.out, out.err

    return run
