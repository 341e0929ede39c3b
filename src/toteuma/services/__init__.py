"""Use cases that the command line and the web share: set up, import, build and render reports."""

from toteuma.services import forecasts, layouts, measures  # forecasts registers the `forecast` measure
from toteuma.services.access import Actor, ForbiddenError, actor
from toteuma.services.accounts import chart as account_chart
from toteuma.services.accounts import mapping_in_force
from toteuma.services.accounts import ranges as account_ranges
from toteuma.services.common import ServiceError, default_mapping, default_structure, fault_of, init
from toteuma.services.demo import DemoResult, run_demo
from toteuma.services.imports import (
    IMPORT_KINDS,
    ImportOptions,
    ImportResult,
    check_file,
    import_file,
    list_batches,
    rebuild_sums,
    rollback,
    show_batch,
    verify_ledger,
)
from toteuma.services.reporting import (
    FORMATS,
    LANGUAGES,
    build_report,
    default_layout,
    get_layout,
    render_report,
    shipped_layouts,
    unit_listing,
)
from toteuma.services.users import add_user, list_users, remove_user, set_password, set_role, unlock

__all__ = [
    "FORMATS",
    "IMPORT_KINDS",
    "LANGUAGES",
    "Actor",
    "DemoResult",
    "ForbiddenError",
    "ImportOptions",
    "ImportResult",
    "ServiceError",
    "account_chart",
    "account_ranges",
    "actor",
    "add_user",
    "build_report",
    "check_file",
    "default_layout",
    "default_mapping",
    "default_structure",
    "fault_of",
    "forecasts",
    "get_layout",
    "import_file",
    "init",
    "layouts",
    "list_batches",
    "list_users",
    "mapping_in_force",
    "measures",
    "rebuild_sums",
    "remove_user",
    "render_report",
    "rollback",
    "run_demo",
    "set_password",
    "set_role",
    "shipped_layouts",
    "show_batch",
    "unit_listing",
    "unlock",
    "verify_ledger",
]
