"""Cell text to typed values the way Finnish finance exports write them; failures are ProblemErrors."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from toteuma.core.money import cents_from_decimal
from toteuma.core.problems import ProblemError

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")
_DATE_FI = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def grouped(decimal: str) -> str:
    """The shape of an amount (spaces removed): thousands in groups of three, then the decimals."""
    thousands = re.escape("." if decimal == "," else ",")
    return rf"^[+-]?(\d{{1,3}}({thousands}\d{{3}})+|\d+)({re.escape(decimal)}\d*)?$"


_SHAPES = {decimal: re.compile(grouped(decimal)) for decimal in ",."}


def _auto_decimal(raw: str) -> str:
    """For cells without a file-wide separator (XLSX text): the last of ',' and '.' if both, else the one."""
    if "," in raw and "." in raw:
        return "," if raw.rfind(",") > raw.rfind(".") else "."
    if raw.count(",") == 1 or raw.count(".") > 1:
        return ","
    return "."


def parse_amount(text: str, decimal: str = ",") -> int:
    """Cents of '-1 234,56', '1 234,56-', '(1 234,56)', '−1 234,56' (U+2212); `decimal` ',', '.' or 'auto'."""
    raw = text.strip().replace("\u2212", "-")
    if not raw:
        raise ProblemError("value.amount", "empty", value=text)
    negative = False
    if raw.startswith("(") and raw.endswith(")"):
        negative, raw = True, raw[1:-1]
    if raw.endswith("-"):
        negative, raw = not negative, raw[:-1]
    raw = raw.translate(_SPACES)
    if decimal == "auto":
        decimal = _auto_decimal(raw)
    if not _SHAPES[decimal].match(raw):
        raise ProblemError("value.amount", value=text, decimal=decimal)
    thousands = "." if decimal == "," else ","
    value = Decimal(raw.replace(thousands, "").replace(decimal, "."))
    try:
        cents = cents_from_decimal(value)
    except ValueError as exc:
        raise ProblemError("value.amount", "decimals", value=text) from exc
    return -cents if negative else cents


def parse_number(text: str) -> Decimal:
    """A measured value such as '12,5', '1 234.75' or '-3' (up to four decimals), kept exact."""
    raw = text.strip().replace("\u2212", "-").translate(_SPACES).replace(",", ".")
    if not re.fullmatch(r"[+-]?\d+(\.\d{1,4})?", raw):
        raise ProblemError("value.number", value=text)
    return Decimal(raw)


def parse_date(text: str) -> date:
    """A date from '31.3.2024', '31.03.2024' or '2024-03-31'."""
    raw = text.strip().split(" ")[0].split("T")[0]
    match = _DATE_FI.match(raw)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _DATE_ISO.match(raw)
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise ProblemError("value.date", "impossible", value=text) from exc
    raise ProblemError("value.date", value=text)


def parse_int(text: str) -> int:
    """A whole number such as an account or a year; '4300.0' from a spreadsheet is accepted."""
    raw = text.strip().translate(_SPACES)
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ProblemError("value.integer", value=text) from exc
    if not value.is_finite() or value != value.to_integral_value():
        raise ProblemError("value.integer", value=text)
    return int(value)


def parse_bool(text: str) -> bool:
    raw = text.strip().casefold()
    if raw in ("kyllä", "k", "x", "1", "true", "yes", "ja", "sitova"):
        return True
    if raw in ("", "ei", "e", "0", "false", "no", "nej"):
        return False
    raise ProblemError("value.choice", "flag", value=text)


def split_lines(text: str) -> tuple[str, ...]:
    """The items of a multi-line cell, without bullets and blank lines."""
    items = (line.strip().lstrip("•").strip() for line in text.replace("\r\n", "\n").split("\n"))
    return tuple(item for item in items if item)
