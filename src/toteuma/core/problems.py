"""Import problems as values: a stable code, where it happened, the offending value, what to do.

The catalogue of codes lives here so that every layer names problems the same way and the
documentation page is generated from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # the file is not imported
    WARNING = "warning"  # imported only when warnings are accepted


@dataclass(frozen=True)
class ProblemType:
    code: str
    title: str
    hint: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    hint: str
    file: str = ""
    row: int | None = None  # 1-based line or sheet row as a spreadsheet shows it
    column: str = ""
    value: str = ""
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        value = f" (value {self.value!r})" if self.value else ""
        return f"{self.location()}: [{self.code}] {self.message}{value}. {self.hint}"


CATALOGUE: tuple[ProblemType, ...] = (
    ProblemType(
        "file.unreadable",
        "The file cannot be read",
        "Check the path and that the file is a CSV or XLSX export.",
    ),
    ProblemType(
        "file.encoding",
        "The text encoding is not what was expected",
        "Save the file as UTF-8, or give the right encoding with --encoding.",
    ),
    ProblemType(
        "file.mojibake",
        "The text looks decoded with the wrong encoding",
        "Give the file's encoding with --encoding (utf-8, cp1252 or iso-8859-15), or in the profile.",
        Severity.WARNING,
    ),
    ProblemType(
        "profile.invalid",
        "The column profile cannot be used",
        "Correct the profile file; docs/file-formats.md shows a complete profile.",
    ),
    ProblemType("file.empty", "The file has no data rows", "Export the data again; the file holds no rows."),
    ProblemType(
        "header.missing-column",
        "A required column is missing",
        "Add the column, or map your column name to it with a profile (--profile).",
    ),
    ProblemType(
        "header.duplicate-column", "Two columns map to the same field", "Remove or rename one of the columns."
    ),
    ProblemType(
        "row.unclosed-quote",
        "A quote is not closed: the lines after it were read into one cell",
        "Close the quote (or remove it) in the cell named, then export or import the file again.",
    ),
    ProblemType(
        "row.extra-cells",
        "A row has more cells than the header",
        "Remove the extra cells, add a header for them, or quote a cell that contains the delimiter.",
    ),
    ProblemType(
        "row.unreadable",
        "A line cannot be read as CSV",
        "Export the file again as plain CSV; a null byte or a broken line ends the reading.",
    ),
    ProblemType(
        "value.too-long",
        "A cell is too long",
        "A cell may hold at most 100 000 characters: shorten it, or check for an unclosed quote.",
    ),
    ProblemType(
        "file.too-large",
        "The workbook would unpack too big",
        "A workbook member may unpack to at most 300 MB, and to at most 100 times its packed size; "
        "save the workbook again from a spreadsheet program, or export CSV.",
    ),
    ProblemType("value.required", "A required value is empty", "Fill in the value or remove the row."),
    ProblemType(
        "value.amount", "Not an amount", "Write amounts like -1234,56 or 1 234,56 with at most two decimals."
    ),
    ProblemType("value.number", "Not a number", "Write a number like 12,5 or -3 with at most four decimals."),
    ProblemType("value.date", "Not a date", "Write dates like 31.3.2024 or 2024-03-31."),
    ProblemType("value.integer", "Not a whole number", "Write a whole number, for example an account 4300."),
    ProblemType("value.choice", "Not one of the allowed values", "Use one of the values the message lists."),
    ProblemType("value.period", "Not a period", "Write the period as YYYY-MM, for example 2024-03."),
    ProblemType(
        "ledger.unknown-account",
        "Lines on an account that is not in the chart of accounts",
        "Add the account with `toteuma import accounts FILE` and import again.",
    ),
    ProblemType(
        "ledger.unmapped-account",
        "Lines on an account that no income-statement row covers",
        "Add a range for it to the account mapping, or correct the account.",
    ),
    ProblemType(
        "ledger.unknown-unit",
        "Lines on a cost center that is not in the organisation",
        "Add the unit with `toteuma import units FILE` and import again.",
    ),
    ProblemType(
        "ref.unknown-unit",
        "Rows name a unit that is not in the organisation",
        "Add the unit with `toteuma import units FILE`, or correct the code, and import again.",
    ),
    ProblemType(
        "mapping.bad-range",
        "An account range is empty",
        "Write the range with its first account before its last one.",
    ),
    ProblemType(
        "mapping.unknown-row",
        "An account range names a row the income statement does not have",
        "Use one of the row keys the message lists.",
    ),
    ProblemType(
        "mapping.leaves-unmapped",
        "The new mapping leaves accounts with ledger lines without a row",
        "Add ranges for the listed accounts; a mapping file replaces the whole mapping.",
    ),
    ProblemType(
        "mapping.overlap",
        "Two account ranges overlap",
        "Each account may feed one row only: split or shorten one of the ranges.",
    ),
    ProblemType(
        "units.unknown-parent",
        "A unit names a parent that does not exist",
        "Add the parent unit to the file, or correct its code.",
    ),
    ProblemType(
        "units.cycle", "Units form a cycle", "A unit cannot be its own ancestor: correct the parents."
    ),
    ProblemType(
        "load.refused",
        "The database refused the load",
        "The message says why; nothing was imported. Correct the file and import it again.",
    ),
    ProblemType(
        "load.busy",
        "Another import is running in this database",
        "Nothing was imported. Import the file again when the other import has finished.",
    ),
    ProblemType(
        "batch.overlap",
        "An earlier batch covers the same period",
        "If the file is a corrected export, import it with --replace (the earlier batch is rolled "
        "back); if it adds lines to the period, accept with --accept-warnings.",
        Severity.WARNING,
    ),
)

BY_CODE = {kind.code: kind for kind in CATALOGUE}


def problem(
    code: str, message: str, *, file: str = "", row: int | None = None, column: str = "", value: str = ""
) -> Problem:
    """A problem of a catalogued type; the hint and severity come from the catalogue."""
    kind = BY_CODE[code]
    return Problem(code, message, kind.hint, file, row, column, value, kind.severity)


def catalogue_markdown() -> str:
    """The page docs/problems.md: every problem code with its severity, title and hint."""
    lines = [
        "# Import problem codes",
        "",
        "Generated from `src/toteuma/core/problems.py` by `python scripts/problems_doc.py`; a test",
        "fails when this page and the code differ. Every problem an import reports carries one of these",
        "codes, the file, row, column and offending value where they apply, a message and the hint below.",
        "An error stops the import (nothing is imported); a warning stops it unless `--accept-warnings`",
        "is given.",
        "",
        "| code | severity | what it means | how to fix it |",
        "|---|---|---|---|",
    ]
    for kind in CATALOGUE:
        hint = kind.hint.replace("|", "\\|")
        lines.append(f"| `{kind.code}` | {kind.severity.value} | {kind.title} | {hint} |")
    return "\n".join(lines) + "\n"
