"""Commentary and goal assessments: write a draft, send it for review, approve or send back."""

from __future__ import annotations

from django.conf import settings

from toteuma import storage
from toteuma.core.org import UnitKind
from toteuma.core.periods import Period
from toteuma.services import notify
from toteuma.services.access import Actor, require_controller, require_drafts, require_edit
from toteuma.services.common import ServiceError
from toteuma.storage import workflow
from toteuma.storage.workflow import ConflictError, DraftInfo

__all__ = [
    "ConflictError",
    "DraftInfo",
    "approve",
    "save_text",
    "self_approval_allowed",
    "send_back",
    "submit",
]


def _subject(unit_code: str, year: int, goal_id: int | None, project: str = "") -> str:
    """The draft's subject; a goal's drafts live under the unit that assesses it (decisions.md, 45)."""
    if project:
        if project_unit(project) != unit_code:
            raise ServiceError("followup.workflow.not_a_project", project=project, unit=unit_code)
        return workflow.investment_subject(project)
    if goal_id is None:
        return workflow.COMMENTARY
    owner = workflow.goal_owners(year).get(goal_id)
    if owner is None or owner[1] != unit_code:
        raise ServiceError("followup.workflow.not_assessed_here", goal=goal_id, unit=unit_code, year=year)
    return workflow.goal_subject(goal_id)


def project_unit(project: str) -> str:
    """The unit whose responsible writes an investment project's progress: the service area of the
    cost center that owns it (or the owning unit itself when it is not a cost center); "" if unknown."""
    owner = workflow.investment_owners().get(project)
    if owner is None:
        return ""
    tree = storage.org_tree()
    unit = tree[owner[0]]
    return unit.parent if unit.kind is UnitKind.COST_CENTER and unit.parent else unit.code


def _check_unit(unit_code: str) -> None:
    if unit_code not in storage.org_tree():
        raise ServiceError("services.workflow.no_unit", unit=unit_code)


def save_text(
    who: Actor,
    unit_code: str,
    period: Period,
    text: str,
    version: int,
    goal_id: int | None = None,
    status: str = "",
    project: str = "",
) -> DraftInfo:
    """Save commentary, a goal's realisation and status (goal_id), or an investment project's progress
    comment (project) as a draft.

    Raises ConflictError when someone else saved after `version`; ForbiddenError outside the user's units.
    """
    require_edit(who, unit_code)
    _check_unit(unit_code)
    subject = _subject(unit_code, period.year, goal_id, project)
    try:
        return workflow.save_draft(unit_code, str(period), subject, text, status, version, who.name)
    except workflow.WorkflowError as exc:
        if isinstance(exc, ConflictError):
            raise
        raise ServiceError(exc) from exc


def _move(
    who: Actor,
    unit_code: str,
    period: Period,
    goal_id: int | None,
    state: str,
    note: str,
    project: str = "",
    version: int | None = None,
) -> DraftInfo:
    subject = _subject(unit_code, period.year, goal_id, project)
    allowed = self_approval_allowed()
    try:
        moved = workflow.set_state(
            unit_code, str(period), subject, state, who.name, note, version=version, self_approval=allowed
        )
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc
    notify.state_changed(moved, who.name)
    return moved


def self_approval_allowed() -> bool:
    """Whether a controller may approve a text they wrote part of (TOTEUMA_SELF_APPROVAL; default no)."""
    return bool(getattr(settings, "SELF_APPROVAL", False))


def submit(
    who: Actor,
    unit_code: str,
    period: Period,
    goal_id: int | None = None,
    project: str = "",
    version: int | None = None,
) -> DraftInfo:
    """Send the draft for review (the version the writer saw, when given); the controllers are told."""
    require_edit(who, unit_code)
    return _move(who, unit_code, period, goal_id, "ready", "", project, version)


def approve(
    who: Actor,
    unit_code: str,
    period: Period,
    goal_id: int | None = None,
    project: str = "",
    version: int | None = None,
) -> DraftInfo:
    """A controller approves the version under review that they read: it becomes what documents print.

    Refused for any other version or state, and for a text the controller wrote part of unless the
    setting SELF_APPROVAL (TOTEUMA_SELF_APPROVAL) allows it (decision 26). The unit's responsibles are told.
    """
    require_controller(who)
    return _move(who, unit_code, period, goal_id, "approved", "", project, version)


def send_back(
    who: Actor,
    unit_code: str,
    period: Period,
    comment: str,
    goal_id: int | None = None,
    project: str = "",
    version: int | None = None,
) -> DraftInfo:
    """A controller returns the text under review to draft with a comment saying what to change."""
    require_controller(who)
    return _move(who, unit_code, period, goal_id, "draft", comment, project, version)


def drafts(who: Actor, unit_code: str, period: Period) -> dict[str, DraftInfo]:
    """Every draft of the unit and period, for those who may see drafts."""
    require_drafts(who)
    return workflow.drafts(unit_code, str(period))


def audit_log(who: Actor, limit: int = 200, offset: int = 0) -> list[workflow.AuditInfo]:
    require_controller(who)
    return workflow.audit_log(limit, offset)


def drafts_of(who: Actor, unit_codes: list[str], period: Period) -> dict[tuple[str, str], DraftInfo]:
    """Every draft of the units and period by (unit, subject), for those who may see drafts (one query)."""
    if not who.sees_drafts:
        return {}
    return workflow.period_drafts(unit_codes, str(period))
