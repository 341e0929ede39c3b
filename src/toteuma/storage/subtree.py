"""Sums of whole subtrees of the organisation, grouped by the cost center that carries them.

The one way statements and measures read the monthly balances and the budget for many units at once:
a fixed number of queries per source and year, whatever the number of units asked for. The caller
rolls the (cost center, account) sums up the tree itself (in Python, grouped by unit once).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db.models import Count, QuerySet, Sum

from toteuma.core.records import BudgetKind
from toteuma.storage import models
from toteuma.storage.types import BudgetSum


def _subtree_ids(roots: Iterable[str]) -> QuerySet[models.Unit, int]:
    """The ids of the roots and every unit under them, as a subquery."""
    codes = set(roots)
    parents = dict(models.Unit.objects.values_list("id", "parent_id"))
    root_ids = set(models.Unit.objects.filter(code__in=codes).values_list("id", flat=True))
    inside = {unit for unit in parents if _under(unit, root_ids, parents)}
    return models.Unit.objects.filter(id__in=sorted(inside)).values_list("id", flat=True)


def _under(unit: int, roots: set[int], parents: Mapping[int, int | None]) -> bool:
    current: int | None = unit
    while current is not None:
        if current in roots:
            return True
        current = parents[current]
    return False


def subtree_ledger_sums(
    roots: Iterable[str], year: int, month_from: int = 1, month_to: int = 12
) -> dict[tuple[str, int], tuple[int, int]]:
    """Per (cost center code, account): (cents debit +, ledger line count) over the months, of the
    units under `roots` (the roots included), from the monthly balances, in one query."""
    if not 1 <= month_from <= month_to <= 12:
        raise ValueError(f"months must satisfy 1 <= from <= to <= 12, got {month_from}..{month_to}")
    rows = (
        models.MonthlyBalance.objects.filter(
            unit_id__in=_subtree_ids(roots), year=year, month__gte=month_from, month__lte=month_to
        )
        .values_list("unit__code", "account")
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
        .order_by()
    )
    return {(code, account): (cents, count) for code, account, cents, count in rows}


def subtree_budget_sums(roots: Iterable[str], year: int) -> list[BudgetSum]:
    """Every budget decision of the year (original and each amendment, whatever its date) of the units
    under `roots`, per cost center and account, in one query. The caller picks what was in force."""
    rows = (
        models.BudgetLine.objects.filter(unit_id__in=_subtree_ids(roots), year=year)
        .values_list("unit__code", "account", "kind", "decision", "decided")
        .annotate(cents=Sum("amount_cents"), count=Count("id"))
        .order_by("unit__code", "account", "kind", "decided", "decision")
    )
    return [
        BudgetSum(code, account, BudgetKind(kind), decision, decided, cents, count)
        for code, account, kind, decision, decided, cents, count in rows
    ]
