"""`toteuma user` (cli/web_commands.py): add, list, remove, set-role, set-password, unlock; password rules."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = "kevät-tuuli-2024-pohjoinen"


def _user(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", "user", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


def _password_works(name: str, password: str) -> bool:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=name).first()
    return user is not None and user.check_password(password)


def test_user_add_reads_the_password_from_stdin_and_assigns_units(tiny_org: object) -> None:
    from toteuma.storage import workflow

    code, output = _user(
        "add", "anna", "--role", "responsible", "--unit", "1100", "--password-stdin", stdin=GOOD
    )
    assert code == 0, output
    assert _password_works("anna", GOOD)
    assert [(u.name, u.role, u.units) for u in workflow.all_users()] == [("anna", "responsible", ("1100",))]


def test_user_add_refuses_an_unknown_unit(tiny_org: object) -> None:
    code, output = _user(
        "add", "anna", "--role", "responsible", "--unit", "42", "--password-stdin", stdin=GOOD
    )
    assert code == 1
    assert "unknown unit code(s) 42" in output


@pytest.mark.parametrize(
    ("password", "said"),
    [
        ("a", "too short"),
        ("salasana", "too short"),
        ("123456789012345", "entirely numeric"),
        ("password123456", "too common"),
        ("anna.virtanen1", "too similar"),
    ],
)
def test_a_weak_password_is_refused_everywhere_it_is_set(tiny_org: object, password: str, said: str) -> None:
    """Issue 9, item 8: Django's password rules, for a new user and a new password alike."""
    code, output = _user("add", "anna.virtanen", "--role", "reader", "--password-stdin", stdin=password)
    assert code == 1
    assert said in output
    assert not _password_works("anna.virtanen", password)
    assert _user("add", "anna.virtanen", "--role", "reader", "--password-stdin", stdin=GOOD)[0] == 0
    code, output = _user("set-password", "anna.virtanen", "--password-stdin", stdin=password)
    assert code == 1
    assert said in output
    assert _password_works("anna.virtanen", GOOD)


def test_set_role_set_password_and_remove_change_the_user_and_are_audited(tiny_org: object) -> None:
    from toteuma.storage import workflow

    _user("add", "bertil", "--role", "responsible", "--unit", "1100", "--password-stdin", stdin=GOOD)
    code, output = _user("set-role", "bertil", "--role", "controller")
    assert code == 0, output
    assert [(u.role, u.units) for u in workflow.all_users()] == [("controller", ("1100",))]
    assert _user("set-role", "bertil", "--role", "responsible", "--unit", "1200")[0] == 0
    assert [(u.role, u.units) for u in workflow.all_users()] == [("responsible", ("1200",))]
    assert _user("set-password", "bertil", "--password-stdin", stdin=GOOD + "-uusi")[0] == 0
    assert _password_works("bertil", GOOD + "-uusi")
    listed = _user("list")[1]
    assert "bertil" in listed
    assert "responsible" in listed
    code, output = _user("remove", "bertil")
    assert code == 0, output
    assert workflow.all_users() == []
    actions = [entry.action for entry in workflow.audit_log()]
    assert actions[:4] == ["user.remove", "user.password", "user.role", "user.role"]
    assert all("kevät" not in str(entry.after) for entry in workflow.audit_log())  # no password logged


def test_commands_on_an_unknown_user_say_so(tiny_org: object) -> None:
    for args in (("remove", "nobody"), ("set-role", "nobody", "--role", "reader")):
        code, output = _user(*args)
        assert code == 1
        assert "no user “nobody”" in output
