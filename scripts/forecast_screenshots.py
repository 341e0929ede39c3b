"""Screenshots of issue 10's pages into docs/img/web-forecast-*.png, in Debian's Chromium, on the demo data.

.venv/bin/toteuma demo
.venv/bin/toteuma serve --port 8765 &
.venv/bin/python -m scripts.forecast_screenshots http://127.0.0.1:8765 docs/img

A responsible writes an own forecast of one row and sends it, a controller approves it; then the
overview (with its alert counts), the unit page's forecast, the forecast page and the alerts page are
taken, and the unit page's forecast once more at 390 px.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from scripts.browser import launch, shot, sign_in

PERIOD = "2024-03"
AREA = "1300"
ROW = "palvelujen_ostot"


def _own_forecast(page: Any, base: str) -> None:
    """lakimies forecasts the area's purchases of services; talous approves it."""
    sign_in(page, base, "lakimies")
    page.goto(f"{base}/yksikko/{AREA}/ennusteet/?kausi={PERIOD}")
    page.fill(f"#summa-{ROW}", "-230 000")
    page.fill(f"#perustelu-{ROW}", "Kilpailutusten konsulttipalvelut (noin 30 t€) laskutetaan syksyllä.")
    page.locator(f"#ennuste-{ROW} button", has_text="Tallenna luonnos").click()
    page.locator(f"#ennuste-{ROW} button[value=laheta]").click()
    page.click("text=Kirjaudu ulos")
    sign_in(page, base, "talous")
    page.goto(f"{base}/yksikko/{AREA}/ennusteet/?kausi={PERIOD}")
    page.locator(f"#ennuste-{ROW} button[value=hyvaksy]").click()


def main(base: str, out: Path) -> None:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        _own_forecast(page, base)
        shot(page, base, f"/?kausi={PERIOD}", out / "web-forecast-overview.png", "main")
        shot(page, base, f"/yksikko/{AREA}/?kausi={PERIOD}", out / "web-forecast-unit.png", "section#ennuste")
        shot(
            page,
            base,
            f"/yksikko/{AREA}/ennusteet/?kausi={PERIOD}",
            out / "web-forecast-rows.png",
            "table#ennusteet",
        )
        shot(page, base, f"/halytykset/?kausi={PERIOD}", out / "web-forecast-alerts.png")
        page.set_viewport_size({"width": 390, "height": 800})
        shot(
            page,
            base,
            f"/yksikko/{AREA}/?kausi={PERIOD}",
            out / "web-forecast-unit-phone.png",
            "section#ennuste",
        )
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
