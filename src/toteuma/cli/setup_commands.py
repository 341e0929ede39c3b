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


@main.command(help="Import an example (the reference example by default) and write its reports.")
@click.option(
    "--example",
    "example",
    help="An example of examples/ by its folder's name, e.g. the second city's (default: the reference).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the report files.",
)
def demo(example: str | None, out_dir: Path) -> None:
    try:
        result = services.run_demo(out_dir, example)
    except services.ServiceError as exc:
        fail(str(exc))
    for item in result.imports:
        state = "already imported" if item.skipped else f"{item.records} records"
        click.echo(f"  {item.kind:<12} {item.file.name:<22} {state}")
    for path in result.files:
        click.echo(f"Report ({path.suffix[1:].upper()}): {path}")


@main.command(help="List the organisation's units: code, kind and name, indented by level.")
def units() -> None:
    for depth, unit in services.unit_listing():
        click.echo(f"{'  ' * depth}{unit.code:<10} {unit.kind.value:<16} {unit.name}")
