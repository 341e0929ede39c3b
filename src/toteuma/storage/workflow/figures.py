"""Reading for the dashboard: periods with data, monthly sums, sums per cost center, ledger lines."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet, Sum

from toteuma.storage.closure import Units, unit_ids
from toteuma.storage.models import Account, DescendantBalance, Goal, LedgerLine, MonthlyBalance, Unit

# Sort keys a user may pick, to the ledger's columns; the id breaks ties so pages never overlap.
# Within one year, (month, posted) orders exactly as posted does; saying it lets the drill index
# (unit, account, year, month, posted, id) and the date index (year, month, posted, id) give the
# order themselves, so a page reads its fifty lines and sorts nothing.
SORTS = {
    "date": ("year", "month", "posted", "id"),
    "-date": ("-year", "-month", "-posted", "-id"),
    "amount": ("amount_cents", "id"),
    "-amount": ("-amount_cents", "-id"),
    "account": ("account", "year", "month", "posted", "id"),
    "document": ("document", "id"),
}


@dataclass(frozen=True)
class LedgerRow:
    posted: date
    document: str
    account: int
    unit: str
    project: str
    amount_cents: int  # debit +
    text: str


def _unit_ids(codes: Units) -> QuerySet[Any, int]:
    """A subquery of the units' ids (a Subtree through the closure), so the sums below need no join."""
    return unit_ids(codes)


def balance_periods() -> list[str]:
    """Every month (YYYY-MM) that has ledger lines, newest first: from the organisation's roots' own
    and descendant balances, which hold every month of every unit in a few rows (decision 62)."""
    roots = Unit.objects.filter(parent__isnull=True)
    found = set()
    for model in (MonthlyBalance, DescendantBalance):
        found |= set(model.objects.filter(unit__in=roots).values_list("year", "month").distinct().order_by())
    return [f"{year:04d}-{month:02d}" for year, month in sorted(found, reverse=True)]


def monthly_account_sums(codes: Units, year: int) -> dict[tuple[int, int], int]:
    """Per (month, account): cents debit + of the units in the year."""
    rows = (
        MonthlyBalance.objects.filter(unit_id__in=_unit_ids(codes), year=year)
        .values_list("month", "account")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    return {(month, account): cents for month, account, cents in rows}


def unit_account_sums(
    codes: Units, year: int, month_from: int, month_to: int, accounts: Iterable[int]
) -> dict[tuple[str, int], tuple[int, int]]:
    """Per (cost center code, account): (cents debit +, line count) over the months."""
    rows = (
        MonthlyBalance.objects.filter(
            unit_id__in=_unit_ids(codes),
            year=year,
            month__gte=month_from,
            month__lte=month_to,
            account__in=list(accounts),
        )
        .values_list("unit__code", "account")
        .annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
        .order_by()
    )
    return {(unit, account): (cents, count) for unit, account, cents, count in rows}


def _lines(
    codes: Units, accounts: Iterable[int], year: int, month_from: int, month_to: int
) -> QuerySet[LedgerLine]:
    # The ids as literals, not a subquery: the planner then estimates how many lines match and picks
    # the drill index (few lines, then sort) or the date index (many lines, stop after a page) rightly.
    return LedgerLine.objects.filter(
        unit_id__in=list(_unit_ids(codes)),
        account__in=list(accounts),
        year=year,
        month__gte=month_from,
        month__lte=month_to,
    )


def ledger_total(
    codes: Units, accounts: Iterable[int], year: int, month_from: int, month_to: int
) -> tuple[int, int]:
    """(cents debit +, line count) of the lines, summed by the database from the lines themselves."""
    found = _lines(codes, accounts, year, month_from, month_to).aggregate(
        cents=Sum("amount_cents"), count=Count("id")
    )
    return found["cents"] or 0, found["count"]


def _row(values: tuple[date, str, int, str, str, int, str]) -> LedgerRow:
    return LedgerRow(*values)


_FIELDS = ("posted", "document", "account", "unit__code", "project", "amount_cents", "text")


def ledger_page(
    codes: Units,
    accounts: Iterable[int],
    year: int,
    months: tuple[int, int],
    sort: str = "date",
    offset: int = 0,
    limit: int = 50,
) -> list[LedgerRow]:
    """One page of the lines in the chosen order."""
    lines = _lines(codes, accounts, year, *months).order_by(*SORTS.get(sort, SORTS["date"]))
    return [_row(values) for values in lines.values_list(*_FIELDS)[offset : offset + limit]]


def ledger_rows(
    codes: Units, accounts: Iterable[int], year: int, months: tuple[int, int], sort: str = "date"
) -> Iterator[LedgerRow]:
    """Every line, streamed in chunks (a CSV download of a big cell must not load it all at once)."""
    lines = _lines(codes, accounts, year, *months).order_by(*SORTS.get(sort, SORTS["date"]))
    for values in lines.values_list(*_FIELDS).iterator(chunk_size=5000):
        yield _row(values)


def account_names(numbers: Iterable[int]) -> dict[int, str]:
    return dict(Account.objects.filter(number__in=list(numbers)).values_list("number", "name"))


def goal_ids(unit_code: str, year: int) -> dict[tuple[str, str], int]:
    """The unit's goals of the year: (level, aim) -> id."""
    rows = Goal.objects.filter(unit__code=unit_code, year=year).values_list("level", "aim", "id")
    return {(level, aim): goal_id for level, aim, goal_id in rows}


def sums_by_unit(year: int, month_from: int, month_to: int) -> dict[tuple[str, int], int]:
    """Per (unit code, account): cents debit + over the months, of every unit in one query (the overview)."""
    rows = (
        MonthlyBalance.objects.filter(year=year, month__gte=month_from, month__lte=month_to)
        .values_list("unit__code", "account")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    return {(code, account): cents for code, account, cents in rows}


def budget_by_unit(year: int, decided_by: date) -> dict[tuple[str, int, str], int]:
    """Per (unit code, account, kind): budget cents in force at `decided_by`, of every unit in one query."""
    from django.db.models import Q

    from toteuma.storage.models import BudgetLine

    in_force = Q(kind="TA") | Q(kind="muutos", decided__lte=decided_by)
    rows = (
        BudgetLine.objects.filter(in_force, year=year)
        .values_list("unit__code", "account", "kind")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    return {(code, account, kind): cents for code, account, kind, cents in rows}


def goal_statuses(year: int, period: str) -> dict[str, dict[str, int]]:
    """Per unit code: how many of its goals of the year have each status at `period` ("" = not assessed)."""
    from toteuma.storage.models import GoalAssessment

    # The latest assessment at or before the period stands (decisions.md, 45): later rows win.
    assessed = dict(
        GoalAssessment.objects.filter(goal__year=year, period__lte=period)
        .order_by("goal_id", "period")
        .values_list("goal_id", "status")
    )
    found: dict[str, dict[str, int]] = {}
    for goal_id, code in Goal.objects.filter(year=year).values_list("id", "unit__code"):
        status = assessed.get(goal_id, "")
        counts = found.setdefault(code, {})
        counts[status] = counts.get(status, 0) + 1
    return found


def data_version() -> tuple[int, int, int]:
    """Changes whenever a batch is imported or rolled back, or anything is written through the web."""
    from django.db import connection

    from toteuma.storage.models import ImportBatch
    from toteuma.storage.workflow.models import AuditEntry

    batches, audit = ImportBatch._meta.db_table, AuditEntry._meta.db_table
    with connection.cursor() as cursor:  # one round trip: this runs on every dashboard request
        cursor.execute(
            f"SELECT (SELECT coalesce(max(id), 0) FROM {batches}), (SELECT count(*) FROM {batches}), "
            f"(SELECT coalesce(max(id), 0) FROM {audit})"
        )
        last, count, audited = cursor.fetchone()
    return int(last), int(count), int(audited)


def balance_total(
    codes: Units, accounts: Iterable[int], year: int, month_from: int, month_to: int
) -> tuple[int, int]:
    """(cents debit +, line count) of the same lines as `ledger_total`, read from the monthly balances.

    The balances hold exactly the sums and counts of the ledger per cost center, account and month
    (kept in the import's transaction), so this equals the lines' own sum at any ledger size.
    """
    found = MonthlyBalance.objects.filter(
        unit_id__in=_unit_ids(codes),
        account__in=list(accounts),
        year=year,
        month__gte=month_from,
        month__lte=month_to,
    ).aggregate(cents=Sum("amount_cents"), count=Sum("line_count"))
    return found["cents"] or 0, found["count"] or 0
