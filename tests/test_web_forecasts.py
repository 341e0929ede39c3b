"""A unit's forecast page: own forecasts written, sent and approved; readers see approved ones only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

URL = f"/yksikko/{AREA}/ennusteet/"
ROW = "palvelujen_ostot"


def _save(client: Client, amount: str, reason: str, version: int = 0) -> object:
    data = {"kausi": PERIOD, "rivi": ROW, "ennuste": amount, "perustelu": reason, "versio": version}
    return client.post(f"{URL}tallenna/", data)


def _move(client: Client, action: str, version: int) -> object:
    return client.post(f"{URL}tila/", {"kausi": PERIOD, "rivi": ROW, "toiminto": action, "versio": version})


def _page(client: Client) -> str:
    response = client.get(f"{URL}?kausi={PERIOD}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_reader_never_sees_a_draft_forecast_and_sees_the_approved_one(
    signed_in: Callable[..., Client],
) -> None:
    responsible, controller, reader = signed_in("lakimies"), signed_in("talous"), signed_in("valtuutettu")
    _save(responsible, "-123 456", "Luonnoksen salainen perustelu.")
    assert "Luonnoksen salainen perustelu." in _page(responsible)
    assert "-123\u00a0456" in _page(controller)
    page = _page(reader)
    assert "Luonnoksen salainen perustelu." not in page
    assert "123\u00a0456" not in page
    assert 'name="ennuste"' not in page  # no form for a reader
    _move(responsible, "laheta", 1)
    assert "Luonnoksen salainen perustelu." not in _page(reader)
    _move(controller, "hyvaksy", 2)
    page = _page(reader)
    assert "Hyväksytty oma ennuste: -123\u00a0456" in page
    assert "Luonnoksen salainen perustelu." in page  # now approved: its reason is public


def test_a_bad_amount_is_a_finnish_400_page_and_nothing_is_saved(signed_in: Callable[..., Client]) -> None:
    from toteuma.storage import workflow

    response = _save(signed_in("lakimies"), "1 000", "Syy.")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "kulurivin ennuste on miinusmerkkinen" in response.content.decode()  # type: ignore[attr-defined]
    assert workflow.draft(AREA, PERIOD, f"forecast:{ROW}") is None


def test_a_stale_save_shows_both_forecasts(signed_in: Callable[..., Client]) -> None:
    responsible = signed_in("lakimies")
    _save(responsible, "-1 000", "Ensimmäinen.")
    response = _save(signed_in("talous"), "-2 000", "Toinen.", version=0)
    assert response.status_code == 409  # type: ignore[attr-defined]
    text = response.content.decode()  # type: ignore[attr-defined]
    assert "Ensimmäinen." in text
    assert "Toinen." in text


def test_the_inbox_lists_a_forecast_sent_for_review_with_its_row(signed_in: Callable[..., Client]) -> None:
    responsible, controller = signed_in("lakimies"), signed_in("talous")
    _save(responsible, "-1 000", "Syy.")
    _move(responsible, "laheta", 1)
    page = controller.get("/saapuneet/").content.decode()
    assert "Oma ennuste: Palvelujen ostot" in page
    assert f"/yksikko/{AREA}/ennusteet/?kausi={PERIOD}#ennuste-{ROW}" in page


def test_the_page_names_each_method_in_finnish_and_no_raw_code(signed_in: Callable[..., Client]) -> None:
    page = _page(signed_in("talous"))
    assert "Menetelmä" in page
    for code in ("run-rate", "monthly-budget", ">seasonal<", ">own<", ">history<"):
        assert code not in page


def test_the_controllers_mail_names_the_row_the_amount_and_the_reason(
    signed_in: Callable[..., Client], settings: object
) -> None:
    from django.core import mail

    from toteuma.services.inbox import set_email

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]
    set_email("talous", "talous@heinola.example")
    responsible = signed_in("lakimies")
    _save(responsible, "-1 234 567", "Konsulttipalvelut syksyllä.")
    _move(responsible, "laheta", 1)
    sent = [m for m in mail.outbox if "talous@heinola.example" in m.to]
    assert len(sent) == 1
    body = sent[0].body
    assert "Oma ennuste: Palvelujen ostot" in body
    assert "Ennuste: -1\u00a0234\u00a0567 €" in body
    assert "Konsulttipalvelut syksyllä." in body
    assert f"/yksikko/{AREA}/ennusteet/?kausi={PERIOD}#ennuste-{ROW}" in body


def test_the_audit_log_says_the_forecast_in_words_with_its_amount(signed_in: Callable[..., Client]) -> None:
    responsible, controller = signed_in("lakimies"), signed_in("talous")
    _save(responsible, "-1 000", "Ensin.")
    _save(responsible, "-2 500,50", "Sitten.", version=1)
    page = controller.get("/loki/?toiminto=draft").content.decode()
    assert f"yksikkö {AREA}, kausi {PERIOD}: oma ennuste: Palvelujen ostot" in page
    assert "<dt>ennuste</dt><dd>-2 500,50 €</dd>" in page
    assert "forecast:" not in page
    assert "amount_cents" not in page
