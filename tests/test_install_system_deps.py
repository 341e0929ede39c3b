"""scripts/install-system-deps.sh waits for another package manager's lock instead of failing at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-system-deps.sh"
# Holds a POSIX lock on the file, as apt and dpkg do, for the seconds given, then lets go.
HOLD = """
import fcntl, sys, time
with open(sys.argv[1], "w") as handle:
    fcntl.lockf(handle, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(lock: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _wait(lock: Path, patience: int) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "APT_LOCK_FILES": str(lock), "APT_WAIT": str(patience)}
    started = time.monotonic()
    done = subprocess.run(["bash", str(SCRIPT), "--wait-only"], env=env, capture_output=True, text=True)
    return done, time.monotonic() - started


def test_the_install_waits_while_another_apt_holds_the_lock(tmp_path: Path) -> None:
    lock = tmp_path / "lock-frontend"
    holder = _hold(lock, 4)
    done, seconds = _wait(lock, 60)
    holder.wait()
    assert done.returncode == 0, done.stderr
    assert seconds >= 3
    assert "Waiting for another package manager" in done.stderr


def test_the_install_gives_up_with_a_message_after_its_patience(tmp_path: Path) -> None:
    lock = tmp_path / "lock-frontend"
    holder = _hold(lock, 10)
    done, _ = _wait(lock, 2)
    holder.kill()
    assert done.returncode == 1
    assert "still busy after 2 s" in done.stderr


def test_a_free_lock_is_no_wait(tmp_path: Path) -> None:
    lock = tmp_path / "lock-frontend"
    lock.touch()
    done, seconds = _wait(lock, 60)
    assert done.returncode == 0
    assert seconds < 2
