"""Tests of reports/presentation.py: rounding, labels, visibility and order decided once for every format."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import (
    Description,
    GoalEntry,
    InvestmentFigures,
    InvestmentGroup,
    ReportContent,
    UnitRef,
    UnitStatement,
)
from toteuma.core.statement import RowFigures, Statement, compute_statement
from toteuma.core.structure import LineKind, load_structure
from toteuma.reports.model import Table, Text
from toteuma.reports.presentation import build_document, paragraphs

STRUCTURE = load_structure()
SECTOR = UnitRef("1000", "Yhteiset palvelut / Kaupunginhallituksen toimiala")
Q1 = Period(2024, 3)


def statement(**rows: RowFigures) -> Statement:
    return compute_statement(STRUCTURE, rows)


def content(sector: Statement | None = None, **changes: Any) -> ReportContent:
    base = ReportContent(
        title="Käyttösuunnitelman toteutuminen",
        period=Q1,
        unit=SECTOR,
        municipality="Heinolan kaupunki",
        summary=STRUCTURE.summary,
        statement=UnitStatement(SECTOR, sector or statement()),
    )
    return replace(base, **changes)


def table(document_content: ReportContent, table_id: str) -> Table:
    return next(item for item in build_document(document_content).tables if item.id == table_id)


def row(found: Table, label: str) -> tuple[object, ...]:
    return next(item.values for item in found.rows if item.label == label)


def test_money_rounds_half_away_from_zero_at_the_display() -> None:
    sector = statement(
        myyntituotot=RowFigures(tot=250, active=True),  # 2.50 -> 3
        henkilostokulut=RowFigures(tot=-150, active=True),  # -1.50 -> -2
    )
    found = table(content(sector), "statement-1000")
    assert row(found, "Myyntituotot")[3] == 3
    assert row(found, "Henkilöstökulut")[3] == -2


def test_parent_is_rounded_from_exact_cents_so_it_may_differ_by_one_from_its_children() -> None:
    sector = statement(
        myyntituotot=RowFigures(tot=50, active=True),  # 0.50 -> 1
        maksutuotot=RowFigures(tot=50, active=True),  # 0.50 -> 1
    )
    found = table(content(sector), "statement-1000")
    subtotal = next(item for item in found.rows if item.label == "Toimintatuotot")
    assert row(found, "Myyntituotot")[3] + row(found, "Maksutuotot")[3] == 2  # type: ignore[operator]
    assert subtotal.values[3] == 1
    assert subtotal.exact[3] == 100
    assert subtotal.kind is LineKind.SUBTOTAL


def test_percent_is_0_00_when_the_budget_is_0_and_never_minus_zero() -> None:
    sector = statement(
        myyntituotot=RowFigures(tot=482_000, active=True),
        poistot_ja_arvonalentumiset=RowFigures(budget_original=-45_680_000, tot=0, active=True),
    )
    found = table(content(sector), "statement-1000")
    for label in ("Myyntituotot", "Poistot ja arvonalentumiset"):
        pct = row(found, label)[5]
        assert isinstance(pct, Decimal)
        assert str(pct) == "0.00"


def test_percent_comes_from_unrounded_amounts() -> None:
    sector = statement(henkilostokulut=RowFigures(budget_original=-272_090_000, tot=-60_042_949, active=True))
    assert row(table(content(sector), "statement-1000"), "Henkilöstökulut")[5] == Decimal("22.07")


def test_hidden_lines_are_absent_and_headings_have_no_figures() -> None:
    sector = statement(myyntituotot=RowFigures(tot=100, active=True), maksutuotot=RowFigures(active=False))
    found = table(content(sector), "statement-1000")
    labels = [item.label for item in found.rows]
    assert "Maksutuotot" not in labels
    assert "Myyntituotot" in labels
    heading = found.rows[0]
    assert (heading.label, heading.kind) == ("TOIMINTATUOTOT", LineKind.HEADING)
    assert set(heading.values) == {None}
    assert set(heading.exact) == {None}


def test_statement_columns_are_labelled_from_the_period() -> None:
    found = table(content(period=Period(2025, 6)), "statement-1000")
    assert [(column.key, column.label) for column in found.columns] == [
        ("tp_prev", "TP 2024"),
        ("tot_prev", "TOT 2024"),
        ("budget", "TA 2025 +muutos"),
        ("tot", "TOT 2025 6 kk"),
        ("remaining", "Jäljellä"),
        ("pct", "TOT-25 %"),
    ]
    assert found.label_header == "Selite"


@pytest.mark.parametrize(
    ("month", "title"),
    [
        (1, "Käyttösuunnitelman toteutuminen tammikuu"),
        (3, "Käyttösuunnitelman toteutuminen tammi–maaliskuu"),
        (12, "Käyttösuunnitelman toteutuminen tammi–joulukuu"),
    ],
)
def test_title_names_the_months_of_the_period(month: int, title: str) -> None:
    assert build_document(content(period=Period(2024, month))).title == title


def test_council_table_prints_the_summary_lines_as_tulot_menot_netto() -> None:
    sector = statement(
        tuet_ja_avustukset=RowFigures(budget_original=20_800_000, tot=480_849, active=True),
        henkilostokulut=RowFigures(budget_original=-697_820_000, tot=-136_590_649, active=True),
    )
    found = table(content(sector), "council")
    assert [(item.label, item.kind) for item in found.rows] == [
        ("TULOT", LineKind.ROW),
        ("MENOT", LineKind.ROW),
        ("NETTO", LineKind.SUBTOTAL),
    ]
    assert found.rows[0].values == (0, 0, 208_000, 4_808, 203_192, Decimal("2.31"))
    assert found.rows[1].values[3:] == (-1_365_906, -5_612_294, Decimal("19.57"))
    assert found.rows[2].exact[3] == 480_849 - 136_590_649


def test_investments_deviation_is_budget_minus_actual_and_percent_actual_of_budget() -> None:
    group = InvestmentGroup(
        "Irtain omaisuus",
        (
            InvestmentFigures("menot", -52_295_900, -69_000_000, -21_512_700),
            InvestmentFigures("netto", -52_295_900, -69_000_000, -21_512_700),
        ),
    )
    found = table(content(investments=(group,)), "investments")
    assert [column.label for column in found.columns] == [
        "TP2023",
        "TA 2024",
        "Toteuma 1-3",
        "Poikkeama",
        "Toteuma %",
    ]
    assert [(item.label, item.kind) for item in found.rows] == [
        ("Irtain omaisuus", LineKind.HEADING),
        ("Menot", LineKind.ROW),
        ("Netto", LineKind.SUBTOTAL),
    ]
    assert found.rows[1].values == (-522_959, -690_000, -215_127, -474_873, Decimal("31.18"))
    assert found.rows[1].exact == (-52_295_900, -69_000_000, -21_512_700, -47_487_300, None)


def test_goals_tables_print_status_words_and_empty_cells_as_none() -> None:
    entries = (
        GoalEntry(
            "Kestävä talous",
            ("Velkamäärän vähentäminen", " "),
            ("muutosohjelman läpivienti",),
            status=GoalStatus.PARTLY,
        ),
        GoalEntry("Vahva kaupunkiyhteisö", (), ("osallisuus",)),
    )
    found = table(content(binding_goals=entries), "goals-binding")
    assert [column.label for column in found.columns] == [
        "Strateginen päämäärä",
        "Toimialan tavoite 2024",
        "Toteuma 31.3.",
        "Tila",
    ]
    assert found.rows[0].label == "Kestävä talous"
    assert found.rows[0].values == (
        ("Velkamäärän vähentäminen",),
        ("muutosohjelman läpivienti",),
        None,
        "Toteutuu osittain",
    )
    assert found.rows[1].values == (None, ("osallisuus",), None, None)


def test_plan_goals_have_metric_and_responsible_columns() -> None:
    entry = GoalEntry(
        "Kestävä talous", (), ("g",), ("m",), "Hallinto- ja kehitysjohtaja", ("r",), GoalStatus.NOT_MET
    )
    found = table(content(plan_goals=(entry,), period=Period(2024, 6)), "goals-plan")
    assert [column.label for column in found.columns] == [
        "Strateginen päämäärä",
        "Tavoite 2024",
        "Mittari ja tavoitetaso",
        "Vastuu",
        "Toteuma 30.6.",
        "Tila",
    ]
    assert found.rows[0].values[3:] == ("Hallinto- ja kehitysjohtaja", ("r",), "Ei toteudu")


def test_sector_statement_is_titled_by_its_binding() -> None:
    assert table(content(), "statement-1000").title == "Tuloslaskelma, nettositovuus"
    assert table(content(binding=Binding.GROSS), "statement-1000").title == "Tuloslaskelma, bruttositovuus"


def test_sections_and_tables_follow_the_reference_order() -> None:
    areas = tuple(
        UnitStatement(UnitRef(code, name), statement())
        for code, name in (("1100", "Vaalit"), ("1200", "Tarkastustoimi"))
    )
    document = build_document(
        content(
            areas=areas,
            binding_goals=(GoalEntry("a", (), ("g",)),),
            descriptions=(Description(UnitRef("1300", "Hallinnon tukipalvelut"), "Kuvaus."),),
            investments=(InvestmentGroup("Irtain omaisuus", ()),),
            plan_goals=(GoalEntry("a", (), ("g",)),),
        )
    )
    assert [section.kind for section in document.sections] == [
        "goals-binding",
        "descriptions",
        "council",
        "statement",
        "areas",
        "investments",
        "goals-plan",
    ]
    assert [item.id for item in document.tables] == [
        "goals-binding",
        "council",
        "statement-1000",
        "statement-1100",
        "statement-1200",
        "investments",
        "goals-plan",
    ]
    assert document.sections[1].subsections[0].title == "Hallinnon tukipalvelut -palvelualue"
    assert document.sections[4].subsections[1].title == "Tarkastustoimi -palvelualue"


def test_sections_without_content_are_left_out() -> None:
    document = build_document(content())
    assert [section.kind for section in document.sections] == ["council", "statement"]


def test_texts_are_split_into_paragraphs_on_blank_lines() -> None:
    assert paragraphs("Eka rivi\njatkuu.\n\n  \nToinen.\r\n\r\nKolmas.  ") == (
        "Eka rivi\njatkuu.",
        "Toinen.",
        "Kolmas.",
    )
    assert paragraphs("  \n\n ") == ()


def test_the_operating_plans_goals_have_their_introduction_above_the_table() -> None:
    goals = (GoalEntry("Kestävä talous", (), ("raportointi",)),)
    found = build_document(
        content(plan_goals=goals, plan_goals_intro="Käyttösuunnitelmassa asetetaan tavoitteet.")
    )
    section = found.sections[-1]
    assert section.kind == "goals-plan"
    assert section.blocks[0] == Text(("Käyttösuunnitelmassa asetetaan tavoitteet.",))
    assert isinstance(section.blocks[1], Table)
