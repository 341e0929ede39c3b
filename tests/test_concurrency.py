"""Concurrent imports in separate processes, on the backend this half of the suite runs on (issue 9,
items 2-4): one import at a time per database, the overlap checked under the load's lock, no deadlock
and no traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.generate_ledger import EXAMPLE, write

ROOT = Path(__file__).resolve().parents[1]
CLI = "from toteuma.cli import main; main()"
LINES = 150_000
INSPECT = """
import json
from toteuma import storage
storage.setup()
from toteuma.storage import balances
from toteuma.storage.models import LedgerLine
print(json.dumps({
    "batches": sorted(b.lines for b in storage.batches()),
    "lines": LedgerLine.objects.count(),
    "balances_match": balances.stored() == balances.ledger_sums(),
}))
"""


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    """A throw-away database on this half's backend, with the example's units and accounts."""
    url = os.environ.get("TOTEUMA_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        server, own = url.rsplit("/", 1)
        name = f"{own}_concurrent"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    env = _env(url)
    assert _cli(env, "init").returncode == 0
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        done = _cli(env, "import", kind, str(EXAMPLE / name))
        assert done.returncode == 0, done.stderr
    yield url
    if url.startswith("postgres"):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "TOTEUMA_DATABASE_URL": url,
        "TOTEUMA_LOCK_WAIT": "60",
        "TOTEUMA_LANG": "en",
        **extra,
    }


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )


def _both(env: dict[str, str], first: Path, second: Path) -> list[tuple[int, str]]:
    """Both files imported at the same moment by two processes; (exit code, everything printed) of each."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", CLI, "import", "ledger", str(path)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for path in (first, second)
    ]
    return [(run.wait(timeout=300), run.stdout.read() if run.stdout else "") for run in runs]


def _state(env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", INSPECT], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


@pytest.mark.slow
@pytest.mark.django_db
def test_two_ledgers_of_the_same_year_at_once_never_both_land(tmp_path: Path, database: str) -> None:
    """Item 2: both pass the check before either loads; the second to get the lock finds the first."""
    first, second = tmp_path / "ledger-a.csv", tmp_path / "ledger-b.csv"
    write(first, LINES, seed=1)
    write(second, LINES, seed=2)  # other lines, the same months
    env = _env(database)
    results = _both(env, first, second)
    for _, output in results:
        assert "Traceback" not in output, output
    codes = sorted(code for code, _ in results)
    assert codes == [0, 1], results
    refused = next(output for code, output in results if code == 1)
    assert "[batch.overlap]" in refused
    assert "nothing was imported" in refused
    assert _state(env) == {"batches": [LINES], "lines": LINES, "balances_match": True}


@pytest.mark.slow
@pytest.mark.django_db
def test_two_big_first_imports_at_once_both_land_without_deadlock(tmp_path: Path, database: str) -> None:
    """Item 3: each would drop the ledger's indexes; the import lock comes first, so one waits."""
    first, second = tmp_path / "ledger-2023.csv", tmp_path / "ledger-2024.csv"
    write(first, LINES, year=2023)
    write(second, LINES, year=2024)
    env = _env(database)
    results = _both(env, first, second)
    for code, output in results:
        assert code == 0, output
        assert "Traceback" not in output
    assert _state(env) == {"batches": [LINES, LINES], "lines": 2 * LINES, "balances_match": True}


@pytest.mark.sqlite
def test_an_import_while_another_holds_sqlite_is_refused_with_a_message(tmp_path: Path) -> None:
    """Item 4: SQLite's write lock held past TOTEUMA_LOCK_WAIT: the import says so, no traceback."""
    path = tmp_path / "busy.sqlite3"
    env = _env(f"sqlite:///{path}", TOTEUMA_LOCK_WAIT="1")
    assert _cli(env, "init").returncode == 0
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert _cli(env, "import", kind, str(EXAMPLE / name)).returncode == 0
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        done = _cli(env, "import", "ledger", str(EXAMPLE / "ledger-2024.csv"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "[load.busy]" in done.stderr
    assert "another import is running in this database" in done.stderr
    again = _cli(env, "import", "ledger", str(EXAMPLE / "ledger-2024.csv"))
    assert again.returncode == 0, again.stderr
