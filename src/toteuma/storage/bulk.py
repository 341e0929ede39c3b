"""Loading a big ledger file through the database's fast path: COPY on PostgreSQL, executemany on SQLite.

All in one transaction with the batch row and the monthly balances, so a process killed midway
leaves nothing behind: the database rolls the open transaction back.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from django.db import connection, transaction

from toteuma.core.bulk import LEDGER_COLUMNS, LedgerSource
from toteuma.storage import balances
from toteuma.storage.loading import _new_batch, rollback_batch, unit_ids
from toteuma.storage.models import ImportBatch, LedgerLine
from toteuma.storage.rebuild import without_indexes
from toteuma.storage.types import LoadResult, StorageError, UnknownUnitError

Progress = Callable[[int, int], None]  # (lines done, lines in all)
SQLITE_CHUNK = 20_000  # rows fetched from the source per executemany: memory stays flat


def load_ledger_source(
    source: LedgerSource,
    *,
    file_name: str,
    sha256: str,
    imported_by: str = "",
    replaces: Sequence[int] = (),
    progress: Progress | None = None,
) -> LoadResult:
    """Insert a parsed ledger file as one batch, after rolling back the batches it `replaces`."""
    totals = source.totals()
    with transaction.atomic():
        for batch_id in replaces:
            rollback_batch(batch_id)
        batch = _new_batch(ImportBatch.Kind.LEDGER, file_name, sha256, imported_by)
        ids = unit_ids()
        sums = source.balances()
        unknown = {row.unit for row in sums if row.unit not in ids}
        if unknown:
            raise UnknownUnitError(unknown, "ledger lines")
        with without_indexes(LedgerLine._meta.db_table, rebuild=totals.lines > _existing_lines()):
            inserted = _insert(source, batch.id, ids, _Meter(totals.lines, progress))
        if inserted != totals.lines:
            raise StorageError(f"{inserted} ledger lines went in where the file has {totals.lines}")
        balances.add(
            {(ids[row.unit], row.year, row.month, row.account): (row.cents, row.lines) for row in sums}
        )
        batch.line_count, batch.total_cents = totals.lines, totals.total_cents
        batch.first_date, batch.last_date, batch.years = totals.first, totals.last, list(totals.years)
        batch.save(update_fields=["line_count", "total_cents", "first_date", "last_date", "years"])
        return LoadResult(lines=totals.lines, total_cents=totals.total_cents, batch_id=batch.id)


def _existing_lines() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(LedgerLine._meta.db_table)}")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


class _Meter:
    """Reports lines done to a progress callback; on COPY, estimated from the bytes sent."""

    def __init__(self, total: int, callback: Progress | None) -> None:
        self.total, self.callback = total, callback

    def lines(self, done: int) -> None:
        if self.callback is not None:
            self.callback(min(done, self.total), self.total)

    def fraction(self, part: int, whole: int) -> None:
        self.lines(self.total * part // max(whole, 1))


def _insert(source: LedgerSource, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    table = LedgerLine._meta.db_table
    if connection.vendor == "postgresql":
        return _copy(source, table, batch_id, ids, meter)
    return _executemany(source, table, batch_id, ids, meter)


def _copy(source: LedgerSource, table: str, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in LEDGER_COLUMNS)
    handle, name = tempfile.mkstemp(suffix=".csv", prefix="toteuma-ledger-")
    os.close(handle)
    path = Path(name)
    try:
        source.write_csv(path, batch_id, ids)
        statement = f"COPY {quote(table)} ({columns}) FROM STDIN (FORMAT csv)"
        size, sent = path.stat().st_size, 0
        with connection.cursor() as cursor, path.open("rb") as data:
            with cursor.cursor.copy(statement) as copy:
                while block := data.read(1 << 20):
                    copy.write(block)
                    sent += len(block)
                    meter.fraction(sent, size)
            return int(cursor.cursor.rowcount)
    finally:
        path.unlink(missing_ok=True)


def _executemany(source: LedgerSource, table: str, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    """SQLite through its own module: Django's cursor wrapper costs more than SQLite's work per row."""
    connection.ensure_connection()
    raw = connection.connection
    marks = ", ".join("?" for _ in LEDGER_COLUMNS)
    statement = f'INSERT INTO "{table}" ({", ".join(LEDGER_COLUMNS)}) VALUES ({marks})'
    count = 0
    for chunk in source.row_chunks(batch_id, ids, SQLITE_CHUNK):
        raw.executemany(statement, chunk)
        count += len(chunk)
        meter.lines(count)
    return count
