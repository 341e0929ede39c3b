"""The organisation's closure table (storage/closure.py): kept whole by every import of units, read
as a Subtree instead of a list of codes; and imports leave fresh planner statistics (statistics.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.records import LedgerRecord, UnitRecord
from toteuma.storage.closure import pairs, unit_ids
from toteuma.storage.models import Unit, UnitClosure

pytestmark = pytest.mark.django_db


def closure() -> set[tuple[str, str, int]]:
    codes = dict(Unit.objects.values_list("id", "code"))
    rows = UnitClosure.objects.values_list("ancestor_id", "descendant_id", "depth")
    return {(codes[ancestor], codes[descendant], depth) for ancestor, descendant, depth in rows}


def test_pairs_hold_each_unit_with_every_ancestor_and_itself() -> None:
    assert sorted(pairs({1: None, 2: 1, 3: 2})) == [
        (1, 1, 0),
        (1, 2, 1),
        (1, 3, 2),
        (2, 2, 0),
        (2, 3, 1),
        (3, 3, 0),
    ]


def test_an_import_of_units_keeps_the_closure_even_when_a_unit_moves(tiny_org: object) -> None:
    assert ("1000", "110020", 2) in closure()
    assert ("1100", "110020", 1) in closure()
    assert len(closure()) == sum(
        len(storage.org_tree().descendants(unit.code)) for unit in storage.org_tree()
    )
    storage.load_units([UnitRecord("110020", "Siirretty", UnitKind.COST_CENTER, "1200")])
    found = closure()
    assert ("1200", "110020", 1) in found
    assert ("1100", "110020", 1) not in found


def test_a_subtree_reads_the_same_units_as_the_list_of_its_codes(tiny_org: object) -> None:
    listed = [unit.code for unit in storage.org_tree().descendants("1100")]
    assert set(unit_ids(storage.Subtree("1100"))) == set(unit_ids(listed))
    storage.load_ledger(
        [
            LedgerRecord(date(2024, 1, 5), "T", 4300, "110010", 100, ""),
            LedgerRecord(date(2024, 1, 5), "T", 4300, "120010", 7, ""),
        ],
        file_name="l.csv",
        sha256="c" * 64,
    )
    assert storage.account_sums(storage.Subtree("1100"), 2024, 1, 12) == storage.account_sums(
        listed, 2024, 1, 12
    )
    assert storage.ledger_sums_by_unit(["1000", "1100"], 2024) == {
        ("1000", 4300): (107, 2),
        ("1100", 4300): (100, 1),
    }


def _analysed(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return float(cursor.fetchone()[0]) > 0
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return bool(cursor.fetchone()[0])


def test_a_ledger_import_leaves_statistics_of_the_tables_it_wrote(tiny_org: object) -> None:
    storage.load_ledger(
        [LedgerRecord(date(2024, 1, 5), "T", 4300, "110010", 100, "")], file_name="l.csv", sha256="d" * 64
    )
    assert _analysed("toteuma_monthlybalance")
    assert _analysed("toteuma_unitclosure")
