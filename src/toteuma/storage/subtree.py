"""Sums of whole subtrees of the organisation, through its closure table (storage.closure).

The one way statements and measures read the monthly balances and the budget for many units at once:
one query per source and year, whatever the number of units asked for or under them. A subtree is
the join `closure.ancestor = asked unit`, an index range, never a list of every unit code under it.
`*_by_unit` sum each asked unit's whole subtree in the database; `subtree_*` keep the cost centers
apart (for a caller that needs them, e.g. a forecast).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Sum

from toteuma.core.records import BudgetKind
from toteuma.storage import models
from toteuma.storage.types import BudgetSum

# (unit code, account) -> (cents debit +, line count)
AccountSums = dict[tuple[str, int], tuple[int, int]]


def subtree_ids(roots: Iterable[str]) -> QuerySet[models.UnitClosure, int]:
    """The ids of the roots and every unit under them, as a subquery of the closure."""
    return models.UnitClosure.objects.filter(ancestor__code__in=sorted(set(roots))).values_list(
        "descendant_id", flat=True
    )


def _months(month_from: int, month_to: int) -> None:
    if not 1 <= month_from <= month_to <= 12:
        raise ValueError(f"months must satisfy 1 <= from <= to <= 12, got {month_from}..{month_to}")


def subtree_ledger_sums(
    roots: Iterable[str], year: int, month_from: int = 1, month_to: int = 12
) -> AccountSums:
    """Per (cost center code, account): (cents debit +, ledger line count) over the months, of the
    units under `roots` (the roots included), from the monthly balances, in one query."""
    _months(month_from, month_to)
    rows = (
        models.MonthlyBalance.objects.filter(
            unit_id__in=subtree_ids(roots), year=year, month__gte=month_from, month__lte=month_to
        )
        .values_list("unit__code", "account")
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
        .order_by()
    )
    return {(code, account): (cents, count) for code, account, cents, count in rows}


def subtree_ledger_months(
    roots: Iterable[str], year: int, month_to: int = 12
) -> dict[tuple[str, int, int], int]:
    """Per (cost center code, account, month): cents debit + of months 1..`month_to`, of the units under
    `roots` (the roots included), from the monthly balances, in one query (a forecast's months)."""
    _months(1, month_to)
    rows = (
        models.MonthlyBalance.objects.filter(unit_id__in=subtree_ids(roots), year=year, month__lte=month_to)
        .values_list("unit__code", "account", "month")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    return {(code, account, month): cents for code, account, month, cents in rows}


def ledger_sums_by_unit(
    units: Iterable[str], year: int, month_from: int = 1, month_to: int = 12
) -> AccountSums:
    """Per (asked unit code, account): (cents debit +, line count) of the unit's whole subtree over
    the months: its own balances and its descendant balances (decision 62), two queries whatever the
    number of units asked or under them (a unit under another asked unit counts in both)."""
    _months(month_from, month_to)
    asked = sorted(set(units))
    found: dict[tuple[str, int], list[int]] = {}
    for model in (models.MonthlyBalance, models.DescendantBalance):
        rows = (
            model.objects.filter(unit__code__in=asked, year=year, month__gte=month_from, month__lte=month_to)
            .values_list("unit__code", "account")
            .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
            .order_by()
        )
        for code, account, cents, count in rows:
            entry = found.setdefault((code, account), [0, 0])
            entry[0] += cents
            entry[1] += count
    return {key: (cents, count) for key, (cents, count) in found.items()}


def _budget_sums(lines: QuerySet[models.BudgetLine], unit: str) -> list[BudgetSum]:
    rows = (
        lines.values_list(unit, "account", "kind", "decision", "decided")
        .annotate(cents=Sum("amount_cents"), count=Count("id"))
        .order_by(unit, "account", "kind", "decided", "decision")
    )
    return [
        BudgetSum(code, account, BudgetKind(kind), decision, decided, cents, count)
        for code, account, kind, decision, decided, cents, count in rows
    ]


def subtree_budget_sums(roots: Iterable[str], year: int, kind: BudgetKind | None = None) -> list[BudgetSum]:
    """Every budget decision of the year (original and each amendment, whatever its date; of one kind
    when given) of the units under `roots`, per cost center and account, in one query. The caller
    picks what was in force."""
    lines = models.BudgetLine.objects.filter(unit_id__in=subtree_ids(roots), year=year)
    return _budget_sums(lines if kind is None else lines.filter(kind=kind.value), "unit__code")


def budget_sums_by_unit(units: Iterable[str], year: int) -> list[BudgetSum]:
    """As `subtree_budget_sums`, but per asked unit (its whole subtree added up) and account: its own
    budget lines and its descendant budget (decision 62), two queries whatever the number of units."""
    asked = sorted(set(units))
    keys = ("unit__code", "account", "kind", "decision", "decided")
    found: dict[tuple[Any, ...], list[int]] = {}
    own = (
        models.BudgetLine.objects.filter(unit__code__in=asked, year=year)
        .values_list(*keys)
        .annotate(cents=Sum("amount_cents"), count=Count("id"))
    )
    below = (
        models.DescendantBudget.objects.filter(unit__code__in=asked, year=year)
        .values_list(*keys)
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
    )
    for rows in (own.order_by(), below.order_by()):
        for *key, cents, count in rows:
            entry = found.setdefault(tuple(key), [0, 0])
            entry[0] += cents
            entry[1] += count
    ordered = sorted(found.items(), key=lambda item: _decision_order(item[0]))
    return [
        BudgetSum(code, account, BudgetKind(kind), decision, decided, cents, count)
        for (code, account, kind, decision, decided), (cents, count) in ordered
    ]


def _decision_order(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """Unit, account, kind, then the decisions by date (undated last, as PostgreSQL sorts) and name."""
    code, account, kind, decision, decided = key
    return (code, account, kind, decided is None, decided or date.min, decision)


def monthly_sums_by_unit(unit: str, years: Iterable[int]) -> dict[tuple[int, int, int], int]:
    """Per (year, month, account): cents debit + of the unit's whole subtree in these years: its own
    balances and its descendant balances, in two queries."""
    found: dict[tuple[int, int, int], int] = {}
    for model in (models.MonthlyBalance, models.DescendantBalance):
        rows = (
            model.objects.filter(unit__code=unit, year__in=sorted(set(years)))
            .values_list("year", "month", "account")
            .annotate(cents=Sum("amount_cents"))
            .order_by()
        )
        for year, month, account, cents in rows:
            found[(year, month, account)] = found.get((year, month, account), 0) + cents
    return found
