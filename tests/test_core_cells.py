"""core/cells.py: text cells of CSV files are never evaluated as formulas by a spreadsheet."""

from __future__ import annotations

import pytest

from toteuma.core.cells import inert


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1", '=HYPERLINK("x")']
)
def test_a_formula_start_gets_an_apostrophe(text: str) -> None:
    assert inert(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Palvelujen ostot", "1 234,56", "'=already", " =1", "Kp 1300"])
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert inert(text) == text
