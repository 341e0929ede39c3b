"""The dashboard in Debian's Chromium: the issue's walk-through, and axe-core on every page type."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scripts.browser import AXE, launch, sign_in

from webdemo import AREA, OTHER_AREA, PERIOD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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

    # Playwright's sync API runs an event loop in this thread; the test's own database calls are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        # axe-core goes in as an inline script, which the Content-Security-Policy forbids; the policy
        # itself, with the charts drawn under it, is tested in test_web_headers.py.
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        yield context.new_page()
        browser.close()


def sign_out(page: Any) -> None:
    page.click("text=Kirjaudu ulos")


def _ledger_lines() -> int:
    from toteuma.storage import models

    return models.LedgerLine.objects.count()


def test_walk_through_drill_down_commentary_approval_refusal_and_bad_upload(page: Any, site: str) -> None:
    sign_in(page, site, "lakimies")
    page.click(f"a[href^='/yksikko/{AREA}/']")
    page.click(f"a[href^='/porautuminen/{AREA}/palvelujen_ostot/tot/']")
    page.click("text=Kaikki kirjanpidon rivit")
    total, cell = page.inner_text("#rivisumma"), page.inner_text("#solu")
    assert total == cell == "-53\u00a0505,18"
    shown = page.locator("table.lines tbody td.num").all_inner_texts()  # one page holds all 17 lines
    assert sum(int(text.replace("\u00a0", "").replace(",", "")) for text in shown) == -5_350_518

    page.goto(f"{site}/yksikko/{AREA}/?kausi={PERIOD}")
    page.fill("#teksti-commentary", "Palvelujen ostot pysyivät budjetissa.")
    page.click("text=Tallenna luonnos")
    page.click("button[value=laheta]")
    assert "tarkastettavana" in page.inner_text("#tekstit")

    # Another area's commentary: no form is offered, and a forged POST is refused with nothing changed.
    page.goto(f"{site}/yksikko/{OTHER_AREA}/?kausi={PERIOD}")
    assert page.locator("#teksti-commentary").count() == 0
    status = page.evaluate(
        """async ([url, period]) => {
            const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
            const fields = {csrfmiddlewaretoken: token, kausi: period, teksti: "x", versio: "0"};
            const body = new URLSearchParams(fields);
            return (await fetch(url, {method: "POST", body})).status;
        }""",
        [f"/yksikko/{OTHER_AREA}/teksti/", PERIOD],
    )
    assert status == 403
    from toteuma.storage import workflow

    assert workflow.draft(OTHER_AREA, PERIOD, "commentary") is None

    sign_out(page)
    sign_in(page, site, "talous")
    page.goto(f"{site}/yksikko/{AREA}/?kausi={PERIOD}")
    page.click("button[value=hyvaksy]")
    assert "Hyväksytty." in page.inner_text("main")
    page.goto(f"{site}/raportit/")
    page.select_option("#yksikko", "1000")
    page.select_option("#raportti-kausi", PERIOD)
    with page.expect_navigation():  # the report replaces the page; read it only once it has loaded
        page.click("text=Avaa")
    assert "Palvelujen ostot pysyivät budjetissa." in page.content()

    before = _ledger_lines()
    page.goto(f"{site}/tuonnit/")
    page.select_option("#laji", "ledger")
    page.set_input_files("#tiedosto", str(Path(__file__).parent / "data" / "ledger-bad-values.csv"))
    page.click("text=Tarkista")
    assert page.locator("#ongelmataulukko tbody tr").count() > 0
    assert _ledger_lines() == before


PAGES = {
    "overview": "/",
    "unit": f"/yksikko/{AREA}/?kausi={PERIOD}",
    "drill": f"/porautuminen/{AREA}/palvelujen_ostot/tot/?kausi={PERIOD}",
    "lines": f"/porautuminen/{AREA}/palvelujen_ostot/tot/rivit/?kausi={PERIOD}",
    "imports": "/tuonnit/",
    "reports": "/raportit/",
    "audit": "/loki/",
    "forecasts": f"/yksikko/{AREA}/ennusteet/?kausi={PERIOD}",
    "alerts": f"/halytykset/?kausi={PERIOD}",
}


def axe_violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{item['id']}: {[node['target'] for node in item['nodes']]}" for item in found]


def test_every_page_type_has_no_axe_violations(page: Any, site: str) -> None:
    page.goto(f"{site}/kirjaudu/")
    found = {"sign-in": axe_violations(page)}
    sign_in(page, site, "talous")
    for name, url in PAGES.items():
        page.goto(site + url)
        page.wait_for_load_state("networkidle")
        found[name] = axe_violations(page)
    page.set_viewport_size({"width": 375, "height": 800})  # a phone
    page.goto(site + PAGES["unit"])
    found["unit-phone"] = axe_violations(page)
    assert {name: items for name, items in found.items() if items} == {}


def test_pages_work_by_keyboard(page: Any, site: str) -> None:
    page.goto(f"{site}/kirjaudu/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_username'")
    page.keyboard.type("talous")  # the user name field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type("talous-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/")
    assert re.search(r"Yleiskuva \d{4}-\d{2}", page.inner_text("h1"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Siirry sisältöön"
    page.keyboard.press("Enter")
    for _ in range(12):  # on through the menu and the forms to the first unit link
        page.keyboard.press("Tab")
        if "/yksikko/" in (page.evaluate("document.activeElement.getAttribute('href')") or ""):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/yksikko/1000/.*"))
