"""Fault injection (issue 9, items 4 and 11): a full disk, a read-only database and a busy one are
messages that say what to do, on the command line and in the browser; typed text is never lost."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.db import connection
from django.test import Client

from toteuma.cli import main
from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "heinola-2024-q1"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


def test_faults_are_told_apart() -> None:
    import errno

    from psycopg import errors

    from toteuma.storage import fault_of

    def wrapped(cause: Exception) -> Exception:
        from django.db import OperationalError

        try:
            raise OperationalError(str(cause)) from cause
        except OperationalError as exc:
            return exc

    assert fault_of(wrapped(sqlite3.OperationalError("database or disk is full"))) == "disk-full"
    assert fault_of(wrapped(sqlite3.OperationalError("attempt to write a readonly database"))) == "read-only"
    assert fault_of(wrapped(sqlite3.OperationalError("database is locked"))) == "busy"
    assert fault_of(wrapped(errors.DiskFull("could not extend file"))) == "disk-full"
    assert fault_of(wrapped(errors.ReadOnlySqlTransaction("read-only transaction"))) == "read-only"
    assert fault_of(wrapped(errors.LockNotAvailable("lock timeout"))) == "busy"
    assert fault_of(OSError(errno.ENOSPC, "No space left on device")) == "disk-full"
    assert fault_of(wrapped(sqlite3.OperationalError("no such table: x"))) is None
    assert fault_of(ValueError("database is locked")) is None  # words alone are not a database's


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_a_full_disk_during_an_import_is_a_message_and_nothing_is_imported(tmp_path: Path) -> None:
    from bench.generate_ledger import write

    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert _run("import", kind, str(EXAMPLE / name))[0] == 0
    ledger = tmp_path / "ledger.csv"
    write(ledger, 20_000)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + 20}")  # SQLite's own "database or disk is full"
    try:
        code, output = _run("import", "ledger", str(ledger))
    finally:
        connection.connection.execute("PRAGMA max_page_count = 1073741823")
    assert code == 1
    assert "disk" in output
    assert "full" in output
    assert "Traceback" not in output
    assert _run("batches")[1] == "Eriä ei ole vielä tuotu.\n"


@pytest.mark.django_db
def test_a_report_written_to_a_full_disk_is_a_message(demo_data: None) -> None:
    code, output = _run(
        "report", "--unit", "1000", "--period", PERIOD, "--format", "csv", "--out", "/dev/full"
    )
    assert code == 1
    assert "levy on täynnä" in output
    assert "Traceback" not in output


@contextmanager
def _read_only() -> Iterator[None]:
    """The test database takes no writes while the block runs (as a replica or a full-disk guard)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        else:
            cursor.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
            else:
                cursor.execute("PRAGMA query_only = OFF")


@pytest.mark.django_db(transaction=True)
def test_signing_in_to_a_read_only_database_is_a_503_saying_so(demo_data: None) -> None:
    from toteuma.services.demo import demo_password

    client = Client()
    with _read_only():
        response = client.post("/kirjaudu/", {"username": "talous", "password": demo_password("talous")})
        page = response.content.decode()
    assert response.status_code == 503
    assert "vain luku" in page
    assert "Traceback" not in page


@pytest.mark.django_db(transaction=True)
def test_a_command_on_a_read_only_database_is_a_message(demo_data: None) -> None:
    from toteuma import storage

    first = storage.batches()[-1].id
    with _read_only():
        code, output = _run("batches", "rollback", str(first), "--yes", "--reason", "testi")
    assert code == 1
    assert "vain luku" in output
    assert "Traceback" not in output


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_a_save_while_an_import_holds_the_database_keeps_the_text(signed_in: Callable[..., Client]) -> None:
    """Issue 9, item 4: the browser's save gets a 503 page with the typed text and a button to save again."""
    writer = signed_in("lakimies")
    other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE workflow_profile SET role = role")  # a writer holds the database
        data = {"kausi": PERIOD, "teksti": "Pitkä, huolella kirjoitettu kommentti.", "versio": 0}
        response = writer.post(f"/yksikko/{AREA}/teksti/", data)
    finally:
        other.execute("ROLLBACK")
        other.close()
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Tietokanta on varattu" in page
    assert "Pitkä, huolella kirjoitettu kommentti.</textarea>" in page
    assert f'action="/yksikko/{AREA}/teksti/"' in page
    assert 'name="versio" value="0"' in page
    assert f'name="kausi" value="{PERIOD}"' in page
    again = writer.post(f"/yksikko/{AREA}/teksti/", data)  # the page's button posts the same fields
    assert again.status_code == 302
    from toteuma.storage import workflow

    assert workflow.draft(AREA, PERIOD, "commentary").text == data["teksti"]  # type: ignore[union-attr]


@pytest.mark.django_db
def test_a_server_error_is_logged_with_the_request_id_the_page_shows(
    signed_in: Callable[..., Client], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from toteuma.services import dashboard

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(dashboard, "overview", broken)
    client = signed_in("talous")
    client.raise_request_exception = False
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    try:
        response = client.get("/")
    finally:
        logger.removeHandler(caplog.handler)
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in response.content.decode()
    assert "Palvelussa tapahtui virhe" in response.content.decode()
    logged = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert logged
    assert logged[0].request_id == request_id
    assert logged[0].exc_info is not None
    assert "a bug" in str(logged[0].exc_info[1])
