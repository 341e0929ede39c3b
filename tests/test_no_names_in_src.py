"""No municipality and no shipped layout is named in the code: what differs between municipalities is
data (a layout file, an example), never a branch in src/. Shipped layout files (core/data/layouts/ and
their index core/data/layouts.toml) are the one place in src/ that may name them."""

from __future__ import annotations

import re
from pathlib import Path

from toteuma.core.definition import DEFINITION_DIR, shipped_definitions

SRC = Path(__file__).parents[1] / "src" / "toteuma"
ALLOWED = (DEFINITION_DIR, DEFINITION_DIR.parent / "layouts.toml")
THIRD_PARTY = SRC / "web" / "static" / "vendor"  # vega's minified code ("Ii" is a municipality), not ours
MUNICIPALITIES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "municipalities.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]
TEXT = {".py", ".html", ".toml", ".css", ".txt", ".po", ".md", ".json", ".js"}


def files() -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*")
        if path.is_file()
        and path.suffix in TEXT
        and not any(path.is_relative_to(a) or path == a for a in ALLOWED)
        and not path.is_relative_to(THIRD_PARTY)
    )


def test_the_scan_sees_the_code() -> None:
    found = {path.relative_to(SRC).as_posix() for path in files()}
    assert {
        "services/reporting.py",
        "reports/templates/report.html",
        "core/data/income_statement.toml",
    } <= found
    assert not any(name.startswith("core/data/layouts/") for name in found)


# A name, bare or with a case ending: "Heinola", "Heinolan", "Heinolas", "Jyväskylässä" (not "Kaavio").
ENDINGS = r"(?:'s|:n|n|s|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|na|nä|ksi|an|än|hin|seen)?"
MUNICIPALITY = re.compile(
    r"(?<!\w)(" + "|".join(map(re.escape, MUNICIPALITIES)) + ")" + ENDINGS + r"(?!\w)", re.IGNORECASE
)
NOT_NAMES = ("Europe/Helsinki",)  # the time zone's name, not a municipality of the code's


def test_no_municipality_is_named_in_src() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {match.group(0)}"
        for path in files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in MUNICIPALITY.finditer(_without_non_names(line))
    ]
    assert found == []


def _without_non_names(line: str) -> str:
    for text in NOT_NAMES:
        line = line.replace(text, "")
    return line


def test_the_name_pattern_finds_inflected_names_only() -> None:
    found = [
        match.group(0) for match in MUNICIPALITY.finditer("Heinolan kaupunki, Kaavio, Jyväskylässä, Heinolas")
    ]
    assert found == ["Heinolan", "Jyväskylässä", "Heinolas"]


def test_no_shipped_layout_is_named_in_src() -> None:
    # Quoted as code or text names it ("year-end", 'reference', `quarterly`); prose ("year-end cents") not.
    names = "|".join(map(re.escape, shipped_definitions()))
    pattern = re.compile(rf"""(["'`])({names})\1""")
    found = [
        f"{path.relative_to(SRC)}:{number}: {match.group(2)}"
        for path in files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in pattern.finditer(line)
    ]
    assert found == []
