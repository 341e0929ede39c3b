"""Reporting rounds from the command line: open one, remind of its deadline, users' e-mail addresses."""

from __future__ import annotations

from datetime import date

import click
from django.utils import timezone

from toteuma import services
from toteuma.cli.app import fail, main, option, say
from toteuma.cli.web_commands import user
from toteuma.core.messages import t
from toteuma.core.periods import Period
from toteuma.services import inbox


def _day(text: str | None) -> date:
    try:
        return date.fromisoformat(text) if text else timezone.localdate()
    except ValueError:
        fail("followup.round.bad_date", value=text)


@main.group("round", help="followup.help.round")
def round_group() -> None:
    """Reporting rounds."""


@round_group.command("open", help="followup.help.round_open")
@click.argument("period")
@option("--deadline", required=True, help="followup.help.round_deadline")
@option("--unit", "units", multiple=True, required=True, help="followup.help.round_unit")
def round_open(period: str, deadline: str, units: tuple[str, ...]) -> None:
    services.init()
    try:
        found = inbox.open_round(inbox.COMMAND_LINE, Period.parse(period), _day(deadline), list(units))
    except (services.ServiceError, ValueError) as exc:
        fail(exc)
    say("followup.round.opened", period=found.period, deadline=found.deadline, units=list(found.units))


@round_group.command("list", help="followup.help.round_list")
def round_list() -> None:
    services.init()
    for item in inbox.rounds():
        say("followup.round.line", period=item.period, deadline=item.deadline, units=list(item.units))


@main.command(help="followup.help.remind")
@option("--date", "today", help="followup.help.remind_date")
@option("--days", default=inbox.REMIND_DAYS, show_default=True, help="followup.help.remind_days")
def remind(today: str | None, days: int) -> None:
    """Meant for a scheduler (cron, a systemd timer): once a day; a second run the same day sends nothing."""
    services.init()
    sent = inbox.remind(_day(today), days)
    for unit, recipients, pending in sent:
        say("followup.remind.unit", unit=unit, pending=pending, recipients=recipients)
    say("followup.remind.sent", count=len(sent))


@user.command("email", help="followup.help.user_email")
@click.argument("name")
@click.argument("address")
def user_email(name: str, address: str) -> None:
    services.init()
    try:
        inbox.set_email(name, address, by="cli")
    except services.ServiceError as exc:
        fail(exc)
    say("followup.user.email_set", name=name, email=address or t("followup.user.no_email"))
