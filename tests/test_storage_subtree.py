"""Sums of whole subtrees by cost center: what they hold, and a query count that does not grow with units."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord, UnitRecord
from toteuma.storage import BudgetSum

pytestmark = pytest.mark.django_db


def line(posted: str, unit: str, account: int, cents: int) -> LedgerRecord:
    return LedgerRecord(date.fromisoformat(posted), "T", account, unit, cents, "")


def test_ledger_sums_hold_each_cost_center_of_the_subtree_for_the_months(tiny_org: object) -> None:
    storage.load_ledger(
        (
            line("2024-01-10", "110010", 4300, 1000),
            line("2024-03-10", "110010", 4300, 20),
            line("2024-03-11", "110020", 3000, -500),
            line("2024-04-01", "110010", 4300, 7),  # after the months asked
            line("2024-02-01", "120010", 4300, 99),  # outside the subtree
            line("2023-02-01", "110010", 4300, 5),  # another year
        ),
        file_name="l.csv",
        sha256="a" * 64,
    )
    assert storage.subtree_ledger_sums(["1100"], 2024, 1, 3) == {
        ("110010", 4300): (1020, 2),
        ("110020", 3000): (-500, 1),
    }
    assert storage.subtree_ledger_sums(["110020", "1200"], 2024, 1, 12) == {
        ("110020", 3000): (-500, 1),
        ("120010", 4300): (99, 1),
    }
    with pytest.raises(ValueError, match="months"):
        storage.subtree_ledger_sums(["1100"], 2024, 4, 3)
    # The same sums month by month, in one query: what a forecast reads of each year.
    with CaptureQueriesContext(connection) as queries:
        months = storage.subtree_ledger_months(["1100"], 2024, 3)
    assert len(queries) == 1
    assert months == {("110010", 4300, 1): 1000, ("110010", 4300, 3): 20, ("110020", 3000, 3): -500}
    assert storage.subtree_ledger_months(["1000"], 2024)[("110010", 4300, 4)] == 7


def test_budget_sums_keep_each_decision_apart(tiny_org: object) -> None:
    amendment = {"kind": BudgetKind.AMENDMENT, "decision": "Kv 26.2.2024 § 14", "decided": date(2024, 2, 26)}
    storage.load_budget(
        (
            BudgetRecord(2024, "110010", 4300, 5000),
            BudgetRecord(2024, "110010", 4300, 700),
            BudgetRecord(2024, "110010", 4300, 300, **amendment),
            BudgetRecord(2024, "120010", 4300, 9),  # outside the subtree
        ),
        file_name="ta.csv",
        sha256="b" * 64,
    )
    assert storage.subtree_budget_sums(["1000"], 2024) == [
        BudgetSum("110010", 4300, BudgetKind.ORIGINAL, "", None, 5700, 2),
        BudgetSum("110010", 4300, BudgetKind.AMENDMENT, "Kv 26.2.2024 § 14", date(2024, 2, 26), 300, 1),
        BudgetSum("120010", 4300, BudgetKind.ORIGINAL, "", None, 9, 1),
    ]
    assert [item.unit for item in storage.subtree_budget_sums(["1100"], 2024)] == ["110010", "110010"]


def _queries(call: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()  # type: ignore[operator]
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_units(tiny_org: object) -> None:
    small = (_queries(lambda: storage.subtree_ledger_sums(["1000"], 2024)),)
    small += (_queries(lambda: storage.subtree_budget_sums(["1000"], 2024)),)
    many = [
        UnitRecord(f"9{index:04d}", f"Kp {index}", UnitKind.COST_CENTER, "1200", order=index)
        for index in range(300)
    ]
    storage.load_units(many)
    large = (_queries(lambda: storage.subtree_ledger_sums(["1000"], 2024)),)
    large += (_queries(lambda: storage.subtree_budget_sums(["1000"], 2024)),)
    assert small == large
