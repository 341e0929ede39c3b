"""Tests of importers/profiles.py: column profiles read, checked, and used by the importers."""

from pathlib import Path

import pytest

from toteuma.importers.kinds import KINDS, parse_file
from toteuma.importers.profiles import Profile, load_profile
from toteuma.importers.sources import read_ledger

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
FIELDS = tuple(field.name for field in KINDS["ledger"].fields)


def _profile(path: Path):  # type: ignore[no-untyped-def]
    profile, problems = load_profile(path, FIELDS)
    assert problems == []
    return profile


def test_the_english_erp_profile_reads_its_export_on_both_paths() -> None:
    profile = _profile(ROOT / "examples" / "profiles" / "ledger-erp-english.toml")
    records, problems = parse_file("ledger", DATA / "ledger-profile-erp-english.csv", profile=profile)
    assert problems == []
    assert [r.amount_cents for r in records] == [123456, -3456]
    parsed = read_ledger(DATA / "ledger-profile-erp-english.csv", profile=profile)
    parsed.close()
    assert parsed.fast
    assert parsed.source is not None
    assert parsed.source.totals().total_cents == 120000


def test_the_windows_1252_profile_says_the_encoding_so_nothing_is_guessed() -> None:
    profile = _profile(ROOT / "examples" / "profiles" / "ledger-windows-1252.toml")
    records, problems = parse_file("ledger", DATA / "ledger-profile-windows-1252.csv", profile=profile)
    assert problems == []
    assert records[0].text == "Käyttömaksu"
    assert records[0].amount_cents == 100000


def test_without_the_profile_the_columns_are_missing() -> None:
    _, problems = parse_file("ledger", DATA / "ledger-profile-windows-1252.csv")
    assert {p.code for p in problems} == {"header.missing-column"}


def test_the_examples_own_profile_reads_the_example_ledger() -> None:
    profile = _profile(ROOT / "examples" / "heinola-2024-q1" / "ledger-profile.toml")
    records, problems = parse_file(
        "ledger", ROOT / "examples" / "heinola-2024-q1" / "ledger-2024.csv", profile=profile
    )
    assert problems == []
    assert len(records) == 478


def test_an_invalid_profile_lists_every_mistake() -> None:
    _, problems = load_profile(DATA / "profile-invalid.toml", FIELDS)
    assert [(p.code, p.value) for p in problems] == [
        ("profile.invalid", "surprise"),
        ("profile.invalid", "#"),
        ("profile.invalid", "when"),
    ]
    assert "kentät: posted" in problems[2].message


# One export feeding several kinds: a line per unit and account, budget and actual side by side.
EXPORT = (
    "Osasto;Osaston nimi;Yksikkö;Yksikön nimi;Rivi;Tili;Tilin nimi;TA;TOT\n"
    "P1;Palvelut;M11;Kirjasto;Palvelujen ostot;TILI/434000;TILI/434000 Asiantuntijat;1 000;1\u00a0234\n"
    "P1;Palvelut;M11;Kirjasto;Henkilöstömenot;TILI/400000;TILI/400000 Palkat;2 000;-5\n"
    "P1;Palvelut;M10;Museo;Palvelujen ostot;TILI/434000;TILI/434000 Asiantuntijat;0;7\n"
    "A2;Aluetekniikka;M20;Kadut;Myyntituotot;TILI/300000;TILI/300000 Myynti;-500;-450\n"
)
PROFILE = """
[dialect]
delimiter = ";"
[columns]
account = { column = "Tili", prefix = "TILI/" }
unit = "Yksikkö"
[[units.levels]]
code = { value = "K" }
name = { value = "Kaupunki" }
kind = { value = "kunta" }
[[units.levels]]
code = "Osasto"
name = "Osaston nimi"
kind = { value = "toimiala" }
binding_level = { value = true }
[[units.levels]]
code = "Yksikkö"
name = "Yksikön nimi"
kind = { value = "palvelualue" }
[accounts.columns]
name = { column = "Tilin nimi", pattern = 'TILI/\\d+ (.*)' }
[mapping.columns]
first = { column = "Tili", prefix = "TILI/" }
last = { column = "Tili", prefix = "TILI/" }
row = { column = "Rivi", names = { "Henkilöstömenot" = "henkilostokulut" } }
[ledger.columns]
amount = "TOT"
posted = { value = "31.12.2011" }
document = { value = "TOT 2011" }
[budget.columns]
amount = "TA"
year = { value = 2011 }
"""
ALL_FIELDS = {name: tuple(item.name for item in spec.fields) for name, spec in KINDS.items()}


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, Profile]:
    (tmp_path / "profile.toml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    profile, problems = load_profile(tmp_path / "profile.toml", ALL_FIELDS)
    assert problems == []
    return tmp_path / "export.csv", profile


def test_one_profile_names_the_kinds_its_file_feeds_in_import_order(export: tuple[Path, Profile]) -> None:
    _, profile = export
    assert profile.kinds() == ("units", "accounts", "mapping", "ledger", "budget")
    assert profile.takes("ledger")["unit"].column == "Yksikkö"  # shared by every section


def test_units_come_from_levels_once_each_parents_first_in_file_order(export: tuple[Path, Profile]) -> None:
    records, problems = parse_file("units", export[0], profile=export[1])
    assert problems == []
    assert [(u.code, u.name, u.kind.value, u.parent, u.binding_level, u.order) for u in records] == [
        ("K", "Kaupunki", "kunta", None, False, 1),
        ("P1", "Palvelut", "toimiala", "K", True, 1),
        ("A2", "Aluetekniikka", "toimiala", "K", True, 2),
        ("M11", "Kirjasto", "palvelualue", "P1", False, 1),
        ("M10", "Museo", "palvelualue", "P1", False, 2),
        ("M20", "Kadut", "palvelualue", "A2", False, 1),
    ]


def test_a_prefix_and_a_patterns_group_are_what_is_kept(export: tuple[Path, Profile]) -> None:
    records, problems = parse_file("accounts", export[0], profile=export[1])
    assert problems == []
    assert [(a.number, a.name) for a in records] == [
        (434000, "Asiantuntijat"),
        (400000, "Palkat"),
        (300000, "Myynti"),
    ]


def test_a_row_is_the_files_own_text_renamed_where_the_profile_says(export: tuple[Path, Profile]) -> None:
    records, problems = parse_file("mapping", export[0], profile=export[1])
    assert problems == []
    assert [(r.first, r.last, r.row) for r in records] == [
        (434000, 434000, "Palvelujen ostot"),  # a label: the mapping import takes labels as well as keys
        (400000, 400000, "henkilostokulut"),
        (300000, 300000, "Myyntituotot"),
    ]


def test_fixed_values_stand_for_columns_the_file_lacks(export: tuple[Path, Profile]) -> None:
    ledger, problems = parse_file("ledger", export[0], profile=export[1])
    assert problems == []
    assert {(r.posted.isoformat(), r.document) for r in ledger} == {("2011-12-31", "TOT 2011")}
    assert [(r.unit, r.account, r.amount_cents) for r in ledger][:2] == [
        ("M11", 434000, 123400),
        ("M11", 400000, -500),
    ]
    budget, problems = parse_file("budget", export[0], profile=export[1])
    assert problems == []
    assert [(r.year, r.kind.value, r.amount_cents) for r in budget] == [
        (2011, "TA", 100000),
        (2011, "TA", 200000),
        (2011, "TA", 0),
        (2011, "TA", -50000),
    ]


def test_a_ledger_profile_that_cuts_cells_is_read_row_by_row_to_the_same_sums(
    export: tuple[Path, Profile],
) -> None:
    parsed = read_ledger(export[0], profile=export[1])
    parsed.close()
    assert not parsed.fast
    assert parsed.source is not None
    assert parsed.source.totals().total_cents == 123400 - 500 + 700 - 45000


def test_the_same_unit_named_two_ways_is_a_conflict_naming_both_rows(
    export: tuple[Path, Profile], tmp_path: Path
) -> None:
    changed = tmp_path / "changed.csv"
    changed.write_text(EXPORT.replace("M10;Museo", "M11;Museo"), encoding="utf-8")
    _, problems = parse_file("units", changed, profile=export[1])
    assert [(p.code, p.row, p.value) for p in problems] == [("value.conflict", 4, "M11")]
    assert "rivit 2 ja 4 antavat yksikölle ”M11” eri tiedot: ”Kirjasto” / ”Museo”" in problems[0].message


def test_a_cell_without_the_prefix_is_located(export: tuple[Path, Profile], tmp_path: Path) -> None:
    changed = tmp_path / "changed.csv"
    changed.write_text(EXPORT.replace(";TILI/400000;", ";400000;"), encoding="utf-8")
    _, problems = parse_file("ledger", changed, profile=export[1])
    assert [(p.code, p.row, p.column, p.value) for p in problems] == [("value.pattern", 3, "Tili", "400000")]


def test_every_mistake_of_a_profile_has_its_code_and_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        """
kind = "ledger"
surprise = 1
[columns]
account = { column = "Tili", prefix = "TILI/", pattern = "x" }
amount = { value = "1", column = "Summa" }
[ledger.columns]
posted = { column = "Pvm", pattern = "(a)(b)" }
document = { column = "Tosite", pattern = "(" }
when = "Pvm"
unit = { colum = "Kp" }
text = 12
[budget]
rows = 1
[[units.levels]]
parent = "Ylempi"
""",
        encoding="utf-8",
    )
    _, problems = load_profile(path, ALL_FIELDS)
    assert [(p.code, p.value) for p in problems] == [
        ("profile.invalid", "surprise"),
        ("profile.invalid", "kind"),
        ("profile.pattern", "(a)(b)"),
        ("profile.pattern", "("),
        ("profile.invalid", "when"),
        ("profile.invalid", "colum"),
        ("profile.invalid", "ledger.columns.unit"),
        ("profile.invalid", "ledger.columns.text"),
        ("profile.invalid", "rows"),
        ("profile.invalid", "parent"),
        ("profile.pattern", "columns.account"),
        ("profile.invalid", "columns.amount"),
    ]


def test_a_row_with_a_cell_too_many_is_one_problem_whatever_the_levels(
    export: tuple[Path, Profile], tmp_path: Path
) -> None:
    changed = tmp_path / "changed.csv"
    changed.write_text(EXPORT.replace("-5\n", "-5;9\n"), encoding="utf-8")
    _, problems = parse_file("units", changed, profile=export[1])
    assert [(p.code, p.row) for p in problems] == [("row.extra-cells", 3)]
