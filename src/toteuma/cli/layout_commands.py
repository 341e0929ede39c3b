"""Commands about report layouts: check a file, show a layout as it applies, list the shipped ones."""

from __future__ import annotations

import sys

import click

from toteuma.cli.app import EXIT_PROBLEMS, fail, main
from toteuma.services import ServiceError, layouts


@main.group(help="Report layouts (definitions): check a file, show one as it applies, list the shipped ones.")
def layout() -> None:
    """The `toteuma layout` commands (docs/layouts.md)."""


@layout.command(help="Check a layout file: every problem at once, with its line, key, code and a hint.")
@click.argument("file")
def check(file: str) -> None:
    problems = layouts.check_layout(file)
    for item in problems:
        place = ":".join(str(part) for part in (item.file, item.row) if part is not None)
        key = f" {item.column}:" if item.column else ""
        click.echo(f"{place}:{key} [{item.code}] {item.message}\n    hint: {item.hint}")
    if problems:
        click.echo(f"{len(problems)} problem(s) in {file}", err=True)
        sys.exit(EXIT_PROBLEMS)
    click.echo(f"{file}: no problems")


@layout.command(help="Print a layout (a shipped name or a file) as it applies: a complete TOML layout.")
@click.argument("name")
def show(name: str) -> None:
    try:
        click.echo(layouts.show_layout(name), nl=False)
    except ServiceError as exc:
        fail(str(exc))


@layout.command("list", help="List the shipped layouts, the default first, with what each is for.")
def list_layouts() -> None:
    for name, description in layouts.layout_list():
        click.echo(f"{name}\t{description}")
