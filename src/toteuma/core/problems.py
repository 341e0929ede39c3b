"""Import problems as values: a stable code, where it happened, the offending value, what to do.

The codes live here so that every layer names problems the same way and the documentation page is
generated from one place. Their titles, messages and hints are in the message catalogue
(`core/data/messages/problems.toml`, fi/sv/en): `problem("value.date", "impossible", value=text)`
shows the message `problems.value.date.impossible` with the code's hint, in the language in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from toteuma.core.messages import MessageError, known, t, t_in


class Severity(StrEnum):
    ERROR = "error"  # the file is not imported
    WARNING = "warning"  # imported only when warnings are accepted


@dataclass(frozen=True)
class ProblemType:
    code: str
    severity: Severity = Severity.ERROR

    @property
    def title(self) -> str:
        return t(f"problems.{self.code}.title")

    @property
    def hint(self) -> str:
        return t(f"problems.{self.code}.hint")


def _key(code: str, text: str) -> str:
    """The catalogue key of one of a code's messages; a text that is no key is shown as it is."""
    key = f"problems.{code}.{text}"
    return key if known(key) else text


@dataclass(frozen=True)
class Problem:
    """One problem; `text` names which of its code's messages it is, `params` fill its placeholders."""

    code: str
    file: str = ""
    row: int | None = None  # 1-based line or sheet row as a spreadsheet shows it
    column: str = ""
    value: str = ""
    severity: Severity = Severity.ERROR
    text: str = "message"
    params: tuple[tuple[str, Any], ...] = ()

    def _values(self) -> dict[str, Any]:
        where = {"file": self.file, "row": self.row, "column": self.column, "value": self.value}
        return {**where, **dict(self.params)}

    @property
    def message(self) -> str:
        return t(_key(self.code, self.text), **self._values())

    @property
    def hint(self) -> str:
        return t(f"problems.{self.code}.hint", **self._values())

    def location(self) -> str:
        """Where: a data file's row and column, or a layout file's line and key."""
        layout = self.code.startswith("layout.")
        parts = [self.file or t("problems.where.input")]
        if self.row is not None:
            parts.append(t("problems.layout.where.line" if layout else "problems.where.row", row=self.row))
        if self.column:
            key = "problems.layout.where.key" if layout else "problems.where.column"
            parts.append(t(key, column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        message = self.message
        shown = self.value and self.value not in message  # a message that quotes it says it already
        value = t("problems.where.value", value=self.value) if shown else ""
        return f"{self.location()}: [{self.code}] {message}{value}. {self.hint}"


class ProblemError(MessageError, ValueError):
    """A refused value with its problem code, raised where the value is read (parsers, builders)."""

    def __init__(self, code: str, text: str = "message", /, **params: Any) -> None:
        super().__init__(_key(code, text), **params)
        self.code = code
        self.text = text


CATALOGUE: tuple[ProblemType, ...] = (
    ProblemType("file.unreadable"),
    ProblemType("file.encoding"),
    ProblemType("file.mojibake", Severity.WARNING),
    ProblemType("profile.invalid"),
    ProblemType("profile.pattern"),
    ProblemType("profile.not-for-kind"),
    ProblemType("file.empty"),
    ProblemType("header.missing-column"),
    ProblemType("header.duplicate-column"),
    ProblemType("row.unclosed-quote"),
    ProblemType("row.extra-cells"),
    ProblemType("row.unreadable"),
    ProblemType("value.too-long"),
    ProblemType("file.too-large"),
    ProblemType("value.required"),
    ProblemType("value.amount"),
    ProblemType("value.number"),
    ProblemType("value.date"),
    ProblemType("value.integer"),
    ProblemType("value.choice"),
    ProblemType("value.period"),
    ProblemType("value.pattern"),
    ProblemType("value.conflict"),
    ProblemType("project.dates"),
    ProblemType("project.share"),
    ProblemType("ledger.unknown-account"),
    ProblemType("ledger.unmapped-account"),
    ProblemType("ledger.unknown-unit"),
    ProblemType("ref.unknown-unit"),
    ProblemType("mapping.bad-range"),
    ProblemType("mapping.unknown-row"),
    ProblemType("mapping.leaves-unmapped"),
    ProblemType("mapping.overlap"),
    ProblemType("units.unknown-parent"),
    ProblemType("units.cycle"),
    ProblemType("load.refused"),
    ProblemType("load.busy"),
    ProblemType("batch.overlap", Severity.WARNING),
    ProblemType("budget.amendment-decision"),
    ProblemType("ledger.implausible-date", Severity.WARNING),
    ProblemType("budget.amendment-year"),
    ProblemType("monthly-budget.month"),
    # A layout file's problems (`toteuma layout check`), catalogued in problems.layout.toml.
    ProblemType("layout.toml"),
    ProblemType("layout.not-found"),
    ProblemType("layout.unknown-setting"),
    ProblemType("layout.bad-value"),
    ProblemType("layout.unknown-name"),
    ProblemType("layout.unknown-line"),
    ProblemType("layout.duplicate-line"),
    ProblemType("layout.duplicate-name"),
    ProblemType("layout.overlap"),
    ProblemType("layout.cycle"),
    ProblemType("layout.expression"),
)

BY_CODE = {kind.code: kind for kind in CATALOGUE}
_WHERE = ("file", "row", "column", "value")


def problem(code: str, text: str = "message", /, **params: Any) -> Problem:
    """A problem of a catalogued code; `text` is one of the code's messages (default: its `message`).

    `file`, `row`, `column` and `value` say where and what; the other keyword arguments fill the
    message's placeholders. The hint and severity come from the catalogue.
    """
    kind = BY_CODE[code]
    where = {name: params.pop(name) for name in _WHERE if name in params}
    found = Problem(code, severity=kind.severity, text=text, params=tuple(sorted(params.items())), **where)
    return found


def from_error(exc: ValueError, default_code: str, /, **where: Any) -> Problem:
    """The problem a parser's ValueError stands for: its own code and message if it is a ProblemError."""
    if isinstance(exc, ProblemError):
        return problem(exc.code, exc.text, **{**exc.params, **where})
    return problem(default_code, str(exc), **where)


def catalogue_markdown() -> str:
    """The page docs/problems.md: every problem code with its severity, title and hint (English)."""
    lines = [
        "# Problem codes",
        "",
        "Generated from `src/toteuma/core/problems.py` and `core/data/messages/problems.toml` by",
        "`python scripts/problems_doc.py`; a test fails when this page and the code differ. Every problem",
        "an import reports carries one of these codes, the file, row, column and offending value where",
        "they apply, a message and the hint below. An error stops the import (nothing is imported); a",
        "warning stops it unless `--accept-warnings` is given. Messages and hints are shown in Finnish,",
        "Swedish or English (`--lang`, `TOTEUMA_LANG`, the dashboard's language); the codes stay the same.",
        "`toteuma layout check FILE` reports the `layout.*` problems of a layout file, each with the file,",
        "the line and the setting's key.",
        "",
        "| code | severity | what it means | how to fix it | suomeksi |",
        "|---|---|---|---|---|",
    ]
    for kind in CATALOGUE:
        hint = _plain(t_in("en", f"problems.{kind.code}.hint"))
        title, finnish = t_in("en", f"problems.{kind.code}.title"), t_in("fi", f"problems.{kind.code}.title")
        lines.append(f"| `{kind.code}` | {kind.severity.value} | {title} | {hint} | {finnish} |")
    return "\n".join(lines) + "\n"


def _plain(text: str) -> str:
    return text.replace("|", "\\|")
