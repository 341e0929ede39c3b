"""Own forecasts (services/own_forecasts.py): amount and reason checked, the commentary's rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import TINY_ORG
from toteuma.core.periods import Period
from toteuma.services.access import Actor

__all__ = ["TINY_ORG"]

pytestmark = pytest.mark.django_db

MARCH = Period(2024, 3)
ANNA = Actor(1, "anna", "responsible", frozenset({"1100", "110010", "110020"}))
CARL = Actor(2, "carl", "controller", frozenset())
READER = Actor(3, "rita", "reader", frozenset())


@pytest.fixture(autouse=True)
def finnish() -> Iterator[None]:
    from toteuma.core.messages import use_language

    with use_language("fi"):
        yield


def test_the_amount_is_read_as_the_statement_prints_it(tiny_org: object) -> None:
    from toteuma.services import own_forecasts

    assert own_forecasts.parse_euros("-1 250 000", "henkilostokulut") == -125_000_000
    assert own_forecasts.parse_euros("-1\u00a0250\u00a0000,50", "henkilostokulut") == -125_000_050
    assert own_forecasts.parse_euros("12 000", "myyntituotot") == 1_200_000


@pytest.mark.parametrize(
    ("amount", "row", "message"),
    [
        ("", "henkilostokulut", "ei ole euromäärä"),
        ("paljon", "henkilostokulut", "”paljon” ei ole euromäärä"),
        ("-1,234", "henkilostokulut", "ei ole euromäärä"),
        ("1 250 000", "henkilostokulut", "kulurivin ennuste on miinusmerkkinen"),
    ],
)
def test_a_bad_amount_is_refused_in_finnish_and_nothing_is_saved(
    tiny_org: object, amount: str, row: str, message: str
) -> None:
    from toteuma import services
    from toteuma.services import own_forecasts
    from toteuma.storage import workflow

    with pytest.raises(services.ServiceError, match=message):
        own_forecasts.save_forecast(ANNA, "1100", MARCH, row, amount, "Syy.", 0)
    assert workflow.drafts("1100", str(MARCH)) == {}


def test_a_forecast_needs_a_reason_and_a_row_of_the_statement(tiny_org: object) -> None:
    from toteuma import services
    from toteuma.services import own_forecasts

    with pytest.raises(services.ServiceError, match="perustelu"):
        own_forecasts.save_forecast(ANNA, "1100", MARCH, "henkilostokulut", "-100", "  ", 0)
    with pytest.raises(services.ServiceError, match="ei ole riviä ”toimintakulut”"):  # a subtotal
        own_forecasts.save_forecast(ANNA, "1100", MARCH, "toimintakulut", "-100", "Syy.", 0)


def test_only_the_units_responsible_writes_and_only_a_controller_approves(tiny_org: object) -> None:
    from toteuma.services import own_forecasts
    from toteuma.services.access import ForbiddenError

    with pytest.raises(ForbiddenError):
        own_forecasts.save_forecast(ANNA, "1200", MARCH, "henkilostokulut", "-100", "Syy.", 0)
    with pytest.raises(ForbiddenError):
        own_forecasts.save_forecast(READER, "1100", MARCH, "henkilostokulut", "-100", "Syy.", 0)
    saved = own_forecasts.save_forecast(ANNA, "1100", MARCH, "henkilostokulut", "-100", "Syy.", 0)
    sent = own_forecasts.submit(ANNA, "1100", MARCH, "henkilostokulut", saved.version)
    with pytest.raises(ForbiddenError):
        own_forecasts.approve(ANNA, "1100", MARCH, "henkilostokulut", sent.version)
    own_forecasts.approve(CARL, "1100", MARCH, "henkilostokulut", sent.version)
    assert own_forecasts.approved(["1100"], MARCH)[("1100", "henkilostokulut")].amount_cents == -10_000


def test_a_controller_does_not_approve_a_forecast_they_wrote(tiny_org: object, settings: object) -> None:
    from toteuma import services
    from toteuma.services import own_forecasts

    saved = own_forecasts.save_forecast(CARL, "1100", MARCH, "henkilostokulut", "-100", "Syy.", 0)
    sent = own_forecasts.submit(CARL, "1100", MARCH, "henkilostokulut", saved.version)
    with pytest.raises(services.ServiceError, match="carl"):
        own_forecasts.approve(CARL, "1100", MARCH, "henkilostokulut", sent.version)
    settings.SELF_APPROVAL = True  # type: ignore[attr-defined]
    own_forecasts.approve(CARL, "1100", MARCH, "henkilostokulut", sent.version)
    assert ("1100", "henkilostokulut") in own_forecasts.approved(["1100"], MARCH)


def test_readers_get_no_drafts_and_a_send_back_carries_its_comment(tiny_org: object) -> None:
    from toteuma.services import own_forecasts

    saved = own_forecasts.save_forecast(ANNA, "1100", MARCH, "palvelujen_ostot", "-2 000", "Syy.", 0)
    sent = own_forecasts.submit(ANNA, "1100", MARCH, "palvelujen_ostot", saved.version)
    assert own_forecasts.forecast_drafts(READER, "1100", MARCH) == {}
    assert own_forecasts.forecast_drafts(CARL, "1100", MARCH)["palvelujen_ostot"].state == "ready"
    back = own_forecasts.send_back(
        CARL, "1100", MARCH, "palvelujen_ostot", "Perustele tarkemmin.", sent.version
    )
    assert (back.state, back.review_comment) == ("draft", "Perustele tarkemmin.")
    assert own_forecasts.approved(["1100"], MARCH) == {}
