"""Roles and the units a user may edit (services/access.py)."""

from __future__ import annotations

import pytest

from toteuma.services.access import Actor

pytestmark = pytest.mark.django_db


def test_a_responsible_edits_the_assigned_units_and_everything_under_them(tiny_org: object) -> None:
    from toteuma import services

    who = services.actor(services.add_user("anna", "responsible", "kevät-tuuli-2024-pohjoinen", ("1100",)).id)
    assert who.editable == frozenset({"1100", "110010", "110020"})
    assert who.may_edit("110020")
    assert not who.may_edit("1200")
    assert who.sees_drafts
    assert not who.is_controller


def test_controllers_edit_everything_and_readers_see_no_drafts() -> None:
    controller = Actor(1, "c", "controller", frozenset())
    reader = Actor(2, "r", "reader", frozenset())
    assert controller.may_edit("1200")
    assert controller.is_controller
    assert not reader.sees_drafts
    assert not reader.may_edit("1200")


def test_adding_a_user_checks_units_and_password(tiny_org: object) -> None:
    from toteuma import services

    with pytest.raises(services.ServiceError, match="tuntemattomat yksikkökoodit 9999"):
        services.add_user("anna", "responsible", "kevät-tuuli-2024-pohjoinen", ("9999",))
    with pytest.raises(services.ServiceError, match="salasana"):
        services.add_user("anna", "reader", "", ())
