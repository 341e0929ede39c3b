"""cli/forecast_commands.py: the backtest table's shape and the alerts command's usage errors."""

from __future__ import annotations

from fractions import Fraction

from click.testing import CliRunner

from toteuma.cli import main
from toteuma.cli.forecast_commands import table_lines
from toteuma.core.forecast import Errors
from toteuma.core.messages import use_language


def test_a_bad_period_is_a_usage_error_in_the_users_language() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "alerts", "--period", "2024-13"])
    assert result.exit_code == 2
    assert "Invalid value for --period: month must be 1..12, got 13" in result.output


def test_the_backtest_table_has_a_column_per_month_and_a_dash_where_a_method_cannot_tell() -> None:
    table = {("run-rate", "costs", 3): Errors(2, Fraction(1, 8), Fraction(-1, 40))}
    with use_language("fi"):
        lines = table_lines(table)
    assert lines[0] == "| rivilaji | menetelmä | | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |"
    assert (
        lines[2] == "| menot | toteutumavauhti | MAPE % | – | – | 12,5 | – | – | – | – | – | – | – | – | – |"
    )
    assert lines[3] == "|  |  | harha % | – | – | -2,5 | – | – | – | – | – | – | – | – | – |"
    assert len(lines) == 4
