"""How many database queries each dashboard page and report costs, for a city of 8 units and of 300.

    .venv/bin/python -m scripts.query_counts          # a scratch SQLite database in a temporary folder
    TOTEUMA_DATABASE_URL=postgresql://.../empty .venv/bin/python -m scripts.query_counts --keep

The organisations are generated (`city`): a municipality, binding sectors, service areas under them
and cost centers with a few ledger and budget lines each. tests/test_services_dashboard_queries.py
asserts that the counts at 8 units equal those at 300; this prints them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

PERIOD = "2024-03"
SMALL = ("1", 1, 2, 2)  # top, sectors, areas per sector, cost centers per area: 8 units
BIG = ("2", 12, 3, 6, 5)  # 1 + 12 + 36 + 216, and 5 more areas of 6 in the first sector: 300 units
USER = "laskija"


def city(top: str, sectors: int, areas: int, centers: int, extra: int = 0) -> tuple[Any, ...]:
    """A municipality `top` with binding sectors, their service areas and the areas' cost centers
    (`extra` more areas in the first sector)."""
    from toteuma.core.org import UnitKind
    from toteuma.core.records import UnitRecord

    units = [UnitRecord(top, f"Kunta {top}", UnitKind.MUNICIPALITY, None)]
    for s in range(1, sectors + 1):
        sector = f"{top}{s:02d}"
        units.append(UnitRecord(sector, f"Toimiala {s}", UnitKind.SECTOR, top, binding_level=True, order=s))
        for a in range(1, areas + 1 + (extra if s == 1 else 0)):
            area = f"{sector}A{a}"
            units.append(UnitRecord(area, f"Palvelualue {s}.{a}", UnitKind.SERVICE_AREA, sector, order=a))
            units += [
                UnitRecord(f"{area}K{c}", f"Kustannuspaikka {c}", UnitKind.COST_CENTER, area, order=c)
                for c in range(1, centers + 1)
            ]
    return tuple(units)


def load_city(units: tuple[Any, ...]) -> None:
    """The units, with a few ledger and budget lines per cost center and a commentary per area."""
    from toteuma import storage
    from toteuma.core.org import UnitKind
    from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord, TextKind, TextRecord

    storage.load_units(units)
    centers = [unit.code for unit in units if unit.kind is UnitKind.COST_CENTER]
    top = units[0].code
    ledger = [
        LedgerRecord(date(year, 2, 1), "T", account, code, cents, "")
        for code in centers
        for year, account, cents in ((2024, 4300, 100_00), (2024, 3000, -40_00), (2023, 4300, 90_00))
    ]
    storage.load_ledger(ledger, file_name=f"l{top}.csv", sha256=top * 64)
    budget = [BudgetRecord(2024, code, 4300, 1_000_00) for code in centers]
    budget += [
        BudgetRecord(
            2024,
            code,
            4300,
            10_00,
            kind=BudgetKind.AMENDMENT,
            decision="Kv 1.2.2024 § 5",
            decided=date(2024, 2, 1),
        )
        for code in centers
    ]
    storage.load_budget(budget, file_name=f"b{top}.csv", sha256=top * 63 + "b")
    areas = [unit.code for unit in units if unit.kind is UnitKind.SERVICE_AREA]
    storage.load_texts([TextRecord(code, 2024, PERIOD, TextKind.COMMENTARY, "Teksti.") for code in areas])


def pages(top: str) -> dict[str, str]:
    """The pages measured, by name: the overview, unit pages, a drill-down and reports."""
    sector, area = f"{top}01", f"{top}01A1"
    return {
        "overview": f"/?kausi={PERIOD}",  # with the forecast table and the alert counts
        "alerts": f"/halytykset/?kausi={PERIOD}",
        "forecasts, service area": f"/yksikko/{area}/ennusteet/?kausi={PERIOD}",
        "unit page, binding unit": f"/yksikko/{sector}/?kausi={PERIOD}",
        "unit page, service area": f"/yksikko/{area}/?kausi={PERIOD}",
        "drill-down (accounts)": f"/porautuminen/{sector}/palvelujen_ostot/tot/?kausi={PERIOD}",
        "drill-down (lines)": f"/porautuminen/{sector}/palvelujen_ostot/tot/rivit/?kausi={PERIOD}",
        "report, binding unit": f"/raportit/?yksikko={sector}&kausi={PERIOD}&muoto=json",
        "report, municipality": f"/raportit/?yksikko={top}&kausi={PERIOD}&muoto=json",
    }


def client() -> Any:
    """A test client signed in as a controller (who sees every page and ledger line)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from toteuma.storage import workflow

    found = get_user_model().objects.filter(username=USER).first()
    if found is None:
        workflow.add_user(USER, "controller", "salasana-joka-on-pitka")
        found = get_user_model().objects.get(username=USER)
    signed = Client()
    signed.force_login(found, backend="django.contrib.auth.backends.ModelBackend")
    return signed


def count(get: Callable[[], Any]) -> tuple[int, int]:
    """(queries, HTTP status) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = get()
    return len(queries), response.status_code


def counts(top: str) -> dict[str, tuple[int, int]]:
    """Each page's (queries, status) for the organisation `top`, asked twice: the second is counted."""
    signed = client()
    found = {}
    for name, url in pages(top).items():
        signed.get(url)  # the first request of a process reads what each process reads once
        found[name] = count(lambda url=url: signed.get(url))
    return found


@contextmanager
def _database(keep: bool) -> Iterator[None]:
    """A scratch SQLite file unless --keep says to use TOTEUMA_DATABASE_URL."""
    if keep:
        yield
        return
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TOTEUMA_DATABASE_URL"] = f"sqlite:///{Path(folder) / 'laskenta.sqlite3'}"
        yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="use TOTEUMA_DATABASE_URL (an empty database)")
    parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toteuma.settings")
    from django.test.utils import setup_test_environment

    from toteuma import storage

    storage.setup()
    setup_test_environment()
    storage.migrate()
    load_city(city(*SMALL))
    small = counts(SMALL[0])
    load_city(city(*BIG))
    big = counts(BIG[0])
    print(f"{'page':<28} {'8 units':>8} {'300 units':>10}")
    for name in small:
        print(f"{name:<28} {small[name][0]:>8} {big[name][0]:>10}" + ("" if small[name][1] == 200 else " !"))
    return 0


if __name__ == "__main__":
    with _database(keep="--keep" in sys.argv):
        sys.exit(main(sys.argv[1:]))
