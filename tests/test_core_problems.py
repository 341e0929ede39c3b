"""Tests of core/problems.py: the catalogue, its generated page, and problems as values in each language."""

from pathlib import Path

import pytest

from toteuma.core.messages import LANGUAGES, t_in, use_language
from toteuma.core.problems import (
    BY_CODE,
    CATALOGUE,
    ProblemError,
    Severity,
    catalogue_markdown,
    from_error,
    problem,
)

PAGE = Path(__file__).resolve().parents[1] / "docs" / "problems.md"


def test_docs_problems_md_is_generated_from_the_catalogue() -> None:
    assert PAGE.read_text(encoding="utf-8") == catalogue_markdown(), "run: python scripts/problems_doc.py"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_codes_are_unique_and_every_one_has_a_title_a_hint_and_a_message(lang: str) -> None:
    assert len(BY_CODE) == len(CATALOGUE)
    for kind in CATALOGUE:
        for part in ("title", "hint", "message"):
            key = f"problems.{kind.code}.{part}"
            assert t_in(lang, key) != key, f"{key} missing"
        assert t_in(lang, f"problems.{kind.code}.hint").endswith("."), kind.code


def test_a_problem_says_where_what_and_how_to_fix_it_in_the_language_in_force() -> None:
    found = problem("value.amount", value="1,2,3", decimal=",", file="a.csv", row=3, column="Summa")
    assert str(found) == (
        "a.csv, rivi 3, sarake ”Summa”: [value.amount] ”1,2,3” ei ole rahamäärä, jonka desimaalierotin on "
        "”,”. "
        "Kirjoita rahamäärät muodossa -1234,56 tai 1 234,56, enintään kahdella desimaalilla."
    )
    with use_language("en"):
        assert str(found) == (
            "a.csv, row 3, column “Summa”: [value.amount] “1,2,3” is not an amount with decimal separator "
            "“,”. "
            "Write amounts like -1234,56 or 1 234,56 with at most two decimals."
        )
    assert found.severity is Severity.ERROR
    assert problem("batch.overlap").severity is Severity.WARNING


def test_a_parser_s_problem_error_keeps_its_code_and_message() -> None:
    error = ProblemError("value.date", "impossible", value="31.2.2024")
    found = from_error(error, "value.choice", file="a.csv", row=2, column="Pvm", value="31.2.2024")
    assert (found.code, found.row, found.message) == (
        "value.date",
        2,
        "”31.2.2024” ei ole päivämäärä: sellaista päivää ei ole",
    )
    plain = from_error(ValueError("something"), "value.choice", file="a.csv")
    assert (plain.code, plain.message) == ("value.choice", "something")
