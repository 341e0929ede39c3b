"""Units' own names in the report's language: a Swedish document prints "Gemensamma tjänster".

The content is built once, with each unit's names in every language it has (`UnitRef.names`); before
a document is laid out every reference in it, wherever it sits, is given the name of the document's
language, and the municipality too. A unit without a name in that language keeps its Finnish one.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from toteuma.core.report import ReportContent, UnitRef


def in_language(content: ReportContent, lang: str) -> ReportContent:
    municipality = dict(content.municipality_names).get(lang) or content.municipality
    named: ReportContent = _named(content, lang)
    return replace(named, municipality=municipality)


def _named(value: Any, lang: str) -> Any:
    if isinstance(value, UnitRef):
        return value.in_language(lang)
    if isinstance(value, tuple):
        return tuple(_named(item, lang) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: _named(getattr(value, f.name), lang) for f in fields(value) if _holds_units(f.type)
        }
        return replace(value, **changed) if changed else value
    return value


def _holds_units(annotation: object) -> bool:
    """Fields that may hold a UnitRef, directly or inside: not numbers, texts, dates, statements."""
    text = str(annotation)
    return not any(text.startswith(plain) for plain in ("int", "str", "bool", "date", "Decimal", "Period"))
