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


def _value(value: object) -> str:
    if isinstance(value, Decimal | int):
        return str(value)
    return ""


def _line(table: Table, row: Row, index: int, period: str) -> tuple[str, ...]:
    column, exact = table.columns[index], row.exact[index]
    texts = (table.id, table.title, table.unit.code, table.unit.name, row.label, row.key, row.kind.value)
    # Names and labels come from imported files: never a formula in a spreadsheet (issue 9, item 7).
    return (
        *(inert(text) for text in texts),
        inert(column.key),
        inert(f"{column.group} / {column.label}" if column.group else column.label),
        period,
        column.unit,
        _value(row.values[index]),
        "" if exact is None else str(exact),
    )


def rows(document: Document) -> list[tuple[str, ...]]:
    """The lines of the CSV after its header: figure cells only, in document order."""
    found: list[tuple[str, ...]] = []
    for table in document.tables:
        figures = [i for i, column in enumerate(table.columns) if column.format in _FIGURE_FORMATS]
        for row in table.rows:
            if row.kind.value != "heading":
                found.extend(_line(table, row, index, str(document.period)) for index in figures)
    return found


def render_csv(document: Document) -> bytes:
    """UTF-8 with a byte-order mark (so that spreadsheets read the Finnish letters), comma-separated, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(document))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
