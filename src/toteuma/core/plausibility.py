"""Dates that read as dates but are likely wrong: a year typo (17.3.2204), a line of another year.

Works on a file's lines per month (what every ledger reader adds up anyway), so the check costs
nothing for a clean file; only the months it names are looked up again to say which rows they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MAIN_SHARE = 0.05  # a year with at least this share of a file's lines is one the file covers


class Reason(StrEnum):
    """Why a month's lines are suspicious; the value names the message (problems.toml)."""

    WINDOW = "window"  # outside the years the user allows (--years)
    FUTURE = "future"  # after the end of the current month
    OTHER_YEAR = "other_year"  # a year with only a few of the file's lines


@dataclass(frozen=True)
class Window:
    """The years lines may fall in, both included."""

    first: int
    last: int

    @classmethod
    def parse(cls, text: str) -> Window:
        """'2023-2024' or '2024'."""
        first, _, last = text.strip().partition("-")
        window = cls(int(first), int(last or first))
        if window.first > window.last:
            raise ValueError(text)
        return window


def main_years(lines_per_month: Mapping[str, int]) -> tuple[int, ...]:
    """The years the file mostly covers: each with at least 5 % of its lines, and the biggest."""
    per_year: dict[int, int] = {}
    for month, lines in lines_per_month.items():
        per_year[int(month[:4])] = per_year.get(int(month[:4]), 0) + lines
    total = sum(per_year.values())
    if not total:
        return ()
    biggest = max(per_year, key=lambda year: per_year[year])
    return tuple(sorted(y for y, n in per_year.items() if n >= total * MAIN_SHARE or y == biggest))


def suspicious_months(
    lines_per_month: Mapping[str, int], today: date, window: Window | None = None
) -> dict[str, Reason]:
    """Months ('YYYY-MM') whose lines are implausible, each with the first reason that applies."""
    main = main_years(lines_per_month)
    this_month = f"{today:%Y-%m}"
    found: dict[str, Reason] = {}
    for month in sorted(lines_per_month):
        year = int(month[:4])
        if window is not None and not window.first <= year <= window.last:
            found[month] = Reason.WINDOW
        elif month > this_month:
            found[month] = Reason.FUTURE
        elif year not in main:
            found[month] = Reason.OTHER_YEAR
    return found
