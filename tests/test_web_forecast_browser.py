"""Issue 10 in Debian's Chromium: a responsible enters an own forecast with its reason and sends it, the
controller approves it from the inbox, the document prints it; a reader never sees the draft."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from scripts.browser import launch, sign_in

from webdemo import AREA, PERIOD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROW = "palvelujen_ostot"
REASON = "Tietojärjestelmän lisenssikulut (noin 150 t€) eivät vielä näy toteumassa."


@pytest.fixture
def site(live_server: Any, settings: Any) -> str:
    from toteuma.services.demo import add_demo_users, import_example

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_example()
    add_demo_users()
    return str(live_server.url)


@pytest.fixture
def page(site: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        browser.close()


def sign_out(page: Any) -> None:
    page.click("text=Kirjaudu ulos")


def _forecasts(page: Any, site: str) -> None:
    page.goto(f"{site}/yksikko/{AREA}/?kausi={PERIOD}")
    page.click("a#ennusteet-linkki")
    page.wait_for_url(f"**/yksikko/{AREA}/ennusteet/**")


def _reader_sees_no_draft(page: Any, site: str) -> None:
    sign_in(page, site, "valtuutettu")
    _forecasts(page, site)
    text = page.inner_text("main")
    assert REASON not in text
    assert "-420\u00a0000" not in text
    assert page.locator(f"#summa-{ROW}").count() == 0
    assert "Ei hyväksyttyä omaa ennustetta." in page.inner_text(f"#ennuste-{ROW}")
    sign_out(page)


def _document_row(page: Any, site: str) -> str:
    """The report's row of the forecast, as the browser shows the HTML document."""
    url = f"{site}/raportit/?yksikko={AREA}&kausi={PERIOD}&muoto=html&asettelu=quarterly-forecast"
    page.goto(url)
    return str(page.locator("table tr", has_text="Palvelujen ostot").first.inner_text())


def test_an_own_forecast_is_entered_sent_approved_and_printed_and_readers_never_see_the_draft(
    page: Any, site: str
) -> None:
    sign_in(page, site, "lakimies")
    _forecasts(page, site)
    page.fill(f"#summa-{ROW}", "-420 000")
    page.fill(f"#perustelu-{ROW}", REASON)
    page.locator(f"#ennuste-{ROW} button", has_text="Tallenna luonnos").click()
    assert "Ennusteluonnos tallennettu." in page.inner_text("main")
    assert "luonnos" in page.inner_text(f"#ennuste-{ROW} .state")
    page.locator(f"#ennuste-{ROW} button[value=laheta]").click()
    assert "Lähetetty tarkastettavaksi." in page.inner_text("main")
    assert "tarkastettavana" in page.inner_text(f"#ennuste-{ROW} .state")
    sign_out(page)

    _reader_sees_no_draft(page, site)  # neither a draft nor one under review

    sign_in(page, site, "talous")
    assert "-420\u00a0000" not in _document_row(page, site)  # under review: the document has the method's
    page.goto(f"{site}/")
    page.click("nav >> text=Saapuneet")
    row = page.locator("#saapuneet tbody tr", has_text="Oma ennuste: Palvelujen ostot")
    assert "lakimies" in row.inner_text()
    row.locator("a").click()
    assert REASON in page.inner_text(f"#ennuste-{ROW}")
    page.locator(f"#ennuste-{ROW} button[value=hyvaksy]").click()
    assert "Hyväksytty." in page.inner_text("main")
    approved = page.inner_text(f"#ennuste-{ROW} .approved")
    assert "Hyväksytty oma ennuste: -420\u00a0000" in approved
    assert "kirjoittanut lakimies, hyväksynyt talous" in approved
    assert "oma ennuste" in page.inner_text(f"#rivi-{ROW}")  # the method beside the number
    assert "-420\u00a0000" in _document_row(page, site)  # the quarterly document's Ennuste column
    page.goto(f"{site}/")
    sign_out(page)

    sign_in(page, site, "valtuutettu")
    _forecasts(page, site)
    assert REASON in page.inner_text(f"#ennuste-{ROW}")  # approved: now the reader's too
    assert page.locator(f"#summa-{ROW}").count() == 0
