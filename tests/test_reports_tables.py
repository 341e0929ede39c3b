"""Tests of reports/tables.py: money and percentages rounded once, half away from zero, from exact values."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from toteuma.core.definition import Scale
from toteuma.reports.tables import round_fraction, round_money


@pytest.mark.parametrize(
    ("cents", "scale", "decimals", "expected"),
    [
        (150, Scale.EUROS, 0, 2),
        (-150, Scale.EUROS, 0, -2),
        (149, Scale.EUROS, 0, 1),
        (150_000, Scale.THOUSANDS, 0, 2),
        (-149_999, Scale.THOUSANDS, 0, -1),
        (-123_456, Scale.CENTS, 2, Decimal("-1234.56")),
        (125_000_000, Scale.MILLIONS, 1, Decimal("1.3")),
        (-124_999_999, Scale.MILLIONS, 1, Decimal("-1.2")),
        (5_000, Scale.THOUSANDS, 1, Decimal("0.1")),
    ],
)
def test_money_rounds_half_away_from_zero_once_from_cents(
    cents: int, scale: Scale, decimals: int, expected: int | Decimal
) -> None:
    found = round_money(cents, scale, decimals)
    assert found == expected
    assert type(found) is type(expected)  # whole units print as integers, others as decimals


def test_percentages_round_once_from_the_exact_fraction() -> None:
    assert round_fraction(Fraction(1_957 * 100, 10_000), 2) == Decimal("19.57")
    assert round_fraction(Fraction(1_955 * 100, 10_000), 1) == Decimal("19.6")
    assert round_fraction(Fraction(1_949 * 100, 10_000), 0) == Decimal("19")  # not 19.49 -> 19.5 -> 20
    assert str(round_fraction(Fraction(-100, 1_000_000), 1)) == "0.0"  # never -0.0
    assert str(round_fraction(Fraction(100, 3), 2)) == "33.33"
