"""Tests of reports/figures.py: the chart blocks' text alternatives and the tie-out sentences."""

from __future__ import annotations

from dataclasses import replace

from test_reports_layouts import AREA, content
from toteuma.core.definition import load_definition as load_layout
from toteuma.core.periods import Period
from toteuma.core.report import TieCheck, TieOut
from toteuma.reports import render
from toteuma.reports.figures import area_chart, sector_chart, tie_out_sentences
from toteuma.reports.i18n import catalogue
from toteuma.reports.model import Chart
from toteuma.reports.presentation import build_document
from toteuma.reports.tables import Frame

Q4 = Period(2024, 12)


def test_every_chart_has_a_text_alternative_with_its_figures() -> None:
    layout = load_layout()
    base = replace(content(layout), monthly_net=(-100_000, -300_000))
    frame = Frame(Q4, layout, catalogue("fi"))
    areas = area_chart(base, frame)
    sector = sector_chart(base, frame)
    assert isinstance(areas, Chart)
    assert isinstance(sector, Chart)
    assert areas.alt == "Pylväskaavio: Vaalit 121,0 %. Vuodesta on kulunut 100,0 %."
    assert "tammikuu 1 000 euroa, helmikuu 3 000 euroa" in sector.alt.replace("\u00a0", " ")
    assert AREA.name in areas.spec


def test_a_document_without_monthly_figures_has_no_sector_chart() -> None:
    layout = load_layout()
    assert sector_chart(content(layout), Frame(Q4, layout)) is None


def test_tie_out_says_it_ties_or_lists_every_miss() -> None:
    cat = catalogue("fi")
    good = TieOut((TieCheck("2024-01..2024-12", -100, -100),))
    ok, text = tie_out_sentences(good, cat, Q4)
    assert ok
    assert text == ("Raportin luvut täsmäävät kirjanpitoon: TOT 2024 12 kk (2024-01..2024-12) -1,00\u00a0€.",)
    bad = TieOut((*good.checks, TieCheck("2023-01..2023-12", 500, 1_500, "tp_prev")))
    ok, text = tie_out_sentences(bad, catalogue("en"), Q4)
    assert not ok
    assert text == (
        "The report's figures do not agree with the ledger:",
        "Accounts 2023 (2023-01..2023-12): 5.00\u00a0€ ≠ 15.00\u00a0€",
    )


def test_html_marks_a_tie_out_miss_in_words() -> None:
    layout = load_layout()
    bad = TieOut((TieCheck("2024-01..2024-12", 0, 1_000),))
    page = render(build_document(replace(content(layout), tie_out=bad), layout), "html").decode()
    assert 'class="tie-out tie-out--bad"' in page
    assert "Raportin luvut eivät täsmää kirjanpitoon:" in page


def test_chart_specs_for_the_browser_are_the_documents_charts() -> None:
    from toteuma.reports.figures import chart_specs

    layout = load_layout()
    base = replace(content(layout), monthly_net=(-100_000,))
    specs = chart_specs(base, Frame(Q4, layout, catalogue("sv")))
    assert sorted(specs) == ["areas", "sector"]
    assert specs["sector"]["data"]["values"][0] == {
        "month": "Jan",
        "series": "Utfall, ackumulerat",
        "euros": 1_000,
    }
