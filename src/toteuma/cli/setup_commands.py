"""Commands that set up and show the database: init, demo, units."""

from __future__ import annotations

from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import fail, main


@main.command(help="Create the database or bring it up to date.")
def init() -> None:
    services.init()
    click.echo("Database ready.")


@main.command(help="Import the reference example and write its report as HTML and JSON.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the report files.",
)
def demo(out_dir: Path) -> None:
    try:
        result = services.run_demo(out_dir)
    except services.ServiceError as exc:
        fail(str(exc))
    for item in result.imports:
        state = "already imported" if item.skipped else f"{item.records} records"
        click.echo(f"  {item.kind:<12} {item.file.name:<22} {state}")
    click.echo(f"Report (HTML): {result.html}")
    click.echo(f"Report (JSON): {result.json}")


@main.command(help="List the organisation's units: code, kind and name, indented by level.")
def units() -> None:
    for depth, unit in services.unit_listing():
        click.echo(f"{'  ' * depth}{unit.code:<10} {unit.kind.value:<16} {unit.name}")
