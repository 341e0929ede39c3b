"""The role x URL x method matrix, from the URL configuration itself, against web/permissions.py.

Every URL the dashboard answers is requested with GET and POST as every role; a URL that the table
does not list fails the test, so a new page cannot go in without its permissions written down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from toteuma.web import permissions
from toteuma.web.permissions import ACTIONS, MATRIX, METHOD, OK, REFUSED, ROLES, SIGN_IN
from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

ROOT = Path(__file__).resolve().parents[1]
USERS = (None, "valtuutettu", "lakimies", "digi", "talous", "admin")  # in the order of ROLES
ARGS: dict[str, object] = {"code": AREA, "row": "palvelujen_ostot", "column": "tot", "project": "INV1301"}
# What each POST sends: enough to reach the permission check of a real action.
POSTS: dict[str, dict[str, object]] = {
    "save-text": {"kausi": PERIOD, "teksti": "Matriisin teksti.", "versio": 0},
    "move-text": {"kausi": PERIOD, "toiminto": "laheta", "versio": 0},
    "save-forecast": {
        "kausi": PERIOD,
        "rivi": "palvelujen_ostot",
        "ennuste": "-1 000",
        "perustelu": "Syy.",
        "versio": 0,
    },
    "move-forecast": {"kausi": PERIOD, "rivi": "palvelujen_ostot", "toiminto": "laheta", "versio": 0},
    "upload": {"laji": "ledger"},
    "confirm-import": {"toiminto": "vahvista"},
    "login": {"username": "nobody", "password": "wrong"},
    "set_language": {"language": "fi", "next": "/"},
    "open-round": {"kausi": PERIOD, "maaraaika": "2024-04-15", "yksikot": [AREA]},
}


def _patterns(patterns: list[Any]) -> Iterator[URLPattern]:
    for item in patterns:
        if isinstance(item, URLResolver):
            yield from _patterns(item.url_patterns)
        else:
            yield item


def _url(pattern: URLPattern) -> str:
    from toteuma.storage.models import Goal, ImportBatch

    wanted = {name: ARGS.get(name) for name in pattern.pattern.converters}
    if "batch_id" in wanted:
        wanted["batch_id"] = ImportBatch.objects.order_by("id").values_list("id", flat=True).first()
    if "goal_id" in wanted:
        wanted["goal_id"] = Goal.objects.order_by("id").values_list("id", flat=True).first()
    url = reverse(str(pattern.name), kwargs=wanted)
    return url + (f"?yksikko={AREA}" if pattern.name == "project-lines" else "")


def _outcome(response: Any) -> str:
    if response.status_code == 302 and response["Location"].startswith("/kirjaudu/?next="):
        return SIGN_IN
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 405:
        return METHOD
    assert response.status_code < 500, response.status_code
    return OK


def _as(role: int, make: Callable[..., Client]) -> Client:
    user = USERS[role]
    return Client() if user is None else make(user)


def _request(role: int, make: Callable[..., Client], method: str, url: str, data: dict[str, object]) -> Any:
    """One request by a freshly signed-in client, its changes undone, so that each sees the same data."""
    with transaction.atomic():
        client = _as(role, make)
        response = client.get(url) if method == "GET" else client.post(url, data)
        transaction.set_rollback(True)
    return response


def test_every_url_is_in_the_table() -> None:
    names = {str(pattern.name) for pattern in _patterns(get_resolver().url_patterns)}
    assert names == {name for name, _ in MATRIX}


@pytest.mark.django_db
def test_every_role_url_and_method_gets_what_the_table_says(signed_in: Callable[..., Client]) -> None:
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for pattern in _patterns(get_resolver().url_patterns):
        url = _url(pattern)
        for method in ("GET", "POST"):
            data = POSTS.get(str(pattern.name), {})
            roles = range(len(ROLES))
            found[(str(pattern.name), method)] = tuple(
                _outcome(_request(role, signed_in, method, url, data)) for role in roles
            )
    wrong = {key: (found[key], MATRIX[key]) for key in found if found[key] != MATRIX[key]}
    assert wrong == {}, "(found, expected) by (URL name, method)"


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["hyvaksy", "palauta"])
def test_approving_and_sending_back_are_the_controllers(
    signed_in: Callable[..., Client], action: str
) -> None:
    from toteuma.storage import workflow

    signed_in("lakimies").post(f"/yksikko/{AREA}/teksti/", POSTS["save-text"])
    signed_in("lakimies").post(f"/yksikko/{AREA}/tila/", {**POSTS["move-text"], "versio": 1})
    version = workflow.draft(AREA, PERIOD, "commentary").version  # type: ignore[union-attr]
    data = {"kausi": PERIOD, "toiminto": action, "versio": version}
    url = f"/yksikko/{AREA}/tila/"
    outcomes = tuple(_outcome(_request(role, signed_in, "POST", url, data)) for role in range(len(ROLES)))
    key = next(key for key in ACTIONS if f"toiminto={action}" in key)
    assert outcomes == ACTIONS[key]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["hyvaksy", "palauta"])
def test_approving_and_sending_back_a_forecast_are_the_controllers(
    signed_in: Callable[..., Client], action: str
) -> None:
    from toteuma.storage import workflow

    signed_in("lakimies").post(f"/yksikko/{AREA}/ennusteet/tallenna/", POSTS["save-forecast"])
    signed_in("lakimies").post(f"/yksikko/{AREA}/ennusteet/tila/", {**POSTS["move-forecast"], "versio": 1})
    draft = workflow.draft(AREA, PERIOD, "forecast:palvelujen_ostot")
    assert draft is not None
    assert draft.state == "ready"
    data = {"kausi": PERIOD, "rivi": "palvelujen_ostot", "toiminto": action, "versio": draft.version}
    url = f"/yksikko/{AREA}/ennusteet/tila/"
    outcomes = tuple(_outcome(_request(role, signed_in, "POST", url, data)) for role in range(len(ROLES)))
    assert (
        outcomes
        == ACTIONS[
            f"move-forecast POST toiminto={action} ({'approve' if action == 'hyvaksy' else 'send back'})"
        ]
    )


def test_docs_security_md_has_the_matrix_as_generated() -> None:
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    assert permissions.markdown() in text, "run `python scripts/security_doc.py`"
