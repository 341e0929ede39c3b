"""Debian's Chromium as the tests and screenshot scripts start it: never a downloaded browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# Headless, and without the background traffic that this machine's closed network would refuse.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright: Any) -> Any:
    """A Playwright browser on Debian's Chromium."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def sign_in(page: Any, base: str, name: str) -> None:
    """Sign a demo user in (the password is the name + "-demo") and wait for the overview."""
    page.goto(f"{base}/kirjaudu/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-demo")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def shot(page: Any, base: str, url: str, path: Path, selector: str = "") -> None:
    """A screenshot of a page once its requests are done: of one element, or of the whole page."""
    page.goto(base + url)
    page.wait_for_load_state("networkidle")
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
