"""Commands about report layouts: check a file, show a layout as it applies, list the shipped ones."""

from __future__ import annotations

import sys

import click

from toteuma.cli.app import EXIT_PROBLEMS, fail, main, say
from toteuma.services import ServiceError, layouts


@main.group(help="layouts.help.group")
def layout() -> None:
    """The `toteuma layout` commands (docs/layouts.md)."""


@layout.command(help="layouts.help.check")
@click.argument("file")
def check(file: str) -> None:
    problems = layouts.check_layout(file)
    for item in problems:
        place = ":".join(str(part) for part in (item.file, item.row) if part is not None)
        key = f"{item.column}: " if item.column else ""
        say("layouts.check.problem", place=place, key=key, code=item.code, message=item.message)
        say("layouts.check.hint", hint=item.hint)
    if problems:
        say("layouts.check.count", count=len(problems), file=file, err=True)
        sys.exit(EXIT_PROBLEMS)
    say("layouts.check.ok", file=file)


@layout.command(help="layouts.help.show")
@click.argument("name")
def show(name: str) -> None:
    try:
        click.echo(layouts.show_layout(name), nl=False)
    except ServiceError as exc:
        fail(exc)


@layout.command("list", help="layouts.help.list")
def list_layouts() -> None:
    for name, description in layouts.layout_list():
        say("layouts.list.line", name=name, description=description)
