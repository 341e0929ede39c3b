"""Workflow storage: versioned drafts, state changes written through on approval, users, audit log."""

from __future__ import annotations

import pytest

from conftest import TINY_ORG
from toteuma.core.records import TextKind

__all__ = ["TINY_ORG"]

pytestmark = pytest.mark.django_db


def test_a_save_from_an_old_version_raises_a_conflict_carrying_the_stored_text(tiny_org: object) -> None:
    from toteuma.storage import workflow

    first = workflow.save_draft("1100", "2024-03", "commentary", "A", "", 0, "anna")
    assert first.version == 1
    second = workflow.save_draft("1100", "2024-03", "commentary", "B", "", 1, "anna")
    assert second.version == 2
    with pytest.raises(workflow.ConflictError) as caught:
        workflow.save_draft("1100", "2024-03", "commentary", "C", "", 1, "bertil")
    assert caught.value.current.text == "B"
    assert caught.value.attempted == "C"
    with pytest.raises(workflow.ConflictError):
        workflow.save_draft("1100", "2024-03", "commentary", "D", "", 0, "bertil")  # both started from none
    assert workflow.draft("1100", "2024-03", "commentary").text == "B"  # type: ignore[union-attr]


def test_approval_writes_the_text_where_the_reports_read_it(tiny_org: object) -> None:
    from toteuma import storage
    from toteuma.storage import workflow

    workflow.save_draft("1100", "2024-03", "commentary", "Hyvä kvartaali.", "", 0, "anna")
    ready = workflow.set_state("1100", "2024-03", "commentary", "ready", "anna")
    assert storage.text("1100", TextKind.COMMENTARY, 2024, "2024-03") == ""
    approved = workflow.set_state("1100", "2024-03", "commentary", "approved", "carl", version=ready.version)
    assert approved.state == "approved"
    assert storage.text("1100", TextKind.COMMENTARY, 2024, "2024-03") == "Hyvä kvartaali."


def test_every_change_is_in_the_audit_log_with_before_and_after(tiny_org: object) -> None:
    from toteuma.storage import workflow

    workflow.save_draft("1100", "2024-03", "commentary", "A", "", 0, "anna")
    workflow.set_state("1100", "2024-03", "commentary", "ready", "anna")
    newest, oldest = workflow.audit_log()[:2]
    assert (oldest.action, oldest.user, oldest.before, oldest.after["text"]) == (
        "draft.save",
        "anna",
        None,
        "A",
    )
    assert (newest.action, newest.before["state"], newest.after["state"]) == ("draft.ready", "draft", "ready")


def test_unknown_states_statuses_and_roles_are_refused(tiny_org: object) -> None:
    from toteuma.storage import workflow

    with pytest.raises(workflow.WorkflowError):
        workflow.save_draft("1100", "2024-03", "goal:1", "x", "valmis", 0, "anna")
    workflow.save_draft("1100", "2024-03", "commentary", "x", "", 0, "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state("1100", "2024-03", "commentary", "published", "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.add_user("x", "boss", "pw")


def test_a_user_keeps_role_and_units_and_a_name_is_taken_once(tiny_org: object) -> None:
    from toteuma.storage import workflow

    made = workflow.add_user("anna", "responsible", "pw", ["1200", "1100"])
    assert workflow.user_info(made.id) == workflow.UserInfo(made.id, "anna", "responsible", ("1100", "1200"))
    with pytest.raises(workflow.WorkflowError):
        workflow.add_user("anna", "reader", "pw")


def test_the_audit_log_cannot_be_changed_in_postgresql_only(tiny_org: object) -> None:
    from django.db import DatabaseError, connection, transaction

    from toteuma.storage import workflow
    from toteuma.storage.workflow.models import AuditEntry

    workflow.save_draft("1100", "2024-03", "commentary", "A", "", 0, "anna")
    if connection.vendor != "postgresql":
        # On SQLite no trigger guards it (Django's test flush deletes rows); only the code never updates it.
        AuditEntry.objects.update(user="mallory")
        assert not AuditEntry.objects.filter(user="anna").exists()
        return
    for change in (
        lambda: AuditEntry.objects.update(user="mallory"),
        lambda: AuditEntry.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            change()
    assert AuditEntry.objects.filter(user="anna").exists()
