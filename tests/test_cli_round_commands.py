"""`toteuma round open|list`, `toteuma remind` and `toteuma user email` (cli/round_commands.py)."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def _run(*args: str, stdin: str = "") -> Any:
    return CliRunner().invoke(main, list(args), input=stdin)


def test_a_round_opens_and_remind_mails_once_a_day(tiny_org: object, mailoutbox: list[Any]) -> None:
    assert (
        _run(
            "user",
            "add",
            "anna",
            "--role",
            "responsible",
            "--unit",
            "1100",
            "--password-stdin",
            stdin="kevät-tuuli-2024-pohjoinen\n",
        ).exit_code
        == 0
    )
    assert _run("user", "email", "anna", "anna@kunta.example").exit_code == 0
    opened = _run("round", "open", "2024-03", "--deadline", "2024-04-15", "--unit", "1100")
    assert opened.exit_code == 0, opened.output
    assert "2024-03" in _run("round", "list").output
    first = _run("remind", "--date", "2024-04-13")
    assert first.exit_code == 0, first.output
    assert "Muistutuksia lähetetty: 1." in first.output
    assert [m.to for m in mailoutbox] == [["anna@kunta.example"]]
    assert "Muistutuksia lähetetty: 0." in _run("remind", "--date", "2024-04-13").output  # not twice a day


def test_bad_input_is_refused_with_a_message(tiny_org: object) -> None:
    bad_date = _run("round", "open", "2024-03", "--deadline", "15.4.2024", "--unit", "1100")
    assert bad_date.exit_code == 1
    assert "VVVV-KK-PP" in bad_date.output
    unknown = _run("round", "open", "2024-03", "--deadline", "2024-04-15", "--unit", "42")
    assert unknown.exit_code == 1
    assert "tuntemattomat yksikkökoodit 42" in unknown.output
    assert "käyttäjää ”nobody” ei ole" in _run("user", "email", "nobody", "x@y.example").output
    assert "ei ole sähköpostiosoite" in _run("user", "email", "nobody", "x").output
