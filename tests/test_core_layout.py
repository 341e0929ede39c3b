"""Tests of core/layout.py: shipped layouts load, bad settings are named, figures and rounding from cents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from toteuma.core.layout import (
    ALL_SECTIONS,
    APPENDIX_SECTIONS,
    OVERRUN,
    Layout,
    LayoutError,
    Scale,
    SectionKind,
    figure_cents,
    layout_from_data,
    load_layout,
    percent_places,
    scaled,
    shipped_layouts,
)
from toteuma.core.statement import Column, RowRule

MONEY = {
    Column.TP_PREV: 0,
    Column.TOT_PREV: 0,
    Column.BUDGET_ORIGINAL: -100_000,
    Column.AMENDMENTS: -20_000,
    Column.BUDGET: -120_000,
    Column.TOT: -150_000,
    Column.REMAINING: 30_000,
}


def test_three_layouts_are_shipped_and_the_reference_is_the_default() -> None:
    assert shipped_layouts() == ("gross-binding", "reference", "year-end")
    reference = load_layout()
    # The default layout's printed sections, and the data appendix the JSON carries (decisions.md, 44).
    assert reference == Layout("reference", reference.description, sections=ALL_SECTIONS)
    assert Layout("x").sections == tuple(kind for kind in ALL_SECTIONS if kind not in APPENDIX_SECTIONS)
    assert [column.figure for column in reference.columns] == [
        "tp_prev",
        "tot_prev",
        "budget",
        "tot",
        "remaining",
        "pct",
    ]


def test_year_end_layout_shows_the_budget_from_original_to_actual() -> None:
    layout = load_layout("year-end")
    figures = [column.figure for column in layout.columns]
    assert figures == ["budget_original", "amendments", "budget", "tot", "remaining", "pct"]
    assert layout.columns[4].labels == {"fi": "Poikkeama", "sv": "Avvikelse", "en": "Deviation"}
    assert layout.percent_decimals == 1
    assert SectionKind.DESCRIPTIONS not in layout.sections


def test_gross_binding_layout_binds_revenue_and_costs_in_thousands() -> None:
    layout = load_layout("gross-binding")
    assert layout.council_rows == ("tulot", "menot")
    assert OVERRUN in [column.figure for column in layout.columns]
    assert (layout.scale, layout.percent_decimals, layout.remaining_sign) == (Scale.THOUSANDS, 0, -1)
    assert layout.visibility.rows is RowRule.NONZERO


def test_overrun_is_how_far_actual_is_worse_than_budget_for_costs_and_revenue_alike() -> None:
    assert figure_cents(MONEY, OVERRUN) == 30_000  # costs 1 500 against a budget of 1 200
    revenue = {**MONEY, Column.BUDGET: 100_000, Column.TOT: 80_000}
    assert figure_cents(revenue, OVERRUN) == 20_000  # revenue 800 short of 1 000
    assert figure_cents({**revenue, Column.TOT: 120_000}, OVERRUN) == 0


def test_remaining_follows_the_layouts_sign() -> None:
    assert figure_cents(MONEY, "remaining") == 30_000
    assert figure_cents(MONEY, "remaining", -1) == -30_000
    assert figure_cents(MONEY, "amendments") == -20_000


@pytest.mark.parametrize(
    ("cents", "scale", "expected"),
    [
        (150, Scale.EUROS, 2),
        (-150, Scale.EUROS, -2),
        (149, Scale.EUROS, 1),
        (150_000, Scale.THOUSANDS, 2),
        (-149_999, Scale.THOUSANDS, -1),
    ],
)
def test_scaled_rounds_half_away_from_zero_once_from_cents(cents: int, scale: Scale, expected: int) -> None:
    assert scaled(cents, scale) == expected


def test_percent_places_rounds_once_from_exact_cents() -> None:
    assert percent_places(1_957, 10_000, 2) == Decimal("19.57")
    assert percent_places(1_955, 10_000, 1) == Decimal("19.6")
    assert percent_places(1_949, 10_000, 0) == Decimal("19")  # not 19.49 -> 19.5 -> 20
    assert str(percent_places(-1, 1_000_000, 1)) == "0.0"
    assert str(percent_places(5, 0, 0)) == "0"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"percent_decimals": 3}, "percent_decimals = 3; choose one of 0, 1, 2"),
        ({"scale": "millions"}, "scale = 'millions'"),
        ({"columns": ["budjetti"]}, "column figure 'budjetti'"),
        ({"sections": ["kansi"]}, "unknown section 'kansi'"),
        ({"council_rows": ["tulos"]}, "council_rows ['tulos']"),
        ({"colums": []}, "unknown setting 'colums'"),
        ({"remaining_sign": 0}, "remaining_sign = 0"),
    ],
)
def test_a_bad_setting_is_named_with_what_to_choose(data: dict[str, object], message: str) -> None:
    with pytest.raises(LayoutError, match=message.replace("[", r"\[").replace("]", r"\]")):
        layout_from_data(data, "my.toml")


def test_a_layout_file_by_path_and_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\ncolumns = ["budget", "tot"]\n', encoding="utf-8")
    assert [column.figure for column in load_layout(path).columns] == ["budget", "tot"]
    with pytest.raises(LayoutError, match="shipped layouts are gross-binding, reference, year-end"):
        load_layout(tmp_path / "missing.toml")
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(LayoutError, match="not valid TOML"):
        load_layout(path)
