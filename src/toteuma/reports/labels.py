"""The report's fixed words from the language's catalogue: titles, headers, labels derived from the period."""

from __future__ import annotations

from toteuma.core.definition import ColumnDef, label_in
from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.reports.i18n import Catalogue, catalogue

_FI = catalogue("fi")


def status_words(cat: Catalogue) -> dict[GoalStatus, str]:
    return {status: cat.get("status", status.name.lower()) for status in GoalStatus}


def document_title(title: str, period: Period, cat: Catalogue = _FI) -> str:
    """ "Käyttösuunnitelman toteutuminen tammi–maaliskuu" (text.title_line); an empty title is the
    catalogue's (or the layout's wording)."""
    values = cat.period_values(period)
    return cat.text("title_line", title=title or cat.text("title", **values), **values).strip()


def sector_statement_title(binding: Binding, cat: Catalogue = _FI) -> str:
    return cat.get("sections", "statement-gross" if binding is Binding.GROSS else "statement-net")


def area_title(name: str, cat: Catalogue = _FI) -> str:
    """A service area's heading as the reference prints it: "Hallinnon tukipalvelut -palvelualue"."""
    return cat.text("area_suffix", name=name)


def column_label(column: ColumnDef, period: Period, cat: Catalogue = _FI) -> str:
    """A figure column's header: the layout's own label in the language (its year-end label when the
    period ends in December), or the catalogue's for the figure."""
    own = label_in(column.year_end_labels, cat.lang) if period.month == 12 else None
    template = own or label_in(column.labels, cat.lang) or cat.get("columns", column.figure)
    return template.format_map(_Values({**cat.words(), **cat.period_values(period)}))


def group_label(column: ColumnDef, period: Period, cat: Catalogue = _FI) -> str:
    """A column group's spanning heading in the language, with the period's placeholders filled in."""
    template = label_in(column.group, cat.lang) or ""
    return template.format_map(_Values({**cat.words(), **cat.period_values(period)}))


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def investment_labels(period: Period, cat: Catalogue = _FI) -> dict[str, str]:
    """The investments table's headers by column key."""
    values = cat.period_values(period)
    return {
        key: cat.get("investments", key, **values) for key in ("tp_prev", "budget", "tot", "deviation", "pct")
    }


def goals_labels(period: Period, *, binding: bool, cat: Catalogue = _FI) -> dict[str, str]:
    """The goals tables' headers by column key; the binding table names the sector's goals."""
    values = cat.period_values(period)
    keys = ("aim", "goals", "metrics", "responsible", "realisation", "status")
    found = {key: cat.get("goals", key, **values) for key in keys}
    if binding:
        found["goals"] = cat.get("goals", "goals_binding", **values)
    return found
