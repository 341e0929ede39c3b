"""The dashboard's Swedish and English catalogues (web/locale): complete, compiled, placeholders kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

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
