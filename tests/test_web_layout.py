"""Every page at 1 280 and 390 px in Finnish, Swedish and English: nothing wider than the screen, nothing
cut, and no raw code or English on a Finnish page (the rendered text against a list of known codes)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from scripts.browser import launch

from webdemo import AREA, PERIOD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
PAGES = {
    "overview": "/",
    "unit": f"/yksikko/{AREA}/?kausi={PERIOD}",
    "drill": f"/porautuminen/{AREA}/palvelujen_ostot/tot/?kausi={PERIOD}",
    "lines": f"/porautuminen/{AREA}/palvelujen_ostot/tot/rivit/?kausi={PERIOD}",
    "imports": "/tuonnit/",
    "rollback": "/tuonnit/BATCH/peru/",
    "reports": "/raportit/",
    "audit": "/loki/",
    "no-such-unit": "/yksikko/nosuch/",
    "forecasts": f"/yksikko/{AREA}/ennusteet/?kausi={PERIOD}",
    "alerts": f"/halytykset/?kausi={PERIOD}",
    "report": f"/raportit/?yksikko=1000&kausi={PERIOD}&muoto=html&kieli=LANG",
}
# Codes the program uses inside that a Finnish page must show in words. A file name such as
# ledger-2024.csv is not a code: a code stands alone (no letter, digit, dot or hyphen around it).
RAW_CODES = (
    "ledger", "budget", "accounts", "units", "mapping", "commentary", "investments", "goals", "metrics",
    "reference", "year-end", "gross-binding", "controller", "responsible", "reader", "council",
    "import.rollback", "draft.save", "user.add", "total_cents", "batch_id", "None", "True", "False",
    "FI", "SV", "EN", "seasonal", "run-rate", "own", "mixed", "history", "monthly-budget", "even",
    "over-appropriation", "income-short", "ahead-of-profile", "past-year-budget", "no-budget",
)  # fmt: skip
ENGLISH = ("the", "and", "may not", "Error", "unknown", "Submit", "Forbidden", "Page", "not found")
_ALONE = r"(?<![\w.\-]){}(?![\w\-]|\.\w)"


@pytest.fixture
def site(live_server: Any, settings: Any) -> str:
    from toteuma.services.demo import add_demo_users, import_example

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_example()
    add_demo_users()
    return str(live_server.url)


@pytest.fixture
def browser(site: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        found = launch(playwright)
        yield found
        found.close()


def _signed_in(browser: Any, site: str, language: str, width: int, user: str = "talous") -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page = context.new_page()
    page.goto(f"{site}/kirjaudu/")
    page.fill("#id_username", user)
    page.fill("#id_password", f"{user}-demo")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    return page


# What sticks out: the document wider than the window, or an element (a chart, a form field) reaching
# past the window's right edge without a scrolling region of its own around it.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const page = document.documentElement.scrollWidth;
  if (page > width + 1) found.push("page " + page);
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let scroller = element.parentElement, inside = false;
    while (scroller) {
      const style = getComputedStyle(scroller);
      const scrolls = ["auto", "scroll"].includes(style.overflowX);
      if (scrolls && scroller.scrollWidth > scroller.clientWidth) { inside = true; break; }
      scroller = scroller.parentElement;
    }
    const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "");
    if (!inside) found.push(name + "." + (element.getAttribute("class") || "") + " " + Math.round(box.right));
  }
  return found.slice(0, 5);
}"""

# At 1 280 px a table's scrolling region shows the whole table: nothing of it is cut off to the right.
_CUT = """() => [...document.querySelectorAll(".table-scroll, .scroll")]
  .filter(region => region.scrollWidth > region.clientWidth + 1)
  .map(region => (region.querySelector("table") || region).className + " "
       + region.scrollWidth + ">" + region.clientWidth)"""

# Everything a reader gets as text: the visible text, the options of the lists, labels for screen readers.
_TEXT = """() => [document.title, document.body.innerText,
  ...[...document.querySelectorAll("option")].map(o => o.textContent),
  ...[...document.querySelectorAll("[aria-label]")]
     .filter(e => !e.closest("[aria-hidden=true]") && !e.parentElement?.closest("[role=img]"))
     .map(e => e.getAttribute("aria-label"))].join("\\n")"""


def _problems(page: Any, language: str) -> list[str]:
    found = [f"sticks out: {item}" for item in page.evaluate(_OVERFLOW)]
    if page.viewport_size["width"] >= 1280:
        found += [f"cut: {item}" for item in page.evaluate(_CUT)]
    if language == "fi":
        text = page.evaluate(_TEXT)
        found += [
            f"raw code {code!r}" for code in RAW_CODES if re.search(_ALONE.format(re.escape(code)), text)
        ]
        found += [f"English {word!r}" for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_fits_the_screen_and_speaks_finnish_without_codes(
    browser: Any, site: str, language: str
) -> None:
    from toteuma.storage import batches

    batch = str(batches()[0].id)
    found: dict[str, list[str]] = {}
    for width in WIDTHS:
        page = _signed_in(browser, site, language, width)
        for name, url in PAGES.items():
            page.goto(site + url.replace("BATCH", batch).replace("LANG", language))
            page.wait_for_load_state("networkidle")
            if problems := _problems(page, language):
                found[f"{name} at {width} px"] = problems
        page.goto(f"{site}/")
        menu = page.locator("select[name=language] option").all_inner_texts()
        assert [item.strip() for item in menu] == ["suomi", "svenska", "English"]  # each in its own words
        page.context.close()
        refused = _signed_in(browser, site, language, width, "digi")  # a responsible: the log is not theirs
        refused.goto(f"{site}/loki/")
        if problems := _problems(refused, language):
            found[f"403 at {width} px"] = problems
        refused.context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_scan_finds_a_raw_code_and_english(browser: Any, site: str) -> None:
    """The checks above can fail: a page with a code, an English word and a too wide table."""
    page = browser.new_page(viewport={"width": 390, "height": 900})  # a blank page: no site's CSP
    page.set_content(
        '<html lang="fi"><body><p>Laji: ledger. Rooli (controller). The file</p>'
        '<table style="width:900px"><tr><td>x</td></tr></table></body></html>'
    )
    problems = _problems(page, "fi")
    assert "raw code 'ledger'" in problems
    assert "raw code 'controller'" in problems
    assert "English 'the'" not in problems  # case matters: "The" is caught only as written
    assert any(item.startswith("sticks out: page") for item in problems)
    page.context.close()
