"""Issue 9, item 12: a Content-Security-Policy without inline script, style or eval; Referrer-Policy and
Permissions-Policy; and the dashboard's charts still drawn under that policy in Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

PAGES = ("/", f"/yksikko/{AREA}/?kausi={PERIOD}", "/raportit/", f"/porautuminen/{AREA}/palvelujen_ostot/tot/")


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_page_carries_the_policies(signed_in: Callable[..., Client], url: str) -> None:
    response = signed_in("talous").get(url)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    page = response.content.decode()
    # Only data blocks inline (json_script); every script that runs comes from our static files.
    for tag in re.findall(r"<script[^>]*>", page):
        assert 'type="application/json"' in tag or "src=" in tag, tag
    assert "<style" not in page
    assert " style=" not in page
    assert not re.search(r" on[a-z]+=", page)


@pytest.mark.django_db
def test_the_sign_in_page_carries_them_too() -> None:
    response = Client().get("/kirjaudu/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_report_page_allows_exactly_its_own_stylesheet(signed_in: Callable[..., Client]) -> None:
    import base64
    import hashlib

    response = signed_in("valtuutettu").get("/raportit/", {"yksikko": "1000", "kausi": PERIOD})
    policy = _directives(response["Content-Security-Policy"])
    style = re.search(rb"<style>(.*?)</style>", response.content, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1)).digest()).decode()
    assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert policy["script-src"] == ["'self'"]


@pytest.fixture
def browser_page(
    live_server: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Any, str]]:
    from playwright.sync_api import sync_playwright
    from scripts.browser import launch

    from toteuma.services.demo import add_demo_users, import_example

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_example()
    add_demo_users()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser.new_context(viewport={"width": 1280, "height": 900}).new_page(), str(live_server.url)
        browser.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_charts_draw_under_the_policy_without_a_violation(browser_page: tuple[Any, str]) -> None:
    page, site = browser_page
    said: list[str] = []
    page.on("console", lambda message: said.append(message.text))
    page.goto(f"{site}/kirjaudu/")
    page.fill("#id_username", "talous")
    page.fill("#id_password", "talous-demo")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    for url in ("/", f"/yksikko/{AREA}/?kausi={PERIOD}", f"/raportit/?yksikko=1000&kausi={PERIOD}"):
        page.goto(site + url)
        if "raportit" not in url:
            page.wait_for_selector("div.vega svg", timeout=15_000)
            assert page.locator("div.vega svg .mark-rect, div.vega svg .mark-line").count() > 0
        else:
            heading = page.locator("h1").first
            assert heading.evaluate("e => getComputedStyle(e).color") != "rgb(0, 0, 0)"  # its stylesheet ran
    violations = [text for text in said if "Content Security Policy" in text]
    assert violations == []
