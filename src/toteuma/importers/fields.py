"""Column specifications: canonical field names, their aliases and parsers, and the row loop."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from toteuma.core.problems import Problem, ProblemError, from_error, problem
from toteuma.importers.shape import row_problems
from toteuma.importers.table import RawTable
from toteuma.importers.values import parse_amount, parse_bool, parse_date, parse_int, parse_number

Parser = Callable[[str, RawTable], Any]


def text(value: str, _table: RawTable) -> str:
    return value.strip()


def amount(value: str, table: RawTable) -> int:
    return parse_amount(value, table.decimal)


def number(value: str, _table: RawTable) -> Decimal:
    return parse_number(value)


def integer(value: str, _table: RawTable) -> int:
    return parse_int(value)


_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (1900-02-29 included)


def day(value: str, table: RawTable) -> date:
    if table.excel and value.strip().isdigit() and 20000 <= int(value) <= 80000:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # a date cell without its date format
    return parse_date(value)


def flag(value: str, _table: RawTable) -> bool:
    return parse_bool(value)


_CODES: dict[Parser, str] = {
    amount: "value.amount",
    integer: "value.integer",
    number: "value.number",
    day: "value.date",
    flag: "value.choice",
}


@dataclass(frozen=True)
class Take:
    """How a profile takes a field's text: a fixed value, or a column's cell cut by a pattern, then renamed.

    `pattern` must match the whole cell; its first group (or the whole match) is the text. `names`
    turns a text into another (the file's "Henkilöstömenot" into a row key); other texts stay.
    """

    column: str = ""  # the column's name in the export
    value: str | None = None
    pattern: re.Pattern[str] | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    prefix: str = ""  # when the pattern is a prefix, the prefix as the profile wrote it (for messages)

    @property
    def plain(self) -> bool:
        """Only a column's name: the cell is taken as it is."""
        return self.value is None and self.pattern is None and not self.names

    def text(self, cell: str) -> str:
        if self.value is not None:
            return self.value
        found = self.pattern.fullmatch(cell.strip()) if self.pattern else None
        if self.pattern is not None and found is None:
            if self.prefix:
                raise ProblemError("value.pattern", "prefix", prefix=self.prefix)
            raise ProblemError("value.pattern", pattern=self.pattern.pattern)
        got = cell if found is None else (found.group(1) if found.groups() else found.group(0))
        return self.names.get(got.strip(), got)


@dataclass(frozen=True)
class Field:
    name: str
    aliases: tuple[str, ...]
    parse: Parser = text
    required: bool = True
    take: Take | None = None  # set by a profile: a fixed value, or how the column's cell is cut

    @property
    def fixed(self) -> bool:
        """The profile gives the value: no column is looked for."""
        return self.take is not None and self.take.value is not None

    @property
    def label(self) -> str:
        """The column's name as the user knows it: its first (Finnish) alias, else the field's name."""
        return self.aliases[0] if self.aliases else self.name

    def matches(self, header: str) -> bool:
        wanted = header.strip().casefold()
        return wanted == self.name.casefold() or wanted in (alias.casefold() for alias in self.aliases)


def map_header(table: RawTable, fields: tuple[Field, ...]) -> tuple[dict[str, int], list[Problem]]:
    """Field name -> column index; a missing required column or two columns for one field is a problem."""
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, header in enumerate(table.header):
        for spec in fields:
            if spec.fixed or not spec.matches(header):
                continue
            if spec.name in positions:
                problems.append(
                    problem(
                        "header.duplicate-column",
                        first=table.header[positions[spec.name]],
                        second=header,
                        name=spec.label,
                        file=table.file,
                        row=1,
                        column=header,
                    )
                )
            positions[spec.name] = index
    for spec in fields:
        if spec.required and not spec.fixed and spec.name not in positions:
            problems.append(
                problem(
                    "header.missing-column",
                    name=spec.label,
                    names=(*spec.aliases, spec.name),
                    file=table.file,
                    row=1,
                    column=spec.name,
                )
            )
    return positions, problems


def parsed_rows(
    table: RawTable, fields: tuple[Field, ...], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row's fields parsed; a row with a problem is reported into `problems` and skipped."""
    positions, header_problems = map_header(table, fields)
    problems.extend(header_problems)
    if header_problems:
        return
    columns = {spec.name: _column_name(table, positions.get(spec.name), spec) for spec in fields}
    for number, cells in table.rows:
        shape = [table.malformed.pop(number)] if number in table.malformed else []
        shape = shape or row_problems(table.header, number, cells, table.file)
        if shape:
            problems.extend(shape)
            continue
        values: dict[str, Any] = {}
        ok = True
        for spec in fields:
            index = positions.get(spec.name)
            raw = cells[index] if index is not None and index < len(cells) else ""
            found = _value(spec, raw, table, (number, columns[spec.name]), problems)
            ok = ok and found is not _REFUSED
            values[spec.name] = None if found is _REFUSED else found
        if ok:
            yield number, values


_REFUSED = object()  # a cell whose problem is reported: the row is skipped


def _column_name(table: RawTable, index: int | None, spec: Field) -> str:
    """The file's own column name, as the user sees it; for a value the profile gives, the field's."""
    return table.header[index] if index is not None else spec.name


def _value(spec: Field, raw: str, table: RawTable, where: tuple[int, str], problems: list[Problem]) -> Any:
    """The cell's parsed value, None for an empty optional cell, or _REFUSED with its problem reported."""
    number, column = where
    at: dict[str, Any] = {"file": table.file, "row": number, "column": column}
    if spec.take is not None and (spec.fixed or raw.strip()):
        try:
            raw = spec.take.text(raw)
        except ValueError as exc:
            problems.append(from_error(exc, "value.pattern", **at, value=raw))
            return _REFUSED
    if not raw.strip():
        if not spec.required:
            return None
        problems.append(problem("value.required", **at))  # names the file's own column
        return _REFUSED
    try:
        return spec.parse(raw, table)
    except ValueError as exc:
        problems.append(from_error(exc, _CODES.get(spec.parse, "value.choice"), **at, value=raw))
        return _REFUSED
