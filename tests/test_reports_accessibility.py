"""axe-core in Debian's Chromium over the reference example's HTML report, every language: no violations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from scripts.browser import AXE, launch

from demo_report import demo_content
from toteuma.core.definition import load_definition as load_layout
from toteuma.core.definition import shipped_definitions
from toteuma.core.report import ReportContent
from toteuma.services import build_report, render_report

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def pages(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, str]]:
    """The HTML per language, and each shipped layout's in Finnish; built before the browser runs."""
    with demo_content(django_db_blocker) as content, django_db_blocker.unblock():
        yield _pages(content)


def _pages(content: ReportContent) -> dict[str, str]:
    found = {lang: render_report(content, "html", lang=lang).decode() for lang in ("fi", "sv", "en")}
    for name in shipped_definitions():
        layout = load_layout(name)
        own = build_report(content.unit.code, content.period, layout)
        found[f"layout:{name}"] = render_report(own, "html", layout).decode()
    return found


def _axe(html: str, width: int) -> tuple[list[dict[str, Any]], list[str]]:
    """axe's violations, and every request the page tried to make (it must make none)."""
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.on("request", lambda request: requests.append(request.url))
        page.set_content(html)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        browser.close()
    return result["violations"], [url for url in requests if not url.startswith(("data:", "about:"))]


def _summary(violations: list[dict[str, Any]]) -> str:
    return json.dumps(
        [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"][:5]]} for v in violations], indent=1
    )


@pytest.mark.browser
@pytest.mark.parametrize(("name", "width"), [("fi", 1280), ("fi", 390), ("sv", 1280), ("en", 1280)])
def test_axe_finds_no_violations(pages: dict[str, str], name: str, width: int) -> None:
    violations, requests = _axe(pages[name], width)
    assert violations == [], _summary(violations)
    assert requests == []


@pytest.mark.browser
@pytest.mark.parametrize("layout", shipped_definitions())
def test_axe_finds_no_violations_in_any_shipped_layout(pages: dict[str, str], layout: str) -> None:
    # Column groups (quarterly), sub-rows and first-line totals (committee-year-end), thousands, ...
    violations, _ = _axe(pages[f"layout:{layout}"], 1280)
    assert violations == [], _summary(violations)
