"""Tests of the presentation model under each shipped layout: columns, labels, signs, scale, rows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from toteuma.core.definition import Definition, SectionKind, load_definition
from toteuma.core.periods import Period
from toteuma.core.report import ReportContent, UnitRef, UnitStatement
from toteuma.core.statement import RowFigures, compute_statement
from toteuma.core.structure import load_structure
from toteuma.reports import render
from toteuma.reports.model import Document, Table
from toteuma.reports.presentation import build_document

STRUCTURE = load_structure()
SECTOR = UnitRef("1000", "Yhteiset palvelut")
AREA = UnitRef("1100", "Vaalit")
FIGURES = {
    "myyntituotot": RowFigures(budget_original=1_000_000, tot=200_049, active=True),
    "henkilostokulut": RowFigures(
        budget_original=-5_000_000, amendments=-1_000_000, tot=-6_250_000, active=True
    ),
    "avustukset": RowFigures(active=True),  # postings that net to zero
}


def content(layout: Definition) -> ReportContent:
    statement = compute_statement(STRUCTURE, FIGURES)
    return ReportContent(
        title="",
        period=Period(2024, 12),
        unit=SECTOR,
        municipality="Heinolan kaupunki",
        summary=STRUCTURE.summary,
        statement=UnitStatement(SECTOR, statement),
        areas=(UnitStatement(AREA, statement),),
    )


def document(name: str, lang: str = "fi") -> Document:
    layout = load_definition(name)
    return build_document(content(layout), layout, lang)


def table(found: Document, table_id: str) -> Table:
    return next(item for item in found.tables if item.id == table_id)


def values(found: Table, key: str) -> tuple[object, ...]:
    return next(row.values for row in found.rows if row.key == key)


def test_reference_layout_prints_the_references_columns() -> None:
    found = table(document("reference"), "statement-1000")
    assert [column.label for column in found.columns] == [
        "TP 2023",
        "TOT 2023",
        "TA 2024 +muutos",
        "TOT 2024 12 kk",
        "Jäljellä",
        "TOT-24 %",
    ]
    assert values(found, "henkilostokulut") == (0, 0, -60_000, -62_500, 2_500, Decimal("104.17"))
    assert [row.key for row in found.rows if row.key == "avustukset"] == ["avustukset"]


def test_year_end_layout_prints_original_amendments_deviation_and_one_decimal() -> None:
    found = table(document("year-end"), "statement-1000")
    labels = [column.label for column in found.columns]
    assert labels == ["TA 2024", "Muutokset", "TA 2024 muutosten jälkeen", "TP 2024", "Poikkeama", "TOT-24 %"]
    assert values(found, "henkilostokulut") == (-50_000, -10_000, -60_000, -62_500, 2_500, Decimal("104.2"))
    assert [column.unit for column in found.columns] == ["EUR"] * 5 + ["%"]
    assert [section.kind for section in document("year-end").sections][:2] == ["council", "statement"]


def test_gross_binding_layout_binds_revenue_and_costs_and_shows_each_overrun() -> None:
    found = document("gross-binding")
    council = table(found, "council")
    assert [row.label for row in council.rows] == ["TULOT", "MENOT"]
    assert [column.label for column in council.columns] == [
        "TA 2024 +muutos",
        "TOT 2024 12 kk",
        "Poikkeama",
        "Ylitys",
        "TOT-24 %",
    ]
    assert values(council, "tulot") == (10, 2, -8, 8, Decimal("20"))  # thousands of euros; revenue 8 short
    assert values(council, "menot") == (-60, -63, -3, 3, Decimal("104"))  # costs 2.5 thousand over
    assert council.rows[1].exact == (-6_000_000, -6_250_000, -250_000, 250_000, None)
    statement = table(found, "statement-1000")
    assert "avustukset" not in [row.key for row in statement.rows]  # rows = "nonzero"
    assert {column.unit for column in statement.columns} == {"1000 EUR", "%"}


def test_a_layout_chooses_the_sections() -> None:
    layout = replace(load_definition(None), sections=(SectionKind.COUNCIL,))
    found = build_document(content(layout), layout)
    assert [section.kind for section in found.sections] == ["council"]


@pytest.mark.parametrize("name", ["reference", "year-end", "gross-binding"])
@pytest.mark.parametrize("fmt", ["html", "json", "csv", "xlsx", "docx"])
def test_every_layout_renders_in_every_format(name: str, fmt: str) -> None:
    data = render(document(name), fmt)
    assert len(data) > 500
    if fmt in ("html", "json", "csv"):
        assert "henkil" in data.decode("utf-8-sig").lower()


def test_the_title_page_says_in_which_unit_the_figures_are() -> None:
    assert document("reference").units_note == "Luvut euroina"
    assert document("gross-binding", "en").units_note == "Figures in thousands of euros"
    assert "Luvut tuhansina euroina" in render(document("gross-binding"), "html").decode()
