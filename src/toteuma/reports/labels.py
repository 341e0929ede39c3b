"""The report's fixed words from the language's catalogue: titles, headers, labels derived from the period."""

from __future__ import annotations

from toteuma.core.layout import LayoutColumn
from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.reports.i18n import Catalogue, catalogue

_FI = catalogue("fi")


def status_words(cat: Catalogue) -> dict[GoalStatus, str]:
    return {status: cat.get("status", status.name.lower()) for status in GoalStatus}


def document_title(title: str, period: Period, cat: Catalogue = _FI) -> str:
    """ "Käyttösuunnitelman toteutuminen tammi–maaliskuu"; an empty title is the catalogue's."""
    return f"{title or cat.text('title')} {cat.month_range(period)}".strip()


def sector_statement_title(binding: Binding, cat: Catalogue = _FI) -> str:
    return cat.get("sections", "statement-gross" if binding is Binding.GROSS else "statement-net")


def area_title(name: str, cat: Catalogue = _FI) -> str:
    """A service area's heading as the reference prints it: "Hallinnon tukipalvelut -palvelualue"."""
    return cat.text("area_suffix", name=name)


def column_label(column: LayoutColumn, period: Period, cat: Catalogue = _FI) -> str:
    """A statement column's header: the layout's own label in the language, or the catalogue's."""
    template = column.labels.get(cat.lang) or cat.get("columns", column.figure)
    return template.format(**cat.period_values(period))


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
