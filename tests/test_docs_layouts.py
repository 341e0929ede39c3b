"""docs/layouts.md is generated from the layout settings' declarations (scripts/layouts_doc.py), with a
picture of each shipped layout; the declarations, sections and placeholders agree with the code."""

from __future__ import annotations

import re

import pytest
from scripts.layouts_doc import GALLERY, PAGE, page

from toteuma.core.definition import shipped_definitions
from toteuma.core.definition.settings import SECTIONS, declared, placeholders, section_help, settings
from toteuma.core.periods import Period
from toteuma.reports.i18n import catalogue


def test_the_layouts_page_is_in_sync_with_the_declarations() -> None:
    assert PAGE.read_text(encoding="utf-8") == page(), "run: .venv/bin/python -m scripts.layouts_doc"


@pytest.mark.parametrize("name", shipped_definitions())
def test_every_shipped_layout_has_its_heading_and_its_picture(name: str) -> None:
    assert f"### `{name}`" in PAGE.read_text(encoding="utf-8")
    assert (GALLERY / f"{name}.png").is_file(), "run: .venv/bin/python -m scripts.layout_gallery"


def test_every_declared_setting_finds_its_own_declaration() -> None:
    for item in settings():
        concrete = item.path.replace("*", "x").replace("[]", "[0]")
        assert declared(concrete) == item, item.path


def test_the_sections_and_placeholders_documented_are_those_the_code_knows() -> None:
    assert tuple(name for name, _ in section_help()) == SECTIONS
    # {year-1} … {year+9} are documented once, as {year-N}.
    values = {
        "year-N" if re.fullmatch(r"year[-+][1-9]", name) else name
        for name in catalogue("fi").period_values(Period(2024, 9))
    }
    assert {name for name, _ in placeholders()} == values | {"area"}
