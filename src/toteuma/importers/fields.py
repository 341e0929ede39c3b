"""Column specifications: canonical field names, their aliases and parsers, and the row loop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from toteuma.core.problems import Problem, from_error, problem
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
class Field:
    name: str
    aliases: tuple[str, ...]
    parse: Parser = text
    required: bool = True

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
            if not spec.matches(header):
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
        if spec.required and spec.name not in positions:
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
            if not raw.strip():
                if spec.required:
                    column = table.header[index] if index is not None else spec.name
                    problems.append(
                        problem(
                            "value.required",  # names the file's own column, as the user sees it
                            file=table.file,
                            row=number,
                            column=column,
                        )
                    )
                    ok = False
                values[spec.name] = None
                continue
            try:
                values[spec.name] = spec.parse(raw, table)
            except ValueError as exc:
                code = _CODES.get(spec.parse, "value.choice")
                column = table.header[index or 0]
                problems.append(from_error(exc, code, file=table.file, row=number, column=column, value=raw))
                ok = False
        if ok:
            yield number, values
