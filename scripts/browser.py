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
