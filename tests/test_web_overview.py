"""The overview and the unit page: what a signed-in user sees (web/dashboard_views.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db


def test_overview_lists_the_binding_unit_and_its_areas_with_alerts(signed_in: Callable[..., Client]) -> None:
    page = signed_in("valtuutettu").get("/").content.decode()
    assert "Yhteiset palvelut / Kaupunginhallituksen toimiala" in page
    assert "1300 Hallinnon tukipalvelut" in page
    assert "-1 365 906" in page.replace("\u00a0", " ")  # Menot TOT of the sector, as the reference prints
    # The alerts column looks forward (decision 50): Vaalit's two election rounds take its forecast past
    # its operating plan; the straight line of the year gone raises nothing.
    vaalit = page[page.index("1100 Vaalit") :].split("</tr>")[0]
    assert "määräraha ylittymässä" in vaalit
    assert "edellä ajasta" not in page
    assert 'id="kaavio-yleiskuva"' in page  # the chart's Vega-Lite definition


def test_overview_period_selector_offers_the_months_with_data(signed_in: Callable[..., Client]) -> None:
    page = signed_in("valtuutettu").get("/?kausi=2023-12").content.decode()
    assert "Yleiskuva 2023-12" in page
    assert '<option value="2024-03"' in page
    assert '<option value="2023-01"' in page


def test_unit_page_shows_statement_children_chart_and_commentary(signed_in: Callable[..., Client]) -> None:
    response = signed_in("lakimies").get(f"/yksikko/{AREA}/?kausi={PERIOD}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Palvelujen ostot" in page
    assert f"/porautuminen/{AREA}/palvelujen_ostot/tot/?kausi={PERIOD}" in page
    assert "130010 Hallintopalvelut ja kirjaamo" in page
    assert 'id="kaavio-kuukaudet"' in page
    assert "Palvelualueen toimintakulut ovat toteutuneet" in page  # the imported commentary
    assert "Tallenna luonnos" in page  # the responsible may edit their area


def test_unit_page_of_another_area_has_no_edit_form(signed_in: Callable[..., Client]) -> None:
    page = signed_in("lakimies").get(f"/yksikko/1400/?kausi={PERIOD}").content.decode()
    assert "Tallenna luonnos" not in page


def test_unknown_unit_and_bad_period_are_user_errors(signed_in: Callable[..., Client]) -> None:
    client = signed_in("talous")
    assert client.get("/yksikko/9999/").status_code == 400
    assert client.get("/?kausi=2024-13").status_code == 400


def test_pages_open_in_finnish_and_switch_to_swedish(signed_in: Callable[..., Client]) -> None:
    client = signed_in("talous")
    assert '<html lang="fi">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    swedish = client.get("/").content.decode()
    assert '<html lang="sv">' in swedish
    assert "Översikt 2024-03" in swedish
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Overview 2024-03" in client.get("/").content.decode()
