"""Pictures of each shipped layout's report of the reference example, for docs/layouts.md's gallery.

Run `.venv/bin/python -m scripts.layout_gallery`: it imports the example into a scratch SQLite
database, writes each shipped layout's HTML report and photographs its first figure tables in
Debian's Chromium (scripts/browser.py; never a downloaded browser).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch
from scripts.layouts_doc import GALLERY

TABLES = 3  # the first figure tables of the page: council, the unit's statement, the first area's
WIDTH = 1100


def write_reports(folder: Path) -> dict[str, Path]:
    """Each shipped layout's HTML report of the example, in `folder`."""
    os.environ["TOTEUMA_DATABASE_URL"] = f"sqlite:///{folder / 'gallery.sqlite3'}"
    from toteuma import services
    from toteuma.services.demo import DEMO_PERIOD, DEMO_UNIT, import_example

    services.init()
    import_example()
    found = {}
    for name in services.shipped_layouts():
        layout = services.get_layout(name)
        path = folder / f"{name}.html"
        path.write_bytes(
            services.render_report(services.build_report(DEMO_UNIT, DEMO_PERIOD, layout), "html", layout)
        )
        found[name] = path
    return found


def photograph(pages: dict[str, Path], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, path in pages.items():
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            page.goto(path.resolve().as_uri())
            tables = page.locator("table.figures")
            boxes = [box for i in range(min(tables.count(), TABLES)) if (box := tables.nth(i).bounding_box())]
            top = max(min(box["y"] for box in boxes) - 80, 0)
            bottom = max(box["y"] + box["height"] for box in boxes) + 16
            clip = {"x": 0, "y": top, "width": WIDTH, "height": min(bottom - top, 2400)}
            page.screenshot(path=str(out_dir / f"{name}.png"), full_page=True, clip=clip)
            page.close()
        browser.close()


def main(out_dir: Path = GALLERY) -> None:
    with tempfile.TemporaryDirectory() as folder:
        photograph(write_reports(Path(folder)), out_dir)
    print(f"pictures in {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else GALLERY)
