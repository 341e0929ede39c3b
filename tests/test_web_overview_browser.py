"""A big city's overview in Chromium (issue 14): binding units, one opened in place, a filter; at
1 280 and 390 px in every language nothing sticks out, and axe-core finds nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from scripts.browser import launch
from scripts.query_counts import BIG, PERIOD, USER, city, load_city

from test_web_browser import axe_violations
from test_web_layout import _problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "salasana-joka-on-pitka"


@pytest.fixture
def site(live_server: Any, settings: Any) -> str:
    from toteuma.storage import workflow

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_city(city(*BIG))
    workflow.add_user(USER, "controller", PASSWORD)
    return str(live_server.url)


@pytest.fixture
def browser(site: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        found = launch(playwright)
        yield found
        found.close()


def _signed_in(browser: Any, site: str, language: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page = context.new_page()
    page.goto(f"{site}/kirjaudu/")
    page.fill("#id_username", USER)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    return page


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_big_citys_overview_fits_the_screen_and_passes_axe(browser: Any, site: str, language: str) -> None:
    found: dict[str, list[str]] = {}
    for width in (1280, 390):
        page = _signed_in(browser, site, language, width)
        for name, url in {
            "binding units": f"/?kausi={PERIOD}",
            "one opened": f"/?kausi={PERIOD}&auki=201",
            "filtered": f"/?kausi={PERIOD}&haku=3.2&jarjestys=kaytetty",
        }.items():
            page.goto(site + url)
            page.wait_for_load_state("networkidle")
            problems = _problems(page, language) + [f"axe {item}" for item in axe_violations(page)]
            if problems:
                found[f"{name} at {width} px"] = problems
        page.context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def test_an_area_opens_in_place_by_keyboard_without_script(browser: Any, site: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/kirjaudu/")
    page.fill("#id_username", USER)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    assert page.locator("tr.depth-1").count() == 0
    page.focus("#yksikko-201 a.toggle")
    page.keyboard.press("Enter")
    page.wait_for_url("**auki=201**")
    assert page.locator("tr.depth-1").count() == 8
    assert page.locator("#yksikko-201 a.toggle").inner_text() == "Piilota palvelualueet"
    context.close()
