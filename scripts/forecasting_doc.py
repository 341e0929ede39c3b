"""Write the generated parts of docs/forecasting.md: the settings table, and the backtest table that
`toteuma forecast backtest` prints for the reference example (imported into a scratch database).

Run `.venv/bin/python -m scripts.forecasting_doc` (part of `make docs`); tests/test_docs_forecasting.py
keeps the page in sync.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from toteuma.core.forecast import DECLARED

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "forecasting.md"


def settings_table() -> str:
    lines = ["| setting | environment variable | default | what it does |", "|---|---|---|---|"]
    for item in DECLARED:
        lines.append(f"| `{item.name}` | `TOTEUMA_{item.name.upper()}` | `{item.default}` | {item.help} |")
    return "\n".join(lines)


def backtest_table() -> str:
    """What `toteuma --lang en forecast backtest` prints for the example, as the page quotes it."""
    from click.testing import CliRunner

    with tempfile.TemporaryDirectory() as folder:
        os.environ["TOTEUMA_DATABASE_URL"] = f"sqlite:///{Path(folder) / 'backtest.sqlite3'}"
        from toteuma import services
        from toteuma.cli import main
        from toteuma.services.demo import find_example, import_example

        services.init()
        import_example(find_example(None).folder)
        result = CliRunner().invoke(main, ["--lang", "en", "forecast", "backtest"])
        assert result.exit_code == 0, result.output
        return result.output.rstrip("\n")


def replace(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)", re.DOTALL)
    return pattern.sub(lambda match: match.group(1) + body + match.group(2), text)


def page(backtest: str | None = None) -> str:
    text = PAGE.read_text(encoding="utf-8")
    text = replace(text, "settings", settings_table())
    return replace(text, "backtest", "```\n" + (backtest or backtest_table()) + "\n```")


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE}")
