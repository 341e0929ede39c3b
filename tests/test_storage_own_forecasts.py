"""Own forecasts in storage: a draft with an amount, approved like commentary, published for readers."""

from __future__ import annotations

import pytest

from conftest import TINY_ORG

__all__ = ["TINY_ORG"]

pytestmark = pytest.mark.django_db

SUBJECT = "forecast:osuus_osakkuusyhteisojen_tuloksesta"  # the statutory structure's longest row key


def _approve(unit: str, period: str, subject: str, amount: int, reason: str = "Syy.") -> None:
    from toteuma.storage import workflow

    workflow.save_draft(unit, period, subject, reason, "", 0, "anna", amount_cents=amount)
    sent = workflow.set_state(unit, period, subject, "ready", "anna")
    workflow.set_state(unit, period, subject, "approved", "carl", version=sent.version)


def test_a_forecast_draft_keeps_its_amount_and_a_long_row_key(tiny_org: object) -> None:
    from toteuma.storage import workflow

    saved = workflow.save_draft(
        "1100", "2024-03", SUBJECT, "Vaalit keväällä.", "", 0, "anna", amount_cents=-12_345
    )
    assert saved.amount_cents == -12_345
    assert workflow.draft("1100", "2024-03", SUBJECT) == saved
    assert workflow.approved_forecasts(["1100"], "2024-03") == {}  # a draft is nobody's forecast


def test_approval_publishes_amount_reason_writer_and_approver(tiny_org: object) -> None:
    from toteuma.storage import workflow

    _approve("1100", "2024-03", "forecast:henkilostokulut", -150_000_00, "Lisenssikulut tulevat kesällä.")
    found = workflow.approved_forecasts(["1100", "1200"], "2024-03")
    assert list(found) == [("1100", "henkilostokulut")]
    own = found[("1100", "henkilostokulut")]
    assert (own.amount_cents, own.reason, own.period) == (
        -150_000_00,
        "Lisenssikulut tulevat kesällä.",
        "2024-03",
    )
    assert own.written_by == ("anna",)
    assert own.approved_by == "carl"
    assert workflow.draft("1100", "2024-03", "forecast:henkilostokulut").authors == ()  # type: ignore[union-attr]


def test_the_audit_log_records_the_amount_before_and_after(tiny_org: object) -> None:
    from toteuma.storage import workflow

    workflow.save_draft("1100", "2024-03", "forecast:avustukset", "A", "", 0, "anna", amount_cents=-100)
    workflow.save_draft("1100", "2024-03", "forecast:avustukset", "B", "", 1, "anna", amount_cents=-200)
    entry = workflow.audit_log(1)[0]
    assert entry.action == "draft.save"
    assert entry.target == "1100/2024-03/forecast:avustukset"
    assert entry.before["amount_cents"] == -100
    assert entry.after["amount_cents"] == -200


def test_an_approved_forecast_stands_until_a_newer_one_within_the_year(tiny_org: object) -> None:
    from toteuma.storage import workflow

    _approve("1100", "2024-01", "forecast:henkilostokulut", -100)
    _approve("1100", "2024-03", "forecast:henkilostokulut", -300)
    assert workflow.approved_forecasts(["1100"], "2024-02")[("1100", "henkilostokulut")].amount_cents == -100
    assert workflow.approved_forecasts(["1100"], "2024-04")[("1100", "henkilostokulut")].amount_cents == -300
    assert workflow.approved_forecasts(["1100"], "2024-04")[("1100", "henkilostokulut")].period == "2024-03"
    assert workflow.approved_forecasts(["1100"], "2025-01") == {}  # a new year starts without


def test_a_forecast_under_review_changed_again_keeps_the_approved_one(tiny_org: object) -> None:
    from toteuma.storage import workflow

    _approve("1100", "2024-03", "forecast:henkilostokulut", -100)
    current = workflow.draft("1100", "2024-03", "forecast:henkilostokulut")
    assert current is not None
    workflow.save_draft(
        "1100", "2024-03", "forecast:henkilostokulut", "Uusi.", "", current.version, "anna", amount_cents=-999
    )
    assert workflow.approved_forecasts(["1100"], "2024-03")[("1100", "henkilostokulut")].amount_cents == -100


def test_a_forecast_draft_without_an_amount_is_not_approved(tiny_org: object) -> None:
    from toteuma.storage import workflow

    workflow.save_draft("1100", "2024-03", "forecast:avustukset", "Ei summaa.", "", 0, "anna")
    sent = workflow.set_state("1100", "2024-03", "forecast:avustukset", "ready", "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state("1100", "2024-03", "forecast:avustukset", "approved", "carl", version=sent.version)
    assert workflow.approved_forecasts(["1100"], "2024-03") == {}
    assert workflow.draft("1100", "2024-03", "forecast:avustukset").state == "ready"  # type: ignore[union-attr]
