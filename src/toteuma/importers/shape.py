"""The shape of a table's rows, strictly (issue 9, item 5): every record with the line it starts on,
and as coded problems a quote that swallowed whole lines, cells beyond the header, an oversized cell.

A lenient CSV reader turns an unclosed quote into one long cell holding the lines after it (their
amounts silently lost) and drops the cells beyond the header; here each is a problem with its row
and column, so the file imports nothing until it is corrected. DuckDB's fast path gives up on the
same files (importers/bulk.py), and this reader then says where.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from toteuma.core.problems import Problem, problem

# The longest cell any kind of file may hold, in characters: a long commentary is a few thousand.
MAX_CELL = 100_000
# Python's csv module refuses fields past a process-wide limit (128 KiB by default) with an error
# that carries no column; raised so that a long cell is read and reported here with its column.
PARSER_LIMIT = 64 * 1024 * 1024
if csv.field_size_limit() < PARSER_LIMIT:
    csv.field_size_limit(PARSER_LIMIT)

Record = tuple[int, tuple[str, ...], Problem | None]


def column_name(header: tuple[str, ...], index: int) -> str:
    """The header's name of a column, or its position where the header has none."""
    if index < len(header) and header[index]:
        return header[index]
    return f"#{index + 1} (no header)"


def csv_records(lines: Iterable[str], delimiter: str, file: str) -> Iterator[Record]:
    """Non-blank records as (first physical line, stripped cells, problem or None).

    A record whose quoted cell runs over lines that look like rows of their own carries the problem
    `row.unclosed-quote`; a line the csv module cannot read ends the records with `row.unreadable`.
    """
    reader = csv.reader(lines, delimiter=delimiter)
    header: tuple[str, ...] = ()
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, (), problem("row.unreadable", reason=str(exc), file=file, row=start)
            return
        stripped = tuple(cell.strip() for cell in cells)
        if not any(stripped):
            continue
        if any("\x00" in cell for cell in cells):  # no database stores it; Python 3.13's csv reads it
            yield start, (), problem("row.unreadable", "null", file=file, row=start)
            return
        header = header or stripped
        yield start, stripped, _swallowed(cells, delimiter, header, file, start, reader.line_num)


def _swallowed(
    cells: list[str], delimiter: str, header: tuple[str, ...], file: str, start: int, end: int
) -> Problem | None:
    """`row.unclosed-quote` when a cell spans lines of which one holds a whole row's delimiters."""
    if end == start:
        return None
    enough = max(1, len(header) - 1)
    for index, cell in enumerate(cells):
        inner = cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
        if any(line.count(delimiter) >= enough for line in inner):
            return problem(
                "row.unclosed-quote",
                first=start + 1,
                end=end,
                file=file,
                row=start,
                column=column_name(header, index),
                value=cell[:60],
            )
    return None


def row_problems(header: tuple[str, ...], number: int, cells: tuple[str, ...], file: str) -> list[Problem]:
    """Cells beyond the header that hold something, and cells longer than MAX_CELL."""
    found = [
        problem(
            "row.extra-cells",
            cells=len(cells),
            width=len(header),
            file=file,
            row=number,
            column=column_name(header, index),
            value=cell[:60],
        )
        for index, cell in enumerate(cells[len(header) :], len(header))
        if cell
    ][:1]
    found += [
        problem(
            "value.too-long",
            length=len(cell),
            limit=MAX_CELL,
            file=file,
            row=number,
            column=column_name(header, index),
            value=cell[:60],
        )
        for index, cell in enumerate(cells)
        if len(cell) > MAX_CELL
    ]
    return found
