"""Budget profiles (periodisointi): the share of a year's amount reached by the end of each month.

A profile comes from the earlier years' actual monthly pattern, from an imported monthly budget, or
spreads the year evenly; it keeps its source so that every use can name it. Shares are exact
fractions (integer arithmetic); cents come out of them rounded half away from zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

MONTHS = 12


class ProfileSource(StrEnum):
    HISTORY = "history"  # the earlier years' actual monthly pattern
    MONTHLY_BUDGET = "monthly-budget"  # an imported monthly budget
    EVEN = "even"  # a twelfth of the year each month
    MIXED = "mixed"  # a sum of rows with profiles of different sources


def round_cents(value: Fraction) -> int:
    """Whole cents of an exact amount, half away from zero (as money.round_euros rounds euros)."""
    magnitude = (2 * abs(value.numerator) + value.denominator) // (2 * value.denominator)
    return magnitude if value >= 0 else -magnitude


@dataclass(frozen=True)
class Profile:
    """Cumulative shares of the year by the end of each month (12 items, the last one 1)."""

    source: ProfileSource
    shares: tuple[Fraction, ...]
    years: tuple[int, ...] = ()  # the earlier years a history profile comes from

    def share(self, month: int) -> Fraction:
        """The share of the year reached by the end of `month` (0 before January)."""
        return Fraction(0) if month <= 0 else self.shares[min(month, MONTHS) - 1]

    def to_date(self, total: int, month: int) -> int:
        """Cents of `total` the profile expects by the end of `month`."""
        return round_cents(total * self.share(month))

    def path(self, total: int) -> tuple[int, ...]:
        """Cumulative cents of `total` by the end of each month."""
        return tuple(self.to_date(total, month) for month in range(1, MONTHS + 1))


def even() -> Profile:
    return Profile(ProfileSource.EVEN, tuple(Fraction(month, MONTHS) for month in range(1, MONTHS + 1)))


def _cumulative_shares(months: Sequence[int]) -> tuple[Fraction, ...] | None:
    total = sum(months)
    if total == 0 or len(months) != MONTHS:
        return None
    running, shares = 0, []
    for amount in months:
        running += amount
        shares.append(Fraction(running, total))
    return tuple(shares)


def from_history(history: Mapping[int, Sequence[int]]) -> Profile | None:
    """The pattern of the earlier years pooled (their months added up), or None without one: no year,
    or the years add up to zero."""
    years = tuple(sorted(year for year, months in history.items() if any(months)))
    if not years:
        return None
    pooled = [sum(history[year][month] for year in years) for month in range(MONTHS)]
    shares = _cumulative_shares(pooled)
    return None if shares is None else Profile(ProfileSource.HISTORY, shares, years)


def from_monthly_budget(months: Sequence[int]) -> Profile | None:
    """The pattern of an imported monthly budget (12 amounts), or None when it adds up to zero."""
    shares = _cumulative_shares(months) if months else None
    return None if shares is None else Profile(ProfileSource.MONTHLY_BUDGET, shares)


def choose(history: Mapping[int, Sequence[int]], monthly_budget: Sequence[int]) -> Profile:
    """The profile in force: an imported monthly budget (the finance team's own plan for the year,
    which knows what history cannot), else the earlier years' pattern (the default), else even."""
    return from_monthly_budget(monthly_budget) or from_history(history) or even()
