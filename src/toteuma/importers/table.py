"""Reading a CSV or XLSX file into a header and string cells, detecting the CSV dialect and encoding."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from toteuma.core.problems import Problem, problem

_DELIMITERS = ";,\t|"
_ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass
class RawTable:
    """A table's header and rows as strings; `row` numbers are what a spreadsheet or editor shows."""

    file: str
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    decimal: str = ","  # the decimal separator of the amounts in this file
    notes: list[str] = field(default_factory=list)  # what was detected, for the user


def read_table(
    path: Path, *, encoding: str | None = None, header_hint: tuple[str, ...] = ()
) -> tuple[RawTable | None, list[Problem]]:
    """Read `path` (CSV or XLSX). `header_hint`: names of which one must be in the header row."""
    if not path.is_file():
        return None, [problem("file.unreadable", "file not found", file=str(path))]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_xlsx(path, header_hint)
    return _read_csv(path, encoding)


def _decode(data: bytes, path: Path, encoding: str | None) -> tuple[str | None, str, list[Problem]]:
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except (UnicodeDecodeError, LookupError) as exc:
            return (
                None,
                encoding,
                [problem("file.encoding", f"cannot decode as {encoding}: {exc}", file=str(path))],
            )
    for candidate in _ENCODINGS:
        try:
            return data.decode(candidate), candidate, []
        except UnicodeDecodeError:
            continue
    return None, "", [problem("file.encoding", "neither UTF-8 nor Windows-1252", file=str(path))]


def _sniff_delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines() if line.strip()][:20]
    best, best_score = ";", -1
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        if not counts or counts[0] == 0:
            continue
        score = sum(1 for count in counts if count == counts[0]) * 100 + counts[0]
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path, encoding: str | None) -> tuple[RawTable | None, list[Problem]]:
    text, used, problems = _decode(path.read_bytes(), path, encoding)
    if text is None:
        return None, problems
    delimiter = _sniff_delimiter(text[:20000])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = [(number, tuple(cell.strip() for cell in cells)) for number, cells in enumerate(reader, 1)]
    lines = [(number, cells) for number, cells in lines if any(cells)]
    if not lines:
        return None, [problem("file.empty", "the file has no rows", file=str(path))]
    header = lines[0][1]
    table = RawTable(str(path), header, lines[1:], notes=[f"encoding {used}", f"delimiter {delimiter!r}"])
    table.decimal = _guess_decimal(table)
    table.notes.append(f"decimal separator {table.decimal!r}")
    return table, []


def _guess_decimal(table: RawTable) -> str:
    """Comma unless the amounts use a point before one or two final digits and never a comma so."""
    comma = point = 0
    for _, cells in table.rows[:2000]:
        for cell in cells:
            tail = cell.rstrip("-)").strip()
            if len(tail) > 2 and tail[-3] == "," and tail[-2:].isdigit():
                comma += 1
            elif len(tail) > 2 and tail[-3] == "." and tail[-2:].isdigit() and "," not in tail:
                point += 1
    return "." if point > comma else ","


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # XLSX stores numbers as binary doubles; the shortest repr gives back the decimal text typed.
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path, header_hint: tuple[str, ...]) -> tuple[RawTable | None, list[Problem]]:
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several types for broken files
        return None, [problem("file.unreadable", f"not a readable workbook: {exc}", file=str(path))]
    rows = [(number, tuple(_cell_text(cell) for cell in cells)) for number, cells in enumerate(values, 1)]
    rows = [(number, cells) for number, cells in rows if any(cells)]
    wanted = {name.casefold() for name in header_hint}
    for index, (_, cells) in enumerate(rows):
        if not wanted or wanted & {cell.casefold() for cell in cells}:
            return RawTable(str(path), cells, rows[index + 1 :], decimal=".", notes=["XLSX"]), []
    return None, [problem("file.empty", "no header row found", file=str(path))]


def iter_records(table: RawTable) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as dicts keyed by the header's own names."""
    for number, cells in table.rows:
        yield number, dict(zip(table.header, cells, strict=False))
