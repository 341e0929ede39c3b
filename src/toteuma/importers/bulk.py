"""The fast path for big ledger CSV files: DuckDB reads, checks and sums them as exact decimals.

Python parsing costs a few microseconds a line, which is a minute for a big city's year. DuckDB reads
the file as text columns and does what `values.py` does, vectorised: the amount becomes
DECIMAL(18,2) (never a float) and then integer cents. This path is stricter than the row-by-row
parser and never looser: any line it cannot read exactly makes it give up (`open_ledger` returns
None) and the row-by-row parser then reads the file and reports every problem with its row.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from toteuma.core.bulk import BalanceRow, LedgerSource, LedgerTotals, RowsDone
from toteuma.importers.values import grouped

# Shapes the row-by-row parser accepts too (values.parse_date, parse_int); anything else falls back.
_DATE_FI = r"^\d{1,2}\.\d{1,2}\.\d{4}$"
_DATE_ISO = r"^\d{4}-\d{2}-\d{2}$"
_AMOUNT = r"^[+-]?(\d+(\.\d{0,2})?|\.\d{1,2})$"
ARROW_ROWS = 100_000  # rows per Arrow batch on the way into SQLite
MEMORY_LIMIT = "256MB"  # DuckDB's own; beyond it the parsed table spills to the temporary folder
_SPACES = "[ \u00a0\u202f\u2009']"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _amount_sql(column: str, decimal: str) -> tuple[str, str]:
    """SQL for (normalised text, sign) of an amount cell, as values.parse_amount reads it."""
    thousands = "." if decimal == "," else ","
    a0 = f"replace(trim(coalesce({column}, '')), '\u2212', '-')"
    paren = f"({a0} LIKE '(%)')"
    a1 = f"(CASE WHEN {paren} THEN {a0}[2:-2] ELSE {a0} END)"
    trail = f"({a1} LIKE '%-')"
    a2 = f"(CASE WHEN {trail} THEN {a1}[1:-2] ELSE {a1} END)"
    bare = f"regexp_replace({a2}, {_quote(_SPACES)}, '', 'g')"
    shaped = f"(CASE WHEN regexp_matches({bare}, {_quote(grouped(decimal))}) THEN {bare} END)"
    a3 = f"replace(replace({shaped}, '{thousands}', ''), '{decimal}', '.')"
    sign = f"(CASE WHEN {paren} <> {trail} THEN -1 ELSE 1 END)"
    return a3, sign


def _select(columns: Mapping[str, str], decimal: str) -> str:
    """The parsed columns and a `bad` flag over the raw text columns named in `columns`."""

    def cell(name: str) -> str:
        raw = columns.get(name)
        return f"trim(coalesce({raw}, ''))" if raw else "''"

    day = f"split_part(split_part({cell('posted')}, ' ', 1), 'T', 1)"
    posted = (
        f"(CASE WHEN regexp_matches({day}, '{_DATE_FI}') THEN try_strptime({day}, '%d.%m.%Y') "
        f"WHEN regexp_matches({day}, '{_DATE_ISO}') THEN try_strptime({day}, '%Y-%m-%d') END)::DATE"
    )
    amount, sign = _amount_sql(columns["amount"], decimal)
    cents = (
        f"(CASE WHEN regexp_matches({amount}, '{_AMOUNT}') "
        f"THEN {sign} * CAST(TRY_CAST({amount} AS DECIMAL(18,2)) * 100 AS BIGINT) END)"
    )
    account = (
        f"(CASE WHEN regexp_matches({cell('account')}, '^\\d{{1,9}}$') THEN {cell('account')}::INTEGER END)"
    )
    return (
        f"SELECT {posted} AS posted, {account} AS account, {cell('unit')} AS unit, "
        f"{cell('document')} AS document, {cell('project')} AS project, {cents} AS cents, "
        f"{cell('text')} AS text"
    )


class DuckLedger:
    """A ledger CSV read by DuckDB: valid through and through, else never constructed."""

    def __init__(self, con: Any, view: str, totals: LedgerTotals, balances: list[BalanceRow]) -> None:
        self._con = con
        self._view = view
        self._totals = totals
        self._balances = balances

    def totals(self) -> LedgerTotals:
        return self._totals

    def balances(self) -> list[BalanceRow]:
        return self._balances

    def _rows_sql(self, batch_id: int, unit_ids: Mapping[str, int]) -> str:
        self._con.execute("CREATE OR REPLACE TEMP TABLE unit_ids (code VARCHAR, id BIGINT)")
        self._con.executemany("INSERT INTO unit_ids VALUES (?, ?)", list(unit_ids.items()))
        return (
            f"SELECT {int(batch_id)} AS batch_id, strftime(posted, '%Y-%m-%d') AS posted, "
            "year(posted)::SMALLINT AS year, month(posted)::SMALLINT AS month, document, account, "
            "u.id AS unit_id, project, cents AS amount_cents, text "
            f"FROM {self._view} AS l JOIN unit_ids AS u ON u.code = l.unit "
            "ORDER BY unit_id, account, posted, document"
        )

    def row_chunks(
        self, batch_id: int, unit_ids: Mapping[str, int], size: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        cursor = self._con.execute(self._rows_sql(batch_id, unit_ids))
        while chunk := cursor.fetchmany(size):
            yield chunk
        self.close()

    def write_csv(self, path: Path, batch_id: int, unit_ids: Mapping[str, int]) -> None:
        # DuckDB quotes empty strings ("") and leaves NULL unquoted, as PostgreSQL's COPY csv expects.
        query = self._rows_sql(batch_id, unit_ids)
        self._con.execute(f"COPY ({query}) TO {_quote(str(path))} (FORMAT csv, HEADER false)")
        self.close()

    def write_sqlite(
        self, path: Path, table: str, batch_id: int, unit_ids: Mapping[str, int], progress: RowsDone
    ) -> None:
        """Through Arrow and ADBC's SQLite driver: columns bound in C, not a Python tuple per line."""
        import adbc_driver_sqlite.dbapi as adbc
        import pyarrow

        reader = self._con.sql(self._rows_sql(batch_id, unit_ids)).to_arrow_reader(ARROW_ROWS)

        def counted() -> Iterator[pyarrow.RecordBatch]:
            done = 0
            for batch in reader:
                yield batch
                done += batch.num_rows
                progress(done)

        stream = pyarrow.RecordBatchReader.from_batches(reader.schema, counted())
        with adbc.connect(str(path), autocommit=True) as target, target.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to recover
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.adbc_ingest(table, stream, mode="create")
        self.close()

    def close(self) -> None:
        """Free DuckDB's memory and spill files.

        Done as soon as the rows are out (they go once), so that the database's index builds and
        commit do not run beside DuckDB's buffers (peak memory of a big load).
        """
        self._con.close()


def _totals(con: Any, view: str) -> tuple[LedgerTotals, list[BalanceRow]] | None:
    con.execute(
        "CREATE TEMP TABLE sums AS SELECT unit, account, year(posted) AS y, month(posted) AS m, "
        "sum(cents)::BIGINT AS cents, count(*) AS lines, min(posted) AS first, max(posted) AS last, "
        "bool_or(posted IS NULL OR account IS NULL OR cents IS NULL OR unit = '' OR document = '') AS bad "
        f"FROM {view} GROUP BY ALL"
    )
    (bad,) = con.execute("SELECT coalesce(bool_or(bad), false) FROM sums").fetchone()
    if bad:
        return None
    balances = [
        BalanceRow(unit, y, m, account, int(cents), lines)
        for unit, account, y, m, cents, lines in con.execute(
            "SELECT unit, account, y, m, cents, lines FROM sums ORDER BY unit, y, m, account"
        ).fetchall()
    ]
    months = con.execute(
        "SELECT printf('%04d-%02d', y, m), sum(lines)::BIGINT, sum(cents)::BIGINT "
        "FROM sums GROUP BY 1 ORDER BY 1"
    ).fetchall()
    first, last = con.execute("SELECT min(first), max(last) FROM sums").fetchone()
    per_month = {month: (int(lines), int(cents)) for month, lines, cents in months}
    totals = LedgerTotals(
        lines=sum(lines for lines, _ in per_month.values()),
        total_cents=sum(cents for _, cents in per_month.values()),
        first=first if isinstance(first, date) else None,
        last=last if isinstance(last, date) else None,
        per_month=per_month,
    )
    return totals, balances


def open_ledger(
    path: Path, *, delimiter: str, decimal: str, skip: int, width: int, columns: Mapping[str, int]
) -> LedgerSource | None:
    """A DuckLedger over a UTF-8 CSV, or None when DuckDB cannot read every line exactly.

    `skip`: lines before the first data line; `width`: the header's number of cells; `columns`:
    field name -> cell index (from the header mapping).
    """
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET temp_directory = {_quote(tempfile.gettempdir())}")
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET preserve_insertion_order = false")  # lets DuckDB stream; row order is not kept
    names = [f"c{index}" for index in range(width)]
    typed = ", ".join(f"'{name}': 'VARCHAR'" for name in names)
    source = (
        f"read_csv({_quote(str(path))}, delim={_quote(delimiter)}, header=false, skip={int(skip)}, "
        f"quote='\"', escape='\"', auto_detect=false, columns={{{typed}}})"
    )
    nonblank = " OR ".join(f"coalesce(trim({name}), '') <> ''" for name in names)
    named = {field: names[index] for field, index in columns.items()}
    try:
        con.execute(f"CREATE TEMP VIEW raw AS SELECT * FROM {source} WHERE {nonblank}")
        # Parsed once into a table (DuckDB spills it to disk past its memory limit), read twice.
        con.execute(f"CREATE TEMP TABLE ledger AS {_select(named, decimal)} FROM raw")
        found = _totals(con, "ledger")
    except duckdb.Error:
        found = None  # a line DuckDB cannot split the way Python's csv does: let the slow path say where
    if found is None:
        con.close()
        return None
    return DuckLedger(con, "ledger", *found)
