"""Monthly budgets (periodisointi): loading an imported one as a batch, and its sums per subtree."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Sum

from toteuma.core.records import MonthlyBudgetRecord
from toteuma.storage import models
from toteuma.storage.loading import _close_batch, _new_batch, _Tally, unit_ids
from toteuma.storage.locks import import_transaction
from toteuma.storage.types import LoadResult, UnknownUnitError

CHUNK = 5000


def load_monthly_budget(
    records: Iterable[MonthlyBudgetRecord],
    *,
    file_name: str,
    sha256: str,
    imported_by: str = "",
    replaces: Iterable[int] = (),
    guard: Callable[[], None] | None = None,
) -> LoadResult:
    """Insert a monthly budget file's lines as one batch, all or nothing; the batches in `replaces`
    (an earlier export of the same file) go first, in the same transaction; `guard` runs before that
    under the import lock and raises to refuse the load."""
    with import_transaction():
        if guard is not None:
            guard()
        models.ImportBatch.objects.filter(
            id__in=list(replaces), kind=models.ImportBatch.Kind.MONTHLY
        ).delete()
        batch = _new_batch(models.ImportBatch.Kind.MONTHLY, file_name, sha256, imported_by)
        units = unit_ids()
        tally, unknown, lines = _Tally(), set[str](), []
        for record in records:
            if record.unit not in units:
                unknown.add(record.unit)
                continue
            lines.append(
                models.MonthlyBudgetLine(
                    batch=batch,
                    year=record.year,
                    month=record.month,
                    unit_id=units[record.unit],
                    account=record.account,
                    amount_cents=record.amount_cents,
                )
            )
            tally.count(record.amount_cents, record.year)
        if unknown:
            raise UnknownUnitError(unknown, "monthly_budget_lines")
        models.MonthlyBudgetLine.objects.bulk_create(lines, batch_size=CHUNK)
        return _close_batch(batch, tally)


def subtree_monthly_budget_sums(roots: Iterable[str], year: int) -> dict[tuple[str, int, int], int]:
    """Per (cost center code, account, month): cents debit + of the monthly budgets of the units under
    `roots` (the roots included), in one query."""
    codes = set(roots)
    if not codes:
        return {}
    ids = _subtree_ids(codes)
    rows = (
        models.MonthlyBudgetLine.objects.filter(unit_id__in=ids, year=year)
        .values_list("unit__code", "account", "month")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    return {(code, account, month): cents for code, account, month, cents in rows}


def _subtree_ids(codes: set[str]) -> list[int]:
    parents = dict(models.Unit.objects.values_list("id", "parent_id"))
    inside = set(models.Unit.objects.filter(code__in=codes).values_list("id", flat=True))
    found = []
    for unit in parents:
        current: int | None = unit
        while current is not None and current not in inside:
            current = parents[current]
        if current is not None:
            found.append(unit)
    return found
