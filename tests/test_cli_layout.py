"""`toteuma layout check / show / list`: every layout problem code has a file that shows it, each located;
a shown layout is a complete layout that loads to the same definition."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.core.definition import load_definition, shipped_definitions
from toteuma.core.messages import t_in
from toteuma.core.problems import CATALOGUE

DATA = Path(__file__).parent / "data" / "layouts"

# Each layout problem code: a file (in DATA, or a shipped name) that has it, and words of its message.
CASES = {
    "layout.toml": ("layout-not-toml.toml", "not valid TOML"),
    "layout.not-found": ("no-such-layout", "shipped are"),
    "layout.unknown-setting": ("layout-every-problem.toml", "unknown setting “scal”"),
    "layout.bad-value": ("layout-every-problem.toml", "“5” is not one of 0, 1, 2"),
    "layout.unknown-name": ("layout-every-problem.toml", "column set “short” is not declared"),
    "layout.unknown-line": ("layout-every-problem.toml", "“nope” is not a line of the structure"),
    "layout.duplicate-line": ("layout-duplicates.toml", "line “menot” appears twice"),
    "layout.duplicate-name": ("layout-duplicates.toml", "figure “budget” has a measure's name"),
    "layout.overlap": (
        "layout-every-problem.toml",
        "accounts 4000-4099 (“palkat”) and 4050-4299 (“sivukulut”)",
    ),
    "layout.cycle": ("layout-extends-itself-a.toml", "layouts extend each other"),
    "layout.expression": ("layout-every-problem.toml", "use percent(a, b) so that a zero divisor has a rule"),
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", "layout", *args])
    return result.exit_code, result.output


def test_every_layout_code_has_a_case() -> None:
    assert set(CASES) == {kind.code for kind in CATALOGUE if kind.code.startswith("layout.")}


@pytest.mark.parametrize("code", sorted(CASES))
def test_check_names_the_code_the_place_and_the_hint(code: str) -> None:
    name, words = CASES[code]
    target = str(DATA / name) if name.endswith(".toml") else name
    status, output = run("check", target)
    assert status == 1
    line = next(item for item in output.splitlines() if f"[{code}]" in item and words in item)
    if code != "layout.not-found":
        assert line.startswith(f"{target}:"), line
        assert line.split(":")[1].isdigit(), line  # the line in the file
    assert f"hint: {t_in('en', f'problems.{code}.hint')}" in output


def test_check_reports_every_problem_at_once_in_line_order() -> None:
    status, output = run("check", str(DATA / "layout-every-problem.toml"))
    lines = [int(item.split(":")[1]) for item in output.splitlines() if item.startswith(str(DATA))]
    assert status == 1
    assert len(lines) == 11
    assert lines == sorted(lines)
    assert "11 problems in" in output


@pytest.mark.parametrize("name", shipped_definitions())
def test_a_shipped_layout_checks_clean_and_shows_as_a_complete_layout(name: str, tmp_path: Path) -> None:
    assert run("check", name) == (0, f"{name}: no problems\n")
    status, shown = run("show", name)
    assert status == 0
    path = tmp_path / f"{name}-shown.toml"
    path.write_text(shown, encoding="utf-8")
    assert run("check", str(path))[0] == 0
    again, original = load_definition(path), load_definition(name)
    assert again.structure.lines == original.structure.lines
    assert again.tables == original.tables
    assert again.sections == original.sections
    assert again.figures.formulas == original.figures.formulas


def test_show_resolves_the_base_and_lists_the_structure() -> None:
    status, shown = run("show", str(DATA / "layout-split-personnel.toml"))
    assert status == 0
    assert 'scale = "thousands"' in shown  # the file's own
    assert 'key = "palkat"' in shown  # its own line
    assert 'accounts = "rest"' in shown
    assert 'key = "tilikauden_ylijaama"' in shown  # the base's lines, resolved


def test_list_names_the_default_first() -> None:
    status, output = run("list")
    assert status == 0
    names = [line.split("\t")[0] for line in output.splitlines()]
    assert sorted(names) == sorted(shipped_definitions())
    assert names[0] == load_definition(None).name


def test_a_layout_with_a_typo_in_its_wording_or_a_column_without_a_label(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[figures]\nchange = "tot - tot_prev"\n[columns]\ndefault = ["tot", "change"]\n'
        '[wording.fi.text]\ntitel = "X"\n[wording.fi.rows]\nmyyntitulot = "Myynti"\n',
        encoding="utf-8",
    )
    status, output = run("check", str(path))
    assert status == 1
    assert "wording.fi.text.titel: not a text of the report's catalogue" in output
    assert "“myyntitulot” is not a line of the structure" in output
    assert "column “change” of the statement table has no label" in output
