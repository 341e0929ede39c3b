"""Tests of core/statement.py: subtotals from exact cents, remaining, percentages and visible lines."""

from decimal import Decimal

from toteuma.core.money import round_euros
from toteuma.core.statement import Column, RowFigures, RowRule, Visibility, compute_statement
from toteuma.core.structure import load_structure

STRUCTURE = load_structure()


def _visible_keys(figures: dict[str, RowFigures], visibility: Visibility | None = None) -> list[str]:
    return [line.key for line in compute_statement(STRUCTURE, figures, visibility).visible_lines]


def test_a_parent_is_computed_from_exact_amounts_not_from_rounded_children() -> None:
    figures = {
        "myyntituotot": RowFigures(tot=481960, active=True),  # prints 4 820
        "tuet_ja_avustukset": RowFigures(tot=-1140, budget_original=20800000, active=True),  # prints -11
    }
    line = compute_statement(STRUCTURE, figures).line("toimintatuotot")
    assert line.money[Column.TOT] == 480820
    assert round_euros(line.money[Column.TOT]) == 4808  # not 4 820 - 11 = 4 809


def test_remaining_and_percent_come_from_budget_with_amendments() -> None:
    figures = {
        "palvelujen_ostot": RowFigures(
            budget_original=-6000000, amendments=-4000000, tot=-2450100, active=True
        )
    }
    line = compute_statement(STRUCTURE, figures).line("palvelujen_ostot")
    assert line.money[Column.BUDGET] == -10000000
    assert line.money[Column.REMAINING] == -7549900
    assert line.pct == Decimal("24.50")


def test_vaalit_shows_toimintakate_but_no_vuosikate() -> None:
    figures = {
        "tuet_ja_avustukset": RowFigures(tp_prev=3657100, active=True),
        "henkilostokulut": RowFigures(tot=-5341800, active=True),
    }
    keys = _visible_keys(figures)
    assert keys == [
        "toimintatuotot_otsikko",
        "tuet_ja_avustukset",
        "toimintatuotot",
        "toimintakulut_otsikko",
        "henkilostokulut",
        "toimintakulut",
        "toimintakate",
    ]


def test_a_row_whose_postings_net_to_zero_is_shown_and_a_row_without_postings_is_not() -> None:
    figures = {
        "henkilostokulut": RowFigures(tot=-23900, active=True),
        "rahoitustuotot_ja_kulut": RowFigures(active=True),  # a posting and its reversal
    }
    keys = _visible_keys(figures)
    assert "rahoitustuotot_ja_kulut" in keys
    assert "vuosikate" in keys
    assert "poistot_ja_arvonalentumiset" not in keys
    assert "tilikauden_tulos" not in keys
    assert "toimintatuotot" not in keys  # no revenue row: no revenue subtotal
    assert "toimintatuotot_otsikko" in keys  # the reference prints the heading anyway (Tarkastustoimi)


def test_tilikauden_tulos_follows_poistot() -> None:
    figures = {
        "henkilostokulut": RowFigures(tot=-100, active=True),
        "poistot_ja_arvonalentumiset": RowFigures(budget_original=-5230000, active=True),
    }
    line = compute_statement(STRUCTURE, figures).line("tilikauden_tulos")
    assert line.visible
    assert line.money[Column.BUDGET] == -5230000
    assert line.money[Column.TOT] == -100


def test_visibility_is_configurable() -> None:
    figures = {
        "rahoitustuotot_ja_kulut": RowFigures(active=True),
        "henkilostokulut": RowFigures(tot=-1, active=True),
    }
    nonzero = _visible_keys(figures, Visibility(rows=RowRule.NONZERO, headings_always=False))
    assert "rahoitustuotot_ja_kulut" not in nonzero
    assert "toimintatuotot_otsikko" not in nonzero
    everything = _visible_keys(figures, Visibility(rows=RowRule.ALWAYS, subtotals_always=True))
    assert len(everything) == len(STRUCTURE.lines)


def test_headings_carry_no_figures() -> None:
    line = compute_statement(STRUCTURE, {}).line("toimintakulut_otsikko")
    assert line.value(Column.TOT) is None
