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
    OwnForecastInfo,
    RoundInfo,
    UserInfo,
    WorkflowError,
)

_LAZY = {
    "add_user": "users",
    "remove_user": "users",
    "set_role": "users",
    "set_password": "users",
    "password_problems": "users",
    "all_users": "users",
    "unlock": "users",
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
    "check_move": "editing",
    "register_publisher": "editing",
    "goal_subject": "editing",
    "investment_subject": "editing",
    "INVESTMENT": "editing",
    "PUBLISHERS": "editing",
    "open_round": "round_store",
    "rounds": "round_store",
    "round_of": "round_store",
    "mark_reminded": "round_store",
    "drafts_in": "round_store",
    "period_drafts": "round_store",
    "goal_owners": "round_store",
    "investment_owners": "round_store",
    "people": "round_store",
    "published": "round_store",
    "set_email": "round_store",
    "send": "round_store",
    "COMMENTARY": "editing",
    "FORECAST": "forecasts",
    "forecast_subject": "forecasts",
    "approved_forecasts": "forecasts",
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
        INVESTMENT,
        PUBLISHERS,
        STATES,
        check_move,
        draft,
        drafts,
        goal_subject,
        investment_subject,
        register_publisher,
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
    from toteuma.storage.workflow.forecasts import FORECAST, approved_forecasts, forecast_subject
    from toteuma.storage.workflow.round_store import (
        drafts_in,
        goal_owners,
        investment_owners,
        mark_reminded,
        open_round,
        people,
        period_drafts,
        published,
        round_of,
        rounds,
        send,
        set_email,
    )
    from toteuma.storage.workflow.users import (
        ROLES,
        add_user,
        all_users,
        password_problems,
        remove_user,
        set_password,
        set_role,
        unlock,
        user_info,
        user_names,
    )


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
    "FORECAST",
    "INVESTMENT",
    "PUBLISHERS",
    "ROLES",
    "STATES",
    "AuditFilter",
    "AuditInfo",
    "ConflictError",
    "DraftInfo",
    "OwnForecastInfo",
    "RoundInfo",
    "UserInfo",
    "WorkflowError",
    "account_names",
    "add_user",
    "all_users",
    "approved_forecasts",
    "audit_choices",
    "audit_count",
    "audit_log",
    "balance_periods",
    "balance_total",
    "budget_by_unit",
    "check_move",
    "data_version",
    "draft",
    "drafts",
    "drafts_in",
    "forecast_subject",
    "goal_ids",
    "goal_owners",
    "goal_statuses",
    "goal_subject",
    "investment_owners",
    "investment_subject",
    "ledger_page",
    "ledger_rows",
    "ledger_total",
    "mark_reminded",
    "monthly_account_sums",
    "open_round",
    "password_problems",
    "people",
    "period_drafts",
    "published",
    "record",
    "register_publisher",
    "remove_user",
    "round_of",
    "rounds",
    "save_draft",
    "send",
    "set_email",
    "set_password",
    "set_role",
    "set_state",
    "sums_by_unit",
    "unit_account_sums",
    "unlock",
    "user_info",
    "user_names",
]
