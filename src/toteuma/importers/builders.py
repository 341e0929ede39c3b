"""How a parsed row of each kind becomes a record; a refused value raises a ProblemError."""

from __future__ import annotations

from typing import Any

from toteuma.core.messages import Text
from toteuma.core.org import Binding, UnitKind
from toteuma.core.periods import Period
from toteuma.core.problems import ProblemError
from toteuma.core.records import (
    BudgetKind,
    BudgetRecord,
    GoalLevel,
    GoalRecord,
    GoalStatus,
    InvestmentRecord,
    LedgerRecord,
    MetricValueRecord,
    MonthlyBudgetRecord,
    ProjectKind,
    ProjectRecord,
    TextKind,
    TextRecord,
    UnitRecord,
)
from toteuma.importers.values import split_lines


def choice(enum: Any, value: str, what: str) -> Any:
    """The member of `enum` written as `value`; `what` names the field (importers.field.<what>)."""
    wanted = value.strip().casefold()
    for member in enum:
        if member.value.casefold() == wanted:
            return member
    allowed = [member.value for member in enum]
    raise ProblemError("value.choice", what=Text(f"importers.field.{what}"), value=value, allowed=allowed)


def unit(row: dict[str, Any]) -> UnitRecord:
    return UnitRecord(
        code=row["code"],
        name=row["name"],
        kind=choice(UnitKind, row["kind"], "unit_kind"),
        parent=row["parent"] or None,
        binding_level=bool(row["binding_level"]),
        binding=choice(Binding, row["binding"] or "netto", "binding"),
        responsible=row["responsible"] or "",
        order=row["order"] or 0,
        name_sv=row["name_sv"] or "",
        name_en=row["name_en"] or "",
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
    kind = choice(BudgetKind, row["kind"] or "TA", "budget_kind")
    if kind is BudgetKind.AMENDMENT and not (row["decision"] and row["decided"]):
        decision, decided = row["decision"] or "", row["decided"] or ""
        raise ProblemError("budget.amendment-decision", decision=decision, decided=decided)
    if kind is BudgetKind.AMENDMENT and row["decided"].year != row["year"]:
        # Reports count an amendment from its decision date within the year: one dated in another
        # year would never show (decided 15.4.2042 for 2024) or show from January (decided 2023).
        raise ProblemError("budget.amendment-year", year=row["year"], decided=row["decided"])
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


def monthly_budget(row: dict[str, Any]) -> MonthlyBudgetRecord:
    if not 1 <= row["month"] <= 12:
        raise ProblemError("monthly-budget.month", month=row["month"])
    return MonthlyBudgetRecord(row["year"], row["month"], row["unit"], row["account"], row["amount"])


def _status(value: str | None) -> GoalStatus | None:
    return choice(GoalStatus, value, "goal_status") if value else None


def period(value: str | None) -> str:
    return str(Period.parse(value)) if value else ""


def goal(row: dict[str, Any]) -> GoalRecord:
    return GoalRecord(
        level=choice(GoalLevel, row["level"], "goal_level"),
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
    kind = choice(TextKind, row["kind"], "text_kind")
    if kind is TextKind.COMMENTARY and not row["period"]:
        raise ProblemError("value.period", "commentary")
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
        raise ProblemError("value.required", "progress_period")
    return InvestmentRecord(
        row["project"], row["name"], row["group"], row["unit"], period(row["period"]), row["progress"] or ""
    )


def project(row: dict[str, Any]) -> ProjectRecord:
    """A project or savings measure; dates in order, the share a percentage, a realised saving dated."""
    if row["starts"] and row["ends"] and row["ends"] < row["starts"]:
        raise ProblemError("project.dates", starts=row["starts"], ends=row["ends"])
    share = row["external_share"]
    if share is not None and not 0 <= share <= 100:
        raise ProblemError("project.share", share=share)
    if row["realised"] is not None and not row["period"]:
        raise ProblemError("value.required", "realised_period")
    return ProjectRecord(
        code=row["code"],
        name=row["name"],
        kind=choice(ProjectKind, row["kind"] or ProjectKind.PROJECT.value, "project_kind"),
        funder=row["funder"] or "",
        starts=row["starts"],
        ends=row["ends"],
        external_share=share,
        target_cents=row["target"],
        realised_cents=row["realised"],
        period=period(row["period"]),
        unit=row["unit"] or "",
    )
