"""The dashboard's pages and the reports cost the same number of queries for 8 units as for 300
(services/dashboard.py, drill.py, reporting.py through the web; decisions.md, 36), and a big
city's overview shows its binding units, their areas only on demand."""

from __future__ import annotations

from typing import Any

import pytest
from scripts.query_counts import BIG, PERIOD, SMALL, city, client, count, counts, load_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_every_page_costs_the_same_queries_at_8_units_as_at_300(fast_passwords: None) -> None:
    small_city, big_city = city(*SMALL), city(*BIG)
    assert (len(small_city), len(big_city)) == (8, 300)
    load_city(small_city)
    small = counts(SMALL[0])
    load_city(big_city)
    big = counts(BIG[0])
    assert all(status == 200 for _, status in [*small.values(), *big.values()]), (small, big)
    assert {"overview", "alerts", "forecasts, service area"} <= set(small)
    assert {name: found for name, (found, _) in small.items()} == {
        name: found for name, (found, _) in big.items()
    }


def test_the_overview_counted_carries_forecasts_and_alert_counts(fast_passwords: None) -> None:
    """What the count above covers: the overview's forecast of every row shown, and the alerts."""
    load_city(city(*BIG))
    page = client().get(f"/?kausi={PERIOD}").content.decode()
    table = page.split('id="yleiskuva-ennuste"', 1)[1]
    assert table.count('id="ennuste-2') == 12  # every binding unit shown has its forecast row
    assert 'class="alert-counts"' in page
    assert "Netto ennuste" in table


def _rows(page: str) -> int:
    return page.count('<tr class="depth-')


def test_a_big_citys_overview_shows_binding_units_and_opens_one_in_place(fast_passwords: None) -> None:
    load_city(city(*BIG))
    signed = client()
    page = signed.get(f"/?kausi={PERIOD}").content.decode()
    assert _rows(page) == 12  # the binding units only, not 300 units or 41 areas
    assert "201A1 Palvelualue 1.1" not in page
    assert f'href="/?kausi={PERIOD}&amp;auki=201#yksikko-201"' in page  # opens in place, no script
    assert "Palvelualueet (8)" in page
    opened = signed.get(f"/?kausi={PERIOD}&auki=201").content.decode()
    assert _rows(opened) == 12 + 8
    assert "201A1 Palvelualue 1.1" in opened
    assert "Piilota palvelualueet" in opened
    assert f'href="/?kausi={PERIOD}&amp;auki=#yksikko-201"' in opened  # and closes again


def test_the_overview_filters_by_name_and_sorts(fast_passwords: None) -> None:
    load_city(city(*BIG))
    signed = client()
    found = signed.get(f"/?kausi={PERIOD}&haku=palvelualue 3.2").content.decode()
    assert _rows(found) == 2  # its binding unit, and the area found under it
    assert "203 Toimiala 3" in found
    assert "203A2 Palvelualue 3.2" in found
    assert "Näytä kaikki sitovat yksiköt" in found
    by_name = signed.get(f"/?kausi={PERIOD}&jarjestys=nimi").content.decode()
    order = [by_name.index(f">{code} Toimiala") for code in ("201", "210", "211", "212", "202")]
    assert order == sorted(order)  # Toimiala 1, 10, 11, 12, 2: by name
    nothing = signed.get(f"/?kausi={PERIOD}&haku=ei-ole-olemassa").content.decode()
    assert "Hakua vastaavia yksiköitä ei ole." in nothing


def test_with_the_shared_cache_a_page_again_reads_only_the_data_version(
    fast_passwords: None, settings: Any
) -> None:
    from django.core.cache import cache

    load_city(city(*SMALL))
    signed = client()
    settings.CACHE_SECONDS = 60
    cache.clear()
    for url in (f"/?kausi={PERIOD}", f"/yksikko/101/?kausi={PERIOD}"):
        first, second = count(lambda url=url: signed.get(url)), count(lambda url=url: signed.get(url))
        assert second[0] < first[0] / 2, (url, first, second)  # pages are pickled and shared
    cache.clear()
