"""What the services read: the tree, account and budget sums, investment sums, goals, texts, batches."""

from __future__ import annotations

from datetime import date

import pytest

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.records import (
    BudgetKind,
    BudgetRecord,
    GoalLevel,
    GoalRecord,
    InvestmentRecord,
    LedgerRecord,
    TextKind,
    TextRecord,
)
from toteuma.storage import Flow, Sums

pytestmark = pytest.mark.django_db

VAALIT = ["1100", "110010", "110020"]


def line(posted: str, unit: str, account: int, cents: int, project: str = "") -> LedgerRecord:
    return LedgerRecord(date.fromisoformat(posted), "T", account, unit, cents, "", project)


def load_ledger(*records: LedgerRecord, sha: str = "a" * 64) -> None:
    storage.load_ledger(records, file_name="l.csv", sha256=sha)


def load_budget(*records: BudgetRecord, sha: str = "b" * 64) -> None:
    storage.load_budget(records, file_name="ta.csv", sha256=sha)


def test_org_tree_has_parents_kinds_and_order(tiny_org: object) -> None:
    tree = storage.org_tree()
    assert [unit.code for unit in tree.children("1000")] == ["1100", "1200"]
    assert [unit.code for unit in tree.descendants("1100")] == VAALIT
    assert tree["1000"].binding_level
    assert tree["1000"].kind is UnitKind.SECTOR
    assert tree.binding_unit_of("110020") == tree["1000"]


def test_account_sums_cover_the_units_and_months_asked(tiny_org: object) -> None:
    load_ledger(
        line("2024-01-10", "110010", 4300, 1000),
        line("2024-03-10", "110020", 4300, 20),
        line("2024-03-11", "110020", 3000, -500),
        line("2024-04-01", "110010", 4300, 7),  # after the period
        line("2024-02-01", "120010", 4300, 99),  # another area
        line("2023-02-01", "110010", 4300, 5),  # another year
    )
    assert storage.account_sums(VAALIT, 2024, 1, 3) == {3000: (-500, 1), 4300: (1020, 2)}
    assert storage.account_sums(VAALIT, 2024, 2, 3) == {3000: (-500, 1), 4300: (20, 1)}
    assert storage.account_sums(["1000", "1100", "110010", "110020", "1200", "120010"], 2024, 1, 12)[
        4300
    ] == (
        1126,
        4,
    )
    assert storage.account_sums(VAALIT, 2022, 1, 12) == {}


def test_account_sums_refuse_a_backwards_month_range() -> None:
    with pytest.raises(ValueError, match=r"3\.\.1"):
        storage.account_sums(VAALIT, 2024, 3, 1)


def amendment(cents: int, decided: str, account: int = 4300) -> BudgetRecord:
    return BudgetRecord(2024, "1100", account, cents, BudgetKind.AMENDMENT, "Kv", date.fromisoformat(decided))


def test_budget_sums_count_amendments_decided_by_the_date(tiny_org: object) -> None:
    load_budget(
        BudgetRecord(2024, "1100", 4300, 10000, decided=date(2023, 12, 11)),
        BudgetRecord(2024, "110010", 4300, 500),
        amendment(300, "2024-03-31"),
        amendment(4000, "2024-04-01"),  # decided after the period end
        BudgetRecord(2024, "1200", 4300, 77),  # another area
        BudgetRecord(2025, "1100", 4300, 88),  # another year
    )
    assert storage.budget_sums(VAALIT, 2024, date(2024, 3, 31)) == {
        (4300, BudgetKind.ORIGINAL): (10500, 2),
        (4300, BudgetKind.AMENDMENT): (300, 1),
    }
    assert storage.budget_sums(VAALIT, 2024, date(2024, 4, 1))[(4300, BudgetKind.AMENDMENT)] == (4300, 2)
    assert (4300, BudgetKind.AMENDMENT) not in storage.budget_sums(VAALIT, 2024, date(2024, 3, 30))


def test_investment_sums_per_group_split_by_sign(tiny_org: object) -> None:
    storage.load_investments(
        [
            InvestmentRecord("INV1", "Tietokoneet", "Irtain omaisuus", "1100"),
            InvestmentRecord("INV2", "Järjestelmä", "Irtain omaisuus", "110010"),
            InvestmentRecord("INV3", "Piha", "Kiinteät rakenteet", "1200"),  # owned by another area
        ]
    )
    load_ledger(
        line("2024-01-05", "110010", 1150, 20000, "INV1"),
        line("2024-02-05", "120010", 1150, 3000, "INV2"),  # posted elsewhere, still the project's
        line("2024-03-05", "110010", 1150, -1500, "INV1"),
        line("2024-04-05", "110010", 1150, 999, "INV1"),  # after month_to
        line("2024-01-05", "120010", 1150, 555, "INV3"),
        line("2024-01-05", "110010", 4300, 111),  # no project
    )
    load_budget(
        BudgetRecord(2024, "1100", 1150, 50000, project="INV1"),
        BudgetRecord(2024, "1100", 1150, -10000, project="INV2"),
        BudgetRecord(2024, "1100", 1150, 700, BudgetKind.AMENDMENT, "Kv", date(2024, 2, 1), project="INV1"),
        BudgetRecord(2024, "1100", 1150, 900, BudgetKind.AMENDMENT, "Kv", date(2024, 5, 1), project="INV1"),
    )
    sums = storage.investment_sums(VAALIT, 2024, 3)
    assert list(sums) == ["Irtain omaisuus"]
    group = sums["Irtain omaisuus"]
    assert group.actual == Flow(expenses=Sums(23000, 2), income=Sums(-1500, 1))
    assert group.actual.net == Sums(21500, 3)
    assert group.budget_original == Flow(Sums(50000, 1), Sums(-10000, 1))
    assert group.amendments == Flow(Sums(700, 1))
    assert group.budget.net == Sums(40700, 3)


def test_investment_group_without_lines_still_shows(tiny_org: object) -> None:
    storage.load_investments([InvestmentRecord("INV1", "Tietokoneet", "Irtain omaisuus", "1100")])
    assert storage.investment_sums(VAALIT, 2024, 3)["Irtain omaisuus"].actual.net == Sums(0, 0)


def goal(order: int, aim: str, level: GoalLevel = GoalLevel.PLAN, **kwargs: object) -> GoalRecord:
    return GoalRecord(level, "1100", 2024, order, aim, (), ("tavoite",), **kwargs)  # type: ignore[arg-type]


def test_goals_in_order_of_one_unit_level_and_year(tiny_org: object) -> None:
    storage.load_goals(
        [
            goal(2, "Kestävä talous"),
            goal(1, "Hyvinvoinnin kasvu"),
            goal(1, "Sitova", GoalLevel.BINDING),
            GoalRecord(GoalLevel.PLAN, "1100", 2025, 1, "Ensi vuosi", (), ()),
        ]
    )
    found = storage.goals("1100", GoalLevel.PLAN, 2024, "2024-03")
    assert [item.aim for item in found] == ["Hyvinvoinnin kasvu", "Kestävä talous"]


def test_a_goals_latest_assessment_is_carried_with_its_period_until_reassessed(tiny_org: object) -> None:
    storage.load_goals([goal(1, "Kestävä talous", period="2024-03", realisation=("Etenee.",))])
    assert storage.goals("1100", GoalLevel.PLAN, 2024, "2024-03")[0].realisation == ("Etenee.",)
    carried = storage.goals("1100", GoalLevel.PLAN, 2024, "2024-06")[0]
    assert (carried.realisation, carried.period) == (("Etenee.",), "2024-03")
    assert storage.goals("1100", GoalLevel.PLAN, 2024, "2024-02")[0].period == ""  # nothing from the future
    storage.load_goals([goal(1, "Kestävä talous", period="2024-06", realisation=("Valmis.",))])
    again = storage.goals("1100", GoalLevel.PLAN, 2024, "2024-09")[0]
    assert (again.realisation, again.period) == (("Valmis.",), "2024-06")


def test_text_prefers_the_period_and_falls_back_to_the_yearly_text(tiny_org: object) -> None:
    storage.load_texts(
        [
            TextRecord("1000", 2024, "", TextKind.GOALS_INTRO, "Vuoden johdanto."),
            TextRecord("1000", 2024, "2024-03", TextKind.GOALS_INTRO, "Maaliskuun johdanto."),
            TextRecord("1000", 2024, "", TextKind.DESCRIPTION, "Kuvaus."),
        ]
    )
    assert storage.text("1000", TextKind.GOALS_INTRO, 2024, "2024-03") == "Maaliskuun johdanto."
    assert storage.text("1000", TextKind.GOALS_INTRO, 2024, "2024-06") == "Vuoden johdanto."
    assert storage.text("1000", TextKind.DESCRIPTION, 2024) == "Kuvaus."
    assert storage.text("1000", TextKind.COMMENTARY, 2024, "2024-03") == ""
    assert storage.text("1100", TextKind.DESCRIPTION, 2024) == ""


def test_batches_newest_first_and_batch_exists(tiny_org: object) -> None:
    load_ledger(line("2024-01-10", "110010", 4300, 1000), sha="1" * 64)
    load_budget(BudgetRecord(2024, "1100", 4300, 5), sha="2" * 64)
    found = storage.batches()
    assert [(batch.kind, batch.lines, batch.total_cents) for batch in found] == [
        ("budget", 1, 5),
        ("ledger", 1, 1000),
    ]
    assert found[1].first_date == found[1].last_date == date(2024, 1, 10)
    assert storage.batch_exists("ledger", "1" * 64)
    assert not storage.batch_exists("budget", "1" * 64)
