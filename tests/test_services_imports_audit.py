"""Imports and rollbacks from the command line are in the audit log like those from the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.core.records import AccountRecord
from toteuma.services.demo import EXAMPLE_DIR

pytestmark = pytest.mark.django_db


def _log() -> list[tuple[str, str, str]]:
    from toteuma.storage import workflow

    return [(entry.user, entry.action, entry.target) for entry in workflow.audit_log()]


def test_a_command_line_import_and_its_rollback_are_audited(
    tiny_org: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LOGNAME", "controller-on-cli")
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
    assert (
        runner.invoke(main, ["batches", "rollback", str(batch), "--yes", "--reason", "testi"]).exit_code == 0
    )
    assert ("controller-on-cli", "import.rollback", f"batch:{batch}") == _log()[0]


def test_a_command_line_batch_records_the_operating_system_user_without_login_variables(
    tiny_org: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under cron, systemd or a container there is often no USER: the batch is not "by unknown"."""
    import os
    import pwd

    from toteuma import storage

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "cron-ledger.csv"
    path.write_text("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n15.1.2024;1;4300;110010;12,30\n", "utf-8")
    storage.load_accounts([AccountRecord(4300, "Palvelut")])
    assert CliRunner().invoke(main, ["import", "ledger", str(path)]).exit_code == 0
    assert storage.batches()[0].imported_by == pwd.getpwuid(os.getuid()).pw_name
