"""Screenshots of issue 12's pages into docs/img/web-*.png, in Debian's Chromium, on the demo database.

.venv/bin/toteuma demo && .venv/bin/toteuma round open 2024-03 --deadline 2024-04-15 --unit 1300 --unit 1400
.venv/bin/toteuma serve --port 8765 &
.venv/bin/python -m scripts.followup_screenshots http://127.0.0.1:8765 docs/img
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch, shot, sign_in

PERIOD = "2024-03"


def main(base: str, out: Path) -> None:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        sign_in(page, base, "lakimies")
        shot(page, base, f"/?kausi={PERIOD}", out / "web-my-units.png", "section.my-units")
        page.goto(f"{base}/yksikko/1300/?kausi={PERIOD}")
        page.fill("#teksti-commentary", "Hankintapalveluiden ostot kasvoivat kilpailutusten vuoksi.")
        page.click("text=Tallenna luonnos")
        page.click("button[value=laheta]")
        page.click("text=Kirjaudu ulos")
        sign_in(page, base, "talous")
        shot(page, base, "/saapuneet/", out / "web-inbox.png")
        goal = page.goto(f"{base}/yksikko/1000/?kausi={PERIOD}")
        assert goal is not None
        article = page.locator("article.goal", has=page.locator("table.metric-values")).last
        page.wait_for_load_state("networkidle")
        article.screenshot(path=str(out / "web-goal-metrics.png"))
        shot(page, base, f"/investoinnit/1000/?kausi={PERIOD}", out / "web-investments.png")
        shot(page, base, f"/muutokset/1000/?kausi={PERIOD}", out / "web-amendments.png")
        shot(page, base, f"/hankkeet/?kausi={PERIOD}", out / "web-projects.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
