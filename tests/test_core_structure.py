"""Tests of core/structure.py and core/mapping.py: the shipped statutory structure and account ranges."""

import pytest

from toteuma.core.mapping import load_mapping, parse_mapping
from toteuma.core.structure import LineKind, load_structure, parse_structure

STRUCTURE = load_structure()
MAPPING = load_mapping(row_keys=STRUCTURE.row_keys)


def test_statutory_structure_has_the_formula_of_decree_525_2020() -> None:
    assert STRUCTURE.line("toimintakate").sum == (
        "toimintatuotot",
        "valmistevarastojen_muutos",
        "valmistus_omaan_kayttoon",
        "toimintakulut",
        "osuus_osakkuusyhteisojen_tuloksesta",
    )
    assert STRUCTURE.line("vuosikate").sum == (
        "toimintakate",
        "verotulot",
        "valtionosuudet",
        "rahoitustuotot_ja_kulut",
    )
    assert STRUCTURE.line("tilikauden_tulos").sum == (
        "vuosikate",
        "poistot_ja_arvonalentumiset",
        "satunnaiset_erat",
    )
    assert STRUCTURE.line("verotulot").kind is LineKind.ROW


@pytest.mark.parametrize(
    ("account", "row"),
    [
        (3005, "myyntituotot"),
        (3295, "maksutuotot"),
        (3390, "tuet_ja_avustukset"),
        (3440, "muut_toimintatuotot"),
        (3710, "valmistus_omaan_kayttoon"),
        (4000, "henkilostokulut"),
        (4210, "henkilostokulut"),
        (4300, "palvelujen_ostot"),
        (4499, "palvelujen_ostot"),
        (4500, "aineet_tarvikkeet_ja_tavarat"),
        (4712, "avustukset"),
        (4810, "muut_toimintakulut"),
        (5000, "verotulot"),
        (5501, "valtionosuudet"),
        (6040, "rahoitustuotot_ja_kulut"),
        (7170, "poistot_ja_arvonalentumiset"),
        (8000, "satunnaiset_erat"),
    ],
)
def test_default_mapping_places_accounts_on_their_rows(account: int, row: str) -> None:
    assert MAPPING.row_of(account) == row


def test_balance_sheet_accounts_are_known_but_not_rows() -> None:
    assert MAPPING.row_of(1165) is None
    assert MAPPING.is_balance_sheet(1165)
    assert not MAPPING.is_balance_sheet(9999)


def test_overlapping_ranges_are_refused() -> None:
    data = {"ranges": [{"from": 4000, "to": 4299, "row": "a"}, {"from": 4200, "to": 4400, "row": "b"}]}
    with pytest.raises(ValueError, match="overlap"):
        parse_mapping(data)


def test_a_subtotal_may_stand_first_and_add_the_lines_after_it() -> None:
    data = {
        "summary": {"tulot": "a", "menot": "a", "netto": "t"},
        "lines": [
            {"key": "t", "kind": "subtotal", "label": "T"},
            {"key": "a", "kind": "row", "label": "A", "parent": "t"},
            {"key": "b", "kind": "row", "label": "B", "parent": "t", "accounts": "rest"},
        ],
    }
    structure = parse_structure(data)
    assert structure.line("t").sum == ("a", "b")  # a subtotal without `sum` adds its sub-rows
    assert [line.depth for line in structure.lines] == [0, 1, 1]
    assert structure.order.index("t") > structure.order.index("b")  # computed after its parts


def test_sums_that_go_round_are_refused() -> None:
    data = {
        "summary": {"tulot": "a", "menot": "a", "netto": "a"},
        "lines": [
            {"key": "t", "kind": "subtotal", "label": "T", "sum": ["u"]},
            {"key": "u", "kind": "subtotal", "label": "U", "sum": ["t", "a"]},
            {"key": "a", "kind": "row", "label": "A"},
        ],
    }
    with pytest.raises(ValueError, match="summat kiertävät kehää: t → u → t"):
        parse_structure(data)


def test_a_sub_row_of_a_cost_line_is_a_cost_line() -> None:
    data = {
        "summary": {"tulot": "k", "menot": "k", "netto": "k"},
        "lines": [
            {"key": "k", "kind": "subtotal", "label": "K", "costs": True},
            {"key": "p", "kind": "row", "label": "P", "parent": "k"},
        ],
    }
    assert parse_structure(data).line("p").costs
