"""Exact money: integer cents inside, whole euros and two-decimal percentages only for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENTS_PER_EURO = 100
_HUNDRED = Decimal(100)
_TWO_PLACES = Decimal("0.01")


def cents_from_decimal(value: Decimal) -> int:
    """Exact cents of a Decimal euro amount; refuses amounts finer than a cent."""
    scaled = value * _HUNDRED
    if scaled != scaled.to_integral_value():
        raise ValueError(f"amount {value} has more than two decimals")
    return int(scaled)


def parse_euros(text: str) -> int:
    """Cents of a plain euro amount such as '-1234.56' or '12' (no locale handling here)."""
    try:
        return cents_from_decimal(Decimal(text.strip()))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc


def euros(cents: int) -> Decimal:
    """The exact Decimal euro value of a cent amount."""
    return Decimal(cents) / _HUNDRED


def round_euros(cents: int) -> int:
    """Whole euros, half away from zero (ROUND_HALF_UP on Decimal rounds away from zero)."""
    return int(euros(cents).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(part_cents: int, whole_cents: int) -> Decimal:
    """part / whole x 100 from the exact amounts, two decimals half away from zero; 0.00 when whole is 0."""
    if whole_cents == 0:
        return Decimal("0.00")
    ratio = Decimal(part_cents) * _HUNDRED / Decimal(whole_cents)
    # Adding zero turns a negative zero (0 of a negative budget) into 0.00.
    return ratio.quantize(_TWO_PLACES, rounding=ROUND_HALF_UP) + 0


def to_report_sign(ledger_cents: int) -> int:
    """Bookkeeping sign (debit +) to report sign (income +, costs -)."""
    return -ledger_cents
