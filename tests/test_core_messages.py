"""Tests of core/messages.py: every catalogue complete in fi, sv and en, and messages in each language."""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from toteuma.core import messages
from toteuma.core.messages import LANGUAGES, MessageError, Text, catalogue, language, t, t_in, use_language

_FIELD = re.compile(r"\{([a-z_0-9]+)(?::([a-z]+))?")
SAMPLES: dict[str, Any] = {
    "eur": -123456,
    "n": 12345,
    "date": date(2024, 3, 17),
    "datetime": datetime(2024, 3, 17, 12, 5, tzinfo=UTC),
    "list": ["a", "b"],
    "qlist": ["a", "b"],
    "q": "x",
}


def _forms(entry: dict[str, Any], lang: str) -> list[str]:
    value = entry.get(lang)
    return list(value.values()) if isinstance(value, dict) else [value]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_in_finnish_swedish_and_english_with_the_same_placeholders() -> None:
    gaps = []
    for key, entry in catalogue().items():
        assert set(entry) <= set(LANGUAGES), f"{key}: languages {sorted(entry)}"
        finnish = _fields(" ".join(_forms(entry, "fi")))
        for lang in LANGUAGES:
            forms = _forms(entry, lang)
            if not all(isinstance(form, str) and form.strip() for form in forms):
                gaps.append(f"{key}: no {lang}")
            elif _fields(" ".join(forms)) != finnish:
                gaps.append(f"{key}: {lang} fills {_fields(' '.join(forms))}, fi fills {finnish}")
            if isinstance(entry.get(lang), dict):
                assert set(entry[lang]) == {"one", "other"}, f"{key} {lang}: plural forms one and other"
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_with_its_placeholders_filled(lang: str) -> None:
    for key, entry in catalogue().items():
        forms = _forms(entry, lang)
        params = {name: SAMPLES.get(spec or "", 2) for name, spec in _FIELD.findall(" ".join(forms))}
        for count in (1, 2) if isinstance(entry[lang], dict) else (2,):
            text = t_in(lang, key, **{**params, "count": count})
            assert "{" not in text.replace("{}", ""), f"{key} ({lang}): {text}"


def test_finnish_is_the_default_and_a_block_can_choose_another_language() -> None:
    assert language() == "fi"
    assert t("cli.setup.ready") == "Tietokanta on valmis."
    with use_language("sv"):
        assert t("cli.setup.ready") == "Databasen är klar."
        with use_language("en"):
            assert t("cli.setup.ready") == "Database ready."
        assert language() == "sv"
    assert language() == "fi"
    with pytest.raises(ValueError, match="choose one of fi, sv, en"):
        messages.set_language("de")


def test_numbers_money_dates_and_quotes_are_written_each_language_s_way() -> None:
    assert [messages.money(-123456, lang) for lang in LANGUAGES] == [
        "-1 234,56 €",
        "-1 234,56 €",
        "-€1,234.56",
    ]
    assert [messages.number(1234567, lang) for lang in LANGUAGES] == ["1 234 567", "1 234 567", "1,234,567"]
    assert messages.number(Decimal("1234.5"), "fi") == "1 234,5"
    day = date(2204, 3, 17)
    assert [messages.day(day, lang) for lang in LANGUAGES] == ["17.3.2204", "17.3.2204", "17 March 2204"]
    assert messages.quoted("Pvm", "fi") == "”Pvm”"


def test_a_number_chooses_the_singular_or_the_plural() -> None:
    assert t("cli.batches.lines", count=1) == "1 rivi"
    assert t("cli.batches.lines", count=2) == "2 riviä"
    assert t_in("en", "cli.batches.lines", count=1000) == "1,000 lines"


def test_an_error_and_a_text_speak_the_language_in_force_when_shown() -> None:
    error = MessageError("services.imports.no_batch", batch=7)
    lazy = Text("services.imports.no_batch", batch=7)
    assert str(error) == str(lazy) == "tuontierää 7 ei ole; `toteuma batches list` luettelee erät"
    with use_language("en"):
        assert str(error) == "there is no import batch 7; `toteuma batches list` lists them"
        assert str(MessageError(error)) == str(error)


def test_a_text_that_is_no_key_is_shown_as_given() -> None:
    assert t("Some words {not a field}") == "Some words {not a field}"
    assert str(MessageError(ValueError("plain"))) == "plain"


def test_every_kind_of_file_and_every_role_has_a_name_in_each_language() -> None:
    from toteuma.importers.kinds import KINDS
    from toteuma.storage.workflow.users import ROLES

    for lang in LANGUAGES:
        assert all(t_in(lang, f"kinds.{kind}") != f"kinds.{kind}" for kind in KINDS), lang
        assert all(t_in(lang, f"roles.{role}") != f"roles.{role}" for role in ROLES), lang
