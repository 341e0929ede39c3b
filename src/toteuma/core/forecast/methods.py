"""Year-end forecast methods for one row of one unit: seasonal, run-rate and budget-based.

Each method takes the actual to date (report sign cents), and answers the expected year-end cents,
or None where it cannot tell (no earlier years, no budget, too small a share of the year reached).
Arithmetic is exact (fractions of integers); the result is rounded half away from zero to a cent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from toteuma.core.forecast.profiles import MONTHS, Profile, choose, from_history, round_cents


class Method(StrEnum):
    SEASONAL = "seasonal"  # actual to date ÷ the share earlier years had reached by the same month
    RUN_RATE = "run-rate"  # actual to date ÷ months gone × 12
    BUDGET = "budget"  # actual to date + the rest of the year's budget by its profile
    OWN = "own"  # the responsible person's approved own forecast (oma ennuste)
    MIXED = "mixed"  # a sum of rows forecast by different methods


COMPUTED: tuple[Method, ...] = (Method.SEASONAL, Method.RUN_RATE, Method.BUDGET)


@dataclass(frozen=True)
class RowData:
    """What a forecast of one row of one cost center reads; every amount in report sign cents."""

    actual: tuple[int, ...]  # this year's monthly amounts, January to the period's month
    budget: int = 0  # the whole year's budget in force
    monthly_budget: tuple[int, ...] = ()  # an imported monthly budget (12 amounts), if any
    history: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # earlier year -> 12 months

    @property
    def month(self) -> int:
        return len(self.actual)

    @property
    def to_date(self) -> int:
        return sum(self.actual)

    def profile(self) -> Profile:
        return choose(self.history, self.monthly_budget)


def seasonal(data: RowData, min_share: Fraction) -> int | None:
    """Actual ÷ the share the earlier years had reached by this month; None without earlier years or
    when that share is below `min_share` (a forecast from a sliver of the year swings too far)."""
    profile = from_history(data.history)
    if profile is None or data.month == 0:
        return None
    share = profile.share(data.month)
    if share < min_share or share <= 0:
        return None
    return round_cents(Fraction(data.to_date) / share)


def run_rate(data: RowData) -> int | None:
    if data.month == 0:
        return None
    return round_cents(Fraction(data.to_date * MONTHS, data.month))


def budget_based(data: RowData) -> int | None:
    """Actual + what the budget's profile still expects after this month; None without a budget."""
    if data.budget == 0:
        return None
    rest = data.budget * (1 - data.profile().share(data.month))
    return data.to_date + round_cents(rest)


def compute(method: Method, data: RowData, min_share: Fraction) -> int | None:
    """One computed method's year-end cents (None where it cannot tell)."""
    if method is Method.SEASONAL:
        return seasonal(data, min_share)
    if method is Method.RUN_RATE:
        return run_rate(data)
    if method is Method.BUDGET:
        return budget_based(data)
    raise ValueError(f"{method} is not a computed method")


def first_available(order: Sequence[Method], data: RowData, min_share: Fraction) -> tuple[Method, int]:
    """The first method of `order` that can tell, and its figure; the actual to date when none can
    (nothing spent, no budget, no history: the year ends where it is)."""
    for method in order:
        found = compute(method, data, min_share)
        if found is not None:
            return method, found
    return Method.RUN_RATE, data.to_date
