"""Descendant balances and budget: each unit's sums of every unit below it, added up (decision 62).

A statement of the municipality or of a binding unit then reads a few hundred rows per month instead
of every cost center's balances (and the descendant budget instead of every budget line): its own
balances (usually none) plus its row here. The balances' rows change with the balances, in the same
transaction: an import adds its sums to every unit above each cost center (proportional to the
batch, not to the ledger), a rollback subtracts them, and a change of the organisation writes them
anew from the balances and the closure in one statement. The budget's are written anew after every
budget import or rollback.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import connection

from toteuma.storage import sql
from toteuma.storage.models import (
    BudgetLine,
    DescendantBalance,
    DescendantBudget,
    MonthlyBalance,
    UnitClosure,
)

BalanceKey = tuple[int, int, int, int]  # (unit id, year, month, account)
BalanceSums = tuple[int, int]  # (cents, line count)
KEY_COLUMNS = ("unit_id", "year", "month", "account")


def on_conflict_add(table: str) -> str:
    """Add to the existing row instead of failing; the same text runs on SQLite and PostgreSQL."""
    quote = connection.ops.quote_name
    amount, count = quote("amount_cents"), quote("line_count")
    return (
        f" ON CONFLICT ({', '.join(quote(column) for column in KEY_COLUMNS)}) DO UPDATE SET "
        f"{amount} = {quote(table)}.{amount} + excluded.{amount}, "
        f"{count} = {quote(table)}.{count} + excluded.{count}"
    )


def _above() -> dict[int, list[int]]:
    """Every unit's ancestors (itself left out), from the closure."""
    found: dict[int, list[int]] = {}
    for ancestor, descendant in UnitClosure.objects.filter(depth__gt=0).values_list(
        "ancestor_id", "descendant_id"
    ):
        found.setdefault(descendant, []).append(ancestor)
    return found


def summed(sums: Mapping[BalanceKey, BalanceSums], sign: int = 1) -> dict[BalanceKey, BalanceSums]:
    """The balance sums added up to every unit above each one (sign -1: subtracted)."""
    above = _above()
    totals: dict[BalanceKey, list[int]] = {}
    for (unit, year, month, account), (cents, lines) in sums.items():
        for ancestor in above.get(unit, ()):
            entry = totals.get((ancestor, year, month, account))
            if entry is None:
                totals[(ancestor, year, month, account)] = [cents, lines]
            else:
                entry[0] += cents
                entry[1] += lines
    return {key: (sign * cents, sign * lines) for key, (cents, lines) in totals.items()}


def stored() -> dict[BalanceKey, BalanceSums]:
    """Every descendant balance row as it is stored."""
    rows = DescendantBalance.objects.values_list(*KEY_COLUMNS, "amount_cents", "line_count")
    return {(unit, year, month, account): (cents, count) for unit, year, month, account, cents, count in rows}


def add(sums: Mapping[BalanceKey, BalanceSums], sign: int = 1) -> None:
    """Add (sign 1) or subtract (sign -1) balance sums to the rows of every unit above each one."""
    rows = [(*key, cents, lines) for key, (cents, lines) in summed(sums, sign).items()]
    table = DescendantBalance._meta.db_table
    sql.insert(table, (*KEY_COLUMNS, "amount_cents", "line_count"), rows, on_conflict_add(table))
    if sign < 0:
        DescendantBalance.objects.filter(line_count=0).delete()


def rebuild() -> None:
    """Write every row anew from the balances and the closure (after the organisation changed)."""
    quote = connection.ops.quote_name
    below, balances, closure = (
        quote(model._meta.db_table) for model in (DescendantBalance, MonthlyBalance, UnitClosure)
    )
    columns = ", ".join(quote(column) for column in (*KEY_COLUMNS, "amount_cents", "line_count"))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {below}")
        cursor.execute(
            f"INSERT INTO {below} ({columns}) "
            "SELECT c.ancestor_id, b.year, b.month, b.account, SUM(b.amount_cents), SUM(b.line_count) "
            f"FROM {balances} b JOIN {closure} c ON c.descendant_id = b.unit_id AND c.depth > 0 "
            "GROUP BY c.ancestor_id, b.year, b.month, b.account"
        )


def rebuild_budget() -> None:
    """Write the descendant budget anew from the budget lines and the closure (one statement)."""
    quote = connection.ops.quote_name
    below, lines, closure = (
        quote(model._meta.db_table) for model in (DescendantBudget, BudgetLine, UnitClosure)
    )
    keys = ("year", "account", "kind", "decision", "decided")
    columns = ", ".join(quote(column) for column in ("unit_id", *keys, "amount_cents", "line_count"))
    grouped = ", ".join(f"b.{quote(column)}" for column in keys)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {below}")
        cursor.execute(
            f"INSERT INTO {below} ({columns}) "
            f"SELECT c.ancestor_id, {grouped}, SUM(b.amount_cents), COUNT(*) "
            f"FROM {lines} b JOIN {closure} c ON c.descendant_id = b.unit_id AND c.depth > 0 "
            f"GROUP BY c.ancestor_id, {grouped}"
        )
