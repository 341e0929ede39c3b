"""Fixtures of the web tests: the reference example imported with the demo users, and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, RequestFactory

AREA = "1300"  # Hallinnon tukipalvelut: its responsible is the demo user "lakimies"
OTHER_AREA = "1400"  # Tietohallinto- ja digipalvelut: "digi" answers for it, "lakimies" does not
PERIOD = "2024-03"


@pytest.fixture
def demo_data(db: None, settings: Any) -> None:
    """The example's units, accounts, ledgers, budget, goals and commentary, and one user per role."""
    from toteuma.services.demo import add_demo_users, import_example

    # Sign-in is tested, not password stretching: the fast hasher keeps each test's set-up short.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_example()
    add_demo_users()


@pytest.fixture
def signed_in(demo_data: None) -> Callable[..., Client]:
    """A client signed in as one of the demo users; `csrf=True` makes it check CSRF like a browser."""

    def make(name: str, *, csrf: bool = False) -> Client:
        from toteuma.services.demo import demo_password

        client = Client(enforce_csrf_checks=csrf)
        # The sign-in throttle (django-axes) needs the request the credentials came with.
        request = RequestFactory().post("/kirjaudu/")
        assert client.login(request=request, username=name, password=demo_password(name))
        return client

    return make
