"""Issue 12 in Debian's Chromium: metrics, a carried goal status, a service area assessing a sector goal,
a project's drill-down summing to its cell, the inbox, and the e-mail sent on submit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from scripts.browser import launch, sign_in

from webdemo import PERIOD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN_GOAL_AIM = "Uudistuva työ ja asuminen"  # an operating-plan goal of the sector that 1300 assesses


@pytest.fixture
def site(live_server: Any, settings: Any) -> str:
    from toteuma.services.demo import add_demo_users, import_example
    from toteuma.services.inbox import set_email

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    import_example()
    add_demo_users()
    set_email("talous", "talous@heinola.example")
    set_email("lakimies", "lakimies@heinola.example")
    return str(live_server.url)


@pytest.fixture
def page(site: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        browser.close()


def _plan_goal() -> tuple[int, str]:
    from toteuma.storage import workflow

    goal_id = workflow.goal_ids("1000", 2024)[("käyttösuunnitelma", PLAN_GOAL_AIM)]
    return goal_id, workflow.goal_owners(2024)[goal_id][1]


def test_metrics_show_beside_their_goal_with_values_target_and_trend(page: Any, site: str) -> None:
    sign_in(page, site, "valtuutettu")
    page.goto(f"{site}/yksikko/1000/?kausi={PERIOD}")
    goal_id, _ = _plan_goal()
    article = page.locator(f"#tavoite-{goal_id}-kohta")
    text = article.inner_text()
    assert "Käyttösuunnitelman tavoite" in text
    assert "Kaupunginlakimies, Hallinto- ja kehitysjohtaja" in text  # the responsible (Vastuu)
    table = article.locator("table.metric-values", has_text="LinkedIn-seuraajat")
    assert table.locator("tbody tr").all_inner_texts() == [
        "1/2024\t731\t900",
        "2/2024\t759\t900",
        "3/2024\t784\t900",
    ]
    assert article.locator(".chart svg, .chart canvas").count() >= 4  # vega-embed drew the trend charts


def test_a_goal_status_is_carried_into_the_next_period_with_its_period(page: Any, site: str) -> None:
    sign_in(page, site, "talous")
    goal_id, assessor = _plan_goal()
    page.goto(f"{site}/yksikko/1000/?kausi=2024-04")
    status = page.locator(f"#tavoite-{goal_id}-kohta .goal-status").inner_text()
    assert "Toteutuu osittain" in status
    assert "arvioitu 3/2024" in status
    page.goto(f"{site}/yksikko/{assessor}/?kausi=2024-04")
    assert (
        page.locator(f"#tila-{goal_id}").input_value() == "toteutuu osittain"
    )  # the edit box starts from it
    assert "Korkeakouluharjoittelijat rekrytoitu" in page.locator(f"#teksti-goal{goal_id}").input_value()


def test_a_service_area_responsible_assesses_an_operating_plan_goal_and_the_mail_goes(
    page: Any, site: str
) -> None:
    from django.core import mail

    goal_id, assessor = _plan_goal()
    assert assessor == "1300"
    sign_in(page, site, "lakimies")
    assert "Tavoitteen arvio: Uudistuva työ ja asuminen" in page.inner_text("section.my-units")
    page.goto(f"{site}/yksikko/1300/?kausi=2024-04")
    page.select_option(f"#tila-{goal_id}", "toteutuu")
    page.fill(f"#teksti-goal{goal_id}", "Hankintakalenteri otettu käyttöön.")
    page.locator(f"#tavoite-{goal_id}-kohta button", has_text="Tallenna luonnos").click()
    page.locator(f"#tavoite-{goal_id}-kohta button[value=laheta]").click()
    assert "Lähetetty tarkastettavaksi." in page.inner_text("main")
    sent = [m for m in mail.outbox if "talous@heinola.example" in m.to]
    assert len(sent) == 1
    assert "Hallinnon tukipalvelut" in sent[0].subject
    assert "Hankintakalenteri otettu käyttöön." in sent[0].body

    page.click("text=Kirjaudu ulos")
    sign_in(page, site, "talous")
    page.click("nav >> text=Saapuneet")
    row = page.locator("#saapuneet tbody tr")
    assert row.count() == 1
    assert "Tavoitteen arvio: Uudistuva työ ja asuminen" in row.inner_text()
    assert "lakimies" in row.inner_text()


def test_a_project_drill_down_sums_to_its_cell(page: Any, site: str) -> None:
    sign_in(page, site, "talous")
    page.goto(f"{site}/investoinnit/1000/?kausi={PERIOD}")
    cell = page.locator("#hanke-INV1601 td.num a").inner_text()
    assert cell == "-141\u00a0984"
    page.click("#hanke-INV1601 td.num a")
    assert page.inner_text("#rivisumma") == page.inner_text("#solu") == "-141\u00a0983,62"
    shown = page.locator("table.lines tbody td.num").all_inner_texts()
    assert sum(int(text.replace("\u00a0", "").replace(",", "")) for text in shown) == -14_198_362
