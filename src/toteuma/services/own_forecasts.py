"""A responsible's own forecast of a unit's statement row: saved with a reason, sent, approved or sent back.

The same rules as commentary (decision 26): a save returns the draft to draft with a new version,
approval approves the version the controller saw and never one they wrote part of (unless
TOTEUMA_SELF_APPROVAL). Only approved forecasts reach readers, documents and the forecast (decision 59).
"""

from __future__ import annotations

from collections.abc import Sequence

from toteuma import storage
from toteuma.core.periods import Period
from toteuma.core.problems import ProblemError
from toteuma.core.structure import LineKind
from toteuma.importers.values import parse_amount
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services import forecast_store, notify
from toteuma.services.access import Actor, require_controller, require_edit
from toteuma.services.common import ServiceError, default_structure
from toteuma.services.workflow import self_approval_allowed
from toteuma.storage import workflow
from toteuma.storage.workflow import DraftInfo, OwnForecastInfo

READY, APPROVED, DRAFT = "ready", "approved", "draft"


def forecast_rows(lang: str = "fi") -> list[tuple[str, str]]:
    """(key, label) of every statement row one may forecast, in the statement's order."""
    cat = catalogue(lang if lang in LANGUAGES else "fi")
    return [
        (line.key, cat.row(line.key, line.label))
        for line in default_structure().lines
        if line.kind is LineKind.ROW
    ]


def _check(unit_code: str, row: str) -> str:
    if unit_code not in storage.org_tree():
        raise ServiceError("services.workflow.no_unit", unit=unit_code)
    if row not in {key for key, _ in forecast_rows()}:
        raise ServiceError("ownforecast.no_row", row=row)
    return workflow.forecast_subject(row)


def parse_euros(text: str, row: str) -> int:
    """Cents of an amount typed as the statement prints it ("-1 250 000", "-1 250 000,50").

    A cost row's year-end is negative, as in the table: a positive one is a sign typed wrong, said so.
    """
    try:
        cents = parse_amount(text[:40], "auto")
    except ProblemError as exc:
        raise ServiceError("ownforecast.bad_amount", value=text[:40]) from exc
    if cents > 0 and default_structure().line(row).costs:
        raise ServiceError("ownforecast.positive_cost", value=text[:40])
    return cents


def save_forecast(
    who: Actor, unit_code: str, period: Period, row: str, amount: str, reason: str, version: int
) -> DraftInfo:
    """Save the responsible's year-end forecast of the row (report sign: costs negative) with its reason.

    Raises ConflictError when someone else saved after `version`, ForbiddenError outside the user's
    units, ServiceError for an unknown row, an amount that is not one, or no reason.
    """
    require_edit(who, unit_code)
    subject = _check(unit_code, row)
    cents = parse_euros(amount, row)
    if not reason.strip():
        raise ServiceError("ownforecast.no_reason")
    try:
        return workflow.save_draft(
            unit_code, str(period), subject, reason.strip(), "", version, who.name, amount_cents=cents
        )
    except workflow.ConflictError:
        raise
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc


def _move(
    who: Actor, unit_code: str, period: Period, row: str, state: str, note: str, version: int | None
) -> DraftInfo:
    subject = _check(unit_code, row)
    try:
        moved = workflow.set_state(
            unit_code,
            str(period),
            subject,
            state,
            who.name,
            note,
            version=version,
            self_approval=self_approval_allowed(),
        )
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc
    notify.state_changed(moved, who.name)
    return moved


def submit(who: Actor, unit_code: str, period: Period, row: str, version: int | None = None) -> DraftInfo:
    """Send the forecast for review (the version the writer saw); the controllers are told."""
    require_edit(who, unit_code)
    return _move(who, unit_code, period, row, READY, "", version)


def approve(who: Actor, unit_code: str, period: Period, row: str, version: int | None = None) -> DraftInfo:
    """A controller approves the version under review they saw: from now on it is the row's forecast."""
    require_controller(who)
    found = _move(who, unit_code, period, row, APPROVED, "", version)
    forecast_store.refresh()  # the overview and the alerts show it at once (decision 61)
    return found


def send_back(
    who: Actor, unit_code: str, period: Period, row: str, comment: str, version: int | None = None
) -> DraftInfo:
    """A controller returns the forecast under review to draft, saying what to change."""
    require_controller(who)
    return _move(who, unit_code, period, row, DRAFT, comment, version)


def forecast_drafts(who: Actor, unit_code: str, period: Period) -> dict[str, DraftInfo]:
    """The unit's forecast drafts of the period by row, for those who see drafts (readers get none)."""
    if not who.sees_drafts:
        return {}
    prefix = f"{workflow.FORECAST}:"
    return {
        subject.removeprefix(prefix): found
        for subject, found in workflow.drafts(unit_code, str(period)).items()
        if subject.startswith(prefix)
    }


def approved(unit_codes: Sequence[str], period: Period) -> dict[tuple[str, str], OwnForecastInfo]:
    """(unit, row) -> the approved own forecast in force at the period (the latest of the year so far)."""
    storage.setup()
    return workflow.approved_forecasts(unit_codes, str(period))
