"""Drafts of commentary and goal assessments: versioned saves, state changes, approval written through.

On approval the text goes into the tables the reports read (UnitText, GoalAssessment), so a
document prints exactly what was approved and the report code needs no knowledge of drafts.
The rules of a state change (`check_move`) are the same for every subject; what approval writes
is the subject kind's publisher (`register_publisher`), so new kinds of draft get the same rules.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from toteuma.core.messages import Text
from toteuma.core.records import GoalStatus, TextKind
from toteuma.storage.models import (
    Goal,
    GoalAssessment,
    InvestmentProgress,
    InvestmentProject,
    Unit,
    UnitText,
)
from toteuma.storage.workflow.audit import record
from toteuma.storage.workflow.forecasts import FORECAST, publish_forecast
from toteuma.storage.workflow.models import Draft, State
from toteuma.storage.workflow.types import ConflictError, DraftInfo, WorkflowError

COMMENTARY = "commentary"
INVESTMENT = "investment"  # an investment project's progress comment: "investment:<project code>"
STATES = tuple(state.value for state in State)


def subject_kind(subject: str) -> str:
    return subject.split(":", 1)[0]


def goal_subject(goal_id: int) -> str:
    return f"goal:{goal_id}"


def investment_subject(project: str) -> str:
    return f"{INVESTMENT}:{project}"


def _info(row: Draft) -> DraftInfo:
    return DraftInfo(
        row.unit_code,
        row.period,
        row.subject,
        row.text,
        row.status,
        row.state,
        row.version,
        row.review_comment,
        row.updated_by,
        row.updated_at,
        tuple(row.authors or ()),
        row.amount_cents,
    )


def draft(unit_code: str, period: str, subject: str) -> DraftInfo | None:
    row = Draft.objects.filter(unit_code=unit_code, period=period, subject=subject).first()
    return None if row is None else _info(row)


def drafts(unit_code: str, period: str) -> dict[str, DraftInfo]:
    """Every draft of the unit and period by subject."""
    rows = Draft.objects.filter(unit_code=unit_code, period=period)
    return {row.subject: _info(row) for row in rows}


def _target(unit_code: str, period: str, subject: str) -> str:
    return f"{unit_code}/{period}/{subject}"


def _check_status(status: str) -> None:
    if status and status not in {item.value for item in GoalStatus}:
        raise WorkflowError("storage.workflow.unknown_status", status=status)


def save_draft(
    unit_code: str,
    period: str,
    subject: str,
    text: str,
    status: str,
    expected_version: int,
    user: str,
    *,
    amount_cents: int | None = None,
) -> DraftInfo:
    """Save the text as a draft; `expected_version` is the version the edit started from (0: none).

    `amount_cents` is an own forecast's amount (its text is the reason); None for every other subject.

    The update only applies where the stored version is still the expected one; otherwise the
    ConflictError carries what the other person saved, so nothing is overwritten silently.
    """
    _check_status(status)
    with transaction.atomic():
        before = draft(unit_code, period, subject)
        authors = sorted({*(before.authors if before else ()), user})
        fields = {
            "text": text,
            "status": status,
            "state": State.DRAFT,
            "updated_by": user,
            "authors": authors,
            "amount_cents": amount_cents,
        }
        if before is None and expected_version == 0:
            _, created = Draft.objects.get_or_create(
                unit_code=unit_code, period=period, subject=subject, defaults=fields
            )
            if not created:
                raise ConflictError(_current(unit_code, period, subject), text)
        else:
            changed = Draft.objects.filter(
                unit_code=unit_code, period=period, subject=subject, version=expected_version
            ).update(**fields, version=F("version") + 1, updated_at=timezone.now())
            if not changed:
                raise ConflictError(_current(unit_code, period, subject), text)
        after = _current(unit_code, period, subject)
        record(user, "draft.save", _target(unit_code, period, subject), _snap(before), after.snapshot())
    return after


def _current(unit_code: str, period: str, subject: str) -> DraftInfo:
    found = draft(unit_code, period, subject)
    if found is None:
        raise WorkflowError("storage.workflow.no_draft", target=_target(unit_code, period, subject))
    return found


def _snap(info: DraftInfo | None) -> dict[str, object] | None:
    return None if info is None else info.snapshot()


def check_move(
    before: DraftInfo, state: str, user: str, version: int | None, *, self_approval: bool = False
) -> None:
    """Raise WorkflowError unless `user` may move the draft to `state` (decision 26).

    Sending for review starts from a draft; approving and sending back act on the text under
    review, and approving only in the version the approver saw (`version`): a text saved after
    it was sent, or never sent, is not approved. Unless `self_approval`, nobody approves a text
    they saved since its last approval.
    """
    if state not in STATES:
        raise WorkflowError("storage.workflow.unknown_state", state=state)
    needed = State.DRAFT if state == State.READY else State.READY
    if before.state != needed:
        raise WorkflowError(
            "security.approval.wrong_state",
            now=Text(f"security.approval.state.{before.state}"),
            version=before.version,
            wanted=Text(f"security.approval.state.{state}"),
            needed=Text(f"security.approval.state.{needed.value}"),
        )
    if state == State.APPROVED and version is None:
        raise WorkflowError("security.approval.version_needed")
    if version is not None and version != before.version:
        raise WorkflowError("security.approval.other_version", now=before.version, seen=version)
    if state == State.APPROVED and not self_approval and user in before.authors:
        raise WorkflowError("security.approval.own_text", user=user)


def set_state(
    unit_code: str,
    period: str,
    subject: str,
    state: str,
    user: str,
    comment: str = "",
    *,
    version: int | None = None,
    self_approval: bool = False,
) -> DraftInfo:
    """Move a draft to `state` by the rules of `check_move`; approving writes its text where reports read."""
    if state not in STATES:
        raise WorkflowError("storage.workflow.unknown_state", state=state)
    with transaction.atomic():
        row = (
            Draft.objects.select_for_update()
            .filter(unit_code=unit_code, period=period, subject=subject)
            .first()
        )
        if row is None:
            raise WorkflowError("storage.workflow.no_draft", target=_target(unit_code, period, subject))
        before = _info(row)
        check_move(before, state, user, version, self_approval=self_approval)
        row.state, row.review_comment, row.updated_by = state, comment, user
        row.version += 1
        row.updated_at = timezone.now()
        if state == State.APPROVED:
            _publish(row)  # before its authors are cleared: an own forecast keeps who wrote it
            row.authors = []
        row.save()
        after = _info(row)
        record(
            user, f"draft.{state}", _target(unit_code, period, subject), before.snapshot(), after.snapshot()
        )
    return after


def _publish(row: Draft) -> None:
    """Write an approved text where the documents read it; the subject's prefix says where."""
    kind, _, key = row.subject.partition(":")
    publish = PUBLISHERS.get(kind)
    if publish is None:
        raise WorkflowError("followup.workflow.no_publisher", subject=row.subject)
    publish(row, key)


def _publish_commentary(row: Draft, _key: str) -> None:
    unit = Unit.objects.get(code=row.unit_code)
    UnitText.objects.update_or_create(
        unit=unit,
        year=int(row.period[:4]),
        period=row.period,
        kind=TextKind.COMMENTARY.value,
        defaults={"text": row.text},
    )


def _publish_goal(row: Draft, key: str) -> None:
    goal = Goal.objects.get(id=int(key))
    paragraphs = [part.strip() for part in row.text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    GoalAssessment.objects.update_or_create(
        goal=goal, period=row.period, defaults={"realisation": paragraphs, "status": row.status}
    )


def _publish_investment(row: Draft, key: str) -> None:
    project = InvestmentProject.objects.get(code=key)
    InvestmentProgress.objects.update_or_create(
        project=project, period=row.period, defaults={"text": row.text.strip()}
    )


# Subject prefix -> how its approved text is published; a new subject kind adds itself here.
PUBLISHERS: dict[str, Callable[[Draft, str], None]] = {
    COMMENTARY: _publish_commentary,
    "goal": _publish_goal,
    INVESTMENT: _publish_investment,
    FORECAST: publish_forecast,
}


def register_publisher(kind: str, publish: Callable[[Draft, str], None]) -> None:
    """What approving a draft of subject `kind` (the part before ":") writes; new kinds add theirs."""
    PUBLISHERS[kind] = publish
