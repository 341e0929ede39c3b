"""Imports and rollbacks from the command line are in the audit log like those from the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.services.demo import EXAMPLE_DIR

pytestmark = pytest.mark.django_db


def _log() -> list[tuple[str, str, str]]:
    from toteuma.storage import workflow

    return [(entry.user, entry.action, entry.target) for entry in workflow.audit_log()]


def test_a_command_line_import_and_its_rollback_are_audited(
    tiny_org: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("USER", "controller-on-cli")
    runner = CliRunner()
    assert runner.invoke(main, ["import", "accounts", str(EXAMPLE_DIR / "accounts.csv")]).exit_code == 0
    ledger = "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n15.1.2024;1;4300;110010;12,30\n"
    path = tmp_path / "audit-ledger.csv"
    path.write_text(ledger, encoding="utf-8")
    assert runner.invoke(main, ["import", "ledger", str(path)]).exit_code == 0
    assert ("controller-on-cli", "import", "ledger:audit-ledger.csv") in _log()
    from toteuma import storage

    batch = storage.batches()[0].id
    assert runner.invoke(main, ["batches", "rollback", str(batch)]).exit_code == 0
    assert ("controller-on-cli", "import.rollback", f"batch:{batch}") == _log()[0]
