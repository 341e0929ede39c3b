"""Database tables: organisation, accounts, imported ledger and budget lines, monthly balances, plans, texts.

Money is integer cents (BigIntegerField) in bookkeeping sign (debit +), exactly as the records carry it.
"""

from __future__ import annotations

from enum import Enum

from django.db import models
from django.db.models import Q
from django.utils import timezone

from toteuma.core.org import Binding, UnitKind
from toteuma.core.records import BudgetKind, GoalLevel, GoalStatus, ProjectKind, TextKind


def _choices(enum: type[Enum]) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


_MONTH_RANGE = Q(month__gte=1) & Q(month__lte=12)


class Unit(models.Model):
    """A node of the organisation tree: municipality, sector, service area or cost center."""

    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    kind = models.CharField(max_length=20, choices=_choices(UnitKind))
    binding_level = models.BooleanField(default=False)
    binding = models.CharField(max_length=10, choices=_choices(Binding), default=Binding.NET.value)
    responsible = models.CharField(max_length=200, blank=True)
    order = models.IntegerField(default=0)
    name_sv = models.CharField(max_length=200, blank=True, default="")  # "" prints the Finnish name
    name_en = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ("order", "code")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class OrganisationVersion(models.Model):
    """One row: a token that changes whenever a unit is added, changed or removed, by whatever writes
    them (database triggers, migration 0011), so that a process may keep the organisation it read
    while the token stands (decision 65)."""

    token = models.CharField(max_length=32)


class UnitClosure(models.Model):
    """Every (ancestor, descendant) pair of the organisation, a unit with itself at depth 0.

    Rebuilt whenever units are imported (storage.closure); subtree queries join it by the asked units
    instead of listing every unit code under them (docs/decisions.md, 36).
    """

    # The key (ancestor, descendant) and the index (descendant, ancestor) serve both directions.
    ancestor = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="descendant_links", db_index=False
    )
    descendant = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="ancestor_links", db_index=False
    )
    depth = models.PositiveSmallIntegerField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("ancestor", "descendant"), name="toteuma_closure_key"),
        )
        indexes = (models.Index(fields=("descendant", "ancestor"), name="toteuma_closure_up"),)


class Account(models.Model):
    number = models.IntegerField(unique=True)
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ("number",)

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class AccountRange(models.Model):
    """An imported account-to-row mapping: accounts first..last feed a row; replaces the shipped default."""

    first = models.IntegerField()
    last = models.IntegerField()
    row = models.CharField(max_length=64)

    class Meta:
        ordering = ("first",)

    def __str__(self) -> str:
        return f"{self.first}-{self.last} {self.row}"


class ImportBatch(models.Model):
    """One imported ledger or budget file; its lines can be rolled back together."""

    class Kind(models.TextChoices):
        LEDGER = "ledger"
        BUDGET = "budget"
        MONTHLY = "monthly"  # a monthly budget (periodisointi)

    kind = models.CharField(max_length=10, choices=Kind.choices)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    imported_by = models.CharField(max_length=150, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)
    line_count = models.BigIntegerField(default=0)
    total_cents = models.BigIntegerField(default=0)
    first_date = models.DateField(null=True, blank=True)  # earliest posting date (ledger)
    last_date = models.DateField(null=True, blank=True)
    years = models.JSONField(default=list)  # the years the lines fall in, sorted

    class Meta:
        ordering = ("-imported_at", "-id")
        constraints = (models.UniqueConstraint(fields=("sha256", "kind"), name="toteuma_batch_file_once"),)

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.line_count} lines)"


class LedgerLine(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="ledger_lines")
    posted = models.DateField()
    # Year and month are kept beside the date so that indexes can serve period filters directly.
    year = models.SmallIntegerField()
    month = models.SmallIntegerField()
    document = models.CharField(max_length=100)
    account = models.IntegerField()
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    project = models.CharField(max_length=64, blank=True)
    amount_cents = models.BigIntegerField()  # debit +
    text = models.TextField(blank=True)

    class Meta:
        # Every secondary index is rebuilt after a big load and costs seconds per ten million lines
        # (docs/performance.md), so there are only those a page needs (docs/decisions.md, 24).
        indexes = (
            # Drill-down to the lines of a cost center and account in a period (unit_id leads, so no
            # own index), in date order: a leaf's page reads its fifty lines and sorts nothing.
            models.Index(
                fields=("unit", "account", "year", "month", "posted", "id"), name="toteuma_ledger_drill"
            ),
            # Investments: the lines of given projects. Most lines carry no project, so the index
            # holds only those that do; queries say `project <> ''` to use it.
            models.Index(
                fields=("project", "year", "month"),
                name="toteuma_ledger_project",
                condition=~Q(project=""),
            ),
        )
        constraints = (models.CheckConstraint(condition=_MONTH_RANGE, name="toteuma_ledger_month"),)


class BatchBalance(models.Model):
    """A ledger batch summed per cost center, account and month, recorded when the batch is loaded.

    The report's tie-out adds these up over the batches in the database and compares them with the
    statement, which is built from the monthly balances: a balance that drifted from the batches
    behind it shows, without summing millions of lines per report. `storage.verify_ledger`
    recounts them from the lines themselves.
    """

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="balances")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    year = models.SmallIntegerField()
    month = models.SmallIntegerField()
    account = models.IntegerField()
    amount_cents = models.BigIntegerField()
    line_count = models.BigIntegerField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("batch", "unit", "year", "month", "account"), name="toteuma_batch_balance_key"
            ),
            models.CheckConstraint(condition=_MONTH_RANGE, name="toteuma_batch_balance_month"),
        )
        indexes = (models.Index(fields=("unit", "year", "month"), name="toteuma_batch_balance_unit"),)


class MonthlyBalance(models.Model):
    """Sum and count of the ledger lines per cost center, account and month; statements read only this."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    year = models.SmallIntegerField()
    month = models.SmallIntegerField()
    account = models.IntegerField()
    amount_cents = models.BigIntegerField(default=0)
    line_count = models.BigIntegerField(default=0)

    class Meta:
        constraints = (
            # Column order serves the statement query: units, one year, a month range, all accounts.
            models.UniqueConstraint(fields=("unit", "year", "month", "account"), name="toteuma_balance_key"),
            models.CheckConstraint(condition=_MONTH_RANGE, name="toteuma_balance_month"),
        )


class DescendantBalance(models.Model):
    """The monthly balances of every unit below a unit, added up per account and month: what the
    municipality's, a binding unit's or a service area's sums read instead of all of their cost
    centers' balances (decision 62). Rows only for units with units below them; kept with the balances
    in every import and rollback, and written anew when the organisation changes."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", db_index=False)
    year = models.SmallIntegerField()
    month = models.SmallIntegerField()
    account = models.IntegerField()
    amount_cents = models.BigIntegerField(default=0)
    line_count = models.BigIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("unit", "year", "month", "account"), name="toteuma_below_key"),
            models.CheckConstraint(condition=_MONTH_RANGE, name="toteuma_below_month"),
        )


class BudgetLine(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="budget_lines")
    year = models.SmallIntegerField()
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    account = models.IntegerField()
    project = models.CharField(max_length=64, blank=True)
    amount_cents = models.BigIntegerField()  # debit +, like the ledger
    kind = models.CharField(max_length=10, choices=_choices(BudgetKind), default=BudgetKind.ORIGINAL.value)
    decision = models.CharField(max_length=200, blank=True)
    decided = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        indexes = (
            models.Index(fields=("unit", "year", "account"), name="toteuma_budget_unit"),
            models.Index(fields=("project", "year"), name="toteuma_budget_project"),
        )


class MonthlyBudgetLine(models.Model):
    """A monthly budget (periodisointi): how a year's budget of a cost center and account spreads over
    its months. It shapes the budget profile only; the year's budget stays the budget lines'."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="monthly_budget_lines")
    year = models.SmallIntegerField()
    month = models.SmallIntegerField()
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    account = models.IntegerField()
    amount_cents = models.BigIntegerField()  # debit +, like the ledger

    class Meta:
        indexes = (models.Index(fields=("unit", "year", "account"), name="toteuma_monthly_budget_unit"),)


class DescendantBudget(models.Model):
    """The budget lines of every unit below a unit, added up per year, account and decision: what a
    statement of the municipality or a binding unit reads (decision 62). Written anew after every
    budget import or rollback and every units import (a budget is small next to a ledger)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", db_index=False)
    year = models.SmallIntegerField()
    account = models.IntegerField()
    kind = models.CharField(max_length=10, choices=_choices(BudgetKind), default=BudgetKind.ORIGINAL.value)
    decision = models.CharField(max_length=200, blank=True)
    decided = models.DateField(null=True, blank=True)
    amount_cents = models.BigIntegerField()
    line_count = models.BigIntegerField()

    class Meta:
        indexes = (models.Index(fields=("unit", "year", "account"), name="toteuma_below_budget_unit"),)


class InvestmentProject(models.Model):
    code = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=300)
    group = models.CharField(max_length=200)  # e.g. "Irtain omaisuus"
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="investments")

    class Meta:
        ordering = ("group", "code")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class InvestmentProgress(models.Model):
    """How an investment project stands at a period: the approved progress comment."""

    project = models.ForeignKey(InvestmentProject, on_delete=models.CASCADE, related_name="progress")
    period = models.CharField(max_length=7)  # YYYY-MM
    text = models.TextField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("project", "period"), name="toteuma_investment_progress_key"),
        )


class Project(models.Model):
    """A code of the ledger's project column: a funded project or a savings measure (decisions.md, 46)."""

    code = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=_choices(ProjectKind), default=ProjectKind.PROJECT.value)
    funder = models.CharField(max_length=300, blank=True)
    starts = models.DateField(null=True, blank=True)
    ends = models.DateField(null=True, blank=True)
    external_share = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)  # percent
    target_cents = models.BigIntegerField(null=True, blank=True)
    realised_cents = models.BigIntegerField(null=True, blank=True)
    period = models.CharField(max_length=7, blank=True)  # when the realised saving was measured
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Goal(models.Model):
    """A goal group of one unit and year: a strategic aim with its sub-aims, goals and metrics."""

    level = models.CharField(max_length=20, choices=_choices(GoalLevel))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="goals", db_index=False)
    year = models.SmallIntegerField()
    order = models.IntegerField(default=0)
    aim = models.CharField(max_length=500)
    sub_aims = models.JSONField(default=list)  # list of str
    goals = models.JSONField(default=list)
    metrics = models.JSONField(default=list)
    responsible = models.CharField(max_length=300, blank=True)
    # The service area whose responsible assesses the goal (docs/decisions.md, 45); null: the goal's unit.
    assessor = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=("unit", "level", "year", "aim"), name="toteuma_goal_key"),
        )

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year} {self.aim}"


class GoalAssessment(models.Model):
    """How a goal stands at one reporting period: realisation paragraphs and a status."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="assessments")
    period = models.CharField(max_length=7)  # YYYY-MM
    realisation = models.JSONField(default=list)  # list of str, one per paragraph
    status = models.CharField(max_length=20, choices=_choices(GoalStatus), blank=True)  # "" = not assessed

    class Meta:
        constraints = (models.UniqueConstraint(fields=("goal", "period"), name="toteuma_assessment_key"),)


class MetricValue(models.Model):
    """A metric's measured value of a unit in one period (YYYY-MM), with its numeric target if any."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_index=False)
    year = models.SmallIntegerField()
    metric = models.CharField(max_length=300)
    period = models.CharField(max_length=7)
    value = models.DecimalField(max_digits=22, decimal_places=4)
    target = models.DecimalField(max_digits=22, decimal_places=4, null=True, blank=True)
    measure = models.CharField(max_length=50, blank=True)
    aim = models.CharField(max_length=500, blank=True)  # the goal group it belongs to; "" matches by name

    class Meta:
        ordering = ("metric", "period")
        constraints = (
            models.UniqueConstraint(fields=("unit", "metric", "period"), name="toteuma_metric_value_key"),
        )


class UnitText(models.Model):
    """Commentary of a period, or a yearly text (description, introductions) of a unit."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="texts", db_index=False)
    year = models.SmallIntegerField()
    period = models.CharField(max_length=7, blank=True)  # YYYY-MM, "" for a yearly text
    kind = models.CharField(max_length=20, choices=_choices(TextKind))
    text = models.TextField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("unit", "year", "period", "kind"), name="toteuma_text_key"),
        )
