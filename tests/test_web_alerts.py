"""The alerts page across units (rule, figures, drill-down; filters) and the overview's block of counts."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from webdemo import PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

URL = "/halytykset/"


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return re.findall(r"<tr class=\"rule-([a-z-]+)\">", body)


def test_every_alert_shows_its_rule_in_words_its_figures_and_a_drill_down(
    signed_in: Callable[..., Client],
) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import alerts

    expected = alerts.alerts(Period.parse(PERIOD))
    assert expected, "the example has alerts in Q1"
    page = signed_in("valtuutettu").get(f"{URL}?kausi={PERIOD}").content.decode()  # a reader too
    assert _rows(page) == [item.rule.value for item in expected]
    first = expected[0]
    assert f"/porautuminen/{first.unit}/{first.row}/" in page
    assert "TA:" in page
    for word in ("over-appropriation", "income-short", "ahead-of-profile", "past-year-budget"):
        assert f">{word}" not in page  # codes only in attributes, never as text


def test_the_filters_keep_one_rule_and_one_unit(signed_in: Callable[..., Client]) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import alerts

    expected = alerts.alerts(Period.parse(PERIOD))
    rule, unit = expected[0].rule.value, expected[-1].unit
    client = signed_in("talous")
    by_rule = _rows(client.get(f"{URL}?kausi={PERIOD}&saanto={rule}").content.decode())
    assert by_rule == [rule] * sum(1 for item in expected if item.rule.value == rule)
    page = client.get(f"{URL}?kausi={PERIOD}&yksikko={unit}").content.decode()
    assert len(_rows(page)) == sum(1 for item in expected if item.unit == unit)
    none = client.get(f"{URL}?kausi={PERIOD}&saanto={rule}&yksikko=nosuch").content.decode()
    assert "Ei hälytyksiä valituilla ehdoilla." in none


def test_an_unknown_rule_is_a_finnish_400_page(signed_in: Callable[..., Client]) -> None:
    response = signed_in("talous").get(f"{URL}?kausi={PERIOD}&saanto=keksitty")
    assert response.status_code == 400
    assert "hälytyssääntöä ”keksitty” ei ole" in response.content.decode()


def test_the_overview_links_each_rules_count_to_the_alerts_page(signed_in: Callable[..., Client]) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import alerts

    expected = alerts.alerts(Period.parse(PERIOD))
    page = signed_in("valtuutettu").get(f"/?kausi={PERIOD}").content.decode()
    block = page.split('class="alert-counts"', 1)[1].split("</section>", 1)[0]
    for rule in {item.rule.value for item in expected}:
        count = sum(1 for item in expected if item.rule.value == rule)
        assert re.search(rf'saanto={rule}">[^<]+</a>: {count}</li>', block), rule
    assert f'href="/halytykset/?kausi={PERIOD}"' in block


def test_an_approved_own_forecast_moves_the_alerts(signed_in: Callable[..., Client]) -> None:
    """An own forecast far beyond a service area's budget: its appropriation and its sector's are at risk."""
    from toteuma.core.periods import Period
    from toteuma.services import alerts

    def over() -> set[str]:
        found = alerts.alerts(Period.parse(PERIOD))
        return {item.unit for item in found if item.rule.value == "over-appropriation"}

    before = over()
    assert not {"1000", "1300"} & before
    responsible, controller = signed_in("lakimies"), signed_in("talous")
    data = {
        "kausi": PERIOD,
        "rivi": "palvelujen_ostot",
        "ennuste": "-9 000 000",
        "perustelu": "Iso hankinta.",
        "versio": 0,
    }
    responsible.post("/yksikko/1300/ennusteet/tallenna/", data)
    responsible.post("/yksikko/1300/ennusteet/tila/", {**data, "toiminto": "laheta", "versio": 1})
    assert over() == before  # under review: still the method's forecast
    controller.post("/yksikko/1300/ennusteet/tila/", {**data, "toiminto": "hyvaksy", "versio": 2})
    assert over() == before | {"1000", "1300"}
    page = controller.get(f"{URL}?kausi={PERIOD}&saanto=over-appropriation&yksikko=1000").content.decode()
    assert _rows(page) == ["over-appropriation"]
    assert "1000 Yhteiset palvelut" in page
