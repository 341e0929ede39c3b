"""Tests of reports/html_report.py: escaping, table semantics, Finnish numbers, a self-contained page."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import GoalEntry, ReportContent, UnitRef, UnitStatement
from toteuma.core.statement import RowFigures, compute_statement
from toteuma.core.structure import load_structure
from toteuma.reports.html_report import format_cell, render_html
from toteuma.reports.model import CellFormat
from toteuma.reports.presentation import build_document

STRUCTURE = load_structure()
SECTOR = UnitRef("1000", "Yhteiset palvelut / Kaupunginhallituksen toimiala")
NBSP = "\u00a0"


def page(**changes: Any) -> str:
    sector = compute_statement(
        STRUCTURE,
        {"henkilostokulut": RowFigures(budget_original=-697_820_000, tot=-136_590_649, active=True)},
    )
    content = ReportContent(
        title="Käyttösuunnitelman toteutuminen",
        period=Period(2024, 3),
        unit=SECTOR,
        municipality="Heinolan kaupunki",
        summary=STRUCTURE.summary,
        statement=UnitStatement(SECTOR, sector),
    )
    return render_html(build_document(replace(content, **changes))).decode("utf-8")


def test_commentary_containing_html_is_inert() -> None:
    area = UnitStatement(
        UnitRef("1100", "Vaalit <i>"),
        compute_statement(STRUCTURE, {}),
        '<script>alert("x")</script> & <b>lihava</b>',
    )
    html = page(areas=(area,))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;lihava&lt;/b&gt;" in html
    assert "Vaalit &lt;i&gt; -palvelualue" in html


def test_every_table_has_a_caption_and_scoped_headers_in_a_labelled_scroll_region() -> None:
    goals = (GoalEntry("Kestävä talous", (), ("raportointi",), status=GoalStatus.ON_TRACK),)
    html = page(binding_goals=goals)
    assert html.count("<table") == html.count("<caption") == 3
    assert 'scope="col"' in html
    assert '<th scope="row">Henkilöstökulut</th>' in html
    assert re.search(r'<th scope="row" class="col-aim"><strong class="aim">Kestävä talous</strong>', html)
    for caption_id in re.findall(r'<caption id="([^"]+)"', html):
        assert f'role="region" aria-labelledby="{caption_id}" tabindex="0"' in html


def test_a_caption_repeating_its_section_heading_is_read_but_not_shown() -> None:
    html = page(areas=(UnitStatement(UnitRef("1100", "Vaalit"), compute_statement(STRUCTURE, {})),))
    assert '<span class="caption-title visually-hidden">Valtuuston hyväksymä talousarvio</span>' in html
    # under the heading "Vaalit -palvelualue" the caption adds something, so it shows
    assert '<span class="caption-title">Tuloslaskelma</span>' in html


def test_numbers_use_no_break_space_thousands_hyphen_minus_and_decimal_comma() -> None:
    html = page()
    assert f'<td class="num col-tot">-1{NBSP}365{NBSP}906</td>' in html
    assert '<td class="num col-pct">19,57</td>' in html
    assert "\u2212" not in html


@pytest.mark.parametrize(
    ("value", "cell_format", "printed"),
    [
        (-1_365_906, CellFormat.EUROS, f"-1{NBSP}365{NBSP}906"),
        (0, CellFormat.EUROS, "0"),
        (Decimal("0.00"), CellFormat.PERCENT, "0,00"),
        (Decimal("-0.01"), CellFormat.PERCENT, "-0,01"),
        (Decimal("1234.50"), CellFormat.PERCENT, f"1{NBSP}234,50"),
        (None, CellFormat.EUROS, ""),
    ],
)
def test_cells_print_in_finnish_format(value: Any, cell_format: CellFormat, printed: str) -> None:
    assert format_cell(value, cell_format) == printed


def test_subtotals_are_marked_and_headings_span_the_row() -> None:
    html = page()
    assert '<tr class="subtotal">\n  <th scope="row">Toimintakulut</th>' in html
    assert '<tr class="heading">\n  <th scope="row" colspan="7">TOIMINTAKULUT</th>' in html


def test_goal_status_is_written_in_words() -> None:
    goals = (GoalEntry("Kestävä talous", (), ("raportointi",), status=GoalStatus.PARTLY),)
    html = page(plan_goals=goals)
    assert re.search(r'<span class="status status--osittain">.*Toteutuu osittain</span>', html)


def test_texts_become_paragraphs() -> None:
    html = page(goals_intro="Ensimmäinen.\n\nToinen.", responsible="Hallinto- ja kehitysjohtaja")
    assert "<p>Ensimmäinen.</p>\n<p>Toinen.</p>" in html
    assert "<strong>Vastuuhenkilö:</strong> Hallinto- ja kehitysjohtaja" in html


def test_page_is_finnish_self_contained_and_deterministic() -> None:
    html = page()
    assert '<html lang="fi">' in html
    assert "<h1>Käyttösuunnitelman toteutuminen tammi–maaliskuu</h1>" in html
    assert not re.search(r"https?://|<link|<script|src=|@import", html)
    assert "@page { size: A4" in html
    assert html == page()
