"""The organisation kept by a process while its version token stands (decision 65): any write of a
unit, by the import or by hand in SQL, changes the token in the same transaction, so a kept tree is
never shown after the units changed, and a rolled-back change leaves the committed tree."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.records import UnitRecord

pytestmark = pytest.mark.django_db

UNITS = [
    UnitRecord("1", "Kunta", UnitKind.MUNICIPALITY, None),
    UnitRecord("10", "Toimiala", UnitKind.SECTOR, "1", binding_level=True),
    UnitRecord("1001", "Palvelualue", UnitKind.SERVICE_AREA, "10"),
]


def _token() -> str:
    from toteuma.storage.models import OrganisationVersion

    return str(OrganisationVersion.objects.get(id=1).token)


def test_a_kept_tree_costs_one_small_query() -> None:
    storage.load_units(UNITS)
    first = storage.org_tree()
    with CaptureQueriesContext(connection) as captured:
        again = storage.org_tree()
    assert again is first
    assert len(captured) == 1
    assert "toteuma_unit" not in captured[0]["sql"].split("FROM", 1)[1].split("WHERE", 1)[0]


def test_an_import_of_units_shows_at_once() -> None:
    storage.load_units(UNITS)
    before = _token()
    assert storage.org_tree()["1001"].name == "Palvelualue"
    storage.load_units([*UNITS[:2], UnitRecord("1001", "Uusi nimi", UnitKind.SERVICE_AREA, "10")])
    storage.load_units([UnitRecord("1002", "Toinen", UnitKind.SERVICE_AREA, "10")])
    assert _token() != before
    tree = storage.org_tree()
    assert tree["1001"].name == "Uusi nimi"
    assert [unit.code for unit in tree.children("10")] == ["1001", "1002"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE toteuma_unit SET name = 'Käsin' WHERE code = '1001'",
        "UPDATE toteuma_unit SET binding_level = {false} WHERE code = '10'",
    ],
)
def test_a_change_by_hand_in_sql_shows_at_once(statement: str) -> None:
    storage.load_units(UNITS)
    kept = storage.org_tree()
    false = "false" if connection.vendor == "postgresql" else "0"
    with connection.cursor() as cursor:
        cursor.execute(statement.format(false=false))
    found = storage.org_tree()
    assert found is not kept
    assert (found["1001"].name, found["10"].binding_level) != ("Palvelualue", True)


def test_a_removed_unit_is_gone_at_once() -> None:
    storage.load_units(UNITS)
    assert "1001" in storage.org_tree()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM toteuma_unitclosure")
        cursor.execute("DELETE FROM toteuma_unit WHERE code = '1001'")
    assert "1001" not in storage.org_tree()


def test_a_rolled_back_change_leaves_the_committed_tree() -> None:
    storage.load_units(UNITS)
    assert storage.org_tree()["1001"].name == "Palvelualue"

    seen = []

    class UndoError(Exception):
        pass

    def change_and_undo() -> None:
        with transaction.atomic():
            storage.load_units([UnitRecord("1001", "Peruttu", UnitKind.SERVICE_AREA, "10")])
            seen.append(storage.org_tree()["1001"].name)  # kept under the rolled-back token
            raise UndoError

    with pytest.raises(UndoError):
        change_and_undo()
    assert seen == ["Peruttu"]
    assert storage.org_tree()["1001"].name == "Palvelualue"


def test_a_missing_token_row_keeps_nothing_until_a_unit_is_written() -> None:
    """A flushed database (a test's) has no token: every read reads the units; the next write of a
    unit writes the token back and keeping resumes."""
    from toteuma.storage.models import OrganisationVersion

    storage.load_units(UNITS)
    OrganisationVersion.objects.all().delete()
    assert storage.org_tree() is not storage.org_tree()
    storage.load_units([UnitRecord("1002", "Toinen", UnitKind.SERVICE_AREA, "10")])
    assert OrganisationVersion.objects.count() == 1
    kept = storage.org_tree()
    assert storage.org_tree() is kept
    assert "1002" in kept
