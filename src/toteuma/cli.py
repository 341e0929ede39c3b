"""The `toteuma` command: parses arguments, calls one service, prints the result."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toteuma import services
from toteuma.core.periods import Period

EXIT_PROBLEMS = 1


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_PROBLEMS)


@click.group(help="toteuma: budget-execution and goal reports for Finnish municipalities.")
@click.version_option(package_name="toteuma")
def main() -> None:
    """The command group; the database is TOTEUMA_DATABASE_URL (default: ./toteuma.sqlite3)."""


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
        _fail(str(exc))
        return
    for item in result.imports:
        state = "already imported" if item.skipped else f"{item.records} records"
        click.echo(f"  {item.kind:<12} {item.file.name:<22} {state}")
    click.echo(f"Report (HTML): {result.html}")
    click.echo(f"Report (JSON): {result.json}")


@main.command("import", help="Import a file of KIND (CSV or XLSX). Nothing is imported if it has problems.")
@click.argument("kind", type=click.Choice(services.IMPORT_KINDS))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--encoding", help="Text encoding of a CSV file, e.g. utf-8 or cp1252 (default: detected).")
def import_(kind: str, file: Path, encoding: str | None) -> None:
    try:
        result = services.import_file(kind, file, encoding=encoding)
    except services.ServiceError as exc:
        _fail(str(exc))
        return
    if result.problems:
        for item in result.problems:
            click.echo(str(item), err=True)
        _fail(f"{len(result.problems)} problem(s) in {file}; nothing was imported.")
    if result.skipped:
        click.echo(f"{file} was imported before (same content); nothing to do.")
        return
    click.echo(f"Imported {result.records} {kind} records from {file}.")


@main.command(help="List the organisation's units: code, kind and name, indented by level.")
def units() -> None:
    for depth, unit in services.unit_listing():
        click.echo(f"{'  ' * depth}{unit.code:<10} {unit.kind.value:<16} {unit.name}")


@main.command(help="Write the report of a unit at a month-end.")
@click.option("--unit", required=True, help="Unit code or its exact name.")
@click.option("--period", required=True, help="Month-end as YYYY-MM, e.g. 2024-03.")
@click.option("--format", "fmt", type=click.Choice(services.FORMATS), default="html", show_default=True)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: standard output).",
)
def report(unit: str, period: str, fmt: str, out_file: Path | None) -> None:
    try:
        parsed = Period.parse(period)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from exc
    try:
        data = services.render_report(services.build_report(unit, parsed), fmt)
    except services.ServiceError as exc:
        _fail(str(exc))
        return
    if out_file is None:
        sys.stdout.buffer.write(data)
    else:
        out_file.write_bytes(data)
        click.echo(f"Wrote {out_file}", err=True)
