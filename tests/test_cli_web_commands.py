"""`toteuma user add` (cli/web_commands.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def test_user_add_reads_the_password_from_stdin_and_assigns_units(tiny_org: object) -> None:
    from django.contrib.auth import authenticate

    from toteuma.storage import workflow

    result = CliRunner().invoke(
        main,
        ["user", "add", "anna", "--role", "responsible", "--unit", "1100", "--password-stdin"],
        input="s3cret\n",
    )
    assert result.exit_code == 0, result.output
    user = authenticate(username="anna", password="s3cret")
    assert user is not None
    assert workflow.user_info(user.pk).units == ("1100",)  # type: ignore[union-attr]


def test_user_add_refuses_an_unknown_unit(tiny_org: object) -> None:
    result = CliRunner().invoke(
        main,
        ["user", "add", "anna", "--role", "responsible", "--unit", "42", "--password-stdin"],
        input="pw\n",
    )
    assert result.exit_code == 1
    assert "tuntemattomat yksikkökoodit 42" in result.output
