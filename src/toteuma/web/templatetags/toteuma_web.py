"""Template filters: Finnish money and percent text, signed cents, and codes (kinds, roles) in words."""

from __future__ import annotations

from decimal import Decimal

from django import template

from toteuma.core.messages import known, t
from toteuma.core.money import euros, round_euros, to_report_sign
from toteuma.reports.numbers import format_euros, format_percent

register = template.Library()


@register.filter
def eur(cents: int | None) -> str:
    """Exact cents as whole euros: "-1 365 906"."""
    return "" if cents is None else format_euros(round_euros(cents))


@register.filter
def cents(value: int | None) -> str:
    """Exact cents with two decimals: "-1 365 906,25"."""
    if value is None:
        return ""
    whole = format_euros(int(euros(abs(value))))
    return f"{'-' if value < 0 else ''}{whole},{abs(value) % 100:02d}"


@register.filter
def report_sign(value: int) -> int:
    return to_report_sign(value)


@register.filter
def pct(value: Decimal | None) -> str:
    return "" if value is None else format_percent(value)


@register.filter
def cell(value: object) -> str:
    """A presentation-model cell as printed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_euros(value)
    if isinstance(value, Decimal):
        return format_percent(value)
    return str(value)


@register.filter
def get(mapping: dict[str, object], key: str) -> object:
    return mapping.get(key)


def _named(key: str, fallback: str) -> str:
    return t(key) if known(key) else fallback


@register.filter
def kind_name(kind: str) -> str:
    """An input file's kind as people say it: 'ledger' -> 'kirjanpito'."""
    return _named(f"kinds.{kind}", kind)


@register.filter
def role_name(role: str) -> str:
    """A role as people say it: 'controller' -> 'taloussuunnittelija'."""
    return _named(f"roles.{role}", role)


@register.filter
def language_name(code: str) -> str:
    """A report language in the page's language: 'sv' -> 'ruotsi' on a Finnish page."""
    return _named(f"web.language_{code}", code)


@register.filter
def layout_name(name: str) -> str:
    """A shipped layout's name in words: 'year-end' -> 'tilinpäätöksen asettelu'."""
    return _named(f"web.layout.{name}", name)
