"""Loading a big ledger file through the database's fast path: COPY on PostgreSQL, a staged INSERT on SQLite.

All in one transaction with the batch row and the monthly balances, so a process killed midway
leaves nothing behind: the database rolls the open transaction back.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

from django.db import OperationalError, connection

from toteuma.core.bulk import LEDGER_COLUMNS, LedgerSource, LedgerTotals
from toteuma.storage import balances, statistics
from toteuma.storage.loading import LEDGER_TABLES, _new_batch, rollback_batch, unit_ids
from toteuma.storage.locks import import_transaction
from toteuma.storage.models import ImportBatch, LedgerLine
from toteuma.storage.rebuild import without_indexes
from toteuma.storage.types import LoadResult, StorageError, UnknownUnitError

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # (lines done, lines in all)
_STAGE = "toteuma_stage_"  # the alias of an attached scratch file
SQLITE_CHUNK = 20_000  # rows fetched from the source per executemany: memory stays flat
STAGE_FROM = 200_000  # lines from which SQLite loads through a scratch file (below, executemany is as fast)


def load_ledger_source(
    source: LedgerSource,
    *,
    file_name: str,
    sha256: str,
    imported_by: str = "",
    replaces: Sequence[int] = (),
    progress: Progress | None = None,
    guard: Callable[[], None] | None = None,
) -> LoadResult:
    """Insert a parsed ledger file as one batch, after rolling back the batches it `replaces`.

    `guard` runs first under the import lock and raises to refuse the load: what the caller checked
    before (the batches over the same months) may have changed while it waited for the lock.
    """
    totals = source.totals()
    outermost = not connection.in_atomic_block
    if outermost and connection.vendor == "sqlite":
        _detach_earlier()
    try:
        started = time.perf_counter()
        result = _load(source, totals, file_name, sha256, imported_by, replaces, progress, guard)
        log.info("ledger load: %d lines committed in %.2f s", totals.lines, time.perf_counter() - started)
        return result
    finally:
        if outermost and connection.vendor == "sqlite":
            _detach_earlier()  # the scratch file of this load, now that its transaction has ended


def _load(
    source: LedgerSource,
    totals: LedgerTotals,
    file_name: str,
    sha256: str,
    imported_by: str,
    replaces: Sequence[int],
    progress: Progress | None,
    guard: Callable[[], None] | None,
) -> LoadResult:
    with import_transaction():
        if guard is not None:
            guard()
        for batch_id in replaces:
            rollback_batch(batch_id)
        batch = _new_batch(ImportBatch.Kind.LEDGER, file_name, sha256, imported_by)
        ids = unit_ids()
        sums = source.balances()
        unknown = {row.unit for row in sums if row.unit not in ids}
        if unknown:
            raise UnknownUnitError(unknown, "ledger_lines")
        started = time.perf_counter()
        rebuild = totals.lines > _existing_lines()
        with without_indexes(LedgerLine._meta.db_table, rebuild=rebuild):
            inserted = _insert(source, batch.id, ids, _Meter(totals.lines, progress))
            rows_done = time.perf_counter()
        indexes_done = time.perf_counter()
        log.info("ledger load: rows %.2f s, indexes %.2f s", rows_done - started, indexes_done - rows_done)
        if inserted != totals.lines:
            raise StorageError("storage.lines_lost", inserted=inserted, lines=totals.lines)
        keyed = {(ids[row.unit], row.year, row.month, row.account): (row.cents, row.lines) for row in sums}
        balances.add(keyed)
        balances.record_batch(batch.id, keyed)
        batch.line_count, batch.total_cents = totals.lines, totals.total_cents
        batch.first_date, batch.last_date, batch.years = totals.first, totals.last, list(totals.years)
        batch.save(update_fields=["line_count", "total_cents", "first_date", "last_date", "years"])
        # A rebuild analysed the lines already; the other tables (and the lines otherwise) here.
        statistics.refresh(*(table for table in LEDGER_TABLES if not (rebuild and table is LedgerLine)))
        return LoadResult(lines=totals.lines, total_cents=totals.total_cents, batch_id=batch.id)


def _existing_lines() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(LedgerLine._meta.db_table)}")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


class _Meter:
    """Reports lines done to a progress callback."""

    def __init__(self, total: int, callback: Progress | None) -> None:
        self.total, self.callback = total, callback

    def lines(self, done: int) -> None:
        if self.callback is not None:
            self.callback(min(done, self.total), self.total)


def _insert(source: LedgerSource, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    table = LedgerLine._meta.db_table
    if connection.vendor == "postgresql":
        return _copy(source, table, batch_id, ids, meter)
    if meter.total >= STAGE_FROM:
        return _staged(source, table, batch_id, ids, meter)
    return _executemany(source, table, batch_id, ids, meter)


def _copy(source: LedgerSource, table: str, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    """COPY from a pipe that the source writes into from another thread: writing and loading overlap."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in LEDGER_COLUMNS)
    statement = f"COPY {quote(table)} ({columns}) FROM STDIN (FORMAT csv)"
    read_end, write_end = os.pipe()
    failed: list[BaseException] = []

    def produce() -> None:
        try:
            source.write_csv(Path(f"/dev/fd/{write_end}"), batch_id, ids)
        except BaseException as exc:
            failed.append(exc)
        finally:
            os.close(write_end)  # the reader sees the end of the rows (or of a failed write)

    writer = threading.Thread(target=produce, name="toteuma-ledger-csv", daemon=True)
    writer.start()
    try:
        # Closing the read end first (leaving the with-block) lets a writer blocked on a full pipe
        # fail instead of waiting for ever when COPY stops early.
        with os.fdopen(read_end, "rb") as rows, connection.cursor() as cursor:
            with cursor.cursor.copy(statement) as copy:
                newlines = 0
                while block := rows.read(1 << 20):
                    copy.write(block)
                    newlines += block.count(b"\n")
                    meter.lines(newlines)
            count = int(cursor.cursor.rowcount)
    finally:
        writer.join()
    if failed:
        raise StorageError("storage.copy_failed", reason=failed[0]) from failed[0]
    return count


def _staged(source: LedgerSource, table: str, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    """SQLite: the rows into a scratch database file in C (Arrow and ADBC), then one INSERT ... SELECT.

    The scratch file is attached to our connection, so the INSERT runs inside the load's transaction:
    a killed import leaves the ledger as it was (and only a file in the temporary folder behind).
    """
    folder = Path(tempfile.mkdtemp(prefix="toteuma-stage-"))
    path = folder / "rows.sqlite3"
    alias = f"{_STAGE}{uuid.uuid4().hex[:12]}"
    columns = ", ".join(LEDGER_COLUMNS)
    try:
        source.write_sqlite(path, "lines", batch_id, ids, lambda done: meter.lines(done * 9 // 10))
        with connection.cursor() as cursor:
            cursor.execute(f"ATTACH DATABASE %s AS {alias}", [str(path)])
            cursor.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM {alias}.lines')
            count = int(cursor.rowcount)
            with suppress(OperationalError):
                # Refused while the load's transaction reads it: detached after the commit.
                cursor.execute(f"DETACH DATABASE {alias}")
        meter.lines(count)
        return count
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _detach_earlier() -> None:
    """Detach scratch files of earlier loads that could not be detached inside their transaction."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA database_list")
        for name in [str(row[1]) for row in cursor.fetchall() if str(row[1]).startswith(_STAGE)]:
            with suppress(OperationalError):  # still read by an open transaction: a later load detaches it
                cursor.execute(f"DETACH DATABASE {name}")


def _executemany(source: LedgerSource, table: str, batch_id: int, ids: dict[str, int], meter: _Meter) -> int:
    """A smaller file on SQLite: rows through the database module (Django's cursor wrapper costs more)."""
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
