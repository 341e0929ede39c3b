"""The reference report's printed figures (source/reference-figures.csv), read into typed tables."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SOURCE = Path(__file__).parent / "source" / "reference-figures.csv"

# The printed columns of each kind of table, in the reference's order.
STATEMENT_COLUMNS = ("tp_prev", "tot_prev", "budget", "tot", "remaining", "pct")
INVESTMENT_COLUMNS = ("tp_prev", "budget", "tot", "deviation", "pct")
SECTOR = "1000"
AREAS = ("1100", "1200", "1300", "1400", "1500", "1600", "1700")
COUNCIL_LINES = {"TULOT": "toimintatuotot", "MENOT": "toimintakulut", "NETTO": "toimintakate"}


@dataclass(frozen=True)
class PrintedLine:
    """One printed line: heading (no values), row or subtotal; money in euros, pct in percent."""

    table: str
    label: str
    kind: str
    values: dict[str, int | Decimal]

    def where(self, column: str) -> str:
        return f"{self.table} / {self.label} / {column}"


@dataclass(frozen=True)
class PrintedTable:
    id: str
    lines: tuple[PrintedLine, ...]

    @property
    def unit(self) -> str:
        """The unit code of a statement table ('statement-1300' -> '1300')."""
        return self.id.rsplit("-", 1)[1]


def parse_printed(text: str, column: str) -> int | Decimal:
    """'-1 365 906' -> -1365906 (euros); '19,57' -> Decimal('19.57') for the percentage column."""
    plain = text.replace(" ", "").replace("\u00a0", "")
    if column == "pct":
        return Decimal(plain.replace(",", "."))
    return int(plain)


def read_tables(path: Path = SOURCE) -> dict[str, PrintedTable]:
    """Every printed table by id, lines in printed order."""
    lines: dict[str, list[PrintedLine]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle, delimiter=";"):
            columns = INVESTMENT_COLUMNS if raw["table"] == "investments" else STATEMENT_COLUMNS
            values = {column: parse_printed(raw[column], column) for column in columns if raw[column]}
            line = PrintedLine(raw["table"], raw["label"], raw["kind"], values)
            lines.setdefault(raw["table"], []).append(line)
    return {table: PrintedTable(table, tuple(items)) for table, items in lines.items()}


def statement_tables(tables: dict[str, PrintedTable]) -> list[PrintedTable]:
    return [tables[f"statement-{code}"] for code in (SECTOR, *AREAS)]
