"""Shared fixtures. pytest-django creates and drops the test database (SQLite in memory, or PostgreSQL)."""

from __future__ import annotations

import pytest

from toteuma.core.org import UnitKind
from toteuma.core.records import UnitRecord

# A municipality, one binding sector, two service areas, three cost centers: enough for every roll-up.
TINY_ORG = (
    UnitRecord("111", "Heinolan kaupunki", UnitKind.MUNICIPALITY, None, order=1),
    UnitRecord(
        "1000",
        "Yhteiset palvelut / Kaupunginhallituksen toimiala",
        UnitKind.SECTOR,
        "111",
        binding_level=True,
        responsible="Hallinto- ja kehitysjohtaja",
        order=1,
    ),
    UnitRecord("1100", "Vaalit", UnitKind.SERVICE_AREA, "1000", order=1),
    UnitRecord("110010", "Presidentinvaalit", UnitKind.COST_CENTER, "1100", order=1),
    UnitRecord("110020", "Eurovaalit", UnitKind.COST_CENTER, "1100", order=2),
    UnitRecord("1200", "Tarkastustoimi", UnitKind.SERVICE_AREA, "1000", order=2),
    UnitRecord("120010", "Tarkastus", UnitKind.COST_CENTER, "1200", order=1),
)


@pytest.fixture
def tiny_org(db: None) -> tuple[UnitRecord, ...]:
    """TINY_ORG loaded into the test database."""
    from toteuma import storage

    storage.load_units(TINY_ORG)
    return TINY_ORG
