"""Tables of the dashboard's workflow: roles and units, versioned drafts with a state, the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    ADMIN = "admin"
    CONTROLLER = "controller"
    RESPONSIBLE = "responsible"  # vastuuhenkilö: edits the units assigned to them and their sub-units
    READER = "reader"  # board and council members: approved reports and figures only


class State(models.TextChoices):
    DRAFT = "draft"
    READY = "ready"  # sent for review
    APPROVED = "approved"


class Profile(models.Model):
    """A user's role and the units they answer for (unit codes, so a unit import never breaks a link)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toteuma")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.READER)
    units = models.JSONField(default=list)  # unit codes

    def __str__(self) -> str:
        return f"{self.user_id} {self.role}"


class Draft(models.Model):
    """The text a responsible writes for a unit and period: commentary, or one goal's assessment.

    `subject` is "commentary", "goal:<id>", "investment:<project>" or "forecast:<row key>"; `version`
    grows by one with every save, so a save that started from an older version is detected instead of
    overwriting a colleague's change.
    """

    unit_code = models.CharField(max_length=32)
    period = models.CharField(max_length=7)  # YYYY-MM
    subject = models.CharField(max_length=120)
    text = models.TextField(blank=True)  # an own forecast's reason
    status = models.CharField(max_length=20, blank=True)  # a goal's status word, "" for commentary
    # An own forecast's year-end amount in report sign (income +, costs -), exact cents; None for texts.
    amount_cents = models.BigIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    version = models.IntegerField(default=1)
    review_comment = models.TextField(blank=True)
    # Who saved the text since it was last approved: whether the approver wrote any of it (decision 26).
    authors = models.JSONField(default=list)
    updated_by = models.CharField(max_length=150, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("unit_code", "period", "subject"), name="workflow_draft_key"),
        )


class OwnForecast(models.Model):
    """An approved own forecast: what the documents and the forecast use for a unit's row (decision 59).

    Written only by approving its draft (subject "forecast:<row key>"); keyed by codes like the drafts.
    """

    unit_code = models.CharField(max_length=32)
    period = models.CharField(max_length=7)  # YYYY-MM: the period it was made and approved for
    row = models.CharField(max_length=100)  # the statement row's key
    amount_cents = models.BigIntegerField()  # year-end, report sign (income +, costs -)
    reason = models.TextField()
    written_by = models.JSONField(default=list)  # who saved the draft since the last approval
    approved_by = models.CharField(max_length=150)
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("unit_code", "period", "row"), name="workflow_own_forecast_key"),
        )


class Round(models.Model):
    """A reporting round: the controller asks the units' responsibles for a period's texts by a deadline."""

    period = models.CharField(max_length=7, unique=True)  # YYYY-MM
    deadline = models.DateField()
    units = models.JSONField(default=list)  # unit codes the round covers (each with its sub-units)
    opened_by = models.CharField(max_length=150, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    reminded_on = models.DateField(null=True, blank=True)  # the last day `toteuma remind` wrote for it

    class Meta:
        ordering = ("-period",)


class AuditEntry(models.Model):
    """One change: who, when, what, the state before and after. Only ever added to."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.CharField(max_length=150)
    action = models.CharField(max_length=40)
    target = models.CharField(max_length=200)
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)

    class Meta:
        ordering = ("-at", "-id")


class ForecastRun(models.Model):
    """The forecasts and alerts of the whole organisation at one period, computed once for one state of
    what they read (decision 61): `key` is a digest of the imports, the organisation, the account
    mapping, the approved own forecasts, the settings and the code's version. A run of another key is
    stale and is deleted when a new one is kept."""

    key = models.CharField(max_length=64)
    period = models.CharField(max_length=7)  # YYYY-MM
    computed_at = models.DateTimeField(default=timezone.now)
    milliseconds = models.IntegerField(default=0)  # how long the computing took (operators' figure)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("key", "period"), name="workflow_forecast_run_key"),)


class StoredAlert(models.Model):
    """One alert of a run, in the order the rules rank them; its words are made when it is shown."""

    run = models.ForeignKey(ForecastRun, on_delete=models.CASCADE, related_name="alerts")
    position = models.IntegerField()
    unit_code = models.CharField(max_length=32)
    row = models.CharField(max_length=100)
    rule = models.CharField(max_length=40)
    level = models.CharField(max_length=20, blank=True)
    method = models.CharField(max_length=20)
    figures = models.JSONField(default=dict)  # figure name -> report sign cents (JSON integers are exact)

    class Meta:
        indexes = (models.Index(fields=("run", "unit_code"), name="workflow_alert_run_unit"),)


class StoredRuleCount(models.Model):
    """How many alerts of a rule a unit's subtree has in a run: what the overview's alert column reads."""

    run = models.ForeignKey(ForecastRun, on_delete=models.CASCADE, related_name="rule_counts")
    unit_code = models.CharField(max_length=32)
    rule = models.CharField(max_length=40)
    count = models.IntegerField()

    class Meta:
        indexes = (models.Index(fields=("run", "unit_code"), name="workflow_rules_run_unit"),)


class StoredStatement(models.Model):
    """A unit's statement rows in a run (its whole subtree), as the dashboard reads them (decision 64):
    per row key, the kept measures' report sign cents and line counts, `{row: [{measure: cents},
    {measure: lines}]}` (JSON integers are exact)."""

    run = models.ForeignKey(ForecastRun, on_delete=models.CASCADE, related_name="statements")
    unit_code = models.CharField(max_length=32)
    rows = models.JSONField(default=dict)

    class Meta:
        indexes = (models.Index(fields=("run", "unit_code"), name="workflow_statement_run_unit"),)


class StoredForecast(models.Model):
    """A unit's forecast of one statement line (its whole subtree) in a run; report sign cents."""

    run = models.ForeignKey(ForecastRun, on_delete=models.CASCADE, related_name="forecasts")
    unit_code = models.CharField(max_length=32)
    line = models.CharField(max_length=100)
    cents = models.BigIntegerField()
    method = models.CharField(max_length=20)
    profile = models.CharField(max_length=20)
    actual = models.BigIntegerField()
    budget = models.BigIntegerField()
    profile_to_date = models.BigIntegerField()
    # Of the charted line (costs): {"actual": the months to the period, "profile": 12 months}, cents
    # per month; the chart's cumulative path is made from them and the forecast (decision 61).
    path = models.JSONField(null=True, blank=True)
    low = models.BigIntegerField()
    high = models.BigIntegerField()
    banded = models.BooleanField(default=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("run", "unit_code", "line"), name="workflow_forecast_line_key"),
        )
