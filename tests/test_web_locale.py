"""The dashboard's Swedish and English catalogues (web/locale): complete, compiled, placeholders kept."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from webdemo import AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

LOCALE = Path(__file__).parents[1] / "src" / "toteuma" / "web" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert po.with_suffix(".mo").is_file(), "run scripts/web_translations.py"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: no translation of {message.id!r}"
        assert sorted(PLACEHOLDER.findall(strings[0])) == sorted(PLACEHOLDER.findall(ids[0])), message.id


@pytest.mark.django_db
def test_the_unit_page_statement_follows_the_chosen_language_and_keeps_its_drill_links(
    signed_in: Any, settings: Any
) -> None:
    client = signed_in("talous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    page = client.get(f"/yksikko/{AREA}/", {"kausi": PERIOD}).content.decode()
    assert "Köp av tjänster" in page  # Palvelujen ostot in the documents' Swedish catalogue
    assert f"/porautuminen/{AREA}/palvelujen_ostot/tot/" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "thousands"),
    [
        ("fi", "Menot: käytetty osuus", "\\u00a0"),
        ("sv", "Utgifter: använd andel", "\\u00a0"),
        ("en", "Spending:", ","),
    ],
)
def test_the_overview_chart_speaks_the_page_language_and_writes_its_numbers(
    signed_in: Any, settings: Any, language: str, title: str, thousands: str
) -> None:
    client = signed_in("talous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/", {"kausi": PERIOD}).content.decode()
    spec = json.loads(
        re.search(r'<script id="kaavio-yleiskuva" type="application/json">(.*?)</script>', page, re.S).group(
            1
        )
    )  # type: ignore[union-attr]
    assert spec["description"].startswith(title)
    assert spec["config"]["locale"]["number"]["thousands"] == json.loads(f'"{thousands}"')
