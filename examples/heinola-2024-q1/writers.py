"""Files as a finance system and a finance team write them: semicolon CSV with decimal comma, and XLSX."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from budget import BudgetLine
from ledger import Line

# A fixed creation time keeps the workbooks byte-identical from run to run; XLSX metadata has no zone.
CREATED = datetime(2024, 4, 8, 9, 0, 0)  # noqa: DTZ001
SERIES = {"osto": 1, "myynti": 2, "palkka": 3, "muistio": 4, "sisainen": 5}
LEDGER_HEADER = ["Kirjauspvm", "Tosite", "Tili", "Kustannuspaikka", "Projekti", "Summa", "Selite"]
BUDGET_HEADER = ["Vuosi", "Yksikkö", "Tili", "Projekti", "Summa", "Laji", "Päätös", "Päätöspvm", "Selite"]


def write_csv(path: Path, rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerows(rows)


def finnish_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def finnish_amount(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def document_numbers(lines: Sequence[Line]) -> dict[tuple[object, ...], str]:
    """Numbers per year and series in date order, as a ledger system hands them out: 24100017."""
    first: dict[tuple[object, ...], tuple[date, str]] = {}
    for line in lines:
        if line.doc_key not in first or line.posted < first[line.doc_key][0]:
            first[line.doc_key] = (line.posted, line.series)
    numbers: dict[tuple[object, ...], str] = {}
    counters: dict[tuple[int, str], int] = {}
    for key, (posted, series) in sorted(first.items(), key=lambda pair: (pair[1], repr(pair[0]))):
        counters[posted.year, series] = counters.get((posted.year, series), 0) + 1
        numbers[key] = f"{posted.year % 100}{SERIES[series]}{counters[posted.year, series]:05d}"
    return numbers


def write_ledger(out: Path, lines: Sequence[Line]) -> None:
    """ledger-2023.csv and ledger-2024.csv, in posting order."""
    numbers = document_numbers(lines)
    ordered = sorted(
        lines, key=lambda x: (x.posted, numbers[x.doc_key], x.cost_center, x.account, x.cents, x.text)
    )
    for year in (2023, 2024):
        rows = [LEDGER_HEADER] + [
            [finnish_date(x.posted), numbers[x.doc_key], str(x.account), x.cost_center, x.project,
             finnish_amount(x.cents), x.text]
            for x in ordered
            if x.posted.year == year
        ]  # fmt: skip
        write_csv(out / f"ledger-{year}.csv", rows)


def _workbook(path: Path, title: str) -> xlsxwriter.Workbook:
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties(
        {"title": title, "author": "Heinolan kaupunki, talouspalvelut", "created": CREATED}
    )
    return workbook


def write_budget(path: Path, lines: Sequence[BudgetLine]) -> None:
    """A title row and a blank row above the header, like the finance team's own workbook."""
    title = "Talousarvio 2024 ja muutokset - Yhteiset palvelut / Kaupunginhallituksen toimiala"
    workbook = _workbook(path, "Talousarvio 2024")
    sheet = workbook.add_worksheet("TA 2024")
    bold = workbook.add_format({"bold": True})
    euros = workbook.add_format({"num_format": "#,##0"})
    day = workbook.add_format({"num_format": "d.m.yyyy"})
    sheet.write_string(0, 0, title, bold)
    sheet.write_row(2, 0, BUDGET_HEADER, bold)
    for row, line in enumerate(lines, start=3):
        sheet.write_number(row, 0, 2024)
        sheet.write_string(row, 1, line.unit)
        sheet.write_number(row, 2, line.account)
        if line.project:
            sheet.write_string(row, 3, line.project)
        sheet.write_number(row, 4, line.euros, euros)
        sheet.write_string(row, 5, line.kind)
        sheet.write_string(row, 6, line.decision)
        sheet.write_datetime(row, 7, datetime.combine(line.decided, datetime.min.time()), day)
        sheet.write_string(row, 8, line.text)
    sheet.set_column(0, 5, 10)
    sheet.set_column(6, 7, 18)
    sheet.set_column(8, 8, 50)
    workbook.close()


def write_goals(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """One goal group per row; the items of a cell are lines of the cell (wrapped text)."""
    workbook = _workbook(path, "Tavoitteet 2024")
    sheet = workbook.add_worksheet("Tavoitteet")
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_row(0, 0, rows[0], bold)
    for number, row in enumerate(rows[1:], start=1):
        for column, value in enumerate(row):
            if column in (2, 3):
                sheet.write_number(number, column, int(value), wrap)
            else:
                sheet.write_string(number, column, value, wrap)
    sheet.set_column(0, 3, 12)
    sheet.set_column(4, 11, 40)
    workbook.close()
