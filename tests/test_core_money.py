"""Tests of core/money.py: exact cents, display rounding half away from zero, percentages."""

from decimal import Decimal

import pytest

from toteuma.core.money import cents_from_decimal, parse_euros, percent, round_euros, to_report_sign


@pytest.mark.parametrize(
    ("cents", "expected"),
    [(150, 2), (-150, -2), (149, 1), (-149, -1), (250, 3), (-250, -3), (0, 0), (-49, 0), (49, 0)],
)
def test_round_euros_is_half_away_from_zero(cents: int, expected: int) -> None:
    assert round_euros(cents) == expected


def test_percent_from_unrounded_amounts() -> None:
    # Tarkastustoimi, Muut toimintakulut: -118,70 of -500 prints as 23,74 %, not 119/500 = 23,80 %.
    assert percent(-11870, -50000) == Decimal("23.74")
    assert percent(-11900, -50000) == Decimal("23.80")


def test_percent_is_zero_when_the_whole_is_zero() -> None:
    assert percent(-5341800, 0) == Decimal("0.00")


def test_percent_of_nothing_against_a_negative_budget_is_plain_zero() -> None:
    assert str(percent(0, -4568000)) == "0.00"


def test_percent_rounds_half_away_from_zero() -> None:
    assert percent(1, 800) == Decimal("0.13")  # 0.125
    assert percent(-1, 800) == Decimal("-0.13")


def test_sums_of_amounts_that_drift_in_float_stay_exact() -> None:
    texts = ["0.10"] * 10 + ["0.20", "0.70"] * 7
    float_total = sum(float(text) for text in texts)
    cents_total = sum(parse_euros(text) for text in texts)
    assert float_total != 7.3  # the float sum has drifted
    assert cents_total == 730


def test_cents_refuse_fractions_of_a_cent() -> None:
    with pytest.raises(ValueError, match="more than two decimals"):
        cents_from_decimal(Decimal("1.005"))


def test_report_sign_turns_debit_costs_negative() -> None:
    assert to_report_sign(12345) == -12345
    assert to_report_sign(-500) == 500
