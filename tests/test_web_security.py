"""Security of the dashboard: sign-in everywhere, roles on every write, CSRF, inert markup, upload limits."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from webdemo import AREA, OTHER_AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

DRILL = f"/porautuminen/{AREA}/palvelujen_ostot/tot/"
GET_URLS = (
    "/",
    f"/yksikko/{AREA}/",
    DRILL,
    f"{DRILL}rivit/",
    f"{DRILL}rivit.csv",
    "/tuonnit/",
    "/raportit/",
    "/loki/",
)
POST_URLS = (
    f"/yksikko/{AREA}/teksti/",
    f"/yksikko/{AREA}/tila/",
    "/tuonnit/lataa/",
    "/tuonnit/vahvista/",
    "/tuonnit/1/peru/",
)
DATA = Path(__file__).parent / "data"


def _state() -> dict[str, Any]:
    """Everything a write could change: drafts, approved texts, audit log, batches, ledger lines."""
    from toteuma.storage import models
    from toteuma.storage.workflow import models as wf

    return {
        "drafts": list(wf.Draft.objects.values_list("unit_code", "subject", "text", "state", "version")),
        "texts": list(models.UnitText.objects.order_by("id").values_list("id", "text")),
        "audit": wf.AuditEntry.objects.count(),
        "batches": list(models.ImportBatch.objects.values_list("id", flat=True)),
        "lines": models.LedgerLine.objects.count(),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", GET_URLS + POST_URLS)
def test_every_view_sends_an_anonymous_user_to_sign_in(url: str) -> None:
    client = Client()
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"].startswith("/kirjaudu/")


def _first_batch() -> int:
    from toteuma.storage import models

    return int(models.ImportBatch.objects.values_list("id", flat=True).first() or 0)


# (user, method, url, data): each is a write (or controller page) the user's role does not allow.
REFUSED = (
    ("valtuutettu", "post", f"/yksikko/{AREA}/teksti/", {"kausi": PERIOD, "teksti": "x", "versio": 0}),
    ("lakimies", "post", f"/yksikko/{OTHER_AREA}/teksti/", {"kausi": PERIOD, "teksti": "x", "versio": 0}),
    ("lakimies", "post", f"/yksikko/{OTHER_AREA}/tila/", {"kausi": PERIOD, "toiminto": "laheta"}),
    ("lakimies", "post", f"/yksikko/{AREA}/tila/", {"kausi": PERIOD, "toiminto": "hyvaksy"}),
    ("lakimies", "post", f"/yksikko/{AREA}/tila/", {"kausi": PERIOD, "toiminto": "palauta"}),
    ("valtuutettu", "post", f"/yksikko/{AREA}/tila/", {"kausi": PERIOD, "toiminto": "laheta"}),
    ("lakimies", "post", "/tuonnit/lataa/", {"laji": "ledger"}),
    ("lakimies", "post", "/tuonnit/vahvista/", {"toiminto": "vahvista"}),
    ("lakimies", "post", "/tuonnit/BATCH/peru/", {}),
    ("valtuutettu", "post", "/tuonnit/BATCH/peru/", {}),
    ("lakimies", "get", "/tuonnit/", {}),
    ("lakimies", "get", "/loki/", {}),
    ("valtuutettu", "get", "/loki/", {}),
)


@pytest.mark.parametrize(("user", "method", "url", "data"), REFUSED)
def test_a_role_without_the_right_gets_403_and_nothing_changes(
    signed_in: Callable[..., Client], user: str, method: str, url: str, data: dict[str, object]
) -> None:
    writer = signed_in("digi")  # a draft in the other area waiting for review, to be left alone
    writer.post(f"/yksikko/{OTHER_AREA}/teksti/", {"kausi": PERIOD, "teksti": "Digi.", "versio": 0})
    writer.post(f"/yksikko/{OTHER_AREA}/tila/", {"kausi": PERIOD, "toiminto": "laheta"})
    if "tila/" in url and url.startswith(f"/yksikko/{AREA}"):
        signed_in("lakimies").post(f"/yksikko/{AREA}/teksti/", {"kausi": PERIOD, "teksti": "L.", "versio": 0})
        signed_in("lakimies").post(f"/yksikko/{AREA}/tila/", {"kausi": PERIOD, "toiminto": "laheta"})
    before = _state()
    client = signed_in(user)
    response = getattr(client, method)(url.replace("BATCH", str(_first_batch())), data)
    assert response.status_code == 403
    assert _state() == before


@pytest.mark.parametrize("url", POST_URLS)
def test_csrf_is_enforced_on_every_post(signed_in: Callable[..., Client], url: str) -> None:
    before = _state()
    response = signed_in("talous", csrf=True).post(
        url.replace("/1/", f"/{_first_batch()}/"), {"kausi": PERIOD}
    )
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert _state() == before


def test_markup_in_commentary_is_shown_as_text(signed_in: Callable[..., Client]) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    writer, controller = signed_in("lakimies"), signed_in("talous")
    for client, data in (
        (writer, {"teksti": hostile, "versio": 0}),
        (writer, {"toiminto": "laheta", "versio": 1}),
        (controller, {"toiminto": "hyvaksy", "versio": 2}),
    ):
        path = "teksti/" if "teksti" in data else "tila/"
        assert client.post(f"/yksikko/{AREA}/{path}", {"kausi": PERIOD, **data}).status_code == 302
    page = controller.get(f"/yksikko/{AREA}/?kausi={PERIOD}").content.decode()
    report = controller.get("/raportit/", {"yksikko": "1000", "kausi": PERIOD}).content.decode()
    for html in (page, report):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert" in html


def test_a_reader_never_sees_drafts(signed_in: Callable[..., Client]) -> None:
    signed_in("lakimies").post(
        f"/yksikko/{AREA}/teksti/", {"kausi": PERIOD, "teksti": "Salainen luonnos.", "versio": 0}
    )
    reader = signed_in("valtuutettu")
    assert "Salainen luonnos." in signed_in("talous").get(f"/yksikko/{AREA}/").content.decode()
    assert "Salainen luonnos." not in reader.get(f"/yksikko/{AREA}/").content.decode()
    assert (
        "Salainen luonnos."
        not in reader.get("/raportit/", {"yksikko": "1000", "kausi": PERIOD}).content.decode()
    )

    from toteuma import services
    from toteuma.services import workflow
    from toteuma.storage import workflow as store

    user = store.user_info(reader.session["_auth_user_id"] and int(reader.session["_auth_user_id"]))
    assert user is not None
    with pytest.raises(services.ForbiddenError):
        workflow.drafts(services.actor(user.id), AREA, services.dashboard.default_period())


def test_an_upload_over_the_size_limit_is_refused(signed_in: Callable[..., Client], settings: Any) -> None:
    settings.UPLOAD_LIMIT = 100
    before = _state()
    big = SimpleUploadedFile("ledger.csv", b"x" * 101, content_type="text/csv")
    response = signed_in("talous").post("/tuonnit/lataa/", {"laji": "ledger", "tiedosto": big})
    assert response.status_code == 413
    assert _state() == before


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(signed_in: Callable[..., Client]) -> None:
    before = _state()
    bomb = _zip_bomb()
    assert len(bomb) < 200_000
    upload = SimpleUploadedFile("budget.xlsx", bomb, content_type="application/octet-stream")
    response = signed_in("talous").post("/tuonnit/lataa/", {"laji": "budget", "tiedosto": upload})
    assert response.status_code == 422
    assert "file.too-large" in response.content.decode()
    assert "zip-pommi" in response.content.decode()
    assert _state() == before


def test_markup_in_unit_names_is_shown_as_text_in_every_table(signed_in: Callable[..., Client]) -> None:
    """The overview's and the unit page's rows are made in Python (not by the template's loops): a
    unit's name is escaped in each of them, and the link and toggle addresses stay addresses."""
    from toteuma import storage

    hostile = '<b onmouseover="x">Ala & yksikkö</b>'
    storage.load_units([replace(unit, name=hostile) for unit in storage.units() if unit.code == AREA])
    client = signed_in("talous")
    pages = {
        "overview": client.get(f"/?kausi={PERIOD}&auki=1000").content.decode(),
        "closed": client.get(f"/?kausi={PERIOD}&auki=").content.decode(),
        "sector": client.get(f"/yksikko/1000/?kausi={PERIOD}").content.decode(),
    }
    escaped = "&lt;b onmouseover=&quot;x&quot;&gt;Ala &amp; yksikkö&lt;/b&gt;"
    for name, html in pages.items():
        assert "<b onmouseover" not in html, name
    assert pages["overview"].count(escaped) == 2  # the units' table and the forecast table
    assert pages["sector"].count(escaped) >= 1  # the sub-units' table
    assert f'href="/yksikko/{AREA}/?kausi={PERIOD}"' in pages["sector"]
    assert f'<a class="toggle" href="/?kausi={PERIOD}&amp;auki=1000#yksikko-1000">' in pages["closed"]
    assert "Palvelualueet (7)" in pages["closed"]
