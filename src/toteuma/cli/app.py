"""The `toteuma` command group and what its commands share."""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

import click

EXIT_PROBLEMS = 1


def fail(message: str) -> NoReturn:
    """Print an error the user can act on and stop with exit code 1."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_PROBLEMS)


class _Commands(click.Group):
    """The command group; a failure of the database or the disk ends a command with a message.

    Any other unexpected error too, in one line (TOTEUMA_DEBUG=1 shows the traceback): a controller
    at a terminal gets what happened and what to do, never 60 lines of Python (issue 9, item 11).
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("TOTEUMA_DEBUG"):
                raise
            from toteuma import services

            fault = services.fault_of(exc)
            if fault is not None:
                fail(f"{services.FAULT_ADVICE[fault]} ({_first_line(exc)})")
            fail(f"unexpected {type(exc).__name__}: {_first_line(exc)} (TOTEUMA_DEBUG=1 shows the details)")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


@click.group(cls=_Commands, help="toteuma: budget-execution and goal reports for Finnish municipalities.")
@click.version_option(package_name="toteuma")
def main() -> None:
    """The command group; the database is TOTEUMA_DATABASE_URL (default: ./toteuma.sqlite3)."""
