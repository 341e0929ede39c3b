"""Tests of reports/i18n.py and its catalogues: fixed text in fi, sv, en; what people wrote stays as is."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from test_reports_layouts import content, document
from toteuma.core.definition import load_definition as load_layout
from toteuma.core.periods import Period
from toteuma.core.records import GoalStatus
from toteuma.core.report import GoalEntry
from toteuma.core.structure import load_structure
from toteuma.reports import render
from toteuma.reports.i18n import LANGUAGES, UnknownLanguageError, catalogue
from toteuma.reports.presentation import build_document

LOCALES = Path(__file__).parents[1] / "src" / "toteuma" / "reports" / "locales"


def _keys(lang: str) -> set[tuple[str, str]]:
    data = tomllib.loads((LOCALES / f"{lang}.toml").read_text(encoding="utf-8"))
    return {(table, key) for table, entries in data.items() for key in entries}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_finnish_text_has_a_translation(lang: str) -> None:
    assert _keys("fi") - _keys(lang) == set()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_statement_row_has_a_translated_label(lang: str) -> None:
    rows = {key for table, key in _keys(lang) if table == "rows"}
    assert rows == {line.key for line in load_structure().lines}


@pytest.mark.parametrize(
    ("lang", "months", "status"),
    [
        ("fi", "tammi–maaliskuu", "Toteutuu osittain"),
        ("sv", "januari–mars", "Uppnås delvis"),
        ("en", "January–March", "Partly on track"),
    ],
)
def test_month_ranges_and_status_words(lang: str, months: str, status: str) -> None:
    cat = catalogue(lang)
    assert cat.month_range(Period(2024, 3)) == months
    assert cat.get("status", GoalStatus.PARTLY.name.lower()) == status


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownLanguageError, match="choose one of fi, sv, en"):
        catalogue("de")


@pytest.mark.parametrize(
    ("lang", "title", "header", "row", "council"),
    [
        (
            "fi",
            "Käyttösuunnitelman toteutuminen tammi–joulukuu",
            "TOT 2024 12 kk",
            "Henkilöstökulut",
            "MENOT",
        ),
        (
            "sv",
            "Dispositionsplanens utfall januari–december",
            "UTF 2024 12 mån",
            "Personalkostnader",
            "UTGIFTER",
        ),
        (
            "en",
            "Operating plan implementation January–December",
            "Actual 2024 12 mo",
            "Personnel expenses",
            "EXPENDITURE",
        ),
    ],
)
def test_a_document_in_each_language(lang: str, title: str, header: str, row: str, council: str) -> None:
    found = document("reference", lang)
    assert found.title == title
    statement = next(table for table in found.tables if table.id == "statement-1000")
    assert statement.columns[3].label == header
    assert row in [item.label for item in statement.rows]
    assert council in [item.label for item in next(t for t in found.tables if t.id == "council").rows]


def test_what_people_wrote_stays_as_written_in_every_language() -> None:
    layout = load_layout()
    goals = (GoalEntry("Kestävä talous", (), ("raportointi",), status=GoalStatus.ON_TRACK),)
    base = content(layout)
    from dataclasses import replace

    for lang, word in (("fi", "Toteutuu"), ("sv", "Uppnås"), ("en", "On track")):
        found = build_document(replace(base, binding_goals=goals), layout, lang)
        table = next(item for item in found.tables if item.id == "goals-binding")
        assert table.rows[0].label == "Kestävä talous"
        assert table.rows[0].values == (None, ("raportointi",), None, word)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_page_declares_its_language_and_prints_its_numbers(lang: str) -> None:
    page = render(document("reference", lang), "html").decode()
    assert f'<html lang="{lang}">' in page
    expected = {"fi": "104,17", "sv": "104,17", "en": "104.17"}[lang]
    assert f">{expected}<" in page
