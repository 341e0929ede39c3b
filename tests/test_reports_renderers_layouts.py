"""Every format prints what a layout adds: column groups, sub-rows, money with cents, the summary, the
metrics, investment projects and amendments tables (tests/data/layouts/layout-every-feature.toml)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from layout_tables import content, values
from toteuma.core.definition import load_definition
from toteuma.core.periods import Period
from toteuma.core.report import Amendment, AmendmentLine, MetricPoint, MetricSeries, ProjectFigures, UnitRef
from toteuma.reports import render
from toteuma.reports.model import Document
from toteuma.reports.presentation import build_document

LAYOUT = load_definition(Path(__file__).parent / "data" / "layouts" / "layout-every-feature.toml")
ROWS = {
    "myyntituotot": values(budget_original=1_000_000, tot=123_456),
    "palkat": values(budget_original=-5_000_000, tot=-1_234_567),
}


@pytest.fixture(scope="module")
def document() -> Document:
    area = UnitRef("1100", "Perusopetus")
    item = content(LAYOUT, ROWS, Period(2024, 12), areas=((area, ROWS, 1),))
    decision = Amendment(
        "Kv 14.6.2024 § 52", date(2024, 6, 14), (AmendmentLine(area, "palkat", "menot", -5_000),)
    )
    metric = MetricSeries(
        area, "Kestävä talous", "Asiakastyytyväisyys", "%", (MetricPoint("2024-12", Decimal("12.5")),)
    )
    project = ProjectFigures(
        "P1", "Koulun katto", "Rakennukset", area, budget=-10_000_000, tot=-2_500_050, lines=3
    )
    extra = {"summary_units": item.areas, "amendments": (decision,), "metrics": (metric,)}
    return build_document(replace(item, investment_projects=(project,), **extra), LAYOUT)


def test_the_model_has_the_tables_the_layout_names(document: Document) -> None:
    assert [table.kind for table in document.tables] == [
        "council",
        "statement",
        "summary",
        "statement",
        "metrics",
        "investment-projects",
        "amendments",
    ]
    assert document.appendix == ()  # printed, so not the JSON's alone


def test_html_spans_groups_and_indents_sub_rows(document: Document) -> None:
    page = render(document, "html").decode()
    assert '<th scope="colgroup" colspan="2" class="group">Tuloarviot</th>' in page
    assert '<th scope="colgroup" colspan="2" class="group">Määrärahat</th>' in page
    assert '<tr class="row depth-2">\n  <th scope="row">Palkat ja palkkiot</th>' in page
    assert ">-12\u00a0345,67<" in page  # euros and cents
    assert '<td class="text col-decided">2024-06-14</td>' in page
    assert ">12,5<" in page  # a metric's value as measured
    assert ">-25\u00a0000,50<" in page  # a project's actual in the table's cents


def test_json_names_groups_lines_depths_and_decimals(document: Document) -> None:
    data = json.loads(render(document, "json"))
    summary = next(table for table in data["tables"] if table["kind"] == "summary")
    assert summary["columns"][0] == {
        "key": "budget", "label": "TA 2024 +muutos", "unit": "EUR", "decimals": 2,
        "group": "Tuloarviot", "line": "toimintatuotot",
    }  # fmt: skip
    own = next(table for table in data["tables"] if table["id"] == "statement-1000")
    palkat = next(row for row in own["rows"] if row["key"] == "palkat")
    assert (palkat["depth"], palkat["values"][3], palkat["exact"][3]) == (2, -12345.67, -1_234_567)


def test_csv_prefixes_a_columns_label_with_its_group(document: Document) -> None:
    text = render(document, "csv").decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text), delimiter=";"))  # a Finnish CSV (decision 42)
    summary = [line for line in lines if line["table"] == "summary" and line["row_key"] == "1100"]
    assert [line["column_label"] for line in summary][:2] == [
        "Tuloarviot / TA 2024 +muutos",
        "Tuloarviot / TOT 2024 12 kk",
    ]
    assert summary[0]["value"] == "10000,00"


def test_xlsx_merges_the_group_heading_and_indents_sub_rows(document: Document) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(render(document, "xlsx")))
    sheet = book["Yhteenveto"]  # sheets are named in the report's language
    assert "B3:C3" in [str(item) for item in sheet.merged_cells.ranges]
    assert (sheet["B3"].value, sheet["D3"].value) == ("Tuloarviot", "Määrärahat")
    own = next(s for s in book.worksheets if any(r[0].value == "Palkat ja palkkiot" for r in s.iter_rows()))
    palkat = next(row for row in own.iter_rows(min_row=4) if row[0].value == "Palkat ja palkkiot")
    assert palkat[0].alignment.indent == 2
    assert palkat[4].value == -12345.67
    assert palkat[4].number_format.startswith("#,##0.00")


def test_docx_merges_the_group_heading_and_indents_sub_rows(document: Document) -> None:
    import docx

    word = docx.Document(io.BytesIO(render(document, "docx")))
    summary = next(table for table in word.tables if table.rows[0].cells[1].text == "Tuloarviot")
    assert summary.rows[0].cells[1]._tc is summary.rows[0].cells[2]._tc  # one merged cell over two columns
    own = next(
        table for table in word.tables if any(row.cells[0].text == "Palkat ja palkkiot" for row in table.rows)
    )
    palkat = next(row for row in own.rows if row.cells[0].text == "Palkat ja palkkiot")
    assert palkat.cells[0].paragraphs[0].paragraph_format.left_indent is not None
    assert palkat.cells[4].text == "-12\u00a0345,67"


def test_pdf_prints_the_groups_and_the_decisions(document: Document, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(render(document, "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tuloarviot" in text
    assert "Määrärahat" in text
    assert "2024-06-14" in text  # the decision's line (its reference wraps in its narrow label cell)
    plain = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Asiakastyytyväisyys" in plain.replace("\u2010\n", "")  # may break at a Finnish point
    assert "Koulun katto" in text
    assert "Palkat ja palkkiot" in text
    assert "-12 345,67" in text.replace("\u00a0", " ")
