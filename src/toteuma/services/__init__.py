"""Use cases that the command line and the web share: set up, import, build and render reports."""

from toteuma.services.common import ServiceError, default_mapping, default_structure, init
from toteuma.services.demo import DemoResult, run_demo
from toteuma.services.imports import IMPORT_KINDS, ImportResult, import_file
from toteuma.services.reporting import (
    FORMATS,
    LANGUAGES,
    build_report,
    get_layout,
    render_report,
    unit_listing,
)

__all__ = [
    "FORMATS",
    "IMPORT_KINDS",
    "LANGUAGES",
    "DemoResult",
    "ImportResult",
    "ServiceError",
    "build_report",
    "default_mapping",
    "default_structure",
    "get_layout",
    "import_file",
    "init",
    "render_report",
    "run_demo",
    "unit_listing",
]
