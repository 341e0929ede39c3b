"""Tests of core/definition: loading, extending, and every problem of a layout file located at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from toteuma.core.definition import (
    DefinitionError,
    Scale,
    default_name,
    load_definition,
    read_definition,
    shipped_definitions,
)
from toteuma.core.expressions import Kind
from toteuma.core.structure import LineKind

DATA = Path(__file__).parent / "data" / "layouts"


@pytest.mark.parametrize("name", shipped_definitions())
def test_every_shipped_layout_loads_without_problems(name: str) -> None:
    loaded = read_definition(name)
    assert loaded.problems == ()
    assert loaded.definition is not None
    assert loaded.definition.name == name


def test_the_default_is_a_shipped_layout_and_reads_the_references_measures() -> None:
    assert default_name() in shipped_definitions()
    definition = load_definition(None)
    assert [column.figure for column in definition.table("statement").columns] == [
        "tp_prev", "tot_prev", "budget", "tot", "remaining", "pct",
    ]  # fmt: skip
    assert definition.measures_needed() == {"tp_prev", "tot_prev", "budget", "tot"}
    assert definition.figures.kind("pct") is Kind.PERCENT


def test_every_problem_is_reported_at_once_with_file_line_key_and_code() -> None:
    loaded = read_definition(DATA / "layout-every-problem.toml")
    assert loaded.definition is None
    found = {(problem.row, problem.column, problem.code) for problem in loaded.problems}
    assert found == {
        (4, "scal", "layout.unknown-setting"),
        (5, "percent_decimals", "layout.bad-value"),
        (8, "figures.a", "layout.cycle"),
        (10, "figures.c", "layout.expression"),
        (11, "figures.d", "layout.expression"),
        (12, "figures.e", "layout.unknown-name"),
        (28, "structure.lines[2].accounts", "layout.overlap"),
        (31, "tables.areas.columns", "layout.unknown-name"),
        (32, "tables.areas.lines[1]", "layout.unknown-line"),
        (35, "columns.main[1]", "layout.unknown-name"),
        (35, "columns.main[2].line", "layout.unknown-line"),
    }
    assert all(problem.file.endswith("layout-every-problem.toml") for problem in loaded.problems)
    assert all(problem.hint for problem in loaded.problems)
    scal = next(problem for problem in loaded.problems if problem.column == "scal")
    assert dict(scal.params)["known"][:2] == ("columns", "decimals")
    assert "tunnetut: columns, decimals" in scal.message  # in Finnish unless another language is chosen


def test_a_file_that_is_not_toml_is_located_by_its_line() -> None:
    loaded = read_definition(DATA / "layout-not-toml.toml")
    assert [(problem.code, problem.row) for problem in loaded.problems] == [("layout.toml", 2)]


def test_layouts_that_extend_each_other_in_a_circle_are_refused() -> None:
    with pytest.raises(DefinitionError) as caught:
        load_definition(DATA / "layout-extends-itself-a.toml")
    assert [problem.code for problem in caught.value.problems] == ["layout.cycle"]


def test_an_unknown_layout_names_the_shipped_ones() -> None:
    loaded = read_definition("no-such-layout")
    assert loaded.problems[0].code == "layout.not-found"
    assert default_name() in loaded.problems[0].message


def test_an_extending_layout_overrides_only_what_differs() -> None:
    child = load_definition(DATA / "layout-split-personnel.toml")
    base = load_definition(default_name())
    assert child.table("statement").scale is Scale.THOUSANDS
    assert child.table("statement").columns == base.table("statement").columns
    assert child.sections == base.sections
    lines = [(line.key, line.kind, line.depth) for line in child.structure.lines]
    at = lines.index(("henkilostokulut", LineKind.SUBTOTAL, 0))
    assert lines[at + 1 : at + 3] == [("palkat", LineKind.ROW, 1), ("henkilosivukulut", LineKind.ROW, 1)]
    assert child.structure.line("henkilostokulut").sum == ("palkat", "henkilosivukulut")
    assert child.structure.line("palkat").costs  # a sub-row of a cost line
    assert child.structure.line("henkilosivukulut").rest
    assert child.structure.line("palkat").label_in("sv") == "Löner och arvoden"
    assert len(child.structure.lines) == len(base.structure.lines) + 2
