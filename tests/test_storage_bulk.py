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

    # Named after the suite's own database, so that two checkouts' suites on one server never meet.
    server, own = url.rsplit("/", 1)
    name = f"{own}_killed_import"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        con.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Marked django_db only so that the PostgreSQL half of the suite runs it too (on its own database).
@pytest.mark.slow
@pytest.mark.django_db
def test_an_import_killed_midway_leaves_the_database_consistent(tmp_path: Path, killed_database: str) -> None:
    ledger = tmp_path / "ledger-300k.csv"
    write(ledger, 300_000)
    env = {**os.environ, "TOTEUMA_DATABASE_URL": killed_database}
    child = _run(IMPORT, str(ledger), str(EXAMPLE), env=env)
    assert child.stdout is not None
    # Killed once 90 % of the lines are reported: COPY is midway on PostgreSQL; on SQLite the scratch
    # file is written and its rows are going into the ledger, or its indexes are being rebuilt.
    for line in child.stdout:
        assert line.startswith("progress"), line
        _, done, total = line.split()
        if int(done) * 10 >= int(total) * 9:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert "finished" not in child.stdout.read()
    inspect = _run(INSPECT, env=env)
    out, _ = inspect.communicate()
    state = json.loads(out)
    assert state == {"batches": 0, "lines": 0, "balances_match": True, "units": state["units"]}
    assert state["units"] > 0  # what was committed before the import is still there


@pytest.mark.django_db
@pytest.mark.parametrize("stage_from", [0, 10**9], ids=["scratch-file", "executemany"])
def test_the_fast_load_stores_every_line_as_the_row_by_row_reader_reads_it(
    stage_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toteuma import services
    from toteuma.importers.kinds import parse_file
    from toteuma.storage import bulk
    from toteuma.storage.models import LedgerLine

    monkeypatch.setattr(bulk, "STAGE_FROM", stage_from)  # SQLite's two paths; PostgreSQL always COPYs
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert services.import_file(kind, EXAMPLE / name).ok
    result = services.import_file("ledger", EXAMPLE / "ledger-2024.csv")
    assert result.imported
    records, problems = parse_file("ledger", EXAMPLE / "ledger-2024.csv")
    assert not problems
    expected = sorted(
        (r.posted, r.document, r.account, r.unit, r.amount_cents, r.project, r.text) for r in records
    )
    stored = sorted(
        LedgerLine.objects.values_list(
            "posted", "document", "account", "unit__code", "amount_cents", "project", "text"
        )
    )
    assert len(stored) == len(records) > 400
    assert stored == expected
    # Stored in the drill index's order: a cost center's lines of an account sit together.
    ids = list(
        LedgerLine.objects.order_by("unit_id", "account", "posted", "document").values_list("id", flat=True)
    )
    assert ids == sorted(ids)
