"""The audit log: entries are added in the same transaction as the change and never updated or deleted."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from toteuma.storage.workflow.models import AuditEntry
from toteuma.storage.workflow.types import AuditFilter, AuditInfo


def record(user: str, action: str, target: str, before: Any, after: Any) -> None:
    AuditEntry.objects.create(user=user, action=action, target=target, before=before, after=after)


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(chosen: AuditFilter) -> QuerySet[AuditEntry]:
    rows = AuditEntry.objects.all()
    if chosen.user:
        rows = rows.filter(user=chosen.user)
    if chosen.action:
        rows = rows.filter(action=chosen.action) | rows.filter(action__startswith=f"{chosen.action}.")
    if chosen.since:
        rows = rows.filter(at__gte=_start(chosen.since))
    if chosen.until:
        rows = rows.filter(at__lt=_start(chosen.until + timedelta(days=1)))
    if chosen.target:
        rows = rows.filter(target__icontains=chosen.target)
    return rows


def audit_log(limit: int = 200, offset: int = 0, chosen: AuditFilter | None = None) -> list[AuditInfo]:
    """The newest entries first, those the filter lets through."""
    rows = _filtered(chosen or AuditFilter()).order_by("-at", "-id")[offset : offset + limit]
    return [AuditInfo(e.at, e.user, e.action, e.target, e.before, e.after) for e in rows]


def audit_choices() -> tuple[list[str], list[str]]:
    """The users and the actions the log holds, for the filters' lists."""
    users = AuditEntry.objects.order_by("user").values_list("user", flat=True).distinct()
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return list(users), list(actions)


def audit_count() -> int:
    return AuditEntry.objects.count()
