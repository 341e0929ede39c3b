"""Every figure of the report as CSV open data: one line per cell with unit, row, column, period, cents."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from toteuma.core.cells import inert
from toteuma.reports.model import CellFormat, Document, Row, Table

_FIGURE_FORMATS = {CellFormat.EUROS, CellFormat.PERCENT, CellFormat.NUMBER}

HEADER = (
    "table",
    "table_title",
    "unit_code",
    "unit_name",
    "row",
    "row_key",
    "row_kind",
    "column",
    "column_label",
    "period",
    "unit",
    "value",
    "exact_cents",
)


# Excel and Calc in Finland and Sweden split a CSV on ";" and read "19,57" as a number; in English
# locales on "," and "19.57" (decision 42). The keys in the header stay the same in every language.
_DIALECTS = {"fi": (";", ","), "sv": (";", ",")}
_ENGLISH = (",", ".")


def _value(value: object, decimal: str = ".") -> str:
    if isinstance(value, Decimal | int):
        return str(value).replace(".", decimal)
    return ""


def _line(table: Table, row: Row, index: int, period: str, decimal: str = ".") -> tuple[str, ...]:
    column, exact = table.columns[index], row.exact[index]
    texts = (table.id, table.title, table.unit.code, table.unit.name, row.label, row.key, row.kind.value)
    # Names and labels come from imported files: never a formula in a spreadsheet (issue 9, item 7).
    return (
        *(inert(text) for text in texts),
        inert(column.key),
        inert(f"{column.group} / {column.label}" if column.group else column.label),
        period,
        column.unit,
        _value(row.values[index], decimal),
        "" if exact is None else str(exact),
    )


def rows(document: Document, decimal: str = ".") -> list[tuple[str, ...]]:
    """The lines of the CSV after its header: figure cells only, in document order."""
    found: list[tuple[str, ...]] = []
    for table in document.tables:
        figures = [i for i, column in enumerate(table.columns) if column.format in _FIGURE_FORMATS]
        for row in table.rows:
            if row.kind.value != "heading":
                found.extend(_line(table, row, index, str(document.period), decimal) for index in figures)
    return found


def render_csv(document: Document) -> bytes:
    """UTF-8 with a byte-order mark (so that spreadsheets read the Finnish letters), CRLF; in Finnish
    and Swedish ";"-separated with a decimal comma, in English ","-separated with a decimal point."""
    delimiter, decimal = _DIALECTS.get(document.lang, _ENGLISH)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(document, decimal))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
