"""A ledger file as a `LedgerSource`: DuckDB's fast path for a clean CSV, the row-by-row parser otherwise."""

from __future__ import annotations

import codecs
import csv
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from toteuma.core.bulk import LEDGER_COLUMNS, BalanceRow, LedgerSource, LedgerTotals, RowsDone
from toteuma.core.messages import Text
from toteuma.core.problems import Problem
from toteuma.core.records import LedgerRecord
from toteuma.importers import bulk
from toteuma.importers.fields import map_header
from toteuma.importers.kinds import KINDS, parse_file, plain, with_columns
from toteuma.importers.profiles import Profile
from toteuma.importers.scan import scan
from toteuma.importers.table import Dialect, RawTable, decode, encoding_problems, frame

SAMPLE = 1 << 18  # bytes read to detect the dialect: some thousands of lines
_UTF8 = ("utf-8", "utf8", "utf-8-sig", "utf_8", "utf_8_sig")


@dataclass
class ParsedLedger:
    """What reading a ledger file gave: a source when it is valid, problems, notes on the dialect."""

    source: LedgerSource | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    fast: bool = False
    cleanup: list[Path] = field(default_factory=list)
    more_problems: int = 0  # problems found beyond those listed

    def close(self) -> None:
        closer = getattr(self.source, "close", None)
        if closer is not None:
            closer()
        for path in self.cleanup:
            path.unlink(missing_ok=True)


def read_ledger(
    path: Path, *, encoding: str | None = None, profile: Profile | None = None, cap: int = 200
) -> ParsedLedger:
    """The ledger in `path`; `source` is None when the file has errors (then `problems` lists them).

    A CSV goes through DuckDB; if DuckDB gives up, a streaming pass lists the problems (the first
    `cap` of them, and the count of the rest); only a file that pass finds no problem in is read
    whole by the row-by-row reader.
    """
    profile = profile or Profile()
    # A profile that cuts cells or gives fixed values is read row by row (the bulk reader takes cells as is).
    if path.suffix.lower() == ".csv" and path.is_file() and plain(profile.takes("ledger")):
        parsed = _fast(path, encoding, profile)
        if parsed is not None:
            return parsed
        scanned = _scan(path, encoding, profile, cap)
        if scanned is not None:
            return scanned
    records, problems = parse_file("ledger", path, encoding=encoding, profile=profile)
    errors = [item for item in problems if item.severity == "error"]
    source = None if errors else RecordsLedger(records)
    return ParsedLedger(source, problems, notes=[])


@dataclass(frozen=True)
class _Sniffed:
    """The dialect as the file's first lines show it."""

    encoding: str
    table: RawTable  # header and first rows
    text: str  # the first lines, complete
    warnings: list[Problem]


def sniff(path: Path, encoding: str | None, profile: Profile) -> _Sniffed | None:
    """The encoding, dialect and header of a CSV from its first lines, or None if they do not read."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE)
    given = encoding or profile.dialect.encoding
    text, used, _ = decode(sample, path, given, final=False)
    if text is None:
        return None
    notes, warnings = encoding_problems(text, used, given is not None, path)
    dialect = Dialect(used, profile.dialect.delimiter, profile.dialect.decimal)
    complete = text[: text.rfind("\n") + 1] if len(sample) == SAMPLE else text
    table = frame(path, complete, dialect, notes)
    if table is None or not table.rows:
        return None
    return _Sniffed(used, table, complete, warnings)


def _scan(path: Path, encoding: str | None, profile: Profile, cap: int) -> ParsedLedger | None:
    sniffed = sniff(path, encoding, profile)
    if sniffed is None:
        return None
    table = sniffed.table
    spec = with_columns(KINDS["ledger"], profile.takes("ledger"))
    found = scan(
        path, spec, encoding=sniffed.encoding, delimiter=table.delimiter, decimal=table.decimal, cap=cap
    )
    if found is None:
        return None
    problems, more = found
    return ParsedLedger(None, [*sniffed.warnings, *problems], notes=table.notes, more_problems=more)


def _fast(path: Path, encoding: str | None, profile: Profile) -> ParsedLedger | None:
    """DuckDB over the file (transcoded to UTF-8 first if need be), or None to take the slow path."""
    sniffed = sniff(path, encoding, profile)
    if sniffed is None:
        return None
    table, complete, warnings, used = sniffed.table, sniffed.text, sniffed.warnings, sniffed.encoding
    spec = with_columns(KINDS["ledger"], profile.takes("ledger"))
    positions, header_problems = map_header(table, spec.fields)
    if header_problems:
        return None
    cleanup: list[Path] = []
    target = path
    if used.lower().replace("_", "-") not in _UTF8:
        target = _transcode(path, used)
        cleanup.append(target)
    skip = _lines_before_data(complete, table.delimiter, table.header)
    if skip is None:
        return None
    source = bulk.open_ledger(
        target,
        delimiter=table.delimiter,
        decimal=table.decimal,
        skip=skip,
        width=len(table.header),
        columns=positions,
    )
    if source is not None and getattr(source, "rows_read", None) != _data_lines(target, skip):
        getattr(source, "close", lambda: None)()  # DuckDB left out or added a line: give up
        source = None
    if source is None:
        for item in cleanup:
            item.unlink(missing_ok=True)
        return None
    return ParsedLedger(source, warnings, notes=table.notes, fast=True, cleanup=cleanup)


def _lines_before_data(text: str, delimiter: str, header: tuple[str, ...]) -> int | None:
    """Lines ending in "\n" up to and including the header's, as DuckDB's `skip` counts them.

    None (the fast path gives up) where that count could differ from how Python's csv module reads
    the same text: a carriage return alone, or a header that is not on a line of its own.
    """
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.removesuffix("\r")
        if "\r" in line:
            return None
        cells = tuple(cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), []))
        if any(cells):
            return number if cells == header else None
    return None


def _data_lines(path: Path, skip: int) -> int:
    """Non-empty lines after the first `skip`: the rows DuckDB reads from a file it reads exactly.

    Counted in blocks (a tenth of a second for a million lines); a file with an empty line somewhere
    is counted line by line instead, as a run of empty lines would fool a count of the pairs.
    """
    newlines, tail, empty = 0, b"\n", False  # as if a line ended before the file: an empty first line
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            newlines += block.count(b"\n")
            seam = tail + block[:2]
            empty = empty or any(mark in part for part in (seam, block) for mark in (b"\n\n", b"\n\r\n"))
            tail = block[-2:] if len(block) > 1 else (tail + block)[-2:]
    if empty or newlines < skip:
        return _data_lines_one_by_one(path, skip)
    return newlines - skip + (0 if tail.endswith(b"\n") else 1)


def _data_lines_one_by_one(path: Path, skip: int) -> int:
    count = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if number > skip and line not in (b"\n", b"\r\n"):
                count += 1
    return count


def _transcode(path: Path, encoding: str) -> Path:
    """A UTF-8 copy of the file in the temporary folder, written in blocks (memory stays flat)."""
    descriptor, name = tempfile.mkstemp(suffix=".csv", prefix="toteuma-utf8-")
    with path.open("rb") as raw, open(descriptor, "wb") as handle:
        reader = codecs.getreader(encoding)(raw)
        writer = codecs.getwriter("utf-8")(handle)
        shutil.copyfileobj(reader, writer, 1 << 20)
    return Path(name)


class RecordsLedger:
    """A ledger already parsed row by row (XLSX, small or irregular files), as a LedgerSource."""

    def __init__(self, records: list[LedgerRecord]) -> None:
        self._records = records

    def totals(self) -> LedgerTotals:
        months: dict[str, list[int]] = {}
        for record in self._records:
            entry = months.setdefault(f"{record.posted:%Y-%m}", [0, 0])
            entry[0] += 1
            entry[1] += record.amount_cents
        dates = [record.posted for record in self._records]
        return LedgerTotals(
            lines=len(self._records),
            total_cents=sum(record.amount_cents for record in self._records),
            first=min(dates, default=None),
            last=max(dates, default=None),
            per_month={month: (lines, cents) for month, (lines, cents) in sorted(months.items())},
        )

    def balances(self) -> list[BalanceRow]:
        sums: dict[tuple[str, int, int, int], list[int]] = {}
        for r in self._records:
            entry = sums.setdefault((r.unit, r.posted.year, r.posted.month, r.account), [0, 0])
            entry[0] += r.amount_cents
            entry[1] += 1
        return [BalanceRow(*key, cents, lines) for key, (cents, lines) in sorted(sums.items())]

    def _rows(self, batch_id: int, unit_ids: Mapping[str, int]) -> Iterator[tuple[Any, ...]]:
        def drill_order(r: LedgerRecord) -> tuple[int, int, date]:
            return unit_ids.get(r.unit, 0), r.account, r.posted

        for r in sorted(self._records, key=drill_order):
            if r.unit in unit_ids:
                yield (batch_id, r.posted.isoformat(), r.posted.year, r.posted.month, r.document,
                       r.account, unit_ids[r.unit], r.project, r.amount_cents, r.text)  # fmt: skip

    def row_chunks(
        self, batch_id: int, unit_ids: Mapping[str, int], size: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        rows = list(self._rows(batch_id, unit_ids))
        for start in range(0, len(rows), size):
            yield rows[start : start + size]

    def write_csv(self, path: Path, batch_id: int, unit_ids: Mapping[str, int]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, quoting=csv.QUOTE_NONNUMERIC)  # "" stays "", not NULL
            writer.writerows(self._rows(batch_id, unit_ids))

    def write_sqlite(
        self, path: Path, table: str, batch_id: int, unit_ids: Mapping[str, int], progress: RowsDone
    ) -> None:
        with closing(sqlite3.connect(path)) as target, target:
            target.execute(f"CREATE TABLE {table} ({', '.join(LEDGER_COLUMNS)})")
            target.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' for _ in LEDGER_COLUMNS)})",
                self._rows(batch_id, unit_ids),
            )
        progress(len(self._records))
