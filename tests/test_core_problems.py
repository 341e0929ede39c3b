"""Tests of core/problems.py: the catalogue, its generated page, and problems as values."""

from pathlib import Path

from toteuma.core.problems import BY_CODE, CATALOGUE, Severity, catalogue_markdown, problem

PAGE = Path(__file__).resolve().parents[1] / "docs" / "problems.md"


def test_docs_problems_md_is_generated_from_the_catalogue() -> None:
    assert PAGE.read_text(encoding="utf-8") == catalogue_markdown(), "run: python scripts/problems_doc.py"


def test_codes_are_unique_and_every_one_has_a_title_and_a_hint() -> None:
    assert len(BY_CODE) == len(CATALOGUE)
    assert all(kind.title and kind.hint.endswith(".") for kind in CATALOGUE)


def test_a_problem_says_where_what_and_how_to_fix_it() -> None:
    found = problem("value.amount", "not an amount", file="a.csv", row=3, column="Summa", value="1,2,3")
    assert str(found) == (
        "a.csv, row 3, column 'Summa': [value.amount] not an amount (value '1,2,3'). "
        "Write amounts like -1234,56 or 1 234,56 with at most two decimals."
    )
    assert found.severity is Severity.ERROR
    assert problem("batch.overlap", "x").severity is Severity.WARNING
