"""Reporting rounds, the drafts waiting for review, whom to tell, and the e-mail itself.

E-mail goes through Django's e-mail framework: the console backend unless the settings name SMTP
(docs/web.md). A message is rendered from a template in the configured language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from toteuma.storage.models import Goal, InvestmentProject
from toteuma.storage.workflow.audit import record
from toteuma.storage.workflow.editing import _info
from toteuma.storage.workflow.models import Draft, Profile, Role, Round, State
from toteuma.storage.workflow.types import DraftInfo, RoundInfo, WorkflowError


def _round(row: Round) -> RoundInfo:
    return RoundInfo(
        row.period, row.deadline, tuple(row.units), row.opened_by, row.opened_at, row.reminded_on
    )


def open_round(period: str, deadline: date, units: Iterable[str], user: str) -> RoundInfo:
    """Open (or, for a period that has one, change) the round of a period."""
    codes = sorted(set(units))
    if not codes:
        raise WorkflowError("followup.round.no_units")
    with transaction.atomic():
        before = Round.objects.filter(period=period).first()
        row, _ = Round.objects.update_or_create(
            period=period, defaults={"deadline": deadline, "units": codes, "opened_by": user}
        )
        after = {"deadline": deadline.isoformat(), "units": codes}
        was = None if before is None else {"deadline": before.deadline.isoformat(), "units": before.units}
        record(user, "round.open", f"round:{period}", was, after)
    return _round(row)


def rounds() -> list[RoundInfo]:
    """Every round, newest period first."""
    return [_round(row) for row in Round.objects.order_by("-period")]


def round_of(period: str) -> RoundInfo | None:
    row = Round.objects.filter(period=period).first()
    return None if row is None else _round(row)


def mark_reminded(period: str, day: date) -> None:
    Round.objects.filter(period=period).update(reminded_on=day)


def drafts_in(states: Iterable[str], periods: Iterable[str] | None = None) -> list[DraftInfo]:
    """Every draft in one of the states (of the periods, if given), by period, unit and subject."""
    rows = Draft.objects.filter(state__in=list(states))
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    return [_info(row) for row in rows.order_by("period", "unit_code", "subject")]


def period_drafts(unit_codes: Iterable[str], period: str) -> dict[tuple[str, str], DraftInfo]:
    """The drafts of the units in the period by (unit, subject), in one query."""
    rows = Draft.objects.filter(unit_code__in=list(unit_codes), period=period)
    return {(row.unit_code, row.subject): _info(row) for row in rows}


def goal_owners(year: int) -> dict[int, tuple[str, str, str]]:
    """Every goal of the year: id -> (the goal's unit, the unit that assesses it, its aim)."""
    rows = Goal.objects.filter(year=year).values_list("id", "unit__code", "assessor__code", "aim")
    return {goal: (unit, assessor or unit, aim) for goal, unit, assessor, aim in rows}


def investment_owners() -> dict[str, tuple[str, str]]:
    """Every investment project: code -> (the owning unit's code, the project's name)."""
    rows = InvestmentProject.objects.values_list("code", "unit__code", "name")
    return {code: (unit, name) for code, unit, name in rows}


def people() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Every user with an e-mail address: (name, e-mail, role, assigned unit codes)."""
    profiles = {p.user_id: p for p in Profile.objects.all()}
    found = []
    for user in get_user_model().objects.exclude(email="").order_by("username"):
        profile = profiles.get(user.pk)
        role, units = (profile.role, tuple(profile.units)) if profile else (Role.READER.value, ())
        found.append((user.get_username(), user.email, role, units))
    return found


def set_email(name: str, email: str, by: str) -> None:
    """A user's e-mail address for notifications ("" removes it)."""
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise WorkflowError("followup.user.no_user", name=name)
    before = user.email
    user.email = email
    user.save(update_fields=["email"])
    record(by or name, "user.email", f"user:{name}", {"email": before}, {"email": email})


def send(template: str, recipients: Iterable[str], context: dict[str, object]) -> int:
    """Render `web/mail/<template>.txt` (first line the subject) and send it; how many were sent."""
    to = sorted(set(recipients))
    if not to:
        return 0
    with translation.override(getattr(settings, "TOTEUMA_MAIL_LANGUAGE", settings.LANGUAGE_CODE)):
        subject, _, body = render_to_string(f"web/mail/{template}.txt", context).strip().partition("\n")
    return send_mail(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, to)


STATES_OPEN = (State.DRAFT.value, State.READY.value)


def published(unit_codes: Iterable[str], period: str) -> set[tuple[str, str]]:
    """(unit, subject) of the texts the documents already print for the period (imported or approved)."""
    from toteuma.storage.models import GoalAssessment, UnitText

    codes = list(unit_codes)
    texts = UnitText.objects.filter(unit__code__in=codes, period=period, kind="kommentti")
    found = {(code, "commentary") for code in texts.values_list("unit__code", flat=True)}
    rows = GoalAssessment.objects.filter(period=period).values_list(
        "goal_id", "goal__unit__code", "goal__assessor__code"
    )
    found |= {
        (assessor or unit, f"goal:{goal}") for goal, unit, assessor in rows if (assessor or unit) in codes
    }
    return found
