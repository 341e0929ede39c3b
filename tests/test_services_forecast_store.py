"""services/forecast_store.py: the organisation's forecasts and alerts kept as data (decision 61).

What is kept equals what is computed, in every language; a kept run is read, not computed again; any
change of what the forecasts read (a ledger, the organisation, an approved own forecast, a threshold)
gives a new run and drops the stale one; a run that cannot be kept is still shown; an import keeps
the newest period's run at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import OperationalError

from test_services_forecasts import Q1, history, load, months, thousands
from toteuma import services, storage
from toteuma.core.forecast import Rule
from toteuma.core.messages import use_language
from toteuma.core.org import UnitKind
from toteuma.core.records import AccountRecord, UnitRecord
from toteuma.services import alert_pages, alerts, dashboard, forecast_store, forecasts

__all__ = ["history"]

pytestmark = pytest.mark.django_db


def _live(lang: str) -> list[tuple[object, ...]]:
    """The alerts computed on the spot, as the page shows them."""
    with use_language(lang):
        found = alerts.alerts(Q1, None, lang)
    return [
        (item.unit, item.unit_name, item.row, item.rule.value, dict(item.figures), item.message, item.target)
        for item in found
    ]


def _kept(lang: str) -> list[tuple[object, ...]]:
    return [
        (
            item.unit,
            item.unit_name,
            item.row,
            item.rule,
            dict(item.figures),
            item.message,
            None if item.drill is None else alerts.DrillTarget(*item.drill, Q1),
        )
        for item in alert_pages.all_alerts(Q1, lang)
    ]


def _runs() -> list[tuple[str, int, int]]:
    from toteuma.storage import workflow

    return workflow.forecast_run_figures()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_kept_alerts_are_those_computed_in_every_language(history: None, lang: str) -> None:
    live = _live(lang)
    assert {item[3] for item in live} >= {Rule.PAST_YEAR_BUDGET.value, Rule.INCOME_SHORT.value}
    assert _kept(lang) == live
    assert [(period, count) for period, count, _ in _runs()] == [("2024-03", len(live))]


def test_the_kept_net_forecasts_are_those_computed(history: None) -> None:
    found = dashboard.overview(Q1)
    live = forecasts.unit_forecasts(["1000"], Q1)
    for glance in found.units:
        expected = live.line(glance.unit.code, "toimintakate")
        assert expected is not None
        assert (glance.netto_forecast, glance.forecast_method) == (expected.cents, expected.method.value)


def test_a_kept_run_is_read_and_not_computed_again(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = dashboard.overview(Q1)
    assert first.alert_counts

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(forecast_store, "unit_forecasts", refuse)
    again = dashboard.overview(Q1)
    assert again.alert_counts == first.alert_counts
    assert [glance.alerts for glance in again.units] == [glance.alerts for glance in first.units]
    assert dashboard.unit_page("1000", Q1).children


def test_a_new_ledger_batch_gives_a_new_run_and_drops_the_stale_one(history: None) -> None:
    def ahead() -> list[tuple[object, object]]:
        return [(item[0], item[2]) for item in _kept("fi") if item[3] == Rule.AHEAD_OF_PROFILE.value]

    assert ahead() == [("1200", "palvelujen_ostot")]
    load(months("110010", 4300, 2024, [0, 0, 20_000_00]))  # March 50 000 € instead of 30 000 €
    assert ahead() == [("1100", "palvelujen_ostot"), ("1200", "palvelujen_ostot")]
    assert len(_runs()) == 1


def test_a_new_unit_a_threshold_and_an_own_forecast_each_give_a_new_run(
    history: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = services.measures.Reader.read
    keys = [forecast_store.key_of(reader())]
    storage.load_units([UnitRecord("120020", "Uusi", UnitKind.COST_CENTER, "1200", order=9)])
    keys.append(forecast_store.key_of(reader()))
    monkeypatch.setenv("TOTEUMA_ALERT_AHEAD_MARGIN", "5")
    keys.append(forecast_store.key_of(reader()))
    from toteuma.storage.workflow.models import OwnForecast

    OwnForecast.objects.create(
        unit_code="1200", period="2024-03", row="palvelujen_ostot", amount_cents=-30_000_00, reason="Syy."
    )
    keys.append(forecast_store.key_of(reader()))
    assert len(set(keys)) == 4
    sector = dashboard.overview(Q1).units[0]
    expected = forecasts.unit_forecasts(["1000"], Q1).line("1000", "toimintakate")
    assert expected is not None
    assert (sector.unit.code, sector.netto_forecast) == ("1000", expected.cents)
    assert sector.forecast_method == "mixed"


def test_a_run_that_cannot_be_kept_is_still_shown(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from toteuma.storage import workflow

    def read_only(*args: object, **kwargs: object) -> int:
        raise OperationalError("attempt to write a readonly database")

    kept_page = dashboard.unit_page("1000", Q1)
    kept_overview = dashboard.overview(Q1)
    from toteuma.storage.workflow.models import ForecastRun

    ForecastRun.objects.all().delete()
    monkeypatch.setattr(workflow, "save_forecast_run", read_only)
    assert _kept("fi") == _live("fi")
    assert dashboard.overview(Q1) == kept_overview
    found = dashboard.overview(Q1)
    assert found.alert_counts
    assert found.units[0].netto_forecast is not None
    assert dashboard.unit_page("1200", Q1).children[0].alerts
    assert dashboard.unit_page("1000", Q1).children == kept_page.children
    assert _runs() == []


def test_the_same_run_kept_twice_by_two_processes_is_one(history: None) -> None:
    from toteuma.storage import workflow

    first = workflow.save_forecast_run("k" * 64, "2024-03", (), (), 1)
    assert workflow.save_forecast_run("k" * 64, "2024-03", (), (), 1) == first
    assert len(_runs()) == 1


def test_an_import_keeps_the_newest_periods_run(tiny_org: object, tmp_path: Path) -> None:
    storage.load_accounts([AccountRecord(4300, "Palvelujen ostot")])
    ledger = tmp_path / "kirjanpito.csv"
    ledger.write_text(
        "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Projekti;Summa;Selite\n"
        "15.1.2024;1;4300;120010;;5000,00;Ostot\n"
        "15.2.2024;2;4300;120010;;5000,00;Ostot\n",
        encoding="utf-8",
    )
    options = services.ImportOptions(accept_warnings=True, user="talous")
    result = services.import_file("ledger", ledger, options=options)
    assert result.imported, result.problems
    assert [period for period, _, _ in _runs()] == ["2024-02"]


def test_a_thousand_cost_centers_add_no_query_to_reading_a_kept_run(history: None) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        forecast_store.current(Q1)  # kept first
        with CaptureQueriesContext(connection) as captured:
            stored = forecast_store.current(Q1)
            stored.alert_rules(["1000", "1100", "1200"])
            stored.rule_counts()
            stored.alerts("1000")
            stored.lines(["1000", "1100", "1200"], "toimintakate")
        return len(captured)

    few = queries()
    more = [UnitRecord(f"1300{n:03d}", f"Kp {n}", UnitKind.COST_CENTER, "1200", order=n) for n in range(1000)]
    storage.load_units(more)
    load([line for unit in more[::10] for line in months(unit.code, 4300, 2024, thousands((1, 1, 1)))])
    assert queries() == few


def test_the_kept_chart_of_every_unit_is_the_one_computed(history: None) -> None:
    stored = forecast_store.current(Q1)
    for code in ("111", "1000", "1100", "110010", "110020", "1200", "120010"):
        assert stored.series(code) == forecasts.monthly_series(code, Q1), code


def test_the_kept_chart_follows_an_approved_own_forecast(history: None) -> None:
    from toteuma.storage.workflow.models import OwnForecast

    OwnForecast.objects.create(
        unit_code="1200", period="2024-03", row="palvelujen_ostot", amount_cents=-30_000_00, reason="Syy."
    )
    kept = forecast_store.current(Q1).series("1000")
    assert kept == forecasts.monthly_series("1000", Q1)
    assert kept.method.value == "mixed"


# Decision 64: a run keeps every unit's statement rows of the dashboard's measures.
GLANCE = ("tot", "budget", "tot_month", "tot_prev")
PAGE = ("tp_prev", "tot_prev", "budget_original", "amendments", "budget", "tot")


def _read(codes: list[str], names: tuple[str, ...]) -> dict[str, object]:
    reader = services.measures.Reader.read()
    return services.measures.statements(reader, codes, Q1, services.measures.measures_named(names))


@pytest.mark.parametrize("names", [GLANCE, PAGE, ("budget",), forecast_store.KEPT_MEASURES])
def test_the_kept_statements_of_every_unit_are_those_read_from_the_balances(
    history: None, names: tuple[str, ...]
) -> None:
    reader = services.measures.Reader.read()
    codes = [unit.code for unit in reader.tree]
    kept = forecast_store.current(Q1, reader)
    assert kept.run is not None
    found = kept.statements(reader, codes, names)
    assert found == _read(codes, names)
    assert any(line.values.cents for line in found["1000"].lines)


def test_the_kept_statements_are_read_not_computed(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dashboard.overview(Q1), dashboard.unit_page("1000", Q1)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read from the balances")

    monkeypatch.setattr(storage, "ledger_sums_by_unit", refuse)
    monkeypatch.setattr(storage, "budget_sums_by_unit", refuse)
    assert (dashboard.overview(Q1), dashboard.unit_page("1000", Q1)) == before


def test_measures_a_run_does_not_keep_are_read_from_the_balances(history: None) -> None:
    reader = services.measures.Reader.read()
    names = ("tot", "tot_prev2")
    assert not set(names) <= set(forecast_store.KEPT_MEASURES)
    assert forecast_store.current(Q1, reader).statements(reader, ["1000", "1200"], names) == _read(
        ["1000", "1200"], names
    )


def test_a_new_ledger_batch_changes_the_kept_statements(history: None) -> None:
    def costs() -> int:
        reader = services.measures.Reader.read()
        statement = forecast_store.current(Q1, reader).statements(reader, ["1000"], GLANCE)["1000"]
        return statement.line("toimintakulut").money["tot"]

    before = costs()
    load(months("110010", 4300, 2024, [0, 0, 20_000_00]))
    assert costs() == before - 20_000_00
    assert costs() == _read(["1000"], GLANCE)["1000"].line("toimintakulut").money["tot"]  # type: ignore[attr-defined]


def test_statements_held_when_a_run_cannot_be_kept(history: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from toteuma.storage import workflow

    def read_only(*args: object, **kwargs: object) -> int:
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(workflow, "save_forecast_run", read_only)
    reader = services.measures.Reader.read()
    held = forecast_store.current(Q1, reader)
    assert held.run is None
    codes = [unit.code for unit in reader.tree]
    assert held.statements(reader, codes, PAGE) == _read(codes, PAGE)


def test_an_unknown_unit_is_refused_by_the_kept_statements(history: None) -> None:
    reader = services.measures.Reader.read()
    with pytest.raises(services.ServiceError):
        forecast_store.current(Q1, reader).statements(reader, ["nosuch"], GLANCE)


def test_only_the_lines_asked_carry_the_full_statements_figures(history: None) -> None:
    reader = services.measures.Reader.read()
    codes = [unit.code for unit in reader.tree]
    keys = ("toimintakulut", "toimintakate", "palvelujen_ostot")
    found = forecast_store.current(Q1, reader).statements(reader, codes, GLANCE, keys)
    full = _read(codes, GLANCE)
    for code in codes:
        assert [line.key for line in found[code].lines] == list(keys)
        for key in keys:
            line = full[code].line(key)  # type: ignore[attr-defined]
            assert (found[code].line(key).money, found[code].line(key).pct) == (line.money, line.pct), code


def test_the_kept_cost_months_chart_every_unit_as_its_balances_do(history: None) -> None:
    """The unit page's chart of this and the previous year's costs, from the run and from the balances."""
    from toteuma.services import dashboard_charts

    reader = services.measures.Reader.read()
    stored = forecast_store.current(Q1, reader)
    kept = 0
    for unit in reader.tree:
        months = stored.cost_months(unit.code)
        if months is None:  # no costs' forecast for it: the chart reads the balances
            continue
        kept += 1
        expected = dashboard_charts.cumulative_data(unit, Q1, reader.rows)
        assert dashboard_charts.cumulative_data(unit, Q1, reader.rows, months) == expected, unit.code
        assert any(item["euros"] for item in expected if item["year"] == "2023"), unit.code
    assert kept >= 5
