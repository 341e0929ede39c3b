"""Shared fixtures. pytest-django creates and drops the test database (SQLite in memory, or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The test database, and at the end no other session left on it so that it can be dropped.

    A live server's threads (browser tests) may still hold a PostgreSQL connection when the session
    ends; PostgreSQL refuses to drop a database that has sessions, which would leave it behind.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
