"""The `toteuma` command group and what its commands share."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

EXIT_PROBLEMS = 1


def fail(message: str) -> NoReturn:
    """Print an error the user can act on and stop with exit code 1."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_PROBLEMS)


@click.group(help="toteuma: budget-execution and goal reports for Finnish municipalities.")
@click.version_option(package_name="toteuma")
def main() -> None:
    """The command group; the database is TOTEUMA_DATABASE_URL (default: ./toteuma.sqlite3)."""
