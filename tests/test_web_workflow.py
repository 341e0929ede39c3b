"""Commentary and goal workflow through the browser's forms (web/workflow_views.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

UNIT_URL = f"/yksikko/{AREA}/"


def _save(client: Client, text: str, version: int = 0, **extra: object) -> int:
    data = {"kausi": PERIOD, "teksti": text, "versio": version, **extra}
    return client.post(f"{UNIT_URL}teksti/", data).status_code


def _version(subject: str = "commentary", unit: str = AREA) -> int:
    from toteuma.storage import workflow

    found = workflow.draft(unit, PERIOD, subject)
    return found.version if found else 0


def _move(client: Client, action: str, **extra: object) -> int:
    """The move as the page's form posts it: with the version the page showed."""
    data = {"kausi": PERIOD, "toiminto": action, "versio": _version(), **extra}
    return client.post(f"{UNIT_URL}tila/", data).status_code


def _approved_text() -> str:
    from toteuma import storage
    from toteuma.core.records import TextKind

    return storage.text(AREA, TextKind.COMMENTARY, 2024, PERIOD)


def test_commentary_goes_from_draft_to_review_to_approved_and_into_the_report(
    signed_in: Callable[..., Client],
) -> None:
    writer, controller = signed_in("lakimies"), signed_in("talous")
    assert _save(writer, "Ostot kasvoivat vaalien vuoksi.") == 302
    assert _approved_text() != "Ostot kasvoivat vaalien vuoksi."  # a draft is not printed
    assert _move(writer, "laheta") == 302
    assert "tarkastettavana" in controller.get(UNIT_URL).content.decode()
    assert _move(controller, "hyvaksy") == 302
    assert _approved_text() == "Ostot kasvoivat vaalien vuoksi."
    report = controller.get("/raportit/", {"yksikko": "1000", "kausi": PERIOD, "muoto": "html"})
    assert "Ostot kasvoivat vaalien vuoksi." in report.content.decode()


def test_send_back_returns_the_draft_with_the_controllers_comment(signed_in: Callable[..., Client]) -> None:
    writer, controller = signed_in("lakimies"), signed_in("talous")
    _save(writer, "Luonnos.")
    _move(writer, "laheta")
    assert _move(controller, "palauta", kommentti="Lisää luvut.") == 302
    page = writer.get(UNIT_URL).content.decode()
    assert "Lisää luvut." in page
    assert "Lähetä tarkastettavaksi" in page  # back in draft: it can be sent again


def test_a_second_saver_from_an_old_version_is_told_and_shown_both(signed_in: Callable[..., Client]) -> None:
    first, second = signed_in("lakimies"), signed_in("talous")
    assert _save(first, "Ensimmäisen teksti.") == 302  # version 1
    assert _save(first, "Ensimmäisen toinen teksti.", version=1) == 302  # version 2
    response = second.post(f"{UNIT_URL}teksti/", {"kausi": PERIOD, "teksti": "Toisen teksti.", "versio": 1})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Ensimmäisen toinen teksti." in page
    assert "Toisen teksti." in page
    from toteuma.storage import workflow

    found = workflow.draft(AREA, PERIOD, "commentary")
    assert found is not None
    assert found.text == "Ensimmäisen toinen teksti."


def test_goal_realisation_and_status_are_approved_into_the_assessment(
    signed_in: Callable[..., Client],
) -> None:
    from toteuma import storage
    from toteuma.core.records import GoalLevel, GoalStatus
    from toteuma.storage import workflow

    goal_id, aim = next(
        (goal_id, aim)
        for (level, aim), goal_id in workflow.goal_ids("1000", 2024).items()
        if level == GoalLevel.PLAN.value
    )
    assessor = workflow.goal_owners(2024)[goal_id][1]  # the service area that assesses the sector's goal
    controller, writer = signed_in("talous"), signed_in("admin")
    data = {"kausi": PERIOD, "teksti": "Eteni.\n\nToinen kappale.", "versio": 0, "tavoite": goal_id}
    assert writer.post(f"/yksikko/{assessor}/teksti/", {**data, "tila": "ei toteudu"}).status_code == 302
    move = {"kausi": PERIOD, "tavoite": goal_id}
    writer.post(f"/yksikko/{assessor}/tila/", {**move, "toiminto": "laheta"})
    version = _version(f"goal:{goal_id}", assessor)
    approved = controller.post(
        f"/yksikko/{assessor}/tila/", {**move, "toiminto": "hyvaksy", "versio": version}
    )
    assert approved.status_code == 302
    record = next(g for g in storage.goals("1000", GoalLevel.PLAN, 2024, PERIOD) if g.aim == aim)
    assert record.status is GoalStatus.NOT_MET
    assert record.realisation == ("Eteni.", "Toinen kappale.")


def test_a_goal_of_another_unit_is_refused(signed_in: Callable[..., Client]) -> None:
    from toteuma.storage import workflow

    goal_id = next(i for (level, _), i in workflow.goal_ids("1000", 2024).items() if level == "valtuusto")
    response = signed_in("lakimies").post(
        f"{UNIT_URL}teksti/", {"kausi": PERIOD, "teksti": "x", "versio": 0, "tavoite": goal_id}
    )
    assert response.status_code == 400
    assert workflow.drafts(AREA, PERIOD) == {}


def test_audit_log_records_who_changed_what_before_and_after(signed_in: Callable[..., Client]) -> None:
    writer, controller = signed_in("lakimies"), signed_in("talous")
    _save(writer, "Ennen.")
    _save(writer, "Jälkeen.", version=1)
    page = controller.get("/loki/").content.decode()
    assert "draft.save" in page
    assert "lakimies" in page
    assert "Ennen." in page
    assert "Jälkeen." in page
    assert "user.add" in page


def test_the_approve_button_approves_only_the_version_it_showed(signed_in: Callable[..., Client]) -> None:
    """Issue 9, item 1: the form carries `versio`; a text changed after the page was read is not approved."""
    writer, controller = signed_in("lakimies"), signed_in("talous")
    _save(writer, "Luettu versio.")
    _move(writer, "laheta")
    shown = _version()
    page = controller.get(UNIT_URL).content.decode()
    assert f'name="versio" value="{shown}"' in page
    _save(writer, "Lähettämisen jälkeen muutettu.", version=shown)
    response = controller.post(f"{UNIT_URL}tila/", {"kausi": PERIOD, "toiminto": "hyvaksy", "versio": shown})
    assert response.status_code == 400
    assert "Lähettämisen jälkeen muutettu." not in _approved_text()
    never_sent = controller.post(
        f"{UNIT_URL}tila/", {"kausi": PERIOD, "toiminto": "hyvaksy", "versio": _version()}
    )
    assert never_sent.status_code == 400
    assert "Lähettämisen jälkeen muutettu." not in _approved_text()


def test_a_controller_does_not_approve_their_own_text(
    signed_in: Callable[..., Client], settings: object
) -> None:
    controller = signed_in("talous")
    _save(controller, "Controllerin oma teksti.")
    _move(controller, "laheta")
    page = controller.get(UNIT_URL).content.decode()
    assert 'value="hyvaksy"' not in page
    assert _move(controller, "hyvaksy") == 400
    assert _approved_text() != "Controllerin oma teksti."
    settings.SELF_APPROVAL = True  # type: ignore[attr-defined]
    assert _move(controller, "hyvaksy") == 302
    assert _approved_text() == "Controllerin oma teksti."
