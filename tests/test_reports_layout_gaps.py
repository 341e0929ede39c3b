"""What trying other municipalities' published tables showed a layout could not say (tests/
test_acceptance_reports.py), each fixed and shown here on a small table compared cell by cell."""

from __future__ import annotations

from pathlib import Path

from layout_tables import SECTOR, cells, content, document, table, values
from toteuma.core.definition import Definition, load_definition
from toteuma.core.periods import Period
from toteuma.core.report import UnitRef

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
        '[tables.areas]\ntitle = "{name}"\n[tables.statement]\ntitle = "{name} yhteensä {year} {unknown}"\n',
    )
    area = UnitRef("1100", "Talous")
    found = document(chosen, content(chosen, ROWS, Period(2018, 12), areas=((area, ROWS, 1),)))
    assert [item.title for item in found.tables] == ["Talous", f"{SECTOR.name} yhteensä 2018 {{unknown}}"]
