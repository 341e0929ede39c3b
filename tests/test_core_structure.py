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


def test_a_subtotal_may_only_add_lines_above_it() -> None:
    data = {
        "summary": {"tulot": "a", "menot": "a", "netto": "a"},
        "lines": [
            {"key": "t", "kind": "subtotal", "label": "T", "sum": ["a"]},
            {"key": "a", "kind": "row", "label": "A"},
        ],
    }
    with pytest.raises(ValueError, match="not a line above it"):
        parse_structure(data)
