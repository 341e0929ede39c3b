"""Reporting rounds from the command line: open one, remind of its deadline, users' e-mail addresses."""

from __future__ import annotations

from datetime import date

import click
from django.utils import timezone

from toteuma import services
from toteuma.cli.app import fail, main
from toteuma.cli.web_commands import user
from toteuma.core.periods import Period
from toteuma.services import inbox


def _day(text: str | None) -> date:
    try:
        return date.fromisoformat(text) if text else timezone.localdate()
    except ValueError:
        fail(f"{text!r} is not a date; write it as YYYY-MM-DD, for example 2024-04-15")


@main.group("round", help="Reporting rounds: the period, its deadline and the units asked for texts.")
def round_group() -> None:
    """Reporting rounds."""


@round_group.command("open", help="Open (or change) the round of PERIOD (YYYY-MM).")
@click.argument("period")
@click.option("--deadline", required=True, help="The last day to send texts for review, YYYY-MM-DD.")
@click.option("--unit", "units", multiple=True, required=True, help="Unit code the round covers (repeat).")
def round_open(period: str, deadline: str, units: tuple[str, ...]) -> None:
    services.init()
    try:
        found = inbox.open_round(inbox.COMMAND_LINE, Period.parse(period), _day(deadline), list(units))
    except (services.ServiceError, ValueError) as exc:
        fail(str(exc))
    click.echo(f"Round {found.period} open until {found.deadline.isoformat()}: {', '.join(found.units)}.")


@round_group.command("list", help="Every round, newest first.")
def round_list() -> None:
    services.init()
    for item in inbox.rounds():
        click.echo(f"{item.period}  {item.deadline.isoformat()}  {' '.join(item.units)}")


@main.command(
    help="E-mail the responsibles of units with texts still to write when a round's deadline is near."
)
@click.option("--date", "today", help="The day to remind as (YYYY-MM-DD); default today.")
@click.option("--days", default=inbox.REMIND_DAYS, show_default=True, help="Remind this many days before.")
def remind(today: str | None, days: int) -> None:
    """Meant for a scheduler (cron, a systemd timer): once a day; a second run the same day sends nothing."""
    services.init()
    sent = inbox.remind(_day(today), days)
    for unit, recipients, pending in sent:
        click.echo(f"{unit}: {pending} text(s) to write, {recipients} recipient(s)")
    click.echo(f"{len(sent)} reminder(s) sent.")


@user.command("email", help='Set the e-mail address NAME is notified at ("" stops the mails).')
@click.argument("name")
@click.argument("address")
def user_email(name: str, address: str) -> None:
    services.init()
    try:
        inbox.set_email(name, address, by="cli")
    except services.ServiceError as exc:
        fail(str(exc))
    click.echo(f"User {name}: e-mail {address or '(none)'}.")
