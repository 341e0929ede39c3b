"""Read the report back out of each format into the JSON report's shape, so that one comparison serves all.

Each reader returns {"tables": [{"id", "title", "unit": {"name"}, "rows": [{"label", "kind", "values"}]}]}
with whole euros as int and percentages as two-decimal Decimal, as `reference_text.compare_report` expects.
"""

from __future__ import annotations

import io
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

_PERCENT = re.compile(r"^-?\d+,\d+$")
_EURO = re.compile(r"^-?\d{1,3}(?: \d{3})*$")


def number(text: str) -> int | Decimal | None:
    """A printed Finnish figure: "-1 365 906" -> -1365906, "19,57" -> Decimal("19.57"), "" -> None."""
    clean = " ".join(text.replace("\u00a0", " ").split())
    if not clean:
        return None
    if _PERCENT.match(clean):
        return Decimal(clean.replace(",", "."))
    if _EURO.match(clean):
        return int(clean.replace(" ", ""))
    raise ValueError(f"not a printed figure: {text!r}")


def _row(label: str, values: list[Any]) -> dict[str, Any]:
    kind = "heading" if all(value is None for value in values) else "row"
    return {"label": label, "kind": kind, "values": values}


class _Tables(HTMLParser):
    """The figure tables of the HTML page: id from the table's id, unit from the caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self.cells: list[str] | None = None
        self.text: list[str] | None = None
        self.unit: list[str] | None = None
        self.active = False  # inside a figure table

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self.active = "figures" in (found.get("class") or "").split()
        if tag == "table" and self.active:
            table_id = (found.get("id") or "").removeprefix("table-")
            self.tables.append({"id": table_id, "title": "", "unit": {"name": ""}, "rows": []})
        elif tag == "span" and found.get("class") == "caption-unit" and self.active:
            self.unit = []
        elif tag == "tr" and self.active:
            self.cells = []
        elif tag in ("th", "td") and self.cells is not None:
            self.text = []

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)
        if self.unit is not None:
            self.unit.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.unit is not None:
            self.tables[-1]["unit"]["name"] = "".join(self.unit).strip()
            self.unit = None
        elif tag in ("th", "td") and self.text is not None and self.cells is not None:
            self.cells.append("".join(self.text).strip())
            self.text = None
        elif tag == "tr" and self.cells is not None:
            if self.cells:
                self._add_row(self.cells)
            self.cells = None
        elif tag == "table":
            self.cells = None
            self.active = False

    def _add_row(self, cells: list[str]) -> None:
        table = self.tables[-1]
        if "header" not in table:
            table["header"] = cells
            return
        table["rows"].append(_row(cells[0], [number(cell) for cell in cells[1:]]))


def html_tables(page: bytes) -> dict[str, Any]:
    parser = _Tables()
    parser.feed(page.decode("utf-8"))
    return {"tables": parser.tables}


def xlsx_tables(data: bytes) -> dict[str, Any]:
    """Every sheet but the cover; numbers as the cells hold them, percentages at their format's decimals."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    tables = []
    ids = {"Valtuuston hyväksymä talousarvio": "council", "Investoinnit": "investments"}
    for sheet in book.worksheets[1:]:
        if sheet["A3"].value == "Strateginen päämäärä":  # a goals sheet
            continue
        title = str(sheet["A1"].value)
        rows = []
        for cells in sheet.iter_rows(min_row=4):
            if cells[0].value is None:
                continue
            rows.append(_row(str(cells[0].value), [_xlsx_value(cell) for cell in cells[1:]]))
        table_id = ids.get(title.split(" – ", 1)[0], "statement-")  # sheets are named in words
        tables.append(
            {"id": table_id, "title": title, "unit": {"name": title.split(" – ", 1)[-1]}, "rows": rows}
        )
    return {"tables": tables}


def _xlsx_value(cell: Any) -> int | Decimal | None:
    value = cell.value
    if value is None:
        return None
    assert isinstance(value, int | float), f"{cell.coordinate} holds {value!r}, not a number"
    if cell.number_format.startswith("0."):
        places = len(cell.number_format) - 2
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places))
    # A money cell keeps its cents; its format shows whole euros, rounded half away from zero as printed.
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def docx_tables(data: bytes, council_title: str, investments_title: str) -> dict[str, Any]:
    """The figure tables of the Word file; each follows a paragraph "title – unit"."""
    import docx

    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    tables: list[dict[str, Any]] = []
    caption = ""
    by_element = {table._tbl: table for table in word.tables}
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            caption = text or caption
        elif child in by_element:
            table = by_element[child]
            cells = [[cell.text for cell in row.cells] for row in table.rows]
            if len(cells[0]) < 5 or cells[0][0] in {"Strateginen päämäärä", "Aineisto"}:  # goals, sources
                continue
            title, _, unit = caption.partition(" – ")
            table_id = {council_title: "council", investments_title: "investments"}.get(title, "statement-")
            rows = [_row(row[0], [number(cell) for cell in row[1:]]) for row in cells[1:]]
            tables.append({"id": table_id, "title": title, "unit": {"name": unit}, "rows": rows})
    return {"tables": tables}


def pdf_text(data: bytes, tmp: Path) -> str:
    """pdftotext -layout of the PDF, no-break spaces made plain."""
    path = tmp / "report.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout.replace("\u00a0", " ")
