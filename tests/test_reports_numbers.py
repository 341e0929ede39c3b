"""reports/numbers.py: the fast path for whole euros prints exactly what Babel's pattern prints."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from toteuma.reports.numbers import _FIXES, format_euros


def _babel(value: int, locale: str) -> str:
    return format_decimal(value, format="#,##0", locale=locale, decimal_quantization=True).translate(_FIXES)


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
@pytest.mark.parametrize("value", [0, 5, -5, 999, -999, 1_000, -1_234, 12_345, -1_365_906, 10**15, -(10**18)])
def test_whole_euros_are_grouped_as_babel_groups_them(value: int, locale: str) -> None:
    assert format_euros(value, locale) == _babel(value, locale)


@settings(derandomize=True, max_examples=300)
@given(st.integers(min_value=-(10**16), max_value=10**16), st.sampled_from(["fi", "sv", "en"]))
def test_any_whole_amount_is_printed_as_babel_prints_it(value: int, locale: str) -> None:
    assert format_euros(value, locale) == _babel(value, locale)


def test_finnish_groups_with_a_no_break_space_and_english_with_a_comma() -> None:
    assert format_euros(-1_365_906) == "-1\u00a0365\u00a0906"
    assert format_euros(-1_365_906, "en") == "-1,365,906"
