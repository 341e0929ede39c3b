"""Golden tests per format: the reference's figures read back out of the HTML, PDF, DOCX and XLSX reports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from demo_report import demo_content
from reference_text import compare_report, load_contradictions, load_reference
from report_extract import docx_tables, html_tables, number, pdf_text, xlsx_tables
from toteuma.core.report import ReportContent
from toteuma.services import render_report

CONTRADICTIONS = Path(__file__).parents[1] / "examples" / "heinola-2024-q1" / "contradictions.json"
REFERENCE_FIGURES = 634
JSON_ONLY = ("metrics", "investment-projects", "amendments")  # the data appendix (docs/decisions.md, 44)


@pytest.fixture(scope="module")
def content(django_db_setup: None, django_db_blocker: Any) -> Iterator[ReportContent]:
    with demo_content(django_db_blocker) as built:
        yield built


def _contradictions() -> list[Any]:
    return load_contradictions(CONTRADICTIONS) if CONTRADICTIONS.exists() else []


def _assert_reference(report: dict[str, Any]) -> None:
    comparison = compare_report(load_reference(), report, _contradictions())
    assert comparison.differences == [], comparison.message()
    assert comparison.compared == REFERENCE_FIGURES, comparison.message()


def test_html_tables_carry_every_reference_figure(content: ReportContent) -> None:
    _assert_reference(html_tables(render_report(content, "html")))


def test_xlsx_cells_are_numbers_carrying_every_reference_figure(content: ReportContent) -> None:
    _assert_reference(xlsx_tables(render_report(content, "xlsx")))


def test_docx_tables_carry_every_reference_figure(content: ReportContent) -> None:
    data = render_report(content, "docx")
    _assert_reference(docx_tables(data, "Valtuuston hyväksymä talousarvio", "Investoinnit"))


def _printed(value: int | Decimal) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return f"{value:,}".replace(",", " ")


@pytest.mark.slow
def test_pdf_text_shows_every_reference_row_in_order(content: ReportContent, tmp_path: Path) -> None:
    """Each row's figures appear together, on one line of the page, and the rows in the reference's order."""
    text = " ".join(pdf_text(render_report(content, "pdf"), tmp_path).split())
    position, found = 0, 0
    for table in load_reference():
        for row in table.rows:
            if row.is_heading:
                continue
            figures = " ".join(_printed(value) for value in row.values)
            at = text.find(figures, position)
            assert at >= 0, f"{table.title} | {row.label}: {figures!r} not found after position {position}"
            position, found = at + len(figures), found + len(row.values)
    assert found == REFERENCE_FIGURES


def test_number_reads_printed_figures() -> None:
    assert number("-1\u00a0365\u00a0906") == -1365906
    assert number("19,57") == Decimal("19.57")
    assert number("") is None
    with pytest.raises(ValueError, match="not a printed figure"):
        number("12.5")


@pytest.mark.parametrize(("lang", "delimiter", "decimal"), [("fi", ";", ","), ("en", ",", ".")])
def test_json_and_csv_agree_on_every_figure(
    content: ReportContent, lang: str, delimiter: str, decimal: str
) -> None:
    import csv
    import io
    import json

    data = json.loads(render_report(content, "json", lang=lang), parse_float=Decimal)
    text = render_report(content, "csv", lang=lang).decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    for line in lines:
        assert "." not in line["value"] or decimal == "."
        line["value"] = line["value"].replace(decimal, ".")
    from_json = {
        (table["id"], row["label"], column["key"]): (value, exact)
        for table in data["tables"]
        if table["kind"] != "goals" and table["id"] not in JSON_ONLY
        for row in data["tables"][data["tables"].index(table)]["rows"]
        if row["kind"] != "heading"
        for column, value, exact in zip(table["columns"], row["values"], row["exact"], strict=True)
    }
    from_csv = {
        (line["table"], line["row"], line["column"]): (
            Decimal(line["value"]) if "." in line["value"] else int(line["value"]),
            int(line["exact_cents"]) if line["exact_cents"] else None,
        )
        for line in lines
    }
    assert from_csv == from_json
    assert {line["unit"] for line in lines} == {"EUR", "%"}
    assert {line["period"] for line in lines} == {"2024-03"}
    assert re.fullmatch(r"-?\d+", lines[0]["exact_cents"])


def test_xlsx_has_no_text_that_looks_like_a_number_and_freezes_its_headers(content: ReportContent) -> None:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(render_report(content, "xlsx")))
    looks_numeric = re.compile(r"^\s*-?[\d\s\u00a0]+([.,]\d+)?\s*%?\s*$")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert not looks_numeric.match(cell.value), (
                        f"{sheet.title}!{cell.coordinate}: {cell.value!r}"
                    )
    statement = book["Yhteiset palvelut - Kaupunginh…"]
    assert statement.freeze_panes == "B4"
    assert statement["E5"].number_format == "#,##0;-#,##0;0"
    assert statement["G5"].number_format == "0.00"
    assert statement.column_dimensions["A"].width >= 24
    names = [sheet.title for sheet in book.worksheets]
    assert names[:3] == ["Raportti", "Toimialan tavoitteet", "Valtuuston talousarvio"]
    assert "Vaalit" in names
    assert not [name for name in names if "-1" in name or name in ("council", "investments")]  # no codes
    cents = [
        c.value for s in book.worksheets[1:] for r in s.iter_rows() for c in r if isinstance(c.value, float)
    ]
    assert any(not value.is_integer() for value in cents)  # the cents are kept, the format shows euros
    cover = [str(cell.value) for row in book["Raportti"].iter_rows() for cell in row if cell.value]
    assert "Tilanne 31.3.2024" in " ".join(cover)  # dates as the report's language writes them
    assert not any(re.search(r"\d{4}-\d\d-\d\d", text) for text in cover)
