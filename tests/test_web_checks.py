"""The start-up check of the pages' scripts (web/checks.py): vega ships inside the package."""

from __future__ import annotations

import pytest

from toteuma.web import checks


def test_the_charts_scripts_come_with_the_package() -> None:
    assert checks.static_files() == []


def test_a_missing_script_is_an_error_that_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "SCRIPTS", ("vendor/vega/ei-ole.min.js",))
    (problem,) = checks.static_files()
    assert problem.id == "toteuma.E001"
    assert "vendor/vega/ei-ole.min.js" in problem.msg
    assert "make vendor-js" in (problem.hint or "")
