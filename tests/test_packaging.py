"""The wheel ships the rule packs: build it, install it (not editable) in a fresh venv, run the demo."""

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs_demo(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("transqa-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # Install the wheel itself with no dependencies, then let the new venv see the test venv's
    # dependencies through a .pth path entry (nested .pth files there, e.g. our own editable install,
    # are not processed, so `import transqa` can only find the wheel).
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, str(wheel)],
                   check=True, capture_output=True)
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([py, "-c", "import transqa, transqa.packs as p; print(transqa.__file__); "
                                      "print(p.rules_dir())"], capture_output=True, text=True, cwd=workdir,
                           env=env, check=True).stdout.split()
    assert where[0].startswith(str(env_dir)), where
    assert where[1].startswith(str(env_dir)) and Path(where[1], "core.yaml").is_file()
    proc = subprocess.run([py, "-m", "transqa", "check", str(ROOT / "fixtures/cnipa-forum.zh.txt"),
                           str(ROOT / "fixtures/cnipa-forum.en.txt"), "--format", "json"],
                          capture_output=True, text=True, cwd=workdir, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert {"SPC001", "SPC003"} <= {f["code"] for f in report["findings"]}
