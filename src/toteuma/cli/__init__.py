"""The `toteuma` command: parses arguments, calls one service, prints the result.

`main` lives in `app`; each `*_commands` module registers its commands on it when imported here.
"""

from toteuma.cli import (
    forecast_commands,
    import_commands,
    layout_commands,
    report_commands,
    round_commands,
    setup_commands,
    web_commands,
)
from toteuma.cli.app import main

__all__ = [
    "forecast_commands",
    "import_commands",
    "layout_commands",
    "main",
    "report_commands",
    "round_commands",
    "setup_commands",
    "web_commands",
]
