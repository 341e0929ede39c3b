"""The audit log: entries are added in the same transaction as the change and never updated or deleted."""

from __future__ import annotations

from typing import Any

from toteuma.storage.workflow.models import AuditEntry
from toteuma.storage.workflow.types import AuditInfo


def record(user: str, action: str, target: str, before: Any, after: Any) -> None:
    AuditEntry.objects.create(user=user, action=action, target=target, before=before, after=after)


def audit_log(limit: int = 200, offset: int = 0) -> list[AuditInfo]:
    """The newest entries first."""
    rows = AuditEntry.objects.order_by("-at", "-id")[offset : offset + limit]
    return [AuditInfo(e.at, e.user, e.action, e.target, e.before, e.after) for e in rows]


def audit_count() -> int:
    return AuditEntry.objects.count()
