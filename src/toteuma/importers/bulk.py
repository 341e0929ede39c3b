"""The fast path for big ledger CSV files: DuckDB reads, checks and sums them as exact decimals.

Python parsing costs a few microseconds a line, which is a minute for a big city's year. DuckDB reads
the file as text columns and does what `values.py` does, vectorised: the amount becomes
DECIMAL(18,2) (never a float) and then integer cents. This path is stricter than the row-by-row
parser and never looser: any line it cannot read exactly makes it give up (`open_ledger` returns
None) and the row-by-row parser then reads the file and reports every problem with its row.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from toteuma.core.bulk import BalanceRow, LedgerSource, LedgerTotals, RowsDone
from toteuma.importers.shape import MAX_CELL
from toteuma.importers.values import grouped

# Shapes the row-by-row parser accepts too (values.parse_date, parse_int); anything else falls back.
_DATE_FI = r"^\d{1,2}\.\d{1,2}\.\d{4}$"
_DATE_ISO = r"^\d{4}-\d{2}-\d{2}$"
_AMOUNT = r"^[+-]?(\d+(\.\d{0,2})?|\.\d{1,2})$"
_ACCOUNT = r"^\d{1,9}$"
ARROW_ROWS = 100_000  # rows per Arrow batch on the way into SQLite
MEMORY_LIMIT = "256MB"  # DuckDB's own; beyond it the parsed table spills to the temporary folder
_SPACES = "[ \u00a0\u202f\u2009']"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _fast_amounts(column: str, decimal: str) -> list[tuple[str, str]]:
    """(shape of the raw cell, its cents) for the common amount forms, cheap to read.

    Each shape is one the full reading (`_select`'s fallback, and values.parse_amount) takes to the
    same cents: exactly two decimals, so the cell's digits are the cents as a BIGINT, and at most 14
    whole digits (the full reading's DECIMAL(18,2) * 100 overflows, an error, from 10^14 euros up).
    Any other cell takes the full reading.
    """
    point = re.escape(decimal)
    digits = f"replace({column}, {_quote(decimal)}, '')"
    spaced = f"replace(replace({column}, ' ', ''), {_quote(decimal)}, '')"
    trailing = f"replace(replace(replace({column}, '-', ''), ' ', ''), {_quote(decimal)}, '')"
    return [
        (rf"^-?\d{{1,14}}{point}\d\d$", f"CAST({digits} AS BIGINT)"),  # -1234,56
        (rf"^-?\d{{1,3}}( \d{{3}}){{1,3}}{point}\d\d$", f"CAST({spaced} AS BIGINT)"),  # -1 234,56
        # 1 234,56-
        (rf"^(\d{{1,3}}( \d{{3}}){{1,3}}|\d{{1,14}}){point}\d\d-$", f"-CAST({trailing} AS BIGINT)"),
    ]


# What Python's str.strip() removes (str.isspace), as the row-by-row reader strips every cell: DuckDB's
# trim() alone removes only the space separators, and would keep a tab or a line break at the ends.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


# The part of it DuckDB's trim() does not remove (that removes the space separators, Unicode's Zs).
_CONTROL_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def _strip(column: str) -> str:
    """SQL for Python's `cell.strip()` of a possibly missing cell.

    trim() with a list of characters costs ten times trim() alone, so only a cell that holds one
    of the control spaces anywhere goes through a regular expression; the others are trim()'s.
    """
    cell = f"coalesce({column}, '')"
    ends = f"^[{WHITESPACE}]+|[{WHITESPACE}]+$"
    return (
        f"(CASE WHEN regexp_matches({cell}, {_quote(f'[{_CONTROL_SPACE}]')}) "
        f"THEN regexp_replace({cell}, {_quote(ends)}, '', 'g') ELSE trim({cell}) END)"
    )


def _trimmed(column: str) -> str:
    """SQL for the stripped cell, without the strip's cost for cells it would leave as they are.

    A cell all of ASCII (as many bytes as characters) whose first and last characters come after
    the space (ASCII's whitespace is the space and control characters) is its own strip.
    """
    return (
        f"(CASE WHEN strlen({column}) = length({column}) AND {column} >= '!' "
        f"AND substring({column}, length({column}), 1) >= '!' THEN {column} ELSE {_strip(column)} END)"
    )


def _nonblank(column: str) -> str:
    """SQL: the cell is not empty once stripped (a printable ASCII first character says so cheaply)."""
    return f"(ascii({column}) BETWEEN 33 AND 126 OR {_strip(column)} <> '')"


def _fast_posted(column: str) -> str:
    """SQL: the date of a cell that is exactly d.m.yyyy or yyyy-mm-dd (as the full reading), else NULL."""
    return (
        f"CASE WHEN regexp_matches({column}, {_quote(_DATE_FI)}) THEN try_strptime({column}, '%d.%m.%Y') "
        f"WHEN regexp_matches({column}, {_quote(_DATE_ISO)}) THEN try_strptime({column}, '%Y-%m-%d') END"
    )


def _fast_cents(column: str, decimal: str) -> str:
    """SQL: the cents of a cell in one of `_fast_amounts`' shapes, else NULL."""
    shapes = " ".join(
        f"WHEN regexp_matches({column}, {_quote(shape)}) THEN {cents}"
        for shape, cents in _fast_amounts(column, decimal)
    )
    return f"CASE {shapes} END"


def _nest(source: str, stages: list[dict[str, str]]) -> str:
    """`source` with each stage's columns added in turn (a stage's expressions see the earlier ones).

    Intermediate values are computed once this way; an expression that named them by repeating
    their text would be evaluated again at each repetition.
    """
    query = source
    for stage in stages:
        added = ", ".join(f"{sql} AS {name}" for name, sql in stage.items())
        query = f"(SELECT *, {added} FROM {query})"
    return query


def _odd_shape(names: list[str]) -> str:
    """SQL: a cell of the line spans lines, holds a null byte or is longer than shape.py takes.

    Such a line may be an unclosed quote, a broken line or an oversized cell: the fast path gives up
    and the row-by-row reader says which, with its row and column. Bytes bound characters from above.
    """
    checks = " OR ".join(
        f"coalesce(strlen({name}) > {MAX_CELL} "
        f"OR contains({name}, chr(10)) OR contains({name}, chr(13)) OR contains({name}, chr(0)), false)"
        for name in names
    )
    return f"({checks})"


def _select(
    columns: Mapping[str, str],
    decimal: str,
    source: str,
    *,
    cheap: bool = True,
    odd: str = "false",
    keep: str = "true",
) -> str:
    """The parsed columns of `source`'s raw text columns named in `columns`, NULL where unreadable.

    Cells in the common shapes take a cheap expression guarded by a regular expression only they
    match (`_fp`, `_fa`: NULL for the other cells). The rest take the full reading, step by step,
    the way values.parse_date and parse_amount do it; NULL there makes the fast path give up.
    `cheap=False` gives the full reading for every cell (the tests compare the two).
    """

    def cell(name: str) -> str:
        raw = columns.get(name)
        if not raw:
            return "''"
        return _trimmed(raw) if cheap else _strip(raw)

    posted, amount, account = columns["posted"], columns["amount"], columns["account"]
    thousands = "." if decimal == "," else ","
    stages = [
        {
            "_fp": _fast_posted(posted) if cheap else "NULL::TIMESTAMP",
            "_fa": _fast_cents(amount, decimal) if cheap else "NULL::BIGINT",
        },
        {
            "_day": (
                f"CASE WHEN _fp IS NULL THEN split_part(split_part({cell('posted')}, ' ', 1), 'T', 1) END"
            ),
            "_a0": f"CASE WHEN _fa IS NULL THEN replace({cell('amount')}, '\u2212', '-') END",
        },
        {
            "_posted": (
                "(CASE WHEN _fp IS NOT NULL THEN _fp "
                f"WHEN regexp_matches(_day, {_quote(_DATE_FI)}) THEN try_strptime(_day, '%d.%m.%Y') "
                f"WHEN regexp_matches(_day, {_quote(_DATE_ISO)}) THEN try_strptime(_day, '%Y-%m-%d') "
                "END)::DATE"
            ),
            "_paren": "_a0 LIKE '(%)'",
            "_a1": "CASE WHEN _a0 LIKE '(%)' THEN _a0[2:-2] ELSE _a0 END",
        },
        {"_trail": "_a1 LIKE '%-'", "_a2": "CASE WHEN _a1 LIKE '%-' THEN _a1[1:-2] ELSE _a1 END"},
        {"_bare": f"regexp_replace(_a2, {_quote(_SPACES)}, '', 'g')"},
        {
            "_a3": (
                f"replace(replace(CASE WHEN regexp_matches(_bare, {_quote(grouped(decimal))}) "
                f"THEN _bare END, '{thousands}', ''), '{decimal}', '.')"
            )
        },
    ]
    cents = (
        f"CASE WHEN _fa IS NOT NULL THEN _fa WHEN regexp_matches(_a3, {_quote(_AMOUNT)}) THEN "
        "(CASE WHEN _paren <> _trail THEN -1 ELSE 1 END) "
        "* CAST(TRY_CAST(_a3 AS DECIMAL(18,2)) * 100 AS BIGINT) END"
    )
    plain = f"WHEN regexp_matches({account}, {_quote(_ACCOUNT)}) THEN {account}::INTEGER " if cheap else ""
    account_sql = (
        f"CASE {plain}"
        f"WHEN regexp_matches({cell('account')}, {_quote(_ACCOUNT)}) THEN {cell('account')}::INTEGER END"
    )
    # Year 0 (1 BC to DuckDB) is no date to Python's datetime: refused as values.parse_date does.
    return (
        "SELECT CASE WHEN _posted >= DATE '0001-01-01' THEN _posted END AS posted, "
        f"{account_sql} AS account, {cell('unit')} AS unit, "
        f"{cell('document')} AS document, {cell('project')} AS project, {cents} AS cents, "
        f"{cell('text')} AS text, {odd} AS odd, {keep} AS keep FROM {_nest(source, stages)}"
    )


class DuckLedger:
    """A ledger CSV read by DuckDB: valid through and through, else never constructed."""

    def __init__(
        self, con: Any, view: str, totals: LedgerTotals, balances: list[BalanceRow], rows_read: int = 0
    ) -> None:
        self._con = con
        self._view = view
        self._totals = totals
        self._balances = balances
        self.rows_read = rows_read  # every row DuckDB took from the file, blank ones too

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
        "bool_or(posted IS NULL OR account IS NULL OR cents IS NULL OR unit = '' OR document = '' OR odd) "
        "AS bad "
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
    # DuckDB draws its own progress bar on standard output when a query runs past 2 s (a loaded machine):
    # the command's output and its callers' (the killed-import test reads it) are toteuma's own.
    con.execute("SET enable_progress_bar = false")
    names = [f"c{index}" for index in range(width)]
    typed = ", ".join(f"'{name}': 'VARCHAR'" for name in names)
    source = (
        f"read_csv({_quote(str(path))}, delim={_quote(delimiter)}, header=false, skip={int(skip)}, "
        f"quote='\"', escape='\"', auto_detect=false, strict_mode=true, columns={{{typed}}})"
    )
    nonblank = " OR ".join(_nonblank(name) for name in names)
    named = {field: names[index] for field, index in columns.items()}
    try:
        con.execute(f"CREATE TEMP VIEW raw AS SELECT *, ({nonblank}) AS _keep FROM {source}")
        # Parsed once into a table (DuckDB spills it to disk past its memory limit), read twice. Blank
        # rows stay in it, flagged, so that the rows DuckDB read can be counted against the file's lines.
        select = _select(named, decimal, "raw", odd=_odd_shape(names), keep="_keep")
        con.execute(f"CREATE TEMP TABLE ledger AS {select}")
        con.execute("CREATE TEMP VIEW kept AS SELECT * FROM ledger WHERE keep")
        found = _totals(con, "kept")
        counted = con.execute("SELECT count(*) FROM ledger").fetchone()
        rows_read = int(counted[0]) if counted else -1
    except duckdb.Error:
        found = None  # a line DuckDB cannot split the way Python's csv does: let the slow path say where
    if found is None:
        con.close()
        return None
    return DuckLedger(con, "kept", *found, rows_read=int(rows_read))
