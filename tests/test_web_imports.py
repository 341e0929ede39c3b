"""Imports in the browser: check, problems table, confirm or cancel, batches and rollback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from webdemo import demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
GOOD = (
    b"Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n"
    b"15.4.2024;T1;4300;130010;12,00\n"
    b"16.4.2024;T2;4300;130020;8,50\n"
)


def _lines() -> int:
    from toteuma.storage import models

    return models.LedgerLine.objects.count()


def _upload(client: Client, name: str, content: bytes, kind: str = "ledger"):  # type: ignore[no-untyped-def]
    return client.post("/tuonnit/lataa/", {"laji": kind, "tiedosto": SimpleUploadedFile(name, content)})


def test_a_bad_ledger_shows_its_problems_and_changes_nothing(signed_in: Callable[..., Client]) -> None:
    before = _lines()
    response = _upload(
        signed_in("talous"), "ledger-bad-values.csv", (DATA / "ledger-bad-values.csv").read_bytes()
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert 'id="ongelmataulukko"' in page
    assert "43x0" in page  # the bad value is quoted
    assert "Vahvista tuonti" not in page
    assert _lines() == before


def test_a_good_ledger_is_checked_then_confirmed_listed_and_rolled_back(
    signed_in: Callable[..., Client],
) -> None:
    from toteuma.storage import models

    client = signed_in("talous")
    before = _lines()
    check = _upload(client, "huhtikuu.csv", GOOD)
    assert check.status_code == 200
    assert "Vahvista tuonti" in check.content.decode()
    assert _lines() == before  # checking loads nothing
    assert client.post("/tuonnit/vahvista/", {"toiminto": "vahvista"}).status_code == 302
    assert _lines() == before + 2
    listing = client.get("/tuonnit/").content.decode()
    assert "huhtikuu.csv" in listing
    assert "talous" in listing
    batch = models.ImportBatch.objects.get(file_name="huhtikuu.csv")
    confirm = client.get(f"/tuonnit/{batch.id}/peru/").content.decode()
    assert "Syy (pakollinen, tallentuu muutoslokiin)" in confirm
    assert "huhtikuu.csv" in confirm
    assert _lines() == before + 2  # asking changes nothing
    refused = client.post(f"/tuonnit/{batch.id}/peru/", {"syy": "  "})
    assert refused.status_code == 400
    assert "Kirjoita syy, miksi erä perutaan." in refused.content.decode()
    assert _lines() == before + 2  # no reason, no rollback
    assert client.post(f"/tuonnit/{batch.id}/peru/", {"syy": "Väärä kuukausi"}).status_code == 302
    assert _lines() == before
    log = client.get("/loki/").content.decode()
    assert "Tuontierän peruminen" in log
    assert "<dt>syy</dt><dd>Väärä kuukausi</dd>" in log
    assert "<dt>tiedosto</dt><dd>huhtikuu.csv</dd>" in log


def test_the_audit_log_is_readable_and_filtered(signed_in: Callable[..., Client]) -> None:
    client = signed_in("talous")
    _upload(client, "huhtikuu.csv", GOOD)
    client.post("/tuonnit/vahvista/", {"toiminto": "vahvista"})
    page = client.get("/loki/").content.decode()
    assert "kirjanpito: huhtikuu.csv" in page
    assert re.search(r"<dt>summa</dt><dd>[-0-9 ]+,[0-9]{2} €</dd>", page)  # not '806830000'
    assert "'total_cents'" not in page
    assert "{'role'" not in page
    assert "<td>Käyttäjän lisäys</td>" in page  # the demo users
    only_imports = client.get("/loki/", {"toiminto": "import"}).content.decode()
    assert "kirjanpito: huhtikuu.csv" in only_imports
    assert "<td>Käyttäjän lisäys</td>" not in only_imports
    assert "huhtikuu.csv" not in client.get("/loki/", {"kuka": "demo"}).content.decode()
    assert "huhtikuu.csv" not in client.get("/loki/", {"asti": "2000-01-01"}).content.decode()
    assert "huhtikuu.csv" in client.get("/loki/", {"kohde": "HUHTI"}).content.decode()
    assert client.get("/loki/", {"alkaen": "eilen"}).status_code == 400


def test_cancel_drops_the_checked_file(signed_in: Callable[..., Client]) -> None:
    client = signed_in("talous")
    before = _lines()
    _upload(client, "huhtikuu.csv", GOOD)
    assert client.post("/tuonnit/vahvista/", {"toiminto": "peru"}).status_code == 302
    assert client.post("/tuonnit/vahvista/", {"toiminto": "vahvista"}).status_code == 302  # nothing staged
    assert _lines() == before
