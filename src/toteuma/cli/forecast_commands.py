"""Commands about forecasts and alerts: `toteuma forecast backtest` and `toteuma alerts`."""

from __future__ import annotations

import json

import click

from toteuma.cli.app import fail, main, option, say
from toteuma.core.forecast import ALL_KINDS, COMPUTED, DEFAULT, MONTHS, Table, percent
from toteuma.core.messages import language, t
from toteuma.core.periods import Period
from toteuma.core.problems import ProblemError
from toteuma.services import ServiceError, alerts, forecasts

KINDS = ("income", "costs", "other", ALL_KINDS)
METHODS = (*(method.value for method in COMPUTED), DEFAULT)


def _period(text: str | None) -> Period | None:
    if text is None:
        return None
    try:
        return Period.parse(text)
    except ProblemError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc


@main.group(help="forecast.cli.help.group")
def forecast() -> None:
    """The `toteuma forecast` commands (docs/forecasting.md)."""


@forecast.command(help="forecast.cli.help.backtest")
@option("--period", help="forecast.cli.help.backtest_period")
def backtest(period: str | None) -> None:
    try:
        found = forecasts.backtest(_period(period))
    except ServiceError as exc:
        fail(exc)
    if not found.table:
        fail("forecast.cli.backtest.nothing", period=str(found.period))
    years = f"{found.years[0]}–{found.years[-1]}" if len(found.years) > 1 else str(found.years[0])
    say("forecast.cli.backtest.title", years=years, count=found.cases, period=str(found.period))
    for line in table_lines(found.table):
        click.echo(line)
    say("forecast.cli.backtest.legend")


def _cell(table: Table, method: str, kind: str, month: int, bias: bool) -> str:
    found = table.get((method, kind, month))
    if found is None:
        return "–"
    text = str(percent(found.bias if bias else found.mape))
    return text if language() == "en" else text.replace(".", ",")


def table_lines(table: Table) -> list[str]:
    """The backtest as a Markdown table: kind, method, measure, then one column per month."""
    months = " | ".join(str(month) for month in range(1, MONTHS + 1))
    head = f"| {t('forecast.cli.backtest.kind')} | {t('forecast.cli.backtest.method')} | | {months} |"
    lines = [head, "|" + "---|" * 3 + "---:|" * MONTHS]
    for kind in KINDS:
        for method in METHODS:
            if not any((method, kind, month) in table for month in range(1, MONTHS + 1)):
                continue
            for bias in (False, True):
                cells = " | ".join(_cell(table, method, kind, month, bias) for month in range(1, MONTHS + 1))
                what = t("forecast.cli.backtest.bias" if bias else "forecast.cli.backtest.mape")
                label = t(f"forecast.kind.{kind}") if not bias else ""
                name = t(f"forecast.method.{method}") if not bias else ""
                lines.append(f"| {label} | {name} | {what} | {cells} |")
    return lines


@main.command("alerts", help="forecast.cli.help.alerts")
@option("--period", required=True, help="forecast.cli.help.alerts_period")
@option("--unit", "units", multiple=True, help="forecast.cli.help.alerts_unit")
@option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="forecast.cli.help.alerts_format",
)
def alerts_command(period: str, units: tuple[str, ...], fmt: str) -> None:
    chosen = _period(period)
    assert chosen is not None
    try:
        found = alerts.alerts(chosen, list(units) or None, language())
    except ServiceError as exc:
        fail(exc)
    if fmt == "json":
        click.echo(json.dumps([item.as_json() for item in found], ensure_ascii=False, indent=2))
        return
    for item in found:
        say("forecast.cli.alerts.line", rule=t(f"forecast.rule.{item.rule.value}"), message=item.message)
    say("forecast.cli.alerts.count", count=len(found), period=str(chosen))
