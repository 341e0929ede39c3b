"""Commands of the dashboard: serve, and users (add, list, remove, set-role, set-password, unlock)."""

from __future__ import annotations

import os
import sys

import click

from toteuma import services
from toteuma.cli.app import fail, main


@main.command(help="Run the dashboard on this machine (Django's development server, 127.0.0.1 only).")
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
def serve(port: int) -> None:
    from django.core.management import call_command

    services.init()
    click.echo(f"Johdon työpöytä: http://127.0.0.1:{port}/  (Ctrl-C stops)")
    # insecure: the development server serves the static files itself (production uses whitenoise).
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True)


@main.group(help="Manage users of the dashboard.")
def user() -> None:
    """Users and their roles."""


ROLES = click.Choice(["admin", "controller", "responsible", "reader"])
_UNITS = "Unit code the user answers for (repeat for several)."
_STDIN = "Read the password from standard input (never from the command line, where others see it)."


def _by() -> str:
    """Who made the change, for the audit log: the operating-system user at the terminal."""
    return f"cli:{os.environ.get('USER', '') or 'unknown'}"


@user.command("add", help="Create a user with a ROLE; the password is read from standard input.")
@click.argument("name")
@click.option("--role", required=True, type=ROLES)
@click.option("--unit", "units", multiple=True, help=_UNITS)
@click.option("--password-stdin", is_flag=True, required=True, help=_STDIN)
def user_add(name: str, role: str, units: tuple[str, ...], password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    services.init()
    try:
        services.add_user(name, role, password, units, by=_by())
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"User {name} ({role}) created.")


@user.command("list", help="Every user with role and units.")
def user_list() -> None:
    for found in services.list_users():
        units = f"  units {', '.join(found.units)}" if found.units else ""
        click.echo(f"{found.name:<24} {found.role:<12}{units}")


@user.command("remove", help="Delete a user; texts they wrote keep their name in the drafts and the log.")
@click.argument("name")
def user_remove(name: str) -> None:
    try:
        services.remove_user(name, by=_by())
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"User {name} removed.")


@user.command("set-role", help="Change a user's ROLE; --unit (repeated) replaces the units they answer for.")
@click.argument("name")
@click.option("--role", required=True, type=ROLES)
@click.option("--unit", "units", multiple=True, help=_UNITS)
def user_set_role(name: str, role: str, units: tuple[str, ...]) -> None:
    try:
        found = services.set_role(name, role, units or None, by=_by())
    except services.ServiceError as exc:
        fail(str(exc))
    units_text = f", units {', '.join(found.units)}" if found.units else ""
    click.echo(f"User {name} is now {role}{units_text}.")


@user.command("set-password", help="Give a user a new password, read from standard input.")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, required=True, help=_STDIN)
def user_set_password(name: str, password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    try:
        services.set_password(name, password, by=_by())
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"Password of {name} changed; their other sessions have ended.")


@user.command("unlock", help="End a sign-in lockout of a user name (after too many wrong passwords).")
@click.argument("name")
def user_unlock(name: str) -> None:
    removed = services.unlock(name, by=_by())
    click.echo(f"Sign-in of {name} unlocked ({removed} lockout record(s) removed).")
