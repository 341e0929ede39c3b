"""The overview's forecast table: each row's net forecast with its method, the deviation, the change in
the month and against the same period last year, equal to the figures computed on their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from webdemo import PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db


def _net_tot(unit: str, period: str) -> int:
    from toteuma import storage
    from toteuma.core.periods import Period
    from toteuma.services.common import default_structure
    from toteuma.services.reporting import unit_statement

    tree = storage.org_tree()
    statement = unit_statement(tree, tree[unit], Period.parse(period))
    return statement.line(default_structure().summary.netto).money["tot"]


def test_each_row_has_the_forecast_and_changes_computed_on_their_own(demo_data: None) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import dashboard, forecasts

    found = dashboard.overview(Period.parse(PERIOD))
    assert [glance.unit.code for glance in found.units][:2] == ["1000", "1100"]
    by_code = {glance.unit.code: glance for glance in found.units}
    own = forecasts.unit_forecasts(list(by_code), Period.parse(PERIOD))
    for code, glance in by_code.items():
        expected = own.line(code, "toimintakate")
        assert expected is not None
        assert (glance.netto_forecast, glance.forecast_method) == (expected.cents, expected.method.value)
        assert glance.netto_deviation == glance.netto_budget - expected.cents
        assert glance.netto_month == _net_tot(code, PERIOD) - _net_tot(code, "2024-02")
        assert glance.netto_change_year == glance.netto_tot - _net_tot(code, "2023-03")


def test_the_table_shows_them_in_finnish_with_the_method_in_words(signed_in: Callable[..., Client]) -> None:
    page = signed_in("valtuutettu").get(f"/?kausi={PERIOD}").content.decode()
    table = page.split('id="yleiskuva-ennuste"', 1)[1].split("</section>", 1)[0]
    assert "Netto ennuste" in table
    assert "Muutos kuukaudessa" in table
    assert table.count("<tr") == 1 + 8  # the heading row, the sector and its seven areas
    for code in ("budget", "seasonal", "run-rate", "mixed"):
        assert f">{code}<" not in table
    assert "useita menetelmiä" in table or "talousarvion jaksotus" in table


def test_a_unit_page_finds_its_forecast_run_once(
    signed_in: Callable[..., Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page, its statement and its forecast chart share one look-up of the kept run a request."""
    from toteuma.services import forecast_store

    client = signed_in("talous")
    assert client.get(f"/yksikko/1000/?kausi={PERIOD}").status_code == 200  # the run kept
    calls: list[str] = []
    real = forecast_store.key_of

    def counted(reader: object) -> str:
        calls.append("key")
        return real(reader)  # type: ignore[arg-type]

    monkeypatch.setattr(forecast_store, "key_of", counted)
    page = client.get(f"/yksikko/1000/?kausi={PERIOD}")
    assert page.status_code == 200
    assert "ennuste" in page.content.decode().casefold()
    assert calls == ["key"]
