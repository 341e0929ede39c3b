"""Read the reference report's text extraction into tables of figures, and compare a JSON report with them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).parent / "fixtures" / "heinola-2024-q1-yhteiset-palvelut.txt"

Value = int | Decimal

_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_FIRST_HEAD = re.compile(r"TP ?\d{4}")  # every figure table of the reference starts its columns with TP
_EURO = re.compile(r"-?\d{1,3}(?: \d{3})*")
_PERCENT = re.compile(r"-?\d+,\d{2}")
_KIND_BY_WIDTH = {6: "statement", 5: "investments"}
_COUNCIL_LABELS = {"TULOT", "MENOT", "NETTO"}


@dataclass(frozen=True)
class Row:
    """One printed row: a heading (no values) or a label with whole euros and a percentage."""

    label: str
    values: tuple[Value, ...]

    @property
    def is_heading(self) -> bool:
        return not self.values


@dataclass
class Table:
    """One figure table: title is the first header cell (the unit name for statements)."""

    title: str
    kind: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    @property
    def figures(self) -> int:
        return sum(len(row.values) for row in self.rows)


def _clean(text: str) -> str:
    """Drop HTML tags and markdown bold, and collapse the PDF's runs of spaces."""
    return " ".join(_TAG.sub("", text).replace("**", " ").split())


def _cells(line: str) -> list[str]:
    return [_clean(cell) for cell in line.split("\t")]


def _number(cell: str, percent: bool) -> Value | None:
    """Read '-1 365 906' as an int and '19,57' as Decimal('19.57'); None when the cell is neither."""
    text = cell.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    if percent:
        return Decimal(text.replace(",", ".")) if _PERCENT.fullmatch(text) else None
    return int(text.replace(" ", "")) if _EURO.fullmatch(text) else None


def _paragraph_before(lines: Sequence[str], index: int) -> str:
    """The non-blank lines just above index (after any blank lines): a header cell split over lines."""
    end = index
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    return _clean(" ".join(lines[start:end]))


def _next_content(lines: Sequence[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _header_at(lines: Sequence[str], index: int) -> tuple[str, list[str], int] | None:
    """Title, column heads and the index after the header if a table header starts at index."""
    cells = _cells(lines[index])
    if len(cells) > 1 and _FIRST_HEAD.fullmatch(cells[1]):
        title, heads = re.sub(r"\s*\bSelite$", "", cells[0]), cells[1:]
    elif len(cells) == 1 and lines[index].lstrip().startswith("**") and _FIRST_HEAD.match(cells[0]):
        # The council table prints its heads run together in bold and its title in the paragraph above.
        heads = [_clean(head) for head in lines[index].split("**") if head.strip()]
        title = _paragraph_before(lines, index)
    else:
        return None
    after = index + 1
    selite = _next_content(lines, after)
    if selite < len(lines) and _cells(lines[selite])[0] == "Selite":
        # The "Selite" line carries the second line of the column heads ("+muutos", "3 kk", "%").
        more = [*_cells(lines[selite])[1:], *[""] * len(heads)][: len(heads)]
        heads = [_clean(f"{head} {extra}") for head, extra in zip(heads, more, strict=True)]
        after = selite + 1
    return title, heads, after


def _row(line: str, heads: Sequence[str], number: int) -> Row | None:
    """The row printed on line, or None when the line does not have the table's shape."""
    cells = _cells(line)
    if len(cells) != len(heads) + 1 or not cells[0]:
        return None
    if not any(cells[1:]):
        return Row(cells[0], ())
    values = [_number(cell, head.endswith("%")) for cell, head in zip(cells[1:], heads, strict=True)]
    if any(value is None for value in values):
        raise ValueError(f"line {number}: cannot read the figures of {cells[0]!r}: {cells[1:]!r}")
    return Row(cells[0], tuple(value for value in values if value is not None))


def _read_rows(lines: Sequence[str], index: int, heads: Sequence[str]) -> tuple[list[Row], int]:
    """Rows from index until the first non-blank line that is not a row (blank lines occur mid-table)."""
    rows: list[Row] = []
    while (index := _next_content(lines, index)) < len(lines):
        row = _row(lines[index], heads, index + 1)
        if row is None:
            break
        rows.append(row)
        index += 1
    return rows, index


def _kind(heads: Sequence[str], rows: Sequence[Row]) -> str:
    kind = _KIND_BY_WIDTH.get(len(heads))
    if kind is None:
        raise ValueError(f"a table with {len(heads)} columns is neither a statement nor investments: {heads}")
    labels = {row.label for row in rows if not row.is_heading}
    return "council" if kind == "statement" and labels <= _COUNCIL_LABELS else kind


def parse_reference(text: str) -> list[Table]:
    """Every figure table of the reference text, in print order."""
    lines = text.splitlines()
    tables: list[Table] = []
    pending: list[Row] = []  # heading lines just above a header belong to it (investments: "Irtain omaisuus")
    index = 0
    while index < len(lines):
        header = _header_at(lines, index)
        if header is None:
            cells = _cells(lines[index])
            if len(cells) > 1 and cells[0] and not any(cells[1:]):
                pending.append(Row(cells[0], ()))
            elif lines[index].strip():
                pending = []
            index += 1
            continue
        title, heads, index = header
        rows, index = _read_rows(lines, index, heads)
        tables.append(Table(title, _kind(heads, rows), heads, [*pending, *rows]))
        pending = []
    return tables


def load_reference(path: Path = FIXTURE) -> list[Table]:
    return parse_reference(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Difference:
    """One cell (column index) or one whole row (column None) where the report differs from the reference."""

    table: str
    row: str
    column: int | None
    expected: object
    got: object

    def __str__(self) -> str:
        where = "row" if self.column is None else f"column {self.column}"
        return f"{self.table} | {self.row} | {where}: expected {self.expected!r}, got {self.got!r}"


@dataclass(frozen=True)
class Contradiction:
    """A printed cell that the example's generator proved inconsistent; column is a 0-based value index."""

    table: str
    row: str
    column: int
    printed: Value
    reason: str


@dataclass
class Comparison:
    compared: int = 0
    differences: list[Difference] = field(default_factory=list)
    allowed: list[tuple[Contradiction, object]] = field(default_factory=list)

    def message(self) -> str:
        lines = [f"{len(self.differences)} differences ({self.compared} figures compared):"]
        return "\n".join([*lines, *(f"  {difference}" for difference in self.differences)])

    def allowed_lines(self) -> list[str]:
        return [
            f"{c.table} | {c.row} | column {c.column}: printed {c.printed!r}, got {got!r} ({c.reason})"
            for c, got in self.allowed
        ]


def load_report(path: Path) -> dict[str, Any]:
    """The JSON report with its decimals read as Decimal, never float."""
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return report


def _pick(entry: Mapping[str, Any], *keys: str) -> Any:
    return entry[next((key for key in keys if key in entry), keys[0])]


def load_contradictions(path: Path) -> list[Contradiction]:
    """Entries {table, row, column, printed, reason}, as a list or under "contradictions"; long names too."""
    data = load_report(path)
    entries = data.get("contradictions", []) if isinstance(data, dict) else data
    found = []
    for entry in entries:
        printed = _pick(entry, "printed", "printed_value", "value")
        if isinstance(printed, str):
            printed = _number(printed, "," in printed)
        found.append(
            Contradiction(
                str(_pick(entry, "table", "table_title", "title")),
                str(_pick(entry, "row", "row_label", "label")),
                int(_pick(entry, "column", "column_index", "col")),
                printed,
                str(entry.get("reason", "")),
            )
        )
    return found


def _json_table(report: Mapping[str, Any], table: Table) -> dict[str, Any] | None:
    for candidate in report.get("tables", []):
        table_id = str(candidate.get("id", ""))
        if table.kind in ("council", "investments"):
            if table_id == table.kind:
                return dict(candidate)
        elif table_id.startswith("statement-") and table.title in (
            (candidate.get("unit") or {}).get("name"),
            candidate.get("title"),
        ):
            return dict(candidate)
    return None


def _same(expected: Value, got: object) -> bool:
    if isinstance(expected, Decimal):  # a percentage: printed with exactly two decimals
        return isinstance(got, Decimal) and got == expected and got.as_tuple().exponent == -2
    return type(got) is int and got == expected


def _compare_values(
    name: str,
    ref: Row,
    got: Sequence[object],
    result: Comparison,
    allowed: Mapping[tuple[str, int], Contradiction],
) -> None:
    for column, expected in enumerate(ref.values):
        if column >= len(got):
            result.differences.append(Difference(name, ref.label, column, expected, "missing"))
            continue
        result.compared += 1
        contradiction = allowed.get((ref.label, column))
        if contradiction is not None:
            result.allowed.append((contradiction, got[column]))
            if contradiction.printed != expected:
                said = f"contradictions.json says printed {contradiction.printed!r}"
                result.differences.append(Difference(name, ref.label, column, expected, said))
        elif not _same(expected, got[column]):
            result.differences.append(Difference(name, ref.label, column, expected, got[column]))


def _compare_rows(
    name: str,
    table: Table,
    got_rows: Sequence[Mapping[str, Any]],
    result: Comparison,
    allowed: Mapping[tuple[str, int], Contradiction],
) -> None:
    for position, ref in enumerate(table.rows):
        got = got_rows[position] if position < len(got_rows) else None
        if got is None or got.get("label") != ref.label:
            result.differences.append(
                Difference(
                    name,
                    f"row {position + 1}",
                    None,
                    ref.label,
                    "missing" if got is None else got.get("label"),
                )
            )
            continue
        values = list(got.get("values") or [])
        if ref.is_heading:
            if got.get("kind") != "heading" or any(value is not None for value in values):
                result.differences.append(
                    Difference(
                        name,
                        ref.label,
                        None,
                        "heading without values",
                        {"kind": got.get("kind"), "values": values},
                    )
                )
            continue
        _compare_values(name, ref, values, result, allowed)
    for extra in got_rows[len(table.rows) :]:
        result.differences.append(Difference(name, str(extra.get("label")), None, "no such row", "extra row"))


def compare_report(
    tables: Iterable[Table], report: Mapping[str, Any], contradictions: Iterable[Contradiction] = ()
) -> Comparison:
    """Every label and figure of the reference tables against the report; contradictions may differ."""
    result = Comparison()
    listed = list(contradictions)
    for table in tables:
        found = _json_table(report, table)
        name = f"{table.title} [{table.kind}]"
        if found is None:
            result.differences.append(Difference(name, "(table)", None, f"a {table.kind} table", "missing"))
            continue
        # A contradiction names its table by the printed title or by the report's table id.
        allowed = {(c.row, c.column): c for c in listed if c.table in (table.title, found.get("id"))}
        _compare_rows(f"{name} {found.get('id')}", table, found.get("rows", []), result, allowed)
    used = {id(contradiction) for contradiction, _ in result.allowed}
    for unused in (c for c in listed if id(c) not in used):
        result.differences.append(
            Difference(
                "contradictions.json",
                unused.row,
                unused.column,
                f"a printed cell of {unused.table!r}",
                "no such cell",
            )
        )
    return result
