"""Commands that bring files in: import."""

from __future__ import annotations

from pathlib import Path

import click

from toteuma import services
from toteuma.cli.app import fail, main


@main.command("import", help="Import a file of KIND (CSV or XLSX). Nothing is imported if it has problems.")
@click.argument("kind", type=click.Choice(services.IMPORT_KINDS))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--encoding", help="Text encoding of a CSV file, e.g. utf-8 or cp1252 (default: detected).")
def import_(kind: str, file: Path, encoding: str | None) -> None:
    try:
        result = services.import_file(kind, file, encoding=encoding)
    except services.ServiceError as exc:
        fail(str(exc))
    if result.problems:
        for item in result.problems:
            click.echo(str(item), err=True)
        fail(f"{len(result.problems)} problem(s) in {file}; nothing was imported.")
    if result.skipped:
        click.echo(f"{file} was imported before (same content); nothing to do.")
        return
    click.echo(f"Imported {result.records} {kind} records from {file}.")
