"""Finnish number and date text for printed documents: "-1 365 906", "19,57", "8. toukokuuta 2024"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "fi"
NBSP = "\u00a0"
# Some CLDR versions give Finnish the true minus sign U+2212 and a narrow no-break space; the reference
# prints an ASCII hyphen-minus and a space, which also survive copying into a spreadsheet.
_FIXES = str.maketrans({"\u2212": "-", "\u202f": NBSP, " ": NBSP})


def format_euros(value: int | None) -> str:
    """Whole euros with a no-break space between thousands; an empty cell is ""."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0", locale=LOCALE).translate(_FIXES)


def format_percent(value: Decimal | None) -> str:
    """Two decimals with a decimal comma: "19,57", "0,00"."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0.00", locale=LOCALE).translate(_FIXES)


def format_long_date(value: date) -> str:
    return format_date(value, format="long", locale=LOCALE)
