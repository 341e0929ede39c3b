"""How a parsed row of each kind becomes a record; a refused value raises ValueError (or CodedError)."""

from __future__ import annotations

from typing import Any

from toteuma.core.org import Binding, UnitKind
from toteuma.core.periods import Period
from toteuma.core.records import (
    BudgetKind,
    BudgetRecord,
    GoalLevel,
    GoalRecord,
    GoalStatus,
    InvestmentRecord,
    LedgerRecord,
    MetricValueRecord,
    ProjectKind,
    ProjectRecord,
    TextKind,
    TextRecord,
    UnitRecord,
)
from toteuma.importers.values import split_lines


def choice(enum: Any, value: str, what: str) -> Any:
    wanted = value.strip().casefold()
    for member in enum:
        if member.value.casefold() == wanted:
            return member
    allowed = ", ".join(member.value for member in enum)
    raise ValueError(f"{what} {value!r} is not one of: {allowed}")


def unit(row: dict[str, Any]) -> UnitRecord:
    return UnitRecord(
        code=row["code"],
        name=row["name"],
        kind=choice(UnitKind, row["kind"], "kind"),
        parent=row["parent"] or None,
        binding_level=bool(row["binding_level"]),
        binding=choice(Binding, row["binding"] or "netto", "binding"),
        responsible=row["responsible"] or "",
        order=row["order"] or 0,
    )


def ledger(row: dict[str, Any]) -> LedgerRecord:
    return LedgerRecord(
        posted=row["posted"],
        document=row["document"],
        account=row["account"],
        unit=row["unit"],
        amount_cents=row["amount"],
        text=row["text"] or "",
        project=row["project"] or "",
    )


def budget(row: dict[str, Any]) -> BudgetRecord:
    kind = choice(BudgetKind, row["kind"] or "TA", "kind")
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
    return choice(GoalStatus, value, "status") if value else None


class CodedError(ValueError):
    """A row's value refused with a problem code more precise than value.choice."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def period(value: str | None) -> str:
    try:
        return str(Period.parse(value)) if value else ""
    except ValueError as exc:
        raise CodedError("value.period", str(exc)) from exc


def goal(row: dict[str, Any]) -> GoalRecord:
    return GoalRecord(
        level=choice(GoalLevel, row["level"], "level"),
        unit=row["unit"],
        year=row["year"],
        order=row["order"] or 0,
        aim=row["aim"],
        sub_aims=split_lines(row["sub_aims"] or ""),
        goals=split_lines(row["goals"]),
        metrics=split_lines(row["metrics"] or ""),
        responsible=row["responsible"] or "",
        period=period(row["period"]),
        realisation=split_lines(row["realisation"] or ""),
        status=_status(row["status"]),
        assessor=row["assessor"] or "",
    )


def text(row: dict[str, Any]) -> TextRecord:
    kind = choice(TextKind, row["kind"], "kind")
    if kind is TextKind.COMMENTARY and not row["period"]:
        raise ValueError("commentary needs its period (YYYY-MM)")
    return TextRecord(
        unit=row["unit"],
        year=row["year"],
        period=period(row["period"]),
        kind=kind,
        text=row["text"].replace("\r\n", "\n").strip(),
    )


def metric_value(row: dict[str, Any]) -> MetricValueRecord:
    return MetricValueRecord(
        row["unit"],
        row["year"],
        row["metric"],
        period(row["period"]),
        row["value"],
        row["target"],
        row["measure"] or "",
        row["aim"] or "",
    )


def investment(row: dict[str, Any]) -> InvestmentRecord:
    if row["progress"] and not row["period"]:
        raise CodedError("value.required", "a progress comment (Tilanne) needs its period (Kausi, YYYY-MM)")
    return InvestmentRecord(
        row["project"], row["name"], row["group"], row["unit"], period(row["period"]), row["progress"] or ""
    )


def project(row: dict[str, Any]) -> ProjectRecord:
    """A project or savings measure; dates in order, the share a percentage, a realised saving dated."""
    if row["starts"] and row["ends"] and row["ends"] < row["starts"]:
        raise CodedError("project.dates", f"ends {row['ends']} before it starts {row['starts']}")
    share = row["external_share"]
    if share is not None and not 0 <= share <= 100:
        raise CodedError("project.share", f"external funding share {share} is not between 0 and 100 percent")
    if row["realised"] is not None and not row["period"]:
        raise CodedError("value.required", "a realised saving (Toteutunut €) needs its period (Kausi)")
    return ProjectRecord(
        code=row["code"],
        name=row["name"],
        kind=choice(ProjectKind, row["kind"] or ProjectKind.PROJECT.value, "kind"),
        funder=row["funder"] or "",
        starts=row["starts"],
        ends=row["ends"],
        external_share=share,
        target_cents=row["target"],
        realised_cents=row["realised"],
        period=period(row["period"]),
        unit=row["unit"] or "",
    )
