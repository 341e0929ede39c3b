"""The rows of a ledger file dated in given months: where an implausible date is, as the user counts rows.

Only asked when the file's monthly totals already show a suspicious month, so a clean file is never
read twice. A CSV is streamed (memory stays flat); a workbook is read whole, as its import did.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from toteuma.importers.fields import day, map_header
from toteuma.importers.kinds import KINDS, with_columns
from toteuma.importers.profiles import Profile
from toteuma.importers.sources import sniff
from toteuma.importers.table import RawTable, read_table


@dataclass(frozen=True)
class DatedRow:
    row: int  # as a spreadsheet or editor numbers it
    column: str  # the date column's name in the file
    text: str  # the cell as written
    posted: date


def dated_rows(
    path: Path,
    months: set[str],
    *,
    encoding: str | None = None,
    profile: Profile | None = None,
    cap: int = 200,
) -> list[DatedRow]:
    """The first `cap` rows whose date falls in one of `months` ('YYYY-MM')."""
    profile = profile or Profile()
    found: list[DatedRow] = []
    for item in _candidates(path, encoding, profile, {month[:4] for month in months}):
        if f"{item.posted:%Y-%m}" in months:
            found.append(item)
            if len(found) >= cap:
                break
    return found


def _candidates(path: Path, encoding: str | None, profile: Profile, years: set[str]) -> Iterator[DatedRow]:
    sniffed = sniff(path, encoding, profile) if path.suffix.lower() == ".csv" else None
    if sniffed is None:
        table, _ = read_table(path, encoding=encoding, dialect=profile.dialect)
        if table is not None:
            yield from _dated(table, table.rows, profile, years)
        return
    with path.open(encoding=sniffed.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=sniffed.table.delimiter)
        rows = ((n, tuple(c.strip() for c in cells)) for n, cells in enumerate(reader, 1) if any(cells))
        next(rows, None)  # the header, which sniff has read
        yield from _dated(sniffed.table, rows, profile, years)


def _dated(
    table: RawTable, rows: Iterable[tuple[int, tuple[str, ...]]], profile: Profile, years: set[str]
) -> Iterator[DatedRow]:
    spec = with_columns(KINDS["ledger"], profile.columns)
    positions, problems = map_header(table, spec.fields)
    index = positions.get("posted")
    if problems or index is None:
        return
    column = table.header[index]
    for number, cells in rows:
        text = cells[index] if index < len(cells) else ""
        if table.excel or any(year in text for year in years):  # a cheap filter before parsing
            try:
                yield DatedRow(number, column, text, day(text, table))
            except ValueError:
                continue  # not a date at all: the import itself says so
