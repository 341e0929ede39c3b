"""Commands of the dashboard: serve, and user add."""

from __future__ import annotations

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


@user.command("add", help="Create a user with a ROLE; the password is read from standard input.")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["admin", "controller", "responsible", "reader"]))
@click.option("--unit", "units", multiple=True, help="Unit code the user answers for (repeat for several).")
@click.option("--password-stdin", is_flag=True, required=True, help="Read the password from standard input.")
def user_add(name: str, role: str, units: tuple[str, ...], password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    services.init()
    try:
        services.add_user(name, role, password, units, by="cli")
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"User {name} ({role}) created.")
