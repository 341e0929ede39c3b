"""Concurrent imports in separate processes, on the backend this half of the suite runs on (issue 9,
items 2-4): one import at a time per database, the overlap checked under the load's lock, no deadlock
and no traceback."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from bench.generate_ledger import EXAMPLE, write

from conftest import TINY_ORG
from toteuma.core.records import LedgerRecord

__all__ = ["TINY_ORG"]

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


# The same races, made certain: threads (each with its own database connection) meet at a barrier at
# the worst moment main left open. With one import at a time the second never reaches the barrier
# while the first waits there, so the barrier times out and the imports run one after the other.
MEET = 3.0  # seconds a thread waits at the barrier for the other


def _in_threads(*jobs: Callable[[], object]) -> list[object]:
    """Run the jobs at once, each in its own thread (own connection); what each returned or raised."""
    from django.db import connection

    results: list[object] = [None] * len(jobs)

    def run(index: int) -> None:
        try:
            results[index] = jobs[index]()
        except Exception as exc:
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _meet(barrier: threading.Barrier) -> None:
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(MEET)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_first_loads_meeting_inside_their_transactions_do_not_deadlock(tiny_org: object) -> None:
    """Item 3: both loads have begun (each holds its batch row) before either drops the ledger's keys."""
    from toteuma import storage
    from toteuma.importers.sources import RecordsLedger

    barrier = threading.Barrier(2)

    class Meeting(RecordsLedger):
        def balances(self):  # type: ignore[no-untyped-def]  # read inside the load, after its batch row
            _meet(barrier)
            return super().balances()

    def load(year: int) -> Callable[[], object]:
        lines = [
            LedgerRecord(date(year, 1, 1 + n % 28), f"{year}-{n}", 4300, "110010", 100 + n)
            for n in range(300)
        ]
        return lambda: storage.load_ledger_source(
            Meeting(lines), file_name=f"{year}.csv", sha256=f"{year:064d}"
        )

    results = _in_threads(load(2023), load(2024))
    assert [type(result).__name__ for result in results] == ["LoadResult", "LoadResult"], results
    from toteuma.storage.models import LedgerLine

    assert LedgerLine.objects.count() == 600


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_year_checked_at_once_never_both_load(
    tiny_org: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 2: both have checked for an earlier batch of the year before either loads."""
    from toteuma import services, storage
    from toteuma.core.records import AccountRecord

    storage.load_accounts([AccountRecord(4300, "Palvelut")])
    barrier = threading.Barrier(2)
    real = storage.load_ledger_source

    def after_both_checked(*args: object, **kwargs: object) -> object:
        _meet(barrier)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "load_ledger_source", after_both_checked)
    files = []
    for name, cents in (("a", "100,00"), ("b", "250,00")):
        path = tmp_path / f"ledger-{name}.csv"
        path.write_text(f"Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n15.1.2024;1;4300;110010;{cents}\n")
        files.append(path)
    results = _in_threads(*(lambda path=path: services.import_file("ledger", path) for path in files))
    imported = [result for result in results if getattr(result, "imported", False)]
    refused = [result for result in results if not getattr(result, "imported", True)]
    assert len(imported) == 1, results
    assert len(refused) == 1, results
    assert [p.code for p in refused[0].problems] == ["batch.overlap"]  # type: ignore[attr-defined]
    assert len(storage.batches()) == 1
