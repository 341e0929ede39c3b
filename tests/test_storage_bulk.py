"""Tests of storage/bulk.py: the fast ledger load, and an import killed midway leaving nothing behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.generate_ledger import EXAMPLE, write

ROOT = Path(__file__).resolve().parents[1]

IMPORT = """
import sys
from pathlib import Path
from toteuma import services
services.init()
for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
    assert services.import_file(kind, Path(sys.argv[2]) / name).ok
def progress(done, total):
    print("progress", done, total, flush=True)
options = services.ImportOptions(progress=progress)
services.import_file("ledger", Path(sys.argv[1]), options=options)
print("finished", flush=True)
"""

INSPECT = """
import json
from toteuma import storage
storage.setup()
from toteuma.storage import balances
from toteuma.storage.models import LedgerLine
print(json.dumps({
    "batches": len(storage.batches()),
    "lines": LedgerLine.objects.count(),
    "balances_match": balances.stored() == balances.ledger_sums(),
    "units": len(storage.units()),
}))
"""


def _run(code: str, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )


@pytest.fixture
def killed_database(tmp_path: Path) -> Iterator[str]:
    """A throw-away database on the backend this half of the suite runs on, dropped afterwards."""
    url = os.environ.get("TOTEUMA_DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'killed.sqlite3'}"
        return
    import psycopg

    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        con.execute("DROP DATABASE IF EXISTS toteuma_killed_import WITH (FORCE)")
        con.execute("CREATE DATABASE toteuma_killed_import")
    yield f"{server}/toteuma_killed_import"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        con.execute("DROP DATABASE IF EXISTS toteuma_killed_import WITH (FORCE)")


# Marked django_db only so that the PostgreSQL half of the suite runs it too (on its own database).
@pytest.mark.slow
@pytest.mark.django_db
def test_an_import_killed_midway_leaves_the_database_consistent(tmp_path: Path, killed_database: str) -> None:
    ledger = tmp_path / "ledger-300k.csv"
    write(ledger, 300_000)
    env = {**os.environ, "TOTEUMA_DATABASE_URL": killed_database}
    child = _run(IMPORT, str(ledger), str(EXAMPLE), env=env)
    assert child.stdout is not None
    first = child.stdout.readline()  # the first chunk of lines is in the database, uncommitted
    assert first.startswith("progress"), first
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert "finished" not in child.stdout.read()
    inspect = _run(INSPECT, env=env)
    out, _ = inspect.communicate()
    state = json.loads(out)
    assert state == {"batches": 0, "lines": 0, "balances_match": True, "units": state["units"]}
    assert state["units"] > 0  # what was committed before the import is still there
