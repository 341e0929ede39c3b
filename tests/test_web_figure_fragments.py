"""Figures rendered once for every reader (decision 63): with the figure cache on, a page's figure
part (the unit page's statement, charts and sub-units; the overview's tables) is rendered once per
data version and language, while each reader's own parts (drafts, edit boxes) are rendered for them."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

START, END = '<section aria-labelledby="tuloslaskelma">', '<section aria-labelledby="tekstit-otsikko"'


@pytest.fixture
def rendered(settings: Any, monkeypatch: pytest.MonkeyPatch) -> list[Hashable]:
    """The names of the figure parts rendered (not taken from the cache), with the cache on."""
    from toteuma.web.templatetags import toteuma_web

    settings.CACHE_SECONDS = 60
    cache.clear()
    found: list[Hashable] = []
    real = toteuma_web.cached

    def spy(key: tuple[Hashable, ...], compute: Callable[[], str]) -> str:
        def counted() -> str:
            found.append(key[1])
            return compute()

        return real(key, counted)

    monkeypatch.setattr(toteuma_web, "cached", spy)
    return found


def _figures(page: str) -> str:
    return page.split(START, 1)[1].split(END, 1)[0]


def test_the_unit_pages_figures_are_rendered_once_for_every_reader_and_their_own_parts_for_each(
    signed_in: Callable[..., Client], rendered: list[Hashable]
) -> None:
    url = f"/yksikko/{AREA}/?kausi={PERIOD}"
    names = ("talous", "valtuutettu", "lakimies")
    pages = {name: signed_in(name).get(url).content.decode() for name in names}
    assert rendered.count("unit") == 1
    assert _figures(pages["talous"]) == _figures(pages["valtuutettu"]) == _figures(pages["lakimies"])
    assert "Tuloslaskelma" in pages["valtuutettu"]
    assert "Alayksiköt" in pages["valtuutettu"]
    assert 'name="teksti"' in pages["lakimies"]  # the area's responsible writes its commentary
    assert 'name="teksti"' not in pages["valtuutettu"]  # a reader does not


def test_a_change_of_data_renders_the_figures_again(
    signed_in: Callable[..., Client], rendered: list[Hashable]
) -> None:
    from toteuma.storage import workflow

    url = f"/yksikko/{AREA}/?kausi={PERIOD}"
    reader = signed_in("valtuutettu")
    reader.get(url)
    reader.get(url)
    assert rendered.count("unit") == 1
    workflow.save_draft(AREA, PERIOD, "commentary", "Uusi luonnos.", "", 0, "lakimies")  # the audit log moves
    reader.get(url)
    assert rendered.count("unit") == 2


def test_the_overviews_tables_are_rendered_once_per_question_and_language(
    signed_in: Callable[..., Client], rendered: list[Hashable]
) -> None:
    reader = signed_in("valtuutettu")
    first = reader.get(f"/?kausi={PERIOD}").content.decode()
    again = reader.get(f"/?kausi={PERIOD}").content.decode()
    table = 'id="yleiskuva-ennuste"'
    assert again.split(table, 1)[1] == first.split(table, 1)[1]
    assert rendered.count("overview") == 1
    reader.get(f"/?kausi={PERIOD}&jarjestys=nimi")
    assert rendered.count("overview") == 2
    reader.cookies["django_language"] = "sv"
    swedish = reader.get(f"/?kausi={PERIOD}").content.decode()
    assert rendered.count("overview") == 3
    assert swedish != first
