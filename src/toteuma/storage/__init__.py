"""The only layer that talks to the database: set-up, loads and queries over plain records.

Django imports this package while it sets up, before any model may be imported, so the loaders and
queries are imported lazily: the first use of one of them sets Django up (`setup()`) and imports it.
Result types and exceptions (`toteuma.storage.types`) need no Django and are imported at once.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING, Any

from toteuma.storage.faults import FAULTS, fault_of
from toteuma.storage.types import (  # noqa: F401  (the follow-up rows are re-exported for the services)
    Assessment,
    BatchInfo,
    BatchNotFoundError,
    BudgetSum,
    DatabaseFaultError,
    DuplicateImportError,
    DuplicateKeyError,
    Flow,
    ImportBusyError,
    InvestmentInfo,
    InvestmentSums,
    LedgerCheck,
    LoadResult,
    MetricRow,
    ProjectSums,
    StorageError,
    Subtree,
    Sums,
    UnknownUnitError,
)

SETTINGS_MODULE = "toteuma.settings"

# Public name -> module that defines it.
_LAZY = {
    "load_ledger": "loading",
    "load_budget": "loading",
    "rollback_batch": "loading",
    "load_ledger_source": "bulk",
    "load_units": "upserts",
    "load_accounts": "upserts",
    "load_investments": "upserts",
    "load_goals": "upserts",
    "load_texts": "upserts",
    "load_mapping": "upserts",
    "load_metric_values": "upserts",
    "load_projects": "upserts",
    "metric_values": "queries",
    "mapping_ranges": "queries",
    "ledger_accounts": "queries",
    "units": "queries",
    "org_tree": "queries",
    "responsible": "queries",
    "accounts": "queries",
    "known_accounts": "queries",
    "account_sums": "queries",
    "recorded_sums": "queries",
    "verify_ledger": "balances",
    "budget_sums": "queries",
    "investment_sums": "queries",
    "goals": "queries",
    "goals_with_ids": "queries",
    "text": "queries",
    "texts": "queries",
    "batches": "queries",
    "batch_exists": "queries",
    "rebuild_balances": "balances",
    "subtree_ledger_sums": "subtree",
    "metric_rows": "followup",
    "investment_projects": "followup",
    "project_sums": "followup",
    "progress": "followup",
    "save_progress": "followup",
    "projects": "followup",
    "project_lines": "followup",
    "all_project_lines": "followup",
    "goal_history": "followup",
    "goal_metric_names": "followup",
    "subtree_budget_sums": "subtree",
    "subtree_monthly_budget_sums": "monthly_budget",
    "load_monthly_budget": "monthly_budget",
    "ledger_sums_by_unit": "subtree",
    "subtree_ledger_months": "subtree",
    "budget_sums_by_unit": "subtree",
    "monthly_sums_by_unit": "subtree",
    "rebuild_closure": "closure",
}

if TYPE_CHECKING:
    from toteuma.storage.balances import rebuild_balances, verify_ledger
    from toteuma.storage.bulk import load_ledger_source
    from toteuma.storage.closure import rebuild_closure
    from toteuma.storage.followup import (
        all_project_lines,
        goal_history,
        goal_metric_names,
        investment_projects,
        metric_rows,
        progress,
        project_lines,
        project_sums,
        projects,
        save_progress,
    )
    from toteuma.storage.loading import load_budget, load_ledger, rollback_batch
    from toteuma.storage.monthly_budget import load_monthly_budget, subtree_monthly_budget_sums
    from toteuma.storage.queries import (
        account_sums,
        accounts,
        batch_exists,
        batches,
        budget_sums,
        goals,
        goals_with_ids,
        investment_sums,
        known_accounts,
        ledger_accounts,
        mapping_ranges,
        metric_values,
        org_tree,
        recorded_sums,
        responsible,
        text,
        texts,
        units,
    )
    from toteuma.storage.subtree import (
        budget_sums_by_unit,
        ledger_sums_by_unit,
        monthly_sums_by_unit,
        subtree_budget_sums,
        subtree_ledger_months,
        subtree_ledger_sums,
    )
    from toteuma.storage.upserts import (
        load_accounts,
        load_goals,
        load_investments,
        load_mapping,
        load_metric_values,
        load_projects,
        load_texts,
        load_units,
    )


def setup() -> None:
    """Set Django up with toteuma's settings, unless something (a test runner, a server) already did."""
    from django.apps import apps

    if apps.ready:
        return
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    django.setup()


def migrate() -> None:
    """Create the database's tables, or bring them up to date; quiet unless something fails."""
    setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def ready() -> bool:
    """Whether the database has toteuma's tables (`migrate` has run)."""
    setup()
    from django.db import connection

    return "toteuma_importbatch" in connection.introspection.table_names()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    setup()
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups find it directly
    return value


__all__ = [
    "FAULTS",
    "BatchInfo",
    "BatchNotFoundError",
    "BudgetSum",
    "DatabaseFaultError",
    "DuplicateImportError",
    "DuplicateKeyError",
    "Flow",
    "ImportBusyError",
    "InvestmentSums",
    "LedgerCheck",
    "LoadResult",
    "StorageError",
    "Subtree",
    "Sums",
    "UnknownUnitError",
    "account_sums",
    "accounts",
    "all_project_lines",
    "batch_exists",
    "batches",
    "budget_sums",
    "budget_sums_by_unit",
    "fault_of",
    "goal_history",
    "goal_metric_names",
    "goals",
    "goals_with_ids",
    "investment_projects",
    "investment_sums",
    "known_accounts",
    "ledger_accounts",
    "ledger_sums_by_unit",
    "load_accounts",
    "load_budget",
    "load_goals",
    "load_investments",
    "load_ledger",
    "load_ledger_source",
    "load_mapping",
    "load_metric_values",
    "load_monthly_budget",
    "load_projects",
    "load_texts",
    "load_units",
    "mapping_ranges",
    "metric_rows",
    "metric_values",
    "migrate",
    "monthly_sums_by_unit",
    "org_tree",
    "progress",
    "project_lines",
    "project_sums",
    "projects",
    "ready",
    "rebuild_balances",
    "rebuild_closure",
    "recorded_sums",
    "responsible",
    "rollback_batch",
    "save_progress",
    "setup",
    "subtree_budget_sums",
    "subtree_ledger_months",
    "subtree_ledger_sums",
    "subtree_monthly_budget_sums",
    "text",
    "texts",
    "units",
    "verify_ledger",
]
