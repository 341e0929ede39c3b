"""A built wheel carries what `toteuma demo` needs: installed into a fresh virtual environment, it runs.

The wheel is built from this checkout and installed with pip into a new venv; its dependencies are
taken from the development venv (a .pth line) rather than downloaded again, so that the test checks
the wheel's own contents (code, catalogues, templates, example data) in a minute, not the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, done.stdout + done.stderr
    return done  # type: ignore[no-any-return]


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_runs_the_demo(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: setuptools builds in ./build, which must not be stale
    skipped = shutil.ignore_patterns(
        ".*", "build", "node_modules", "out", "*.sqlite3", "__pycache__", "*.egg-info"
    )
    shutil.copytree(ROOT, source, symlinks=True, ignore=skipped)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source)
    (wheel,) = dist.glob("toteuma-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "toteuma/examples/heinola-2024-q1/ledger-2024.csv" in names
    assert "toteuma/core/data/messages/cli.toml" in names
    assert not [name for name in names if name.startswith("toteuma/examples/") and name.endswith(".py")]

    venv = tmp_path / "fresh"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(
        _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel)

    work = tmp_path / "elsewhere"  # not the checkout: nothing may come from it
    work.mkdir()
    env = {**os.environ, "TOTEUMA_DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}", "TOTEUMA_LANG": "fi"}
    where = _run(python, "-c", "import toteuma; print(toteuma.__file__)", cwd=work, env=env).stdout
    assert where.startswith(str(venv)), where
    done = _run(venv / "bin" / "toteuma", "demo", "--out", work / "out", cwd=work, env=env)
    assert "Raportti (HTML):" in done.stdout
    page = (work / "out" / "toteuma-1000-2024-03.html").read_text(encoding="utf-8")
    assert "Käyttösuunnitelman toteutuminen" in page
    assert (work / "out" / "toteuma-1000-2024-03.json").stat().st_size > 10_000
