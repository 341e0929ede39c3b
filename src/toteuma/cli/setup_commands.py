"""Commands that set up and show the database: init, demo, units."""

from __future__ import annotations

from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import fail, main, option, say
from toteuma.core.messages import t


@main.command(help="cli.help.init")
def init() -> None:
    services.init()
    say("cli.setup.ready")


@main.command(help="cli.help.demo")
@option("--example", "example", help="cli.help.demo_example")
@option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="cli.help.demo_out",
)
def demo(example: str | None, out_dir: Path) -> None:
    try:
        result = services.run_demo(out_dir, example)
    except services.ServiceError as exc:
        fail(exc)
    for item in result.imports:
        state = t("cli.setup.already") if item.skipped else t("cli.setup.records", count=item.records)
        click.echo(f"  {t(f'kinds.{item.kind}'):<14} {item.file.name:<22} {state}")
    for path in result.files:
        say("cli.setup.report", format=path.suffix[1:].upper(), file=path)


@main.command(help="cli.help.accounts")
@option("--chart", is_flag=True, help="cli.help.accounts_chart")
def accounts(chart: bool) -> None:
    mapping, imported = services.mapping_in_force()
    if chart:
        rows = services.account_chart()
        if not rows:
            say("cli.accounts.no_chart")
        for placed in rows:
            click.echo(f"{placed.account:>6} {placed.name:<40} → {placed.where}")
        return
    say("cli.accounts.imported" if imported else "cli.accounts.shipped", name=mapping.name)
    for first, last in mapping.balance_sheet:
        click.echo(f"  {first}–{last}  {t('services.accounts.balance_sheet')}")
    for item in services.account_ranges(mapping):
        click.echo(f"  {item.first}–{item.last}  {item.label:<45} {item.row}")


@main.command(help="cli.help.units")
def units() -> None:
    for depth, unit in services.unit_listing():
        click.echo(f"{'  ' * depth}{unit.code:<10} {unit.kind.value:<16} {unit.name}")
