"""docs/layouts.md documents every layout setting, figure, section and shipped layout (nothing drifts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toteuma.core.layout import ALL_SECTIONS, FIGURES, KNOWN_SETTINGS, shipped_layouts

DOC = (Path(__file__).parents[1] / "docs" / "layouts.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(KNOWN_SETTINGS | FIGURES | set(ALL_SECTIONS)))
def test_every_setting_figure_and_section_is_documented(name: str) -> None:
    assert f"| `{name}` |" in DOC


@pytest.mark.parametrize("name", shipped_layouts())
def test_every_shipped_layout_has_its_own_heading(name: str) -> None:
    assert f"### `{name}`" in DOC
