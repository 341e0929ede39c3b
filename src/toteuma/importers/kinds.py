"""Each kind of input file: its columns and how a parsed row becomes a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toteuma.core.org import Binding, UnitKind
from toteuma.core.periods import Period
from toteuma.core.problems import Problem, problem
from toteuma.core.records import (
    AccountRecord,
    BudgetKind,
    BudgetRecord,
    GoalLevel,
    GoalRecord,
    GoalStatus,
    InvestmentRecord,
    LedgerRecord,
    MetricValueRecord,
    RangeRecord,
    TextKind,
    TextRecord,
    UnitRecord,
)
from toteuma.importers.fields import Field, amount, day, flag, integer, map_header, number, parsed_rows
from toteuma.importers.profiles import Profile
from toteuma.importers.table import RawTable, read_table
from toteuma.importers.values import split_lines

Builder = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Kind:
    name: str
    fields: tuple[Field, ...]
    build: Builder


def _choice(enum: Any, value: str, what: str) -> Any:
    wanted = value.strip().casefold()
    for member in enum:
        if member.value.casefold() == wanted:
            return member
    allowed = ", ".join(member.value for member in enum)
    raise ValueError(f"{what} {value!r} is not one of: {allowed}")


def _unit(row: dict[str, Any]) -> UnitRecord:
    return UnitRecord(
        code=row["code"],
        name=row["name"],
        kind=_choice(UnitKind, row["kind"], "kind"),
        parent=row["parent"] or None,
        binding_level=bool(row["binding_level"]),
        binding=_choice(Binding, row["binding"] or "netto", "binding"),
        responsible=row["responsible"] or "",
        order=row["order"] or 0,
    )


def _ledger(row: dict[str, Any]) -> LedgerRecord:
    return LedgerRecord(
        posted=row["posted"],
        document=row["document"],
        account=row["account"],
        unit=row["unit"],
        amount_cents=row["amount"],
        text=row["text"] or "",
        project=row["project"] or "",
    )


def _budget(row: dict[str, Any]) -> BudgetRecord:
    kind = _choice(BudgetKind, row["kind"] or "TA", "kind")
    if kind is BudgetKind.AMENDMENT and not (row["decision"] and row["decided"]):
        raise ValueError("an amendment needs its decision reference and decision date")
    return BudgetRecord(
        year=row["year"],
        unit=row["unit"],
        account=row["account"],
        amount_cents=row["amount"],
        kind=kind,
        decision=row["decision"] or "",
        decided=row["decided"],
        project=row["project"] or "",
        text=row["text"] or "",
    )


def _status(value: str | None) -> GoalStatus | None:
    return _choice(GoalStatus, value, "status") if value else None


class CodedError(ValueError):
    """A row's value refused with a problem code more precise than value.choice."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _period(value: str | None) -> str:
    try:
        return str(Period.parse(value)) if value else ""
    except ValueError as exc:
        raise CodedError("value.period", str(exc)) from exc


def _goal(row: dict[str, Any]) -> GoalRecord:
    return GoalRecord(
        level=_choice(GoalLevel, row["level"], "level"),
        unit=row["unit"],
        year=row["year"],
        order=row["order"] or 0,
        aim=row["aim"],
        sub_aims=split_lines(row["sub_aims"] or ""),
        goals=split_lines(row["goals"]),
        metrics=split_lines(row["metrics"] or ""),
        responsible=row["responsible"] or "",
        period=_period(row["period"]),
        realisation=split_lines(row["realisation"] or ""),
        status=_status(row["status"]),
    )


def _text(row: dict[str, Any]) -> TextRecord:
    kind = _choice(TextKind, row["kind"], "kind")
    if kind is TextKind.COMMENTARY and not row["period"]:
        raise ValueError("commentary needs its period (YYYY-MM)")
    return TextRecord(
        unit=row["unit"],
        year=row["year"],
        period=_period(row["period"]),
        kind=kind,
        text=row["text"].replace("\r\n", "\n").strip(),
    )


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
        ),
        _unit,
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
        _ledger,
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
        _budget,
    ),
    "investments": Kind(
        "investments",
        (
            Field("project", ("Projekti", "Project", "Investointi")),
            Field("name", ("Nimi", "Name")),
            Field("group", ("Ryhmä", "Group", "Investointiryhmä")),
            _UNIT,
        ),
        lambda row: InvestmentRecord(row["project"], row["name"], row["group"], row["unit"]),
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
        ),
        _goal,
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
        ),
        lambda row: MetricValueRecord(
            row["unit"],
            row["year"],
            row["metric"],
            _period(row["period"]),
            row["value"],
            row["target"],
            row["measure"] or "",
        ),
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
        _text,
    ),
}


def with_columns(spec: Kind, columns: dict[str, str]) -> Kind:
    """The kind with a profile's column names in place of the aliases of the fields it names."""
    if not columns:
        return spec
    fields = tuple(
        replace(item, aliases=(columns[item.name],)) if item.name in columns else item for item in spec.fields
    )
    return replace(spec, fields=fields)


def parse_file(
    kind: str, path: Path, *, encoding: str | None = None, profile: Profile | None = None
) -> tuple[list[Any], list[Problem]]:
    """Records and problems of one file of `kind`; records are only meaningful without errors."""
    profile = profile or Profile()
    spec = with_columns(KINDS[kind], profile.columns)
    hint = tuple(name for field in spec.fields if field.required for name in (field.name, *field.aliases))
    table, problems = read_table(path, encoding=encoding, header_hint=hint, dialect=profile.dialect)
    if table is None:
        return [], problems
    return parse_table(spec, table, problems), problems


def parse_table(spec: Kind, table: RawTable, problems: list[Problem]) -> list[Any]:
    records = []
    for line, row in parsed_rows(table, spec.fields, problems):
        try:
            records.append(spec.build(row))
        except ValueError as exc:
            code = getattr(exc, "code", "value.choice")
            problems.append(problem(code, str(exc), file=table.file, row=line))
    if not records and not problems:
        problems.append(problem("file.empty", "the file has a header but no data rows", file=table.file))
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
