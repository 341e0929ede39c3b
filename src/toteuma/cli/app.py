"""The `toteuma` command group and what its commands share: messages in the chosen language.

Every text a command prints goes through `say` / `fail` with a key of the message catalogue
(core/data/messages/cli.toml); help texts are keys too, shown in the language of `--lang` or
`TOTEUMA_LANG` (Finnish by default). docs/messages.md says how to add one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

import click

from toteuma.cli import click_words
from toteuma.core.messages import DEFAULT_LANGUAGE, LANGUAGES, language, set_language, t, use_language

EXIT_PROBLEMS = 1
click_words.install()
F = TypeVar("F", bound=Callable[..., Any])


def say(key: str, /, *, err: bool = False, **params: Any) -> None:
    """Print the message `key` (to standard error with err=True)."""
    click.echo(t(key, **params), err=err)


def fail(key: str | BaseException, /, **params: Any) -> NoReturn:
    """Print an error the user can act on (a message key, or an error whose text is one) and exit 1."""
    message = str(key) if isinstance(key, BaseException) else t(key, **params)
    click.echo(t("cli.error", message=message), err=True)
    sys.exit(EXIT_PROBLEMS)


@contextmanager
def _swapped(owner: Any, attribute: str) -> Iterator[None]:
    """The owner's help text in the language in force while click formats it."""
    original = getattr(owner, attribute)
    setattr(owner, attribute, t(original) if original else original)
    try:
        yield
    finally:
        setattr(owner, attribute, original)


class Option(click.Option):
    """An option whose help is a message key."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        with _swapped(self, "help"):
            return super().get_help_record(ctx)


class Command(click.Command):
    """A command whose help is a message key."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _swapped(self, "help"):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _swapped(self, "help"):
            return super().get_short_help_str(limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Click makes --help once, its help text in the language of that moment; ours is a key."""
        found = super().get_help_option(ctx)
        if found is not None and not isinstance(found, Option):
            found.__class__ = Option
            found.help = "cli.help.help"
        return found


class Group(Command, click.Group):
    """A group of commands whose help texts are message keys."""

    command_class = Command
    group_class = type

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """The language `--lang` chooses holds to the end of this call, usage errors included."""
        with use_language(language()):
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        """A failure of the database or the disk ends a command with a message saying what to do.

        Any other unexpected error too, in one line (TOTEUMA_DEBUG=1 shows the traceback): a
        controller at a terminal gets what happened, never 60 lines of Python (issue 9, item 11).
        """
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("TOTEUMA_DEBUG"):
                raise
            schema = type(exc).__name__ in ("OperationalError", "ProgrammingError")
            if schema and type(exc).__module__.startswith("django.db") and _outdated(exc):
                fail("cli.database_outdated", reason=_first_line(exc))
            from toteuma import services

            fault = services.fault_of(exc)
            fail(f"security.fault.{fault or 'unexpected'}", kind=type(exc).__name__, detail=_first_line(exc))


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__


def _outdated(exc: BaseException) -> bool:
    """A database whose tables are not this version's: a command before `toteuma init` after an upgrade."""
    text = str(exc).lower()
    return any(sign in text for sign in ("no such column", "no such table", "does not exist"))


def option(*names: str, **attrs: Any) -> Callable[[F], F]:
    """click.option with a help text that is a message key."""
    return click.option(*names, cls=Option, **attrs)


def _choose_language(_ctx: click.Context, _param: click.Parameter, lang: str) -> str:
    """Eager, so that `toteuma --lang en --help` is in English; kept to the end of `Group.main`, so
    that click's own usage errors, shown after the command's context closed, are in it too."""
    set_language(lang)
    return lang


@click.group(cls=Group, help="cli.help.main")
@option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=DEFAULT_LANGUAGE,
    envvar="TOTEUMA_LANG",
    show_default=True,
    is_eager=True,
    expose_value=False,
    callback=_choose_language,
    help="cli.help.lang",
)
@click.version_option(package_name="toteuma", help="cli.help.version", cls=Option)
def main() -> None:
    """The command group; the database is TOTEUMA_DATABASE_URL (default: ./toteuma.sqlite3)."""


__all__ = ["EXIT_PROBLEMS", "Command", "Group", "Option", "fail", "language", "main", "option", "say"]
