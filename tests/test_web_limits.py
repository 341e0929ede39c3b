"""Issue 9, item 10: a request body is refused by its declared length before anything reads or spools it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from webdemo import demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

SPOOLED: list[int] = []  # bytes each upload handler received


class CountingHandler(TemporaryFileUploadHandler):
    """Django's own spooling handler, counting what reaches it."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        SPOOLED.append(len(raw_data))
        return super().receive_data_chunk(raw_data, start)


@pytest.fixture(autouse=True)
def counting(settings: Any) -> None:
    SPOOLED.clear()
    settings.FILE_UPLOAD_HANDLERS = [f"{__name__}.CountingHandler"]


def _post(client: Client, size: int, declared: int | None = None) -> Any:
    """A multipart upload of `size` bytes, its Content-Length claimed as `declared` (default: true)."""
    body = encode_multipart(BOUNDARY, {"laji": "ledger", "tiedosto": _File(size)})
    extra = {"CONTENT_LENGTH": str(declared)} if declared is not None else {}
    return client.generic("POST", "/tuonnit/lataa/", body, MULTIPART_CONTENT, **extra)


class _File:
    """Enough of a file for encode_multipart."""

    def __init__(self, size: int) -> None:
        self.name = "ledger.csv"
        self.size = size

    def read(self) -> bytes:
        return b"x" * self.size


def test_an_anonymous_300_mb_post_is_refused_unread(demo_data: None) -> None:
    response = _post(Client(), 1024, declared=300 * 1024 * 1024)
    assert response.status_code == 413
    assert SPOOLED == []


def test_an_anonymous_small_file_post_is_not_spooled_either(demo_data: None) -> None:
    response = _post(Client(), 100 * 1024)
    assert response.status_code == 413
    assert SPOOLED == []


def test_a_reader_cannot_make_the_server_spool_an_upload(signed_in: Callable[..., Client]) -> None:
    response = _post(signed_in("valtuutettu"), 3 * 1024 * 1024)
    assert response.status_code == 413
    assert SPOOLED == []


def test_a_controller_upload_beyond_the_limit_is_refused_unread(
    signed_in: Callable[..., Client], settings: Any
) -> None:
    settings.UPLOAD_LIMIT = 1024 * 1024
    response = _post(signed_in("talous"), 2 * 1024 * 1024)
    assert response.status_code == 413
    assert "enintään 1 Mt" in response.content.decode()
    assert SPOOLED == []


def test_a_controller_upload_within_the_limit_is_read(
    signed_in: Callable[..., Client], settings: Any
) -> None:
    settings.UPLOAD_LIMIT = 4 * 1024 * 1024
    response = _post(signed_in("talous"), 3 * 1024 * 1024)
    assert response.status_code == 422  # read and checked: x's are no ledger
    assert sum(SPOOLED) == 3 * 1024 * 1024


def test_a_form_post_beyond_a_forms_size_is_refused(signed_in: Callable[..., Client]) -> None:
    big = "x" * (3 * 1024 * 1024)
    response = signed_in("lakimies").post("/yksikko/1300/teksti/", {"kausi": "2024-03", "teksti": big})
    assert response.status_code == 413


def test_a_content_length_that_is_no_number_is_a_400(demo_data: None) -> None:
    response = Client().generic("POST", "/kirjaudu/", b"", CONTENT_LENGTH="12abc")
    assert response.status_code == 400
