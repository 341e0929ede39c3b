"""Tests of core/plausibility.py: which months of a file hold implausible dates, and why."""

from __future__ import annotations

from datetime import date

import pytest

from toteuma.core.plausibility import Reason, Window, main_years, suspicious_months

TODAY = date(2024, 5, 8)


def test_the_main_years_are_those_with_a_share_of_the_lines() -> None:
    assert main_years({"2024-01": 400, "2024-03": 78, "2204-03": 1}) == (2024,)
    assert main_years({"2023-12": 30, "2024-01": 70}) == (2023, 2024)  # an export over the turn of a year
    assert main_years({"2023-12": 1, "2024-01": 1}) == (2023, 2024)
    assert main_years({}) == ()


def test_a_year_typo_a_stray_year_and_the_future_are_named() -> None:
    lines = {"2023-11": 2, "2024-01": 400, "2024-04": 80, "2024-06": 3, "2204-03": 1}
    assert suspicious_months(lines, TODAY) == {
        "2023-11": Reason.OTHER_YEAR,
        "2024-06": Reason.FUTURE,  # after the current month: not yet posted
        "2204-03": Reason.FUTURE,
    }
    assert suspicious_months({"2024-05": 10}, TODAY) == {}  # later this month is fine


def test_a_window_of_years_is_checked_first() -> None:
    lines = {"2023-12": 50, "2024-01": 50}
    assert suspicious_months(lines, TODAY, Window(2024, 2024)) == {"2023-12": Reason.WINDOW}
    assert Window.parse("2023-2024") == Window(2023, 2024)
    assert Window.parse("2024") == Window(2024, 2024)
    with pytest.raises(ValueError, match="2025-2024"):
        Window.parse("2025-2024")
