"""Descendant balances (decision 62): each unit's balances of every unit below it, kept with the
balances through imports, rollbacks, a moved unit and a rebuild, checked by the ledger's tie-out."""

from __future__ import annotations

from datetime import date

import pytest

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.records import LedgerRecord, UnitRecord
from toteuma.storage import balances, descendants
from toteuma.storage.models import DescendantBalance, Unit

pytestmark = pytest.mark.django_db


def _ids() -> dict[str, int]:
    return dict(Unit.objects.values_list("code", "id"))


def _load(sha: str, *lines: tuple[str, int, int]) -> int:
    """Ledger lines (cost center, month, cents) at account 4300 in 2024; the batch's id."""
    records = [LedgerRecord(date(2024, month, 2), "T", 4300, unit, cents) for unit, month, cents in lines]
    return storage.load_ledger(records, file_name=f"{sha}.csv", sha256=sha * 64).batch_id


def _below(code: str) -> dict[int, tuple[int, int]]:
    """(cents, lines) by month of a unit's descendant balances at account 4300."""
    rows = DescendantBalance.objects.filter(unit__code=code, account=4300)
    return {
        month: (cents, lines)
        for month, cents, lines in rows.values_list("month", "amount_cents", "line_count")
    }


def test_every_unit_above_a_cost_center_gets_its_sums_and_no_cost_center_gets_a_row(tiny_org: object) -> None:
    _load("a", ("110010", 1, 100), ("110020", 1, 20), ("120010", 2, 7))
    assert _below("1100") == {1: (120, 2)}
    assert _below("1200") == {2: (7, 1)}
    assert _below("1000") == _below("111") == {1: (120, 2), 2: (7, 1)}
    assert not DescendantBalance.objects.filter(unit__kind=UnitKind.COST_CENTER.value).exists()
    assert descendants.stored() == descendants.summed(balances.stored())


def test_a_rollback_takes_its_sums_out_and_leaves_no_empty_row(tiny_org: object) -> None:
    _load("a", ("110010", 1, 100))
    second = _load("b", ("110010", 1, 5), ("110020", 3, 9))
    storage.rollback_batch(second)
    assert _below("111") == {1: (100, 1)}
    assert descendants.stored() == descendants.summed(balances.stored())


def test_a_moved_unit_moves_its_sums(tiny_org: object) -> None:
    _load("a", ("110010", 1, 100), ("120010", 1, 7))
    storage.load_units([UnitRecord("110010", "Presidentinvaalit", UnitKind.COST_CENTER, "1200", order=1)])
    assert _below("1100") == {}
    assert _below("1200") == {1: (107, 2)}
    assert descendants.stored() == descendants.summed(balances.stored())


def test_statements_of_every_level_read_the_same_sums_as_their_cost_centers_add_up_to(
    tiny_org: object,
) -> None:
    _load("a", ("110010", 1, 100), ("110020", 2, 20), ("120010", 3, 7), ("1100", 3, 1000))
    found = storage.ledger_sums_by_unit(["111", "1000", "1100", "110010"], 2024, 1, 3)
    assert found == {
        ("111", 4300): (1127, 4),
        ("1000", 4300): (1127, 4),
        ("1100", 4300): (1120, 3),  # its own line (1 000) and its cost centers'
        ("110010", 4300): (100, 1),
    }
    assert storage.ledger_sums_by_unit(["1000"], 2024, 2, 2) == {("1000", 4300): (20, 1)}
    assert storage.monthly_sums_by_unit("1100", [2024]) == {
        (2024, 1, 4300): 100,
        (2024, 2, 4300): 20,
        (2024, 3, 4300): 1000,
    }
    assert storage.monthly_sums_by_unit("1100", [2023]) == {}


def test_the_tie_out_names_a_descendant_balance_that_drifted(tiny_org: object) -> None:
    _load("a", ("110010", 1, 100))
    assert storage.verify_ledger().ok
    DescendantBalance.objects.filter(unit__code="1000").update(amount_cents=1)
    assert tuple(map(str, storage.verify_ledger().differences)) == (
        "alempien yksiköiden saldo: yksikkö 1000 2024-01 tili 4300: kirjattu (100, 1), löytyi (1, 1) "
        "(senttiä, rivejä)",
    )
    assert storage.rebuild_balances() == 1
    assert storage.verify_ledger().ok


def test_the_months_with_lines_come_from_the_roots(tiny_org: object) -> None:
    from toteuma.storage import workflow

    _load("a", ("110010", 1, 100), ("120010", 3, 7))
    assert workflow.balance_periods() == ["2024-03", "2024-01"]
    assert _ids()["111"] in {unit for unit, *_ in descendants.stored()}


def test_the_budget_of_every_level_is_its_own_lines_and_those_below_it(tiny_org: object) -> None:
    from toteuma.core.records import BudgetKind, BudgetRecord

    budget = [
        BudgetRecord(2024, "110010", 4300, 1_000),
        BudgetRecord(2024, "120010", 4300, 500),
        BudgetRecord(2024, "1100", 4300, 30),  # posted to the area itself
        BudgetRecord(2024, "110020", 4300, 7, BudgetKind.AMENDMENT, "Kh 1.2.2024 § 5", date(2024, 2, 1)),
    ]
    storage.load_budget(budget, file_name="ta.csv", sha256="t" * 64)

    def sums(code: str) -> set[tuple[str, int]]:
        return {(item.kind.value, item.cents) for item in storage.budget_sums_by_unit([code], 2024)}

    assert sums("111") == sums("1000") == {("TA", 1_530), ("muutos", 7)}
    assert sums("1100") == {("TA", 1_030), ("muutos", 7)}
    assert sums("110010") == {("TA", 1_000)}
    storage.load_units([UnitRecord("120010", "Tarkastus", UnitKind.COST_CENTER, "1100", order=3)])
    assert sums("1100") == {("TA", 1_530), ("muutos", 7)}
    assert sums("1200") == set()
    batch = storage.batches()[0].id
    storage.rollback_batch(batch)
    assert sums("111") == set()
