"""Commands of the dashboard: serve, and users (add, list, remove, set-role, set-password, unlock)."""

from __future__ import annotations

import os
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


ROLES = click.Choice(["admin", "controller", "responsible", "reader"])


def _by() -> str:
    """Who made the change, for the audit log: the operating-system user at the terminal."""
    return f"cli:{os.environ.get('USER', '') or 'unknown'}"


@user.command("add", help="cli.help.user_add")
@click.argument("name")
@option("--role", required=True, type=ROLES, help="cli.help.user_role")
@option("--unit", "units", multiple=True, help="cli.help.user_unit")
@option("--password-stdin", is_flag=True, required=True, help="cli.help.user_password_stdin")
def user_add(name: str, role: str, units: tuple[str, ...], password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    services.init()
    try:
        services.add_user(name, role, password, units, by=_by())
    except services.ServiceError as exc:
        fail(exc)
    say("cli.web.user_added", name=name, role=t(f"roles.{role}"))


@user.command("list", help="security.help.user_list")
def user_list() -> None:
    for found in services.list_users():
        units = t("security.user.units", units=found.units) if found.units else ""
        click.echo(f"{found.name:<24} {t(f'roles.{found.role}'):<24}{units}")


@user.command("remove", help="security.help.user_remove")
@click.argument("name")
def user_remove(name: str) -> None:
    try:
        services.remove_user(name, by=_by())
    except services.ServiceError as exc:
        fail(exc)
    say("security.user.removed", name=name)


@user.command("set-role", help="security.help.user_set_role")
@click.argument("name")
@option("--role", required=True, type=ROLES, help="cli.help.user_role")
@option("--unit", "units", multiple=True, help="cli.help.user_unit")
def user_set_role(name: str, role: str, units: tuple[str, ...]) -> None:
    try:
        found = services.set_role(name, role, units or None, by=_by())
    except services.ServiceError as exc:
        fail(exc)
    units_text = t("security.user.units", units=found.units) if found.units else ""
    say("security.user.role_set", name=name, role=t(f"roles.{role}"), units=units_text)


@user.command("set-password", help="security.help.user_set_password")
@click.argument("name")
@option("--password-stdin", is_flag=True, required=True, help="cli.help.user_password_stdin")
def user_set_password(name: str, password_stdin: bool) -> None:
    password = sys.stdin.readline().rstrip("\n")
    try:
        services.set_password(name, password, by=_by())
    except services.ServiceError as exc:
        fail(exc)
    say("security.user.password_set", name=name)


@user.command("unlock", help="security.help.user_unlock")
@click.argument("name")
def user_unlock(name: str) -> None:
    removed = services.unlock(name, by=_by())
    say("security.user.unlocked", name=name, count=removed)
