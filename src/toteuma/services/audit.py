"""The audit log as people read it: actions and targets in words, before and after as labelled values.

The log keeps program data (JSON of the change, as decision 18 stores it); this turns each entry
into sentences of the language in force (core/data/messages/audit.toml) without changing what is
kept. An action, target or field the catalogue does not know is shown as stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from toteuma.core.messages import known, money, t
from toteuma.services import notify
from toteuma.services.access import Actor, require_controller
from toteuma.storage import workflow
from toteuma.storage.workflow import AuditFilter, AuditInfo

PAGE = 100
_STATES = {"draft": "audit.state.draft", "ready": "audit.state.ready", "approved": "audit.state.approved"}


@dataclass(frozen=True)
class ReadableEntry:
    at: datetime
    user: str
    action: str
    target: str
    before: tuple[tuple[str, str], ...]  # (label, value) in the order the change stored them
    after: tuple[tuple[str, str], ...]


def _word(key: str, fallback: str, **params: Any) -> str:
    return t(key, **params) if known(key) else fallback


def action_name(action: str) -> str:
    return _word(f"audit.action.{action}", action)


def _target(target: str) -> str:
    """'ledger:ledger-2024.csv' -> 'kirjanpito: ledger-2024.csv', 'batch:5' -> 'erä 5', ..."""
    prefix, _, rest = target.partition(":")
    if rest and known(f"kinds.{prefix}"):
        return t("audit.target.file", kind=t(f"kinds.{prefix}"), name=rest)
    if rest and known(f"audit.target.{prefix}"):
        return t(f"audit.target.{prefix}", value=rest)
    parts = target.split("/")
    if len(parts) == 3:  # a draft: unit/period/subject
        unit, period, subject = parts
        kind, _, key = subject.partition(":")
        if kind == "forecast":  # the row in words, not its key
            key = notify.row_label(key)
        what = (
            _word(f"audit.target.{kind}", subject, value=key) if key else _word(f"audit.target.{kind}", kind)
        )
        return t("audit.target.draft", unit=unit, period=period, what=what)
    return _word(f"audit.target.{target}", target)


def _value(key: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if "cents" in key and str(value).lstrip("-").isdigit():
        return money(int(value))
    if key == "role":
        return _word(f"roles.{value}", str(value))
    if key == "state":
        return t(_STATES[value]) if value in _STATES else str(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _fields(data: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(data, dict):
        return () if data is None else ((t("audit.field.value"), str(data)),)
    return tuple((_word(f"audit.field.{key}", key), _value(key, value)) for key, value in data.items())


def readable(entry: AuditInfo) -> ReadableEntry:
    return ReadableEntry(
        entry.at,
        entry.user,
        action_name(entry.action),
        _target(entry.target),
        _fields(entry.before),
        _fields(entry.after),
    )


def audit_page(who: Actor, page: int = 1, chosen: AuditFilter | None = None) -> list[ReadableEntry]:
    """One page of the log, newest first, as people read it; for controllers."""
    require_controller(who)
    rows = workflow.audit_log(PAGE, (max(page, 1) - 1) * PAGE, chosen)
    return [readable(entry) for entry in rows]


def audit_choices(who: Actor) -> tuple[list[str], list[tuple[str, str]]]:
    """The users, and the actions with their names, that the filters offer."""
    require_controller(who)
    users, actions = workflow.audit_choices()
    return users, [(action, action_name(action)) for action in actions]
