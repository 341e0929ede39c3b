"""Monthly balances: the ledger summed per cost center, account and month, kept in step with every import.

Statements read these rows instead of the ledger, so a report costs the same for a ledger of ten thousand
lines as for one of ten million. The rows change only by adding a batch's sums (import) or subtracting
them (rollback), inside the same transaction as the ledger lines themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db.models import Count, Sum

from toteuma.core.messages import Text
from toteuma.storage import descendants, sql
from toteuma.storage.locks import import_transaction
from toteuma.storage.models import (
    BatchBalance,
    DescendantBalance,
    ImportBatch,
    LedgerLine,
    MonthlyBalance,
    Unit,
)
from toteuma.storage.types import LedgerCheck

# (unit id, year, month, account)
BalanceKey = tuple[int, int, int, int]
# (cents, line count)
BalanceSums = tuple[int, int]

_KEY_COLUMNS = descendants.KEY_COLUMNS  # the columns of toteuma_balance_key


def add(sums: Mapping[BalanceKey, BalanceSums], sign: int = 1) -> None:
    """Add (sign 1) or subtract (sign -1) sums to the balances and to the descendant balances of the
    units above; rows left with no lines are removed.

    The database does the addition (ON CONFLICT DO UPDATE), so two imports running at once cannot
    lose each other's sums the way a read-modify-write in Python could.
    """
    rows = [(*key, sign * cents, sign * lines) for key, (cents, lines) in sums.items()]
    columns = (*_KEY_COLUMNS, "amount_cents", "line_count")
    table = MonthlyBalance._meta.db_table
    sql.insert(table, columns, rows, descendants.on_conflict_add(table))
    if sign < 0:
        MonthlyBalance.objects.filter(line_count=0).delete()
    descendants.add(sums, sign)  # and to every unit above (decision 62)


def accumulate(target: dict[BalanceKey, list[int]], key: BalanceKey, cents: int) -> None:
    """Count one ledger line into an in-memory aggregate of a batch."""
    entry = target.get(key)
    if entry is None:
        target[key] = [cents, 1]
    else:
        entry[0] += cents
        entry[1] += 1


def frozen(target: Mapping[BalanceKey, list[int]]) -> dict[BalanceKey, BalanceSums]:
    return {key: (entry[0], entry[1]) for key, entry in target.items()}


def ledger_sums(batch_id: int | None = None) -> dict[BalanceKey, BalanceSums]:
    """The ledger summed by balance key, of one batch or of all lines: what the balances must equal."""
    lines = LedgerLine.objects.all() if batch_id is None else LedgerLine.objects.filter(batch_id=batch_id)
    rows = lines.values_list("unit_id", "year", "month", "account").annotate(
        cents=Sum("amount_cents"), count=Count("id")
    )
    return {(unit, year, month, account): (cents, count) for unit, year, month, account, cents, count in rows}


def record_batch(batch_id: int, sums: Mapping[BalanceKey, BalanceSums]) -> None:
    """Keep a batch's own sums beside it: the tie-out's figures, and what a rollback subtracts."""
    rows = [(batch_id, *key, cents, lines) for key, (cents, lines) in sums.items()]
    sql.insert(BatchBalance._meta.db_table, ("batch_id", *_KEY_COLUMNS, "amount_cents", "line_count"), rows)


def batch_sums(batch_id: int | None = None) -> dict[BalanceKey, BalanceSums]:
    """The recorded sums of one batch, or of every batch added up: what the balances must equal."""
    rows = BatchBalance.objects.all() if batch_id is None else BatchBalance.objects.filter(batch_id=batch_id)
    summed = rows.values_list(*_KEY_COLUMNS).annotate(cents=Sum("amount_cents"), count=Sum("line_count"))
    return {
        (unit, year, month, account): (cents, count) for unit, year, month, account, cents, count in summed
    }


def stored() -> dict[BalanceKey, BalanceSums]:
    """Every balance row as it is stored."""
    rows: Iterable[tuple[int, int, int, int, int, int]] = MonthlyBalance.objects.values_list(
        "unit_id", "year", "month", "account", "amount_cents", "line_count"
    )
    return {(unit, year, month, account): (cents, count) for unit, year, month, account, cents, count in rows}


def rebuild_balances() -> int:
    """Recompute every balance and batch's sums from the ledger lines (a repair tool). Returns rows.

    Imports keep both right; this is for a database whose lines were changed behind toteuma's back.
    All or nothing, in one transaction.
    """
    with import_transaction():
        return _rebuild()


def _ledger_batches() -> list[int]:
    return list(ImportBatch.objects.filter(kind=ImportBatch.Kind.LEDGER).values_list("id", flat=True))


def _rebuild() -> int:
    DescendantBalance.objects.all().delete()
    MonthlyBalance.objects.all().delete()
    BatchBalance.objects.all().delete()
    for batch_id in _ledger_batches():
        record_batch(batch_id, ledger_sums(batch_id))
    sums = ledger_sums()
    add(sums)
    return len(sums)


def _differences(
    what: Text,
    expected: Mapping[BalanceKey, BalanceSums],
    found: Mapping[BalanceKey, BalanceSums],
    message: str = "storage.difference",
) -> list[Text]:
    codes = dict(Unit.objects.values_list("id", "code"))
    return [
        Text(
            message,
            what=what,
            unit=codes.get(key[0], key[0]),
            month=f"{key[1]}-{key[2]:02d}",
            account=key[3],
            recorded=expected.get(key, (0, 0)),
            found=found.get(key, (0, 0)),
        )
        for key in sorted(set(expected) | set(found))
        if expected.get(key, (0, 0)) != found.get(key, (0, 0))
    ]


def verify_ledger() -> LedgerCheck:
    """Recount every ledger batch from its lines and the balances from the batches (reads every line).

    Reports tie out to the batches' recorded sums; this is the check behind that: the lines still
    add up to what each batch recorded when it was loaded, the balances to the batches, and the
    descendant balances to the batches added up the organisation.
    """
    differences: list[Text] = []
    batches = _ledger_batches()
    lines = 0
    for batch_id in batches:
        counted = ledger_sums(batch_id)
        lines += sum(count for _, count in counted.values())
        differences += _differences(Text("storage.batch", batch=batch_id), batch_sums(batch_id), counted)
    orphans = LedgerLine.objects.exclude(batch_id__in=batches).count()
    if orphans:
        differences.append(Text("storage.orphans", count=orphans))
    recorded = batch_sums()
    differences += _differences(Text("storage.balance"), recorded, stored())
    differences += _differences(
        Text("storage.below"), descendants.summed(recorded), descendants.stored(), "storage.unit_difference"
    )
    return LedgerCheck(batches=len(batches), lines=lines, differences=tuple(differences))
