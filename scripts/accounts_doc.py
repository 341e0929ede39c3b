"""Write the default account-to-row table into docs/file-formats.md, between its markers."""

from __future__ import annotations

import re
from pathlib import Path

import django

PAGE = Path(__file__).resolve().parents[1] / "docs" / "file-formats.md"
START, END = "<!-- account-rows:start -->", "<!-- account-rows:end -->"


def page_with_table(text: str, table: str) -> str:
    """The page with the table between the markers replaced."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: f"{START}\n{table}{END}", text, count=1)


def current() -> str:
    from toteuma.services.accounts import default_table_markdown

    return page_with_table(PAGE.read_text(encoding="utf-8"), default_table_markdown())


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toteuma.settings")
    django.setup()
    PAGE.write_text(current(), encoding="utf-8")
    print(f"wrote {PAGE}")
