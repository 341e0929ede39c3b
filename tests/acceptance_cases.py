"""Published report tables of other municipalities, reproduced from input files and a layout file only.

A case is a folder under tests/data/acceptance/: its input files (imported through the services, as
`toteuma import` does), its layout files, and `published.toml`: the published tables transcribed cell
by cell as printed. A report is built as `toteuma report --layout FILE --format json` builds it, and
every printed cell is compared with the published one: the column headings, each row's label and
each figure, in order. The system computes every figure; where the published table contradicts
itself, the figures that differ are listed with the reason (tests/test_acceptance_reports.py).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from toteuma import services
from toteuma.core.periods import Period

CASES = Path(__file__).parent / "data" / "acceptance"
# The order a controller imports a municipality's files in: the tree and the chart first.
KINDS = ("units", "accounts", "mapping", "ledger", "budget")
NOT_SHOWN = "?"  # a cell the stored copy of the page does not show (it ends part-way through a row)


def import_case(name: str) -> list[services.ImportResult]:
    """Every input file of the case, imported as `toteuma import KIND FILE` imports it."""
    folder = CASES / name
    results = []
    for kind in KINDS:
        for path in sorted(folder.glob(f"{kind}*.csv")):
            result = services.import_file(kind, path)
            assert result.imported, [str(item) for item in result.problems]
            results.append(result)
    return results


def report(name: str, layout: str, unit: str, period: str, lang: str = "fi") -> Printed:
    """The report as `toteuma report --unit U --period P --layout FILE --lang L` writes it: the JSON's
    figures and the HTML page's printed tables."""
    chosen = services.get_layout(str(CASES / name / layout))
    content = services.build_report(unit, Period.parse(period), chosen)
    data = json.loads(services.render_report(content, "json", chosen, lang), parse_float=Decimal)
    page = services.render_report(content, "html", chosen, lang).decode("utf-8")
    return Printed(data, printed_tables(page), 'class="tie-out tie-out--ok"' in page)


def published(name: str) -> list[dict[str, Any]]:
    """The case's published tables, as transcribed in its published.toml."""
    text = (CASES / name / "published.toml").read_text(encoding="utf-8")
    tables: list[dict[str, Any]] = tomllib.loads(text)["tables"]
    return tables


def normal(text: str) -> str:
    """Printed text as compared: one kind of space and of minus, no percent sign, trimmed."""
    for other in ("\u00a0", "\u202f"):
        text = text.replace(other, " ")
    return " ".join(text.replace("\u2212", "-").replace("%", "").split())


@dataclass
class PrintedTable:
    """A figure table as the HTML page prints it, cell by cell."""

    label_header: str = ""
    groups: list[str] = field(default_factory=list)  # the spanning headings, in order
    rows: list[list[str]] = field(default_factory=list)


class _Tables(HTMLParser):
    """The figure tables of a report page: `<table id="table-ID">` with its header and body cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, PrintedTable] = {}
        self.table: PrintedTable | None = None
        self.part = ""
        self.cell: list[str] | None = None
        self.cell_class = ""
        self.row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and (found.get("id") or "").startswith("table-"):
            self.table = self.tables.setdefault(str(found["id"])[len("table-") :], PrintedTable())
        elif self.table is not None and tag in ("thead", "tbody", "caption"):
            self.part = tag
        elif self.table is not None and tag == "tr":
            self.row = []
        elif self.table is not None and tag in ("th", "td"):
            self.cell, self.cell_class = [], found.get("class") or ""

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.table is None:
            return
        if tag in ("th", "td") and self.cell is not None:
            text = "".join(self.cell).strip()
            self.cell = None
            if self.part == "thead":
                self._head(text)
            else:
                self.row.append(text)
        elif tag == "tr" and self.part == "tbody":
            self.table.rows.append(self.row)
        elif tag == "table":
            self.table = None

    def _head(self, text: str) -> None:
        assert self.table is not None
        if "label" in self.cell_class.split():
            self.table.label_header = text
        elif "group" in self.cell_class.split():
            self.table.groups.append(text)


def printed_tables(page: str) -> dict[str, PrintedTable]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


@dataclass(frozen=True)
class Printed:
    """A built report: its JSON and its page's printed tables by table id."""

    data: dict[str, Any]
    tables: dict[str, PrintedTable]
    tied_out: bool  # the page says its figures tie out to the ledger lines

    def table_ids(self) -> list[str]:
        return [table["id"] for table in self.data["tables"]]


@dataclass(frozen=True)
class Difference:
    """A cell whose printed figure is not the published one: (row label, column heading)."""

    row: str
    column: str
    published: str
    printed: str


def compare(found: Printed, expected: dict[str, Any]) -> list[Difference]:
    """The cells that differ between the printed table and the published one; the headings, the row
    labels in order and the number of rows must be the same (a "cut" page: its rows come first), and
    the report's figures must tie out to the ledger."""
    assert found.tied_out
    assert expected["id"] in found.tables, f"no table {expected['id']} in {found.table_ids()}"
    table = found.tables[expected["id"]]
    (data,) = [item for item in found.data["tables"] if item["id"] == expected["id"]]
    if "title" in expected:
        assert data["title"] == expected["title"]
    if "label_header" in expected:
        assert table.label_header == expected["label_header"]
    assert table.groups == expected.get("groups", [])
    assert [column["label"] for column in data["columns"]] == expected["columns"]
    rows = table.rows[: len(expected["rows"])] if expected.get("cut") else table.rows
    assert [normal(row[0]) for row in rows] == [normal(row[0]) for row in expected["rows"]]
    differences = []
    for row, published_row in zip(rows, expected["rows"], strict=True):
        cells = row[1:] + [""] * (len(published_row) - len(row))  # a heading spans the whole row
        for column, printed, text in zip(expected["columns"], cells, published_row[1:], strict=True):
            if text != NOT_SHOWN and normal(printed) != normal(text):
                differences.append(Difference(normal(row[0]), column, text, printed))
    return differences
