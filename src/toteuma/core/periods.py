"""Reporting periods: a month-end of a year, its year-to-date range and the same period a year earlier."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from toteuma.core.problems import ProblemError

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """The cumulative period from January to the end of `month` of `year`."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ProblemError("value.period", "month", month=self.month)

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text.strip())
        if not match:
            raise ProblemError("value.period", value=text)
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def previous_year(self) -> Period:
        return Period(self.year - 1, self.month)

    def year_end(self) -> Period:
        return Period(self.year, 12)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
