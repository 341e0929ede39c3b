"""The Heinola 2024-Q1 example: it regenerates byte for byte, and its files, read plainly and computed the way
toteuma computes, give every printed figure of the reference report (source/reference-figures.csv)."""

from __future__ import annotations

import csv
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from toteuma.core.mapping import AccountMapping, load_mapping
from toteuma.core.money import parse_euros, percent, round_euros, to_report_sign
from toteuma.core.statement import Column, RowFigures, Statement, compute_statement
from toteuma.core.structure import LineKind, Structure, load_structure

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "heinola-2024-q1"
DATA_FILES = (
    "units.csv", "accounts.csv", "investments.csv", "ledger-2023.csv", "ledger-2024.csv", "budget-2024.xlsx",
    "goals.xlsx", "commentary.csv", "metrics.csv", "reference-cents.csv",
)  # fmt: skip
PERIOD_END, PREV_END = date(2024, 3, 31), date(2023, 3, 31)
SECTOR, AREAS = "1000", ("1100", "1200", "1300", "1400", "1500", "1600", "1700")
COUNCIL = {"TULOT": "toimintatuotot", "MENOT": "toimintakulut", "NETTO": "toimintakate"}
Figures = dict[str, dict[str, RowFigures]]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("heinola")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, str(EXAMPLE / "generate.py"), "--out", str(out)], check=True, env=env)
    return out


def test_generator_rewrites_the_committed_files_byte_for_byte(regenerated: Path) -> None:
    for name in DATA_FILES:
        assert (regenerated / name).read_bytes() == (EXAMPLE / name).read_bytes(), name


# --- the files, read plainly ------------------------------------------------------------------------------


def read_csv(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@dataclass(frozen=True)
class Posting:
    posted: date
    account: int
    unit: str
    project: str
    cents: int  # bookkeeping sign, debit +


def finnish_date(text: str) -> date:
    day, month, year = (int(part) for part in text.split("."))
    return date(year, month, day)


def ledger() -> list[Posting]:
    rows = read_csv("ledger-2023.csv") + read_csv("ledger-2024.csv")
    return [
        Posting(finnish_date(r["Kirjauspvm"]), int(r["Tili"]), r["Kustannuspaikka"], r["Projekti"],
                parse_euros(r["Summa"].replace(",", ".")))
        for r in rows
    ]  # fmt: skip


@dataclass(frozen=True)
class BudgetLine:
    unit: str
    account: int
    project: str
    cents: int  # bookkeeping sign
    kind: str
    decided: date


def budget() -> list[BudgetLine]:
    """The workbook's rows under its header; the title row and the blank row above it are skipped."""
    sheet = openpyxl.load_workbook(EXAMPLE / "budget-2024.xlsx", read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(row for row in rows if row[0] == "Vuosi")
    found = []
    for values in rows:
        row = dict(zip(header, values, strict=True))
        decided = row["Päätöspvm"]
        assert isinstance(decided, datetime)
        cents = parse_euros(str(row["Summa"]))
        found.append(BudgetLine(str(row["Yksikkö"]), int(str(row["Tili"])), str(row["Projekti"] or ""), cents,
                                str(row["Laji"]), decided.date()))  # fmt: skip
    return found


def counts(line: BudgetLine, every_amendment: bool = False) -> bool:
    """The decision-date rule: an amendment counts in a report when it was decided by the period end."""
    return line.kind == "TA" or every_amendment or line.decided <= PERIOD_END


def service_area_of() -> dict[str, str]:
    units = {row["Koodi"]: row for row in read_csv("units.csv")}
    found = {}
    for code in units:
        current = code
        while current and units[current]["Taso"] != "palvelualue":
            current = units[current]["Ylempi"]
        if current:
            found[code] = current
    return found


def area_figures(mapping: AccountMapping, every_amendment: bool = False) -> Figures:
    """Exact cents per service area and income-statement row, report sign; balance-sheet lines left out."""
    areas = service_area_of()
    found: Figures = {area: {} for area in AREAS}
    for unit, account, figures in [*ledger_figures(), *budget_figures(every_amendment)]:
        row = mapping.row_of(account)
        assert row is not None or mapping.is_balance_sheet(account), f"account {account} maps to no row"
        if row is not None:
            found[areas[unit]][row] = found[areas[unit]].get(row, RowFigures()) + figures
    return found


def ledger_figures() -> list[tuple[str, int, RowFigures]]:
    found = []
    for p in ledger():
        cents = to_report_sign(p.cents)
        tp_prev, tot = (cents, 0) if p.posted.year == 2023 else (0, cents)
        tot_prev = cents if p.posted <= PREV_END else 0
        found.append((p.unit, p.account, RowFigures(tp_prev, tot_prev, tot=tot, active=True)))
    return found


def budget_figures(every_amendment: bool) -> list[tuple[str, int, RowFigures]]:
    found = []
    for line in budget():
        if counts(line, every_amendment) and not line.project:
            cents = to_report_sign(line.cents)
            amendment = line.kind == "muutos"
            figures = RowFigures(
                budget_original=0 if amendment else cents, amendments=cents if amendment else 0
            )
            found.append((line.unit, line.account, replace(figures, active=True)))
    return found


def statements(structure: Structure, figures: Figures) -> dict[str, Statement]:
    found = {area: compute_statement(structure, figures[area]) for area in AREAS}
    sector: dict[str, RowFigures] = {}
    for rows in figures.values():
        for key, row in rows.items():
            sector[key] = sector.get(key, RowFigures()) + row
    found[SECTOR] = compute_statement(structure, sector)
    return found


# --- the printed figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    table: str
    label: str
    kind: str
    values: dict[str, int | Decimal]


def printed() -> dict[str, list[Printed]]:
    found: dict[str, list[Printed]] = {}
    for row in read_csv("source/reference-figures.csv"):
        values: dict[str, int | Decimal] = {}
        for column in ("tp_prev", "tot_prev", "budget", "tot", "remaining", "deviation", "pct"):
            text = row[column].replace(" ", "")
            if text:
                values[column] = Decimal(text.replace(",", ".")) if column == "pct" else int(text)
        found.setdefault(row["table"], []).append(Printed(row["table"], row["label"], row["kind"], values))
    return found


def shown(statement: Statement, key: str, column: str) -> int | Decimal:
    value = statement.line(key).value(Column(column))
    assert value is not None
    return value if column == "pct" else round_euros(int(value))


def differences(structure: Structure, figures: Figures) -> list[str]:
    tables, computed = printed(), statements(structure, figures)
    found = []
    for code in (SECTOR, *AREAS):
        statement, lines = computed[code], tables[f"statement-{code}"]
        visible = [(line.label, line.kind.value) for line in statement.visible_lines]
        if visible != [(line.label, line.kind) for line in lines]:
            found.append(f"{code}: shows {visible}")
            continue
        for line, key in zip(lines, [line.key for line in statement.visible_lines], strict=True):
            if line.kind != LineKind.HEADING.value:
                found += [f"{code} {line.label} {c}: {shown(statement, key, c)} != {v}"
                          for c, v in line.values.items() if shown(statement, key, c) != v]  # fmt: skip
    for line in tables["council"]:
        key = COUNCIL[line.label]
        found += [
            f"council {line.label} {c}"
            for c, v in line.values.items()
            if shown(computed[SECTOR], key, c) != v
        ]
    return found


@pytest.fixture(scope="module")
def structure() -> Structure:
    return load_structure()


@pytest.fixture(scope="module")
def mapping(structure: Structure) -> AccountMapping:
    return load_mapping(row_keys=structure.row_keys)


def test_every_printed_statement_figure_comes_out_of_the_files(
    structure: Structure, mapping: AccountMapping
) -> None:
    assert differences(structure, area_figures(mapping)) == []


def test_an_amendment_decided_after_the_period_would_change_the_figures(
    structure: Structure, mapping: AccountMapping
) -> None:
    late = [line for line in budget() if line.kind == "muutos" and line.decided > PERIOD_END]
    assert late, "the example must carry an amendment decided after 31.3.2024"
    assert differences(structure, area_figures(mapping, every_amendment=True)) != []


def test_the_investments_table_comes_out_of_the_project_lines() -> None:
    projects = {row["Projekti"] for row in read_csv("investments.csv") if row["Ryhmä"] == "Irtain omaisuus"}
    lines = [p for p in ledger() if p.project in projects]
    tp_prev = sum(to_report_sign(p.cents) for p in lines if p.posted.year == 2023)
    tot = sum(to_report_sign(p.cents) for p in lines if p.posted.year == 2024)
    plan = sum(to_report_sign(b.cents) for b in budget() if b.project in projects and counts(b))
    computed = {"tp_prev": round_euros(tp_prev), "budget": round_euros(plan), "tot": round_euros(tot),
                "deviation": round_euros(plan - tot), "pct": percent(tot, plan)}  # fmt: skip
    for line in printed()["investments"][1:]:
        assert {column: computed[column] for column in line.values} == line.values, line.label


def test_the_ledger_looks_like_an_export(mapping: AccountMapping) -> None:
    accounts = {int(row["Tili"]) for row in read_csv("accounts.csv")}
    cost_centers = {row["Koodi"] for row in read_csv("units.csv") if row["Taso"] == "kustannuspaikka"}
    lines = ledger()
    assert len(lines) > 2000
    assert all(p.account in accounts and p.unit in cost_centers and p.cents != 0 for p in lines)
    assert {line.account for line in budget()} <= accounts
    assert max(p.posted for p in lines) <= PERIOD_END
    assert not [
        p
        for p in lines
        if p.posted.year == 2024 and mapping.row_of(p.account) == "poistot_ja_arvonalentumiset"
    ]


def test_the_readme_quotes_real_ledger_lines() -> None:
    readme = (EXAMPLE / "README.md").read_text("utf-8")
    ledger_text = (EXAMPLE / "ledger-2023.csv").read_text("utf-8") + (EXAMPLE / "ledger-2024.csv").read_text(
        "utf-8"
    )
    quoted = [line for line in readme.splitlines() if line.count(";") == 6]
    assert quoted
    assert all(line in ledger_text.splitlines() for line in quoted)


def test_the_readme_lists_the_contradictions_the_generator_found() -> None:
    readme = (EXAMPLE / "README.md").read_text("utf-8")
    block = readme.split("<!-- contradictions:start -->")[1].split("<!-- contradictions:end -->")[0]
    assert block.strip().startswith("None: all 634 printed figures hold at once")


# --- the solver's proof of contradictions -----------------------------------------------------------------


@pytest.fixture(scope="module")
def solver() -> Iterator[SimpleNamespace]:
    """The generator's modules; they import each other by plain name, so their folder goes on the path."""
    sys.path.insert(0, str(EXAMPLE))
    try:
        yield SimpleNamespace(
            **{name: importlib.import_module(name) for name in ("bounds", "figures", "solve")}
        )
    finally:
        sys.path.remove(str(EXAMPLE))


def test_the_reference_figures_hold_together(solver: SimpleNamespace, structure: Structure) -> None:
    model = solver.bounds.Model(structure, solver.figures.read_tables())
    assert solver.solve.solve(model.problem(), model.bounds()).conflicts == ()


def test_a_contradiction_comes_with_a_proof_that_checks(
    solver: SimpleNamespace, structure: Structure
) -> None:
    """Print 4 806 instead of 4 808 as the sector's Toimintatuotot TOT 2024: rows 4 820 and -11 forbid it."""
    tables = solver.figures.read_tables()
    lines = list(tables["statement-1000"].lines)
    index = next(i for i, line in enumerate(lines) if line.label == "Toimintatuotot")
    lines[index] = replace(lines[index], values={**lines[index].values, "tot": 4806})
    tables["statement-1000"] = replace(tables["statement-1000"], lines=tuple(lines))
    model = solver.bounds.Model(structure, tables)
    near = ("statement-1000", "statement-1400", "statement-1700")
    bounds = [b for b in model.bounds() if b.where.startswith(near) and b.where.endswith("/ tot")]
    conflict = solver.solve.minimal_conflict(model.problem(), bounds)
    assert "statement-1000 / Toimintatuotot / tot" in [b.where for b in conflict]
    argument = solver.solve.proof(conflict)
    signs = [1 if term.startswith("+") else -1 for term in argument[-1].split(" is identically")[0].split()]
    total: dict[object, int] = {}
    for sign, bound in zip(signs, conflict, strict=True):
        for var in bound.terms:
            total[var] = total.get(var, 0) + sign
    low = sum(b.lo if s > 0 else -b.hi for s, b in zip(signs, conflict, strict=True))
    high = sum(b.hi if s > 0 else -b.lo for s, b in zip(signs, conflict, strict=True))
    assert not any(total.values())
    assert not low <= 0 <= high
