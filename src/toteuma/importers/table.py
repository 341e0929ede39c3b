"""Reading a CSV or XLSX file into a header and string cells, detecting the CSV dialect and encoding."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from toteuma.core.messages import Text
from toteuma.core.problems import Problem, problem
from toteuma.importers.archive import workbook_problem
from toteuma.importers.shape import csv_records

_DELIMITERS = ";,\t|"
_ENCODINGS = ("utf-8-sig", "cp1252", "iso-8859-15")
# UTF-8 read as a single-byte encoding ("KÃ¤yttÃ¶"), or ISO-8859-15's € read as Windows-1252 (¤).
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|Â[\u00a0-\u00bf]|\u00a4"
)


@dataclass
class RawTable:
    """A table's header and rows as strings; `row` numbers are what a spreadsheet or editor shows."""

    file: str
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    decimal: str = ","  # the decimal separator of the amounts in this file
    delimiter: str = ";"
    excel: bool = False  # read from a workbook: a bare number in a date column is a serial date
    notes: list[Text] = field(default_factory=list)  # what was detected, for the user
    # Records that could not be read whole (an unclosed quote, an unreadable line), by row: their
    # problem is reported and the record skipped (fields.parsed_rows). Filled as the rows are read.
    malformed: dict[int, Problem] = field(default_factory=dict)


@dataclass(frozen=True)
class Dialect:
    """How a CSV file is written; a field left None is detected, a field set is never overridden."""

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    header_hint: tuple[str, ...] = (),
    dialect: Dialect | None = None,
) -> tuple[RawTable | None, list[Problem]]:
    """Read `path` (CSV or XLSX). `header_hint`: names of which one must be in the header row."""
    if not path.is_file():
        return None, [problem("file.unreadable", file=str(path))]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_xlsx(path, header_hint)
    dialect = dialect or Dialect()
    return _read_csv(path, Dialect(encoding or dialect.encoding, dialect.delimiter, dialect.decimal))


def decode(
    data: bytes, path: Path, encoding: str | None, *, final: bool = True
) -> tuple[str | None, str, list[Problem]]:
    """`data` decoded as `encoding`, else as the first of UTF-8, Windows-1252, ISO-8859-15 that fits."""
    if encoding:
        try:
            return codecs.getincrementaldecoder(encoding)().decode(data, final), encoding, []
        except UnicodeDecodeError as exc:
            byte, where = f"0x{exc.object[exc.start]:02x}", exc.start
            found = problem(
                "file.encoding", "cannot_decode", encoding=encoding, byte=byte, position=where, file=str(path)
            )
            return None, encoding, [found]
        except LookupError:
            return None, encoding, [problem("file.encoding", "unknown", encoding=encoding, file=str(path))]
    for candidate in _ENCODINGS:
        try:
            text = codecs.getincrementaldecoder(candidate)().decode(data, final)
        except UnicodeDecodeError:
            continue
        if candidate == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8):
            candidate = "utf-8"  # said as it is: the file has no BOM
        return text, candidate, []
    return None, "", [problem("file.encoding", file=str(path))]


def encoding_problems(text: str, used: str, given: bool, path: Path) -> tuple[list[Text], list[Problem]]:
    """A note of the encoding used, and a warning when the text looks decoded with the wrong one."""
    notes = [Text("importers.encoding_given" if given else "importers.encoding_detected", encoding=used)]
    found = _MOJIBAKE.search(text)
    if found is None:
        return notes, []
    start = max(0, found.start() - 15)
    sample = text[start : found.end() + 15].replace("\n", " ")
    other = "utf-8" if used.replace("_", "-").lower() not in ("utf-8", "utf-8-sig") else "cp1252"
    warning = problem(
        "file.mojibake", encoding=used, sample=sample, other=other, file=str(path), value=found.group(0)
    )
    return notes, [warning]


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same, largest number of cells."""
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


def split_csv(
    lines: Iterable[str], delimiter: str, file: str, malformed: dict[int, Problem]
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Non-blank records as (line the record starts on, stripped cells); problems go into `malformed`."""
    for number, cells, found in csv_records(lines, delimiter, file):
        if found is not None:
            malformed[number] = found
        yield number, cells


def _note(what: str, given: str | None, value: str) -> Text:
    return Text(f"importers.{what}_given" if given else f"importers.{what}_detected", value=value)


def frame(path: Path, text: str, dialect: Dialect, notes: list[Text]) -> RawTable | None:
    """The header and rows of decoded CSV text, with the delimiter and decimal separator settled."""
    delimiter = dialect.delimiter or sniff_delimiter(text[:20000])
    malformed: dict[int, Problem] = {}
    lines = list(split_csv(io.StringIO(text, newline=""), delimiter, str(path), malformed))
    if not lines:
        return None
    table = RawTable(str(path), lines[0][1], lines[1:], notes=notes, malformed=malformed)
    table.decimal = dialect.decimal or guess_decimal(table)
    shown = "tab" if delimiter == "\t" else delimiter
    table.notes.append(_note("delimiter", dialect.delimiter, shown))
    table.notes.append(_note("decimal", dialect.decimal, table.decimal))
    table.delimiter = delimiter
    return table


def _read_csv(path: Path, dialect: Dialect) -> tuple[RawTable | None, list[Problem]]:
    text, used, problems = decode(path.read_bytes(), path, dialect.encoding)
    if text is None:
        return None, problems
    notes, warnings = encoding_problems(text, used, dialect.encoding is not None, path)
    table = frame(path, text, dialect, notes)
    if table is None:
        return None, [problem("file.empty", file=str(path))]
    return table, warnings


def guess_decimal(table: RawTable) -> str:
    """Comma unless the amounts use a point before one or two final digits and never a comma so."""
    comma = point = 0
    for _, cells in table.rows[:2000]:
        for cell in cells:
            tail = cell.rstrip("-)").strip()
            if len(tail) > 2 and tail[-3] == "," and tail[-2:].isdigit():
                comma += 1
            elif len(tail) > 2 and tail[-3] == "." and tail[-2:].isdigit():
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

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        refused = workbook_problem(path)  # a zip bomb never reaches calamine, from the CLI or the web
        if refused is not None:
            return None, [refused]
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several types for broken files
        return None, [problem("file.unreadable", "workbook", reason=exc, file=str(path))]
    rows = [(number, tuple(_cell_text(cell) for cell in cells)) for number, cells in enumerate(values, 1)]
    rows = [(number, cells) for number, cells in rows if any(cells)]
    wanted = {name.casefold() for name in header_hint}
    for index, (_, cells) in enumerate(rows):
        if not wanted or wanted & {cell.casefold() for cell in cells}:
            notes = [Text("importers.xlsx")]
            table = RawTable(str(path), cells, rows[index + 1 :], decimal="auto", notes=notes)
            table.excel = True
            return table, []
    return None, [problem("file.empty", "no_header", file=str(path))]


def iter_records(table: RawTable) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as dicts keyed by the header's own names."""
    for number, cells in table.rows:
        yield number, dict(zip(table.header, cells, strict=False))
