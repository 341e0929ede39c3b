"""Number and date text for printed documents in fi/sv/en: "-1 365 906", "19,57", "8. toukokuuta 2024"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from babel.dates import format_date
from babel.numbers import format_decimal, get_group_symbol

LOCALE = "fi"
NBSP = "\u00a0"
# Some CLDR versions give Finnish the true minus sign U+2212 and a narrow no-break space; the reference
# prints an ASCII hyphen-minus and a space, which also survive copying into a spreadsheet.
_FIXES = str.maketrans({"\u2212": "-", "\u202f": NBSP, " ": NBSP})
_PERCENT_PATTERNS = {0: "#,##0", 1: "#,##0.0", 2: "#,##0.00"}


_MONEY_PATTERNS = {0: "#,##0", 1: "#,##0.0", 2: "#,##0.00", 3: "#,##0.000"}


def format_euros(value: int | Decimal | None, locale: str = LOCALE, decimals: int = 0) -> str:
    """Money in the table's unit with the language's grouping and its decimals; an empty cell is ""."""
    if value is None:
        return ""
    if decimals == 0 and type(value) is int:  # whole euros, the common cell: grouping alone
        return _whole(value, locale)
    pattern = _MONEY_PATTERNS[decimals]
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True).translate(_FIXES)


@cache
def _group(locale: str) -> str:
    """The language's thousands separator as the tables print it (a no-break space in Finnish)."""
    return get_group_symbol(locale).translate(_FIXES)


def _whole(value: int, locale: str) -> str:
    """A whole number grouped by thousands as Babel's "#,##0" gives it (tests/test_reports_numbers.py
    holds the two equal), at a fraction of the cost: a page of a big city prints thousands."""
    grouped = f"{abs(value):,}".replace(",", _group(locale))
    return f"-{grouped}" if value < 0 else grouped


def format_percent(value: Decimal | None, locale: str = LOCALE, decimals: int = 2) -> str:
    """A percentage with its decimals and the language's decimal sign: "19,57", "0,00", "19.6"."""
    if value is None:
        return ""
    pattern = _PERCENT_PATTERNS[decimals]
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True).translate(_FIXES)


def format_number(value: Decimal | int, locale: str = LOCALE) -> str:
    """A measured number as written, with the language's grouping and decimal sign: "1 234,5"."""
    return format_decimal(value, format="#,##0.####", locale=locale).translate(_FIXES)


def format_long_date(value: date, locale: str = LOCALE) -> str:
    return format_date(value, format="long", locale=locale)
