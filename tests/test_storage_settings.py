"""Settings: which database a TOTEUMA_DATABASE_URL (or its absence) selects, and storage set-up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connection

from toteuma import storage
from toteuma.settings import database_from_env


def test_default_database_is_a_sqlite_file_in_the_working_directory(tmp_path: Path) -> None:
    config = database_from_env({}, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "toteuma.sqlite3")
    assert "PRAGMA journal_mode = WAL" in config["OPTIONS"]["init_command"]
    assert "PRAGMA foreign_keys = ON" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_url(tmp_path: Path) -> None:
    config = database_from_env(
        {"TOTEUMA_DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/kunta"}, tmp_path
    )
    assert (config["ENGINE"], config["NAME"], config["HOST"], config["PORT"]) == (
        "django.db.backends.postgresql",
        "kunta",
        "127.0.0.1",
        5432,
    )
    assert "init_command" not in config.get("OPTIONS", {})


def test_sqlite_url_gets_the_pragmas_too(tmp_path: Path) -> None:
    config = database_from_env({"TOTEUMA_DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"}, tmp_path)
    assert config["NAME"] == f"{tmp_path}/x.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
def test_the_tests_run_on_the_database_the_environment_names() -> None:
    wanted = "postgresql" if os.environ.get("TOTEUMA_DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted


@pytest.mark.sqlite
@pytest.mark.django_db
def test_sqlite_connections_enforce_foreign_keys() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db
def test_setup_is_idempotent_and_migrate_is_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    storage.setup()
    storage.migrate()  # the test database is migrated already: nothing to do, nothing printed
    assert capsys.readouterr().out == ""


def test_lazy_api_names_resolve_and_unknown_names_fail() -> None:
    assert callable(storage.load_ledger)
    with pytest.raises(AttributeError, match="no_such_function"):
        storage.no_such_function  # noqa: B018


def test_every_toteuma_environment_setting_is_documented() -> None:
    """A TOTEUMA_* variable the settings read is named in docs/ (deploy.md, web.md, storage.md)."""
    import re

    root = Path(__file__).parents[1]
    read = {
        name
        for path in (root / "src" / "toteuma").glob("settings*.py")
        for name in re.findall(r"TOTEUMA_[A-Z_]+", path.read_text(encoding="utf-8"))
    }
    docs = "".join(path.read_text(encoding="utf-8") for path in (root / "docs").glob("*.md"))
    assert "TOTEUMA_CACHE_URL" in read
    assert sorted(name for name in read if name not in docs) == []
