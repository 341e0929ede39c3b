"""The web's own tables (app label `workflow`): roles, drafts with workflow state, the audit log.

Like `toteuma.storage`, the functions are imported lazily so Django can import this package first.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from toteuma.storage.workflow.types import (
    AuditFilter,
    AuditInfo,
    ConflictError,
    DraftInfo,
    UserInfo,
    WorkflowError,
)

_LAZY = {
    "add_user": "users",
    "user_info": "users",
    "user_names": "users",
    "ROLES": "users",
    "record": "audit",
    "audit_log": "audit",
    "audit_count": "audit",
    "audit_choices": "audit",
    "draft": "editing",
    "drafts": "editing",
    "save_draft": "editing",
    "set_state": "editing",
    "goal_subject": "editing",
    "COMMENTARY": "editing",
    "STATES": "editing",
    "balance_periods": "figures",
    "monthly_account_sums": "figures",
    "unit_account_sums": "figures",
    "ledger_page": "figures",
    "ledger_total": "figures",
    "ledger_rows": "figures",
    "account_names": "figures",
    "goal_ids": "figures",
    "sums_by_unit": "figures",
    "budget_by_unit": "figures",
    "goal_statuses": "figures",
    "data_version": "figures",
    "balance_total": "figures",
}

if TYPE_CHECKING:
    from toteuma.storage.workflow.audit import audit_choices, audit_count, audit_log, record
    from toteuma.storage.workflow.editing import (
        COMMENTARY,
        STATES,
        draft,
        drafts,
        goal_subject,
        save_draft,
        set_state,
    )
    from toteuma.storage.workflow.figures import (
        account_names,
        balance_periods,
        balance_total,
        budget_by_unit,
        data_version,
        goal_ids,
        goal_statuses,
        ledger_page,
        ledger_rows,
        ledger_total,
        monthly_account_sums,
        sums_by_unit,
        unit_account_sums,
    )
    from toteuma.storage.workflow.users import ROLES, add_user, user_info, user_names


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from toteuma import storage

    storage.setup()
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "COMMENTARY",
    "ROLES",
    "STATES",
    "AuditFilter",
    "AuditInfo",
    "ConflictError",
    "DraftInfo",
    "UserInfo",
    "WorkflowError",
    "account_names",
    "add_user",
    "audit_choices",
    "audit_count",
    "audit_log",
    "balance_periods",
    "balance_total",
    "budget_by_unit",
    "data_version",
    "draft",
    "drafts",
    "goal_ids",
    "goal_statuses",
    "goal_subject",
    "ledger_page",
    "ledger_rows",
    "ledger_total",
    "monthly_account_sums",
    "record",
    "save_draft",
    "set_state",
    "sums_by_unit",
    "unit_account_sums",
    "user_info",
    "user_names",
]
