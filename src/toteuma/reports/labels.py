"""The Finnish words of the report, in one place: fixed titles and the labels derived from the period."""

from __future__ import annotations

from toteuma.core.org import Binding
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.statement import Column

# Month stems as they combine in a range ("tammi–maaliskuu"); the full name adds "kuu".
_MONTH_STEMS = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)

LABEL_HEADER = "Selite"
RESPONSIBLE = "Vastuuhenkilö"

SECTION_BINDING_GOALS = "Toiminnalliset tavoitteet"
SECTION_DESCRIPTIONS = "Kuvaus toimialan ja palvelualueiden toiminnasta ja tarkoituksesta"
SECTION_COUNCIL = "Valtuuston hyväksymä talousarvio"
SECTION_AREAS = "Palvelualueittaiset laskelmat"
SECTION_INVESTMENTS = "Investoinnit"
SECTION_PLAN_GOALS = "Käyttösuunnitelman palvelualueittaiset tavoitteet"

TABLE_BINDING_GOALS = "Strategiasta johdetut tavoitteet, toimiala (valtuuston sitovuustaso)"
TABLE_AREA_STATEMENT = "Tuloslaskelma"

COUNCIL_ROWS = ("TULOT", "MENOT", "NETTO")

STATUS_WORDS = {
    GoalStatus.ON_TRACK: "Toteutuu",
    GoalStatus.PARTLY: "Toteutuu osittain",
    GoalStatus.NOT_MET: "Ei toteudu",
}


def month_range(period: Period) -> str:
    """The months from January to the period's month: "tammikuu", "tammi–maaliskuu"."""
    last = _MONTH_STEMS[period.month - 1] + "kuu"
    if period.month == 1:
        return last
    return f"{_MONTH_STEMS[0]}–{last}"


def document_title(title: str, period: Period) -> str:
    """ "Käyttösuunnitelman toteutuminen tammi–maaliskuu"."""
    return f"{title} {month_range(period)}".strip()


def sector_statement_title(binding: Binding) -> str:
    kind = "bruttositovuus" if binding is Binding.GROSS else "nettositovuus"
    return f"Tuloslaskelma, {kind}"


def area_title(name: str) -> str:
    """A service area's heading as the reference prints it: "Hallinnon tukipalvelut -palvelualue"."""
    return f"{name} -palvelualue"


def statement_label(column: Column, period: Period) -> str:
    """A statement column's header: "TP 2023", "TA 2024 +muutos", "TOT 2024 3 kk", "TOT-24 %"."""
    year, previous = period.year, period.year - 1
    labels = {
        Column.TP_PREV: f"TP {previous}",
        Column.TOT_PREV: f"TOT {previous}",
        Column.BUDGET_ORIGINAL: f"TA {year}",
        Column.AMENDMENTS: "Muutokset",
        Column.BUDGET: f"TA {year} +muutos",
        Column.TOT: f"TOT {year} {period.month} kk",
        Column.REMAINING: "Jäljellä",
        Column.PCT: f"TOT-{year % 100:02d} %",
    }
    return labels[column]


def investment_labels(period: Period) -> dict[str, str]:
    """The investments table's headers by column key."""
    months = "1" if period.month == 1 else f"1-{period.month}"
    return {
        "tp_prev": f"TP{period.year - 1}",
        "budget": f"TA {period.year}",
        "tot": f"Toteuma {months}",
        "deviation": "Poikkeama",
        "pct": "Toteuma %",
    }


def as_of(period: Period) -> str:
    """The period end as the goals tables print it: "31.3."."""
    return f"{period.end.day}.{period.month}."


def goals_labels(period: Period, *, binding: bool) -> dict[str, str]:
    """The goals tables' headers by column key; the binding table names the sector's goals."""
    goal = f"Toimialan tavoite {period.year}" if binding else f"Tavoite {period.year}"
    return {
        "aim": "Strateginen päämäärä",
        "goals": goal,
        "metrics": "Mittari ja tavoitetaso",
        "responsible": "Vastuu",
        "realisation": f"Toteuma {as_of(period)}",
        "status": "Tila",
    }
