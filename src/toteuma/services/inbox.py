"""Reporting rounds, the controller's inbox, a responsible's own units, and reminders before a deadline.

What a unit is asked to write in a period is the sum of the registered `EXPECTED` subjects (commentary
and the goals it assesses; another kind, such as a forecast, registers itself the same way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from toteuma import storage
from toteuma.core.periods import Period
from toteuma.services import notify
from toteuma.services.access import Actor, require_controller
from toteuma.services.common import ServiceError
from toteuma.storage import workflow
from toteuma.storage.workflow import DraftInfo, RoundInfo

REMIND_DAYS = 3  # `toteuma remind` writes when a deadline is this many days away or fewer


@dataclass(frozen=True)
class Task:
    """One text a unit is asked for, or one waiting for review: its subject and where it stands."""

    unit: str
    unit_name: str
    period: str
    subject: str  # "commentary", "goal:12", "investment:INV1401"
    kind: str  # the subject's prefix
    detail: str  # the goal's aim or the project's name
    state: str  # "" (not started), "draft", "ready" or "approved"
    deadline: date | None = None
    updated_by: str = ""

    @property
    def to_write(self) -> bool:
        return self.state in ("", "draft")


def _commentary(unit_code: str, period: Period) -> list[str]:
    return [workflow.COMMENTARY]


def _goals(unit_code: str, period: Period) -> list[str]:
    owners = workflow.goal_owners(period.year)
    return [
        workflow.goal_subject(goal)
        for goal, (_, assessor, _) in sorted(owners.items())
        if assessor == unit_code
    ]


# Subjects a unit is expected to write in a period; a new subject kind appends its own function.
EXPECTED: list[Callable[[str, Period], list[str]]] = [_commentary, _goals]


def open_round(who: Actor, period: Period, deadline: date, units: list[str]) -> RoundInfo:
    """A controller opens the round of a period: its deadline and the units it asks texts of."""
    require_controller(who)
    tree = storage.org_tree()
    unknown = [code for code in units if code not in tree]
    if unknown:
        raise ServiceError("followup.round.unknown_units", codes=unknown)
    try:
        return workflow.open_round(str(period), deadline, units, who.name)
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc


def rounds() -> list[RoundInfo]:
    storage.setup()
    return workflow.rounds()


def round_for(period: Period) -> RoundInfo | None:
    storage.setup()
    return workflow.round_of(str(period))


def tasks(unit_codes: list[str], period: Period, deadline: date | None = None) -> list[Task]:
    """What each unit is asked to write in the period, and where each text stands."""
    tree = storage.org_tree()
    drafts = workflow.period_drafts(unit_codes, str(period))
    done = workflow.published(unit_codes, str(period))
    found = []
    for code in unit_codes:
        for subject in (s for expect in EXPECTED for s in expect(code, period)):
            draft = drafts.get((code, subject))
            task = _task(
                tree[code].name if code in tree else code, draft, code, str(period), subject, deadline
            )
            if draft is None and (code, subject) in done:  # imported, or approved before drafts existed
                task = replace(task, state=workflow.STATES[2])
            found.append(task)
    return found


def _task(
    name: str, draft: DraftInfo | None, code: str, period: str, subject: str, deadline: date | None
) -> Task:
    about = notify.subject_of(draft or DraftInfo(code, period, subject, "", "", "", 0, "", "", None))
    return Task(
        code,
        name,
        period,
        subject,
        about["kind"],
        about["detail"],
        draft.state if draft else "",
        deadline,
        draft.updated_by if draft else "",
    )


def inbox(who: Actor) -> list[Task]:
    """What waits for a controller's review, by deadline (none last) and unit."""
    require_controller(who)
    deadlines = {item.period: item.deadline for item in workflow.rounds()}
    tree = storage.org_tree()
    found = [
        _task(
            tree[d.unit_code].name if d.unit_code in tree else d.unit_code,
            d,
            d.unit_code,
            d.period,
            d.subject,
            deadlines.get(d.period),
        )
        for d in workflow.drafts_in([workflow.STATES[1]])
    ]
    return sorted(found, key=lambda t: (t.deadline or date.max, t.period, t.unit, t.subject))


def my_units(who: Actor, period: Period) -> list[Task]:
    """A responsible's own units first: everything they are asked to write in the period."""
    info = workflow.user_info(who.user_id)
    assigned = list(info.units) if info else []
    found = workflow.round_of(str(period))
    covered = [code for code in (found.units if found else ()) if who.may_edit(code) and code not in assigned]
    return tasks(assigned + covered, period, found.deadline if found else None)


def remind(today: date, days: int = REMIND_DAYS) -> list[tuple[str, int, int]]:
    """Mail the responsibles of every unit with texts still to write in a round due within `days`.

    Once a day per round; returns (unit, recipients, texts to write) for each unit written to.
    """
    storage.setup()
    sent = []
    for item in workflow.rounds():
        if not today <= item.deadline <= today + timedelta(days=days) or item.reminded_on == today:
            continue
        period = Period.parse(item.period)
        for code in item.units:
            pending = [task for task in tasks([code], period, item.deadline) if task.to_write]
            if not pending:
                continue
            to = notify.responsibles(code)
            context = {"tasks": pending, "round": item, "unit_name": pending[0].unit_name}
            context["link"] = notify.link(f"/?kausi={item.period}")
            workflow.send("reminder", to, context)
            sent.append((code, len(to), len(pending)))
        workflow.mark_reminded(item.period, today)
    return sent


def set_email(name: str, email: str, by: str = "") -> None:
    """A user's address for notifications; "" stops them. A malformed address is refused."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    storage.setup()
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ServiceError("followup.user.bad_email", email=email) from exc
    try:
        workflow.set_email(name, email, by)
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc


COMMAND_LINE = Actor(0, "cli", "admin", frozenset())  # the command line is trusted as an admin
