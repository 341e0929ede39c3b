"""What trying other municipalities' published tables showed a layout could not say (tests/
test_acceptance_reports.py), each fixed and shown here on a small table compared cell by cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from layout_tables import SECTOR, cells, content, document, table, values
from toteuma.core.definition import Definition, load_definition, read_definition
from toteuma.core.periods import Period
from toteuma.core.report import TieCheck, TieOut, UnitRef
from toteuma.reports.html_report import format_cell
from toteuma.reports.model import CellFormat

D = Decimal  # printed decimals, short in the expected tables

ROWS = {
    "myyntituotot": values(budget_original=1_000_000, tot=600_000),
    "henkilostokulut": values(budget_original=-3_000_000, tot=-2_000_000),
}


def layout(tmp_path: Path, text: str) -> Definition:
    path = tmp_path / "layout.toml"
    path.write_text(text, encoding="utf-8")
    return load_definition(path)


def test_a_total_given_an_empty_label_prints_none_in_every_language(tmp_path: Path) -> None:
    # A group's total printed without a label (a city's income statement comparison): "" is no label,
    # not a Finnish text the Swedish edition would replace with its catalogue's word.
    chosen = layout(
        tmp_path,
        'columns = ["budget", "tot"]\n'
        '[[structure.lines]]\nkey = "toimintatuotot"\nlabel = ""\n'
        '[[structure.lines]]\nkey = "toimintakulut"\nlabel = { fi = "", sv = "" }\n',
    )
    item = content(chosen, ROWS, Period(2024, 12))
    for lang in ("fi", "sv", "en"):
        found = cells(table(document(chosen, item, lang), "statement-1000"))
        labels = [row[0] for row in found if row[1] == "subtotal"]
        assert labels[:2] == ["", ""], lang
        assert labels[2] in ("Toimintakate", "Verksamhetsbidrag", "Operating margin"), lang


def test_a_tables_title_may_name_its_unit(tmp_path: Path) -> None:
    # A committee's table titled by each result area's name, and its own block "… yhteensä".
    chosen = layout(
        tmp_path,
        'sections = ["areas", "statement"]\ncolumns = ["tot"]\n'
        '[tables.areas]\ntitle = "{name}"\n[tables.statement]\ntitle = "{name} yhteensä {year}"\n',
    )
    area = UnitRef("1100", "Talous")
    found = document(chosen, content(chosen, ROWS, Period(2018, 12), areas=((area, ROWS, 1),)))
    assert [item.title for item in found.tables] == ["Talous", f"{SECTOR.name} yhteensä 2018"]


FIVE_YEARS = """
sections = ["statement"]
scale = "millions"
decimals = 1
percent_decimals = 1
empty_mark = "-"
[measures.tp_prev4]
year = -4
span = "year"
[figures]
change = "tot - tp_prev"
change_pct = "percent(tot - tp_prev, tp_prev)"
[columns]
default = [
    { figure = "tp_prev4", label = "{year-4}" },
    { figure = "tot", label = "{year}" },
    { figure = "change", label = "euroa", group = "Muutos {year-1}-{year}" },
    { figure = "change_pct", label = "%", group = "Muutos {year-1}-{year}" },
    { figure = "budget", label = "TS {year+2}" },
]
"""


def test_other_years_in_labels_and_groups_and_a_mark_for_an_empty_cell(tmp_path: Path) -> None:
    # A five-year table: years named from the period, the change under a spanning heading that names
    # its years, and "-" where last year's figure is 0 (no percentage), in every printed format.
    chosen = layout(tmp_path, FIVE_YEARS)
    rows = {
        "myyntituotot": values(tp_prev4=172_500_000_00, tot=175_548_922_02, tp_prev=173_675_983_78),
        "henkilostokulut": values(tot=-1_000_000_00),
    }
    found = table(document(chosen, content(chosen, rows, Period(2018, 12))), "statement-1000")
    assert [column.label for column in found.columns] == ["2014", "2018", "euroa", "%", "TS 2020"]
    assert found.column_groups() == (("", 2), ("Muutos 2017-2018", 2), ("", 1))
    assert [column.blank for column in found.columns] == ["-"] * 5
    by_label = {row[0]: row[3:] for row in cells(found)}
    assert by_label["Myyntituotot"] == (D("172.5"), D("175.5"), D("1.9"), D("1.1"), 0)
    assert by_label["Henkilöstökulut"] == (0, D("-1.0"), D("-1.0"), None, 0)  # last year 0: no %
    assert format_cell(None, CellFormat.PERCENT, "fi", 1, found.columns[3].blank) == "-"


def test_the_tie_out_names_a_layouts_own_ledger_measure(tmp_path: Path) -> None:
    # A layout's own ledger measure is tied out to the ledger like the built-in ones, and named like
    # the built-in measure read the same way, with its own year (the report used to stop with a
    # KeyError: the measure has no label of its own in the catalogue).
    chosen = layout(tmp_path, FIVE_YEARS)
    check = TieCheck("2014-01..2014-12", 100, 100, "tp_prev4", like="tp_prev", year=2014)
    item = content(chosen, ROWS, Period(2018, 12), tie_out=TieOut((check,)))
    assert "TP 2014 (2014-01..2014-12) 1,00" in document(chosen, item).tie_out[0]
    assert "BS 2014 (2014-01..2014-12) 1,00" in document(chosen, item, "sv").tie_out[0]


MISTAKES = """
[figures]
deviation = "tot - budjet"
pct2 = "percent(tot, budget"
[columns]
default = [
    { figure = "budget", label = "TA {yaer}" },
    { figure = "deviation", label = "Poikkeama {year" },
    { figure = "pct2", group = "Muutos {year-1}-{year}" },
]
[tables.areas]
title = "{name} {area}"
[tables.statement]
title = "{nimi}"
[[structure.lines]]
key = "toimintatuotot"
sum = ["myyntituotot", "vuokratulo"]
"""


def test_the_check_names_each_mistake_once_where_it_is_written(tmp_path: Path) -> None:
    # A placeholder the report would print as written, an unpaired brace, a broken figure and a sum
    # naming a line that is not there: each once, at its own key and line. A column of a figure that
    # has a problem of its own, and a shown_by left to be that sum, are not told again.
    path = tmp_path / "layout.toml"
    path.write_text(MISTAKES, encoding="utf-8")
    found = [(item.code, item.column, item.row) for item in read_definition(path).problems]
    assert sorted(found, key=lambda item: item[2] or 0) == [
        ("layout.unknown-name", "figures.deviation", 3),
        ("layout.expression", "figures.pct2", 4),
        ("layout.unknown-name", "columns.default[0].label", 7),
        ("layout.unknown-name", "columns.default[1].label", 8),
        ("layout.unknown-name", "tables.statement.title", 14),
        ("layout.unknown-line", "structure.lines[0].sum", 17),
    ]
    (placeholder,) = [item for item in read_definition(path).problems if item.row == 7]
    assert "”yaer”" in placeholder.message
    assert "year-N" in placeholder.message


def test_a_layout_naming_its_structure_base_starts_its_structure_over(tmp_path: Path) -> None:
    # A budget item's table by account extends its chapter table for the columns and wording, but
    # not its three lines: naming `structure.base` starts the structure over (the base's lines used
    # to be applied first, their accounts overlapping the new lines').
    (tmp_path / "chapters.toml").write_text(
        'columns = ["budget"]\n[structure]\nbase = "none"\n'
        'summary = { tulot = "tulot", menot = "menot", netto = "netto" }\n'
        '[[structure.lines]]\nkey = "tulot"\naccounts = ["3000-6499"]\n'
        '[[structure.lines]]\nkey = "menot"\naccounts = ["4000-4999"]\n'
        '[[structure.lines]]\nkey = "netto"\nkind = "subtotal"\nsum = ["tulot", "menot"]\n',
        encoding="utf-8",
    )
    chosen = layout(
        tmp_path,
        'extends = "chapters.toml"\n[structure]\nbase = "none"\n'
        'summary = { tulot = "vero", menot = "vero", netto = "vero" }\n'
        '[[structure.lines]]\nkey = "vero"\nlabel = "7010101 Kunnallisvero"\naccounts = ["5010"]\n',
    )
    assert [line.key for line in chosen.structure.lines] == ["vero"]
    assert [column.figure for column in chosen.table("statement").columns] == ["budget"]
