"""The report as a workbook (XlsxWriter): a cover sheet, then one sheet per table, numbers with formats."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from toteuma.reports.i18n import Catalogue, catalogue
from toteuma.reports.model import CellFormat, ColumnSpec, Document, Table
from toteuma.reports.numbers import format_long_date

# Excel prints these with the reader's own separators: "-1 365 906" and "19,57" in a Finnish Excel.
NUMBER_FORMATS = {"euros": "#,##0;-#,##0;0", 0: "0", 1: "0.0", 2: "0.00"}
MONEY_FORMATS = {
    0: "#,##0;-#,##0;0",
    1: "#,##0.0;-#,##0.0;0.0",
    2: "#,##0.00;-#,##0.00;0.00",
    3: "#,##0.000;-#,##0.000;0.000",
}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(table: Table, taken: set[str], cat: Catalogue) -> str:
    """The table's name in the report's language ("Valtuuston talousarvio", a statement's unit), made a
    legal, unique sheet name of at most 31 characters."""
    kind = "statement" if table.id.startswith("statement-") else table.id
    text = cat.entries.get("sheets", {}).get(kind, "{unit}").format(unit=table.unit.name)
    base = _BAD_SHEET_CHARS.sub("-", text).strip()
    base = base if len(base) <= 31 else base[:30].rstrip() + "…"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _money(cents: int | None, value: object, column: ColumnSpec) -> float:
    """A money cell's euros with their cents (thousands in a thousands column): the number format shows
    the whole euros the report prints, the cell keeps the exact amount for sums."""
    if cents is None:
        return float(value)  # type: ignore[arg-type]
    scale = 1000 if column.unit == "1000 EUR" else 1
    return float(Decimal(cents) / (100 * scale))


def _formats(book: Workbook) -> dict[str, Any]:
    bold_top = {"bold": True, "top": 1}
    found = {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "head": book.add_format({"bold": True, "bottom": 2, "text_wrap": True, "valign": "bottom"}),
        "head_num": book.add_format({"bold": True, "bottom": 2, "text_wrap": True, "align": "right"}),
        "head_group": book.add_format({"bold": True, "bottom": 1, "align": "center"}),
        "heading": book.add_format({"bold": True}),
        "number": book.add_format({"num_format": "General"}),
        "number_bold": book.add_format({"num_format": "General", **bold_top}),
        "text": book.add_format({"text_wrap": True, "valign": "top"}),
        "label_bold": book.add_format(bold_top),
    }
    for depth in range(4):  # sub-rows indented by their level
        found[f"heading{depth}"] = book.add_format({"bold": True, "indent": depth})
        found[f"label{depth}"] = book.add_format({"indent": depth})
        found[f"label{depth}_bold"] = book.add_format({**bold_top, "indent": depth})
    for places, pattern in MONEY_FORMATS.items():
        found[f"euros{places}"] = book.add_format({"num_format": pattern})
        found[f"euros{places}_bold"] = book.add_format({"num_format": pattern, **bold_top})
    for places in (0, 1, 2):
        found[f"pct{places}"] = book.add_format({"num_format": NUMBER_FORMATS[places]})
        found[f"pct{places}_bold"] = book.add_format({"num_format": NUMBER_FORMATS[places], **bold_top})
    return found


def _cell_text(value: object) -> str:
    if isinstance(value, tuple):
        return "\n".join(value)
    return "" if value is None else str(value)


def _head_label(column: ColumnSpec) -> str:
    return f"{column.label} ({column.unit})" if column.unit not in ("", "EUR", "%") else column.label


def _figure_head(sheet: Worksheet, table: Table, fmt: dict[str, Any]) -> int:
    """The header rows (a row of column groups first, when the table has them); the first data row."""
    row = 2
    if table.column_groups():
        col = 1
        for label, span in table.column_groups():
            if label and span > 1:
                sheet.merge_range(row, col, row, col + span - 1, label, fmt["head_group"])
            elif label:
                sheet.write_string(row, col, label, fmt["head_group"])
            col += span
        row += 1
    sheet.write_string(row, 0, table.label_header, fmt["head"])
    for col, column in enumerate(table.columns, start=1):
        sheet.write_string(row, col, _head_label(column), fmt["head_num"])
    sheet.set_row(row, 32)
    return row + 1


def _cell_format(fmt: dict[str, Any], column: ColumnSpec, bold: bool) -> Any:
    if column.format is CellFormat.TEXT:
        return fmt["label_bold"] if bold else None
    if column.format is CellFormat.NUMBER:
        return fmt["number_bold" if bold else "number"]
    kind = "euros" if column.format is CellFormat.EUROS else "pct"
    return fmt[f"{kind}{column.decimals}{'_bold' if bold else ''}"]


def _figure_sheet(sheet: Worksheet, table: Table, fmt: dict[str, Any]) -> None:
    sheet.write_string(
        0, 0, " – ".join(filter(None, (table.title, table.unit.name, table.note))), fmt["title"]
    )
    first = _figure_head(sheet, table, fmt)
    for r, row in enumerate(table.rows, start=first):
        bold = row.kind.value == "subtotal"
        if row.kind.value == "heading":
            sheet.write_string(r, 0, row.label, fmt[f"heading{min(row.depth, 3)}"])
            continue
        sheet.write_string(r, 0, row.label, fmt[f"label{min(row.depth, 3)}{'_bold' if bold else ''}"])
        cells = zip(table.columns, row.values, row.exact, strict=True)
        for col, (column, value, cents) in enumerate(cells, start=1):
            cell = _cell_format(fmt, column, bold)
            if value is None and column.blank:
                sheet.write_string(r, col, column.blank, cell)
            elif value is None:
                sheet.write_blank(r, col, None, cell)
            elif isinstance(value, str):
                sheet.write_string(r, col, value, cell)
            else:
                money = column.format is CellFormat.EUROS
                sheet.write_number(r, col, _money(cents, value, column) if money else value, cell)
    sheet.freeze_panes(first, 1)
    sheet.repeat_rows(2, first - 1)
    sheet.set_column(
        0, 0, max(24, min(48, max((len(row.label) + 2 * row.depth for row in table.rows), default=0) + 2))
    )
    sheet.set_column(1, len(table.columns), 15)


def _goals_sheet(sheet: Worksheet, table: Table, fmt: dict[str, Any]) -> None:
    sheet.write_string(0, 0, f"{table.title} – {table.unit.name}", fmt["title"])
    for col, column in enumerate(table.columns):
        sheet.write_string(2, col, column.label, fmt["head"])
    for r, row in enumerate(table.rows, start=3):
        first = "\n".join(part for part in (row.label, _cell_text(row.values[0])) if part)
        sheet.write_string(r, 0, first, fmt["text"])
        for col, value in enumerate(row.values[1:], start=1):
            sheet.write_string(r, col, _cell_text(value), fmt["text"])
    sheet.freeze_panes(3, 1)
    sheet.set_column(0, len(table.columns) - 1, 40)


def _cover(sheet: Worksheet, document: Document, fmt: dict[str, Any]) -> None:
    """Title, unit and position; then labelled lines: the tie-out and the sources, wrapped to the page."""
    cat = catalogue(document.lang)
    end = document.period.end
    position = cat.text("as_of", date=f"{end.day}.{end.month}.{end.year}")
    if document.report_date:
        position += f" · {cat.text('made', date=format_long_date(document.report_date, document.lang))}"
    lines = [document.municipality, document.unit.name, position, document.units_note]
    sheet.write_string(0, 0, document.title, fmt["title"])
    for r, text in enumerate(lines, start=1):
        sheet.write_string(r, 0, text)
    labelled = [(cat.text("tie_out"), text) for text in document.tie_out]
    labelled += [(row.what, cat.get("sources", "summary", **vars(row))) for row in document.sources]
    labelled += list(document.provenance)
    for r, (what, value) in enumerate(labelled, start=len(lines) + 2):
        sheet.write_string(r, 0, what, fmt["heading"])
        sheet.write_string(r, 1, value, fmt["text"])
        sheet.set_row(r, 15 * (len(value) // 85 + 1))  # readers do not all size wrapped rows themselves
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 90)


def _print_setup(sheet: Worksheet) -> None:
    """Printed on A4, as wide as one page."""
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def render_xlsx(document: Document) -> bytes:
    """The workbook's bytes; the same document gives the same bytes (the creation time is the report date)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    made = document.report_date or document.period.end
    book.set_properties(
        {"title": document.title, "created": datetime(made.year, made.month, made.day, tzinfo=UTC)}
    )
    fmt = _formats(book)
    cat = catalogue(document.lang)
    cover_name = cat.entries.get("sheets", {}).get("cover", "Raportti")
    taken = {cover_name.lower()}
    cover = book.add_worksheet(cover_name)
    _print_setup(cover)
    _cover(cover, document, fmt)
    for table in document.tables:
        sheet = book.add_worksheet(sheet_name(table, taken, cat))
        _print_setup(sheet)
        if table.kind == "goals":
            _goals_sheet(sheet, table, fmt)
        else:
            _figure_sheet(sheet, table, fmt)
    book.close()
    return buffer.getvalue()
