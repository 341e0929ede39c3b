"""Screenshots of each dashboard page type into docs/img/web-*.png, taken in Debian's Chromium.

.venv/bin/toteuma demo && .venv/bin/toteuma serve --port 8765 &
.venv/bin/python -m scripts.web_screenshots http://127.0.0.1:8765 docs/img
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch

DRILL = "/porautuminen/1300/palvelujen_ostot/tot/"
PAGES = {
    "overview": "/?kausi=2024-03",
    "unit": "/yksikko/1300/?kausi=2024-03",
    "drill": f"{DRILL}?kausi=2024-03",
    "lines": f"{DRILL}rivit/?kausi=2024-03",
    "imports": "/tuonnit/",
    "reports": "/raportit/",
    "audit": "/loki/",
}


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(f"{base}/kirjaudu/")
        page.screenshot(path=str(out / "web-sign-in.png"))
        page.fill("#id_username", "talous")
        page.fill("#id_password", "talous-demo")
        page.click("main button[type=submit]")
        page.wait_for_url(f"{base}/")
        for name, url in PAGES.items():
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"web-{name}.png"), full_page=name != "unit")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base + PAGES["overview"])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(out / "web-overview-phone.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
