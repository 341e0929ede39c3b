"""Each kind of input file: its columns (with their aliases) and the reading of a file of a kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toteuma.core.problems import Problem, from_error, problem
from toteuma.core.records import AccountRecord, RangeRecord
from toteuma.importers import builders
from toteuma.importers.derive import distinct, in_file_order
from toteuma.importers.fields import Field, Take, amount, day, flag, integer, map_header, number, parsed_rows
from toteuma.importers.profiles import Profile
from toteuma.importers.table import RawTable, read_table

Builder = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Kind:
    name: str
    fields: tuple[Field, ...]
    build: Builder


_UNIT = Field("unit", ("Yksikkö", "Kustannuspaikka", "Kp", "Vastuuyksikkö", "Unit", "Cost center"))
_YEAR = Field("year", ("Vuosi", "Year"), integer)
_ACCOUNT = Field("account", ("Tili", "Tilinumero", "Account"), integer)
_PROJECT = Field("project", ("Projekti", "Project", "Investointi"), required=False)
_OPT_TEXT = Field("text", ("Selite", "Teksti", "Text", "Description"), required=False)

KINDS: dict[str, Kind] = {
    "units": Kind(
        "units",
        (
            Field("code", ("Koodi", "Code", "Tunnus")),
            Field("name", ("Nimi", "Name")),
            Field("parent", ("Ylempi", "Parent", "Ylempi yksikkö"), required=False),
            Field("kind", ("Taso", "Kind", "Level")),
            Field("binding_level", ("Sitova", "Binding level"), flag, required=False),
            Field("binding", ("Sitovuus", "Binding"), required=False),
            Field("responsible", ("Vastuuhenkilö", "Responsible", "Vastuu"), required=False),
            Field("order", ("Järjestys", "Order"), integer, required=False),
            Field("name_sv", ("Nimi ruotsiksi", "Namn", "Name (sv)"), required=False),
            Field("name_en", ("Nimi englanniksi", "Name (en)", "English name"), required=False),
        ),
        builders.unit,
    ),
    "accounts": Kind(
        "accounts",
        (_ACCOUNT, Field("name", ("Nimi", "Tilin nimi", "Name"))),
        lambda row: AccountRecord(row["account"], row["name"]),
    ),
    "ledger": Kind(
        "ledger",
        (
            Field("posted", ("Kirjauspvm", "Pvm", "Tositepvm", "Päivämäärä", "Date"), day),
            Field("document", ("Tosite", "Tositenumero", "Document")),
            _ACCOUNT,
            _UNIT,
            _PROJECT,
            Field("amount", ("Summa", "Määrä", "Euro", "Euroa", "Amount"), amount),
            _OPT_TEXT,
        ),
        builders.ledger,
    ),
    "budget": Kind(
        "budget",
        (
            _YEAR,
            _UNIT,
            _ACCOUNT,
            _PROJECT,
            Field("amount", ("Summa", "Määrä", "Euro", "Amount"), amount),
            Field("kind", ("Laji", "Kind"), required=False),
            Field("decision", ("Päätös", "Decision"), required=False),
            Field("decided", ("Päätöspvm", "Päätöspäivä", "Decision date"), day, required=False),
            _OPT_TEXT,
        ),
        builders.budget,
    ),
    # A monthly budget (periodisointi): how the year's budget spreads over its months; it shapes the
    # forecasts' budget profile only (docs/forecasting.md).
    "monthly-budget": Kind(
        "monthly-budget",
        (
            _YEAR,
            Field("month", ("Kuukausi", "Kk", "Month"), integer),
            _UNIT,
            _ACCOUNT,
            Field("amount", ("Summa", "Määrä", "Euro", "Amount"), amount),
        ),
        builders.monthly_budget,
    ),
    "investments": Kind(
        "investments",
        (
            Field("project", ("Projekti", "Project", "Investointi")),
            Field("name", ("Nimi", "Name")),
            Field("group", ("Ryhmä", "Group", "Investointiryhmä")),
            _UNIT,
            Field("period", ("Kausi", "Period"), required=False),
            Field("progress", ("Tilanne", "Eteneminen", "Progress"), required=False),
        ),
        builders.investment,
    ),
    "projects": Kind(
        "projects",
        (
            Field("code", ("Projekti", "Project", "Hanke")),
            Field("name", ("Nimi", "Name")),
            Field("kind", ("Laji", "Kind"), required=False),
            Field("funder", ("Rahoittaja", "Funder"), required=False),
            Field("starts", ("Alkaa", "Alkupäivä", "Starts"), day, required=False),
            Field("ends", ("Päättyy", "Loppupäivä", "Ends"), day, required=False),
            Field(
                "external_share",
                ("Ulkoinen rahoitus %", "Ulkoinen rahoitus", "External share"),
                number,
                required=False,
            ),
            Field("target", ("Tavoite €", "Säästötavoite", "Target"), amount, required=False),
            Field("realised", ("Toteutunut €", "Toteutunut säästö", "Realised"), amount, required=False),
            Field("period", ("Kausi", "Period"), required=False),
            Field("unit", ("Yksikkö", "Vastuuyksikkö", "Unit"), required=False),
        ),
        builders.project,
    ),
    "goals": Kind(
        "goals",
        (
            Field("level", ("Taso", "Level")),
            _UNIT,
            _YEAR,
            Field("order", ("Järjestys", "Order"), integer, required=False),
            Field("aim", ("Strateginen päämäärä", "Päämäärä", "Aim")),
            Field("sub_aims", ("Alatavoitteet", "Sub-aims"), required=False),
            Field("goals", ("Tavoite", "Tavoitteet", "Goal", "Goals")),
            Field("metrics", ("Mittari ja tavoitetaso", "Mittari", "Metric"), required=False),
            Field("responsible", ("Vastuu", "Vastuuhenkilö", "Responsible"), required=False),
            Field("period", ("Kausi", "Period"), required=False),
            Field("realisation", ("Toteuma", "Realisation"), required=False),
            Field("status", ("Tila", "Status"), required=False),
            Field("assessor", ("Arvioiva yksikkö", "Arvioija", "Assessed by"), required=False),
        ),
        builders.goal,
    ),
    "metrics": Kind(
        "metrics",
        (
            _UNIT,
            _YEAR,
            Field("metric", ("Mittari", "Metric")),
            Field("period", ("Kausi", "Period")),
            Field("value", ("Arvo", "Toteuma", "Value"), number),
            Field("target", ("Tavoitetaso", "Tavoite", "Target"), number, required=False),
            Field("measure", ("Mittayksikkö", "Measure"), required=False),
            Field("aim", ("Strateginen päämäärä", "Päämäärä", "Aim"), required=False),
        ),
        builders.metric_value,
    ),
    "mapping": Kind(
        "mapping",
        (
            Field("first", ("Tilistä", "Alkaen", "From", "First account"), integer),
            Field("last", ("Tiliin", "Asti", "To", "Last account"), integer),
            Field("row", ("Rivi", "Row")),
        ),
        lambda row: RangeRecord(row["first"], row["last"], row["row"]),
    ),
    "commentary": Kind(
        "commentary",
        (
            _UNIT,
            _YEAR,
            Field("period", ("Kausi", "Period"), required=False),
            Field("kind", ("Laji", "Kind")),
            Field("text", ("Teksti", "Text", "Kommentti")),
        ),
        builders.text,
    ),
}


def with_columns(spec: Kind, takes: Mapping[str, Take]) -> Kind:
    """The kind with a profile's columns in place of the aliases of the fields it names."""
    if not takes:
        return spec
    fields = tuple(
        replace(item, aliases=(take.column,), take=take) if (take := takes.get(item.name)) else item
        for item in spec.fields
    )
    return replace(spec, fields=fields)


def plain(takes: Mapping[str, Take]) -> bool:
    """Every field the profile names is a column taken as it is (what the bulk ledger reader reads)."""
    return all(take.plain for take in takes.values())


def parse_file(
    kind: str, path: Path, *, encoding: str | None = None, profile: Profile | None = None
) -> tuple[list[Any], list[Problem]]:
    """Records and problems of one file of `kind`; records are only meaningful without errors."""
    profile = profile or Profile()
    takes, levels = profile.takes(kind), profile.levels(kind)
    specs = _level_kinds(KINDS[kind], levels, takes) if levels else [with_columns(KINDS[kind], takes)]
    hint = tuple(name for f in specs[0].fields if f.required and not f.fixed for name in (f.name, *f.aliases))
    table, problems = read_table(path, encoding=encoding, header_hint=hint, dialect=profile.dialect)
    if table is None:
        return [], problems
    numbered = [pair for spec in specs for pair in parse_numbered(spec, table, problems)]
    problems = _once(problems)  # each level reads every row: a row's problem is found once per level
    records = [record for _, record in distinct(kind, numbered, table.file, problems)]
    if not records and not problems:
        problems.append(problem("file.empty", "no_data", file=table.file))
    return (in_file_order(records) if levels else records), problems


def _once(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, int | None, str, str, str]] = set()
    found = []
    for item in problems:
        key = (item.code, item.row, item.column, item.value, item.message)
        if key not in seen:
            seen.add(key)
            found.append(item)
    return found


def _level_kinds(spec: Kind, levels: tuple[Mapping[str, Take], ...], takes: Mapping[str, Take]) -> list[Kind]:
    """One reading of the file per level of the tree, the top first; a level's parent is the code above."""
    found = []
    above = Take(value="")  # the top level has no parent
    for level in levels:
        found.append(with_columns(spec, {**takes, **level, "parent": above}))
        above = level.get("code", above)
    return found


def parse_numbered(spec: Kind, table: RawTable, problems: list[Problem]) -> list[tuple[int, Any]]:
    """Each valid row's record with its row number; a refused row is a problem."""
    records = []
    for line, row in parsed_rows(table, spec.fields, problems):
        try:
            records.append((line, spec.build(row)))
        except ValueError as exc:
            problems.append(from_error(exc, "value.choice", file=table.file, row=line))
    return records


def guess_kind(path: Path, *, encoding: str | None = None) -> str | None:
    """The kind whose required columns the file's header has, preferring the one that maps most columns."""
    best: tuple[int, str] | None = None
    for name, spec in KINDS.items():
        hint = tuple(n for field in spec.fields if field.required for n in (field.name, *field.aliases))
        table, _ = read_table(path, encoding=encoding, header_hint=hint)
        if table is None:
            continue
        positions, problems = map_header(table, spec.fields)
        if not problems and (best is None or len(positions) > best[0]):
            best = (len(positions), name)
    return best[1] if best else None
