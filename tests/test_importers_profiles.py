"""Tests of importers/profiles.py: column profiles read, checked, and used by the importers."""

from pathlib import Path

from toteuma.importers.kinds import KINDS, parse_file
from toteuma.importers.profiles import load_profile
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
