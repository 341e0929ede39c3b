"""docs/forecasting.md: its settings table and its backtest table are what the code declares and what
`toteuma forecast backtest` prints for the reference example."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from scripts.forecasting_doc import PAGE, page

from toteuma.cli import main
from toteuma.core.forecast import DECLARED
from toteuma.services.demo import find_example, import_example


def _block(name: str) -> str:
    found = re.search(
        rf"<!-- {name}:start -->\n(.*?)\n<!-- {name}:end -->", PAGE.read_text("utf-8"), re.DOTALL
    )
    assert found is not None, name
    return found.group(1)


def test_every_setting_is_documented_with_its_default() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert text == page(_block("backtest").strip("`\n")), "run: .venv/bin/python -m scripts.forecasting_doc"
    for item in DECLARED:
        assert f"| `{item.name}` | `TOTEUMA_{item.name.upper()}` | `{item.default}` |" in text


@pytest.mark.django_db(transaction=True)
def test_the_backtest_table_is_what_the_command_prints_for_the_example() -> None:
    import_example(find_example(None).folder)
    result = CliRunner().invoke(main, ["--lang", "en", "forecast", "backtest"])
    assert result.exit_code == 0, result.output
    assert _block("backtest") == "```\n" + result.output.rstrip("\n") + "\n```"
