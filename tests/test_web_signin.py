"""Sign-in (issue 9, item 8): throttled and locked out after repeated wrong passwords; no Django admin."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from webdemo import demo_data

__all__ = ["demo_data"]

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


def _sign_in(client: Client, password: str, name: str = "talous") -> int:
    return client.post("/kirjaudu/", {"username": name, "password": password}).status_code


def test_repeated_wrong_passwords_lock_the_user_name_out_even_for_the_right_one(demo_data: None) -> None:
    from toteuma.services.demo import demo_password

    attacker = Client()
    codes = [_sign_in(attacker, f"arvaus-{n}") for n in range(30)]
    assert codes[:4] == [200] * 4  # the form again, with "wrong password"
    assert set(codes[5:]) == {429}
    response = attacker.post("/kirjaudu/", {"username": "talous", "password": demo_password("talous")})
    assert response.status_code == 429
    assert "Kirjautuminen on tilapäisesti estetty" in response.content.decode()
    assert "15 minuutin" in response.content.decode()
    assert "_auth_user_id" not in attacker.session


def test_the_lockout_is_by_user_name_and_address_and_ends_with_unlock(demo_data: None) -> None:
    from toteuma.services import unlock
    from toteuma.services.demo import demo_password

    for n in range(6):
        _sign_in(Client(), f"arvaus-{n}")
    elsewhere = Client(REMOTE_ADDR="10.0.0.7")
    assert _sign_in(elsewhere, demo_password("talous")) == 302  # another address is not locked out
    assert _sign_in(Client(), demo_password("valtuutettu"), "valtuutettu") == 302  # nor another user
    assert _sign_in(Client(), demo_password("talous")) == 429
    unlock("talous", by="test")
    assert _sign_in(Client(), demo_password("talous")) == 302


def test_there_is_no_django_admin_and_the_docs_promise_none(demo_data: None) -> None:
    from toteuma.services.demo import demo_password

    client = Client()
    _sign_in(client, demo_password("admin"), "admin")
    assert client.get("/admin/").status_code == 404
    web = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    assert "Django's admin" not in web
    assert "toteuma user set-role" in web


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.9", "203.0.113.9"),
        ("127.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own entry is not believed
        ("198.51.100.4", "203.0.113.9", "198.51.100.4"),  # not from the proxy: the header is ignored
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
    ],
)
def test_the_lockout_counts_the_address_the_proxy_saw(peer: str, forwarded: str, expected: str) -> None:
    from django.test import RequestFactory

    from toteuma.web.proxy import client_address

    request = RequestFactory().post("/kirjaudu/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
