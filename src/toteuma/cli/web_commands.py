"""Commands of the dashboard: serve, and user add."""

from __future__ import annotations

import sys

import click

from toteuma import services
from toteuma.cli.app import fail, main, option, say
from toteuma.core.messages import t


@main.command(help="cli.help.serve")
@option("--port", default=8000, show_default=True, help="cli.help.serve_port")
def serve(port: int) -> None:
    from django.core.management import call_command

    services.init()
    say("cli.web.serving", url=f"http://127.0.0.1:{port}/")
    # insecure: the development server serves the static files itself (production uses whitenoise).
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True)


@main.group(help="cli.help.user")
def user() -> None:
    """Users and their roles."""


@user.command("add", help="cli.help.user_add")
@click.argument("name")
@option(
    "--role",
    required=True,
    type=click.Choice(["admin", "controller", "responsible", "reader"]),
    help="cli.help.user_role",
)
@option("--unit", "units", multiple=True, help="cli.help.user_unit")
@option("--password-stdin", is_flag=True, required=True, help="cli.help.user_password_stdin")
def user_add(name: str, role: str, units: tuple[str, ...], password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    services.init()
    try:
        services.add_user(name, role, password, units, by="cli")
    except services.ServiceError as exc:
        fail(exc)
    say("cli.web.user_added", name=name, role=t(f"roles.{role}"))
