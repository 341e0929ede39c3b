"""Screenshots of the demo report for docs/img, taken in Debian's Chromium through Playwright.

Run `make screenshots` (it runs the demo first). Never downloads a browser: /usr/bin/chromium only.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch

# (file name, CSS selector of the element to capture, viewport width)
SHOTS = (
    ("report-title.png", "header", 1280),
    ("report-council-and-statement.png", "#talousarvio, #table-statement-1000", 1280),
    ("report-service-area.png", "#palvelualue-1600, #table-statement-1600", 1280),
    ("report-phone.png", "#palvelualue-1100, #table-statement-1100", 390),
)


def main(report: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, selector, width in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(report.resolve().as_uri())
            elements = page.locator(selector)
            boxes = [elements.nth(i).bounding_box() for i in range(elements.count())]
            boxes = [box for box in boxes if box]
            top = min(box["y"] for box in boxes) - 16
            bottom = max(box["y"] + box["height"] for box in boxes) + 16
            page.screenshot(
                path=str(out_dir / name),
                full_page=True,
                clip={"x": 0, "y": max(top, 0), "width": width, "height": bottom - max(top, 0)},
            )
            page.close()
        browser.close()
    print(f"screenshots in {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
