"""The measures service: every declared measure from the data, decisions one by one, the forecast slot,
and reports whose number of queries does not grow with the organisation (8 units or 300)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toteuma import services, storage
from toteuma.core.measures import BudgetPart, Measure, Source
from toteuma.core.org import UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import BudgetKind, BudgetRecord, LedgerRecord, TextKind, TextRecord, UnitRecord
from toteuma.services import measures
from toteuma.services.common import ServiceError

pytestmark = pytest.mark.django_db

Q1 = Period(2024, 3)


def line(posted: str, unit: str, account: int, cents: int) -> LedgerRecord:
    return LedgerRecord(date.fromisoformat(posted), "T", account, unit, cents, "")


def amendment(unit: str, cents: int, decided: date, decision: str) -> BudgetRecord:
    return BudgetRecord(
        decided.year, unit, 4300, cents, kind=BudgetKind.AMENDMENT, decision=decision, decided=decided
    )


@pytest.fixture
def data(tiny_org: object) -> None:
    storage.load_ledger(
        (
            line("2024-01-10", "110010", 4300, 1_000),
            line("2024-03-10", "110020", 4300, 20),
            line("2024-04-01", "110010", 4300, 7),  # after the period
            line("2023-02-01", "110010", 4300, 300),
            line("2023-11-01", "110010", 4300, 4_000),
            line("2022-03-31", "110010", 4300, 50),
            line("2022-12-31", "110010", 4300, 60_000),
            line("2024-03-05", "110010", 3000, -500),
        ),
        file_name="l.csv",
        sha256="a" * 64,
    )
    storage.load_budget(
        (
            BudgetRecord(2024, "110010", 4300, 5_000),
            amendment("110010", 300, date(2024, 2, 26), "Kv 26.2.2024 § 14"),
            amendment("110020", 200, date(2024, 3, 20), "Kv 20.3.2024 § 30"),
            amendment("110010", 9_999, date(2024, 6, 14), "Kv 14.6.2024 § 52"),  # after the period
            BudgetRecord(2023, "110010", 4300, 4_500),
            amendment("110010", 100, date(2023, 12, 1), "Kv 1.12.2023 § 90"),
        ),
        file_name="ta.csv",
        sha256="b" * 64,
    )


def cents_of(unit: str, row: str, names: Sequence[str], *own: Measure) -> dict[str, int]:
    reader = measures.Reader.read()
    chosen = measures.measures_named(names, own)
    found = measures.read_rows(reader, [unit], Q1, chosen)[unit][row]
    return {name: found.cents.get(name, 0) for name in names}


def test_every_built_in_measure_reads_its_year_and_months_in_report_sign(data: None) -> None:
    names = [
        "tot",
        "tot_prev",
        "tot_prev2",
        "tp_prev",
        "tp_prev2",
        "tot_month",
        "budget_original",
        "amendments",
        "budget",
        "budget_prev",
    ]
    assert cents_of("1100", "palvelujen_ostot", names) == {
        "tot": -1_020,
        "tot_prev": -300,
        "tot_prev2": -50,
        "tp_prev": -4_300,
        "tp_prev2": -60_050,
        "tot_month": -20,
        "budget_original": -5_000,
        "amendments": -500,  # the June amendment is not yet decided at the end of March
        "budget": -5_500,
        "budget_prev": -4_600,  # last year's budget with all of last year's amendments
    }
    assert cents_of("110020", "palvelujen_ostot", ["tot", "amendments"]) == {"tot": -20, "amendments": -200}


def test_a_layouts_own_measures_pick_one_decision_by_number_or_reference(data: None) -> None:
    second = Measure("second", Source.BUDGET, budget=BudgetPart.AMENDMENT, number=2)
    first = Measure("first", Source.BUDGET, budget=BudgetPart.AMENDMENT, decision="Kv 26.2.2024 § 14")
    third = Measure("third", Source.BUDGET, budget=BudgetPart.AMENDMENT, number=3)  # decided after the period
    found = cents_of("1000", "palvelujen_ostot", ["first", "second", "third"], first, second, third)
    assert found == {"first": -300, "second": -200, "third": 0}


@pytest.fixture
def forecast() -> Iterator[list[tuple[tuple[str, ...], Period]]]:
    asked: list[tuple[tuple[str, ...], Period]] = []

    def method(roots: Sequence[str], period: Period) -> dict[tuple[str, int], tuple[int, int]]:
        asked.append((tuple(roots), period))
        return {("110010", 4300): (4_000, 1), ("110020", 4300): (80, 1)}

    measures.register_forecast(method)
    yield asked
    measures._FORECASTS.remove(method)


def test_the_forecast_measure_comes_from_the_registered_method(data: None, forecast: list[object]) -> None:
    assert cents_of("1100", "palvelujen_ostot", ["forecast", "tot"]) == {"forecast": -4_080, "tot": -1_020}
    assert forecast == [(("1100",), Q1)]


def test_without_a_forecast_method_the_forecast_measure_says_so(
    data: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measures, "_FORECASTS", [])  # services.forecasts registers one on import
    with pytest.raises(ServiceError, match="ennustemenetelmää ei ole asennettu"):
        cents_of("1100", "palvelujen_ostot", ["forecast"])


def test_many_units_in_one_read_each_its_whole_subtree(data: None) -> None:
    reader = measures.Reader.read()
    names = measures.measures_named(["tot"])
    with CaptureQueriesContext(connection) as queries:
        found = measures.statements(reader, ["1000", "1100", "110020", "1200"], Q1, names)
    # One ledger read in two queries: the units' own balances and their descendant balances (decision 62).
    assert len(queries) == 2
    tot = {
        code: statement.line("palvelujen_ostot").values.cents.get("tot", 0)
        for code, statement in found.items()
    }
    assert tot == {"1000": -1_020, "1100": -1_020, "110020": -20, "1200": 0}


def organisation(top: str, areas: int, centers: int, extra: int = 0) -> tuple[UnitRecord, ...]:
    """A municipality `top`, a binding sector `top`0, `areas` service areas (each with a sub-area) and
    cost centers (`extra` more under the first)."""
    units = [
        UnitRecord(top, "Kunta", UnitKind.MUNICIPALITY, None),
        UnitRecord(f"{top}0", "Toimiala", UnitKind.SECTOR, top, binding_level=True),
    ]
    for area in range(areas):
        units += [
            UnitRecord(f"{top}A{area}", f"Alue {area}", UnitKind.SERVICE_AREA, f"{top}0", order=area),
            UnitRecord(f"{top}S{area}", f"Ala {area}", UnitKind.SERVICE_AREA, f"{top}A{area}"),
        ]
        count = centers + (extra if area == 0 else 0)
        units += [
            UnitRecord(f"{top}K{area}-{c}", f"Kp {c}", UnitKind.COST_CENTER, f"{top}S{area}")
            for c in range(count)
        ]
    return tuple(units)


def load(units: tuple[UnitRecord, ...]) -> None:
    storage.load_units(units)
    centers = [unit.code for unit in units if unit.kind is UnitKind.COST_CENTER]
    ledger = [line("2024-02-01", code, account, 100) for code in centers for account in (3000, 4300)]
    ledger += [line("2023-02-01", code, 4300, 90) for code in centers]
    storage.load_ledger(ledger, file_name=f"l{units[0].code}.csv", sha256=units[0].code * 64)
    budget = [BudgetRecord(2024, code, 4300, 1_000) for code in centers]
    budget += [amendment(code, 10, date(2024, 2, 1), "Kv 1.2.2024 § 5") for code in centers]
    storage.load_budget(budget, file_name=f"b{units[0].code}.csv", sha256=units[0].code * 63 + "b")
    areas = [unit.code for unit in units if unit.kind is UnitKind.SERVICE_AREA]
    texts = [TextRecord(code, 2024, "2024-03", TextKind.COMMENTARY, "Teksti.") for code in areas]
    texts += [TextRecord(code, 2024, "", TextKind.DESCRIPTION, "Kuvaus.") for code in areas]
    storage.load_texts(texts)


def report_queries(unit: str, layout: str) -> int:
    chosen = services.get_layout(layout)
    with CaptureQueriesContext(connection) as queries:
        content = services.build_report(unit, Q1, chosen)
    assert content.statement.statement.line("palvelujen_ostot").values.cents["tot"] < 0
    return len(queries)


@pytest.mark.parametrize("layout", ["reference", "quarterly", "every-feature"])
def test_a_reports_queries_do_not_grow_with_the_organisation(
    layout: str, request: pytest.FixtureRequest
) -> None:
    if layout == "every-feature":  # every table kind: summary, areas two levels deep, amendments
        layout = str(request.path.parent / "data" / "layouts" / "layout-every-feature.toml")
    small, big = organisation("1", 1, 4), organisation("2", 37, 6, 2)
    assert (len(small), len(big)) == (8, 300)
    load(small)
    load(big)
    counts = {top: (report_queries(f"{top}0", layout), report_queries(top, layout)) for top in ("1", "2")}
    assert counts["1"] == counts["2"], counts
