"""Message catalogues of the report's fixed text: Finnish (default), Swedish, English (locales/*.toml)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import get_month_names

from toteuma.core.periods import Period

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
_LOCALES = Path(__file__).parent / "locales"

# Finnish month stems combine in a range ("tammi–maaliskuu"); the full name adds "kuu".
_FI_STEMS: tuple[str, ...] = ("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys")
_FI_STEMS += ("loka", "marras", "joulu")


_OFFSETS = range(1, 10)  # {year-1} … {year-9}, {year+1} … {year+9}


class UnknownLanguageError(ValueError):
    pass


class _Kept(dict[str, Any]):
    """Placeholders without a value stay as written (a template filled in two steps)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Catalogue:
    """The fixed text of one language: `get("sections", "council")`, formatted with the period's values.

    A layout's wording lies over the language's own (`overlaid`); what a language lacks comes from
    the Finnish one, overlaid the same way. `{area}` and `{Area}` in any text are the second level's
    word (text.area: palvelualue, tehtäväalue, ...).
    """

    lang: str
    entries: dict[str, dict[str, str]]
    fallback: Catalogue | None = None

    def get(self, table: str, key: str, **values: Any) -> str:
        try:
            template = self.entries[table][key]
        except KeyError:
            if self.fallback is not None:
                return self.fallback.get(table, key, **values)
            if self.lang != DEFAULT_LANGUAGE:
                return catalogue(DEFAULT_LANGUAGE).get(table, key, **values)
            raise
        if "{" not in template:
            return template
        return template.format_map(_Kept({**self.words(), **values}))

    def has(self, table: str, key: str) -> bool:
        return key in self.entries.get(table, {}) or (
            self.fallback is not None and self.fallback.has(table, key)
        )

    def words(self) -> dict[str, str]:
        area = self.entries.get("text", {}).get("area")
        if area is None:
            area = (
                self.fallback.words()["area"]
                if self.fallback
                else catalogue(DEFAULT_LANGUAGE).words()["area"]
            )
        return {"area": area, "Area": area[:1].upper() + area[1:]}

    def overlaid(
        self, extra: Mapping[str, Mapping[str, str]], fallback: Catalogue | None = None
    ) -> Catalogue:
        """This catalogue with `extra` (table -> key -> text) lying over its own entries."""
        entries = {table: dict(values) for table, values in self.entries.items()}
        for table, values in extra.items():
            entries.setdefault(table, {}).update(values)
        return Catalogue(self.lang, entries, fallback)

    def text(self, key: str, **values: Any) -> str:
        return self.get("text", key, **values)

    def row(self, key: str, label: str) -> str:
        """A statement line's label: the catalogue's, or the structure's own (Finnish) label."""
        return self.entries.get("rows", {}).get(key, label)

    def month_range(self, period: Period) -> str:
        """January to the period's month: "tammi–maaliskuu", "januari–mars", "January–March"."""
        if self.lang == "fi":
            last = _FI_STEMS[period.month - 1] + "kuu"
            return last if period.month == 1 else f"{_FI_STEMS[0]}–{last}"
        names = get_month_names("wide", context="stand-alone", locale=self.lang)
        return names[1] if period.month == 1 else f"{names[1]}–{names[period.month]}"

    def month_name(self, month: int) -> str:
        if self.lang == "fi":
            return _FI_STEMS[month - 1] + "kuu"
        return str(get_month_names("wide", context="stand-alone", locale=self.lang)[month])

    def period_values(self, period: Period) -> dict[str, Any]:
        """The placeholders column labels may use; `{year-3}` and `{year+1}` name other years."""
        years = {
            f"year{sign}{n}": period.year + n * step for n in _OFFSETS for sign, step in (("-", -1), ("+", 1))
        }
        return {
            **years,
            "year": period.year,
            "prev": period.year - 1,
            "prev2": period.year - 2,
            "yy": f"{period.year % 100:02d}",
            "month": period.month,
            "mm": f"{period.month:02d}",
            "months": period.month,
            "month_span": "1" if period.month == 1 else f"1–{period.month}",
            "range": self.month_range(period),
            "range_numbers": "1" if period.month == 1 else f"1-{period.month}",
            "as_of": f"{period.end.day}.{period.month}.",
        }


@cache
def catalogue(lang: str = DEFAULT_LANGUAGE) -> Catalogue:
    if lang not in LANGUAGES:
        raise UnknownLanguageError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    data = tomllib.loads((_LOCALES / f"{lang}.toml").read_text(encoding="utf-8"))
    return Catalogue(lang, {table: dict(values) for table, values in data.items()})
