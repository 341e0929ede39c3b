"""What the workflow storage returns and raises: plain Python, importable before Django is set up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from toteuma.core.messages import MessageError, Text


class WorkflowError(MessageError):
    """A workflow change the data refuses; the message (storage.toml) says why."""


class ConflictError(WorkflowError):
    """Someone saved the draft after this edit started; `current` is what they saved."""

    def __init__(self, current: DraftInfo, attempted: str) -> None:
        who = current.updated_by or Text("storage.workflow.someone")
        super().__init__("storage.workflow.conflict", by=who, version=current.version)
        self.current = current
        self.attempted = attempted


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: str
    units: tuple[str, ...]  # assigned unit codes


@dataclass(frozen=True)
class DraftInfo:
    unit_code: str
    period: str
    subject: str
    text: str
    status: str
    state: str
    version: int
    review_comment: str
    updated_by: str
    updated_at: datetime | None
    authors: tuple[str, ...] = ()  # who saved the text since it was last approved
    amount_cents: int | None = None  # an own forecast's year-end amount, report sign; None for texts

    def snapshot(self) -> dict[str, Any]:
        """The fields the audit log keeps before and after a change (an own forecast's amount too)."""
        found = {"text": self.text, "status": self.status, "state": self.state, "version": self.version}
        return found if self.amount_cents is None else {**found, "amount_cents": self.amount_cents}


@dataclass(frozen=True)
class OwnForecastInfo:
    """An approved own forecast of a unit's statement row: the year-end amount, why, who and when."""

    unit_code: str
    period: str  # YYYY-MM it was approved for
    row: str  # the statement row's key
    amount_cents: int  # year-end, report sign (income +, costs -)
    reason: str
    written_by: tuple[str, ...]
    approved_by: str
    approved_at: datetime


@dataclass(frozen=True)
class AuditFilter:
    """Which audit entries to show; an empty field does not filter."""

    user: str = ""
    action: str = ""  # an action, or its family: "draft" matches draft.save, draft.approved, ...
    since: date | None = None
    until: date | None = None  # inclusive
    target: str = ""  # a part of the target, e.g. a unit code or a file name


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    user: str
    action: str
    target: str
    before: Any
    after: Any


@dataclass(frozen=True)
class RoundInfo:
    """A reporting round: the period, its deadline and the units whose texts it asks for."""

    period: str
    deadline: date
    units: tuple[str, ...]
    opened_by: str
    opened_at: datetime
    reminded_on: date | None = None


@dataclass(frozen=True)
class AlertRecord:
    """An alert as a forecast run keeps it: the unit, the line, the rule and its figures (report sign
    cents); the words are made in the reader's language when it is shown."""

    unit_code: str
    row: str
    rule: str
    level: str
    method: str
    figures: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class LineRecord:
    """A unit's forecast of one statement line as a forecast run keeps it; report sign cents."""

    unit_code: str
    line: str
    cents: int
    method: str
    profile: str
    actual: int
    budget: int
    profile_to_date: int
    low: int
    high: int
    banded: bool
    actual_months: tuple[int, ...] = ()  # of the charted line: each month's actual to the period
    profile_months: tuple[int, ...] = ()  # and the year's budget by its profile, each month
    previous_months: tuple[int, ...] = ()  # and the previous year's actual, each month (decision 64)


# A unit's statement rows kept in a forecast run (decision 64): row key -> (measure -> report sign
# cents, measure -> line count).
StatementRows = Mapping[str, tuple[Mapping[str, int], Mapping[str, int]]]
