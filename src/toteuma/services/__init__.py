"""Use cases that the command line and the web share: set up, import, build and render reports."""

from toteuma.services.access import Actor, ForbiddenError, actor, add_user
from toteuma.services.common import ServiceError, default_mapping, default_structure, init
from toteuma.services.demo import DemoResult, run_demo
from toteuma.services.imports import IMPORT_KINDS, ImportResult, import_file
from toteuma.services.reporting import FORMATS, build_report, render_report, unit_listing

__all__ = [
    "FORMATS",
    "IMPORT_KINDS",
    "Actor",
    "DemoResult",
    "ForbiddenError",
    "ImportResult",
    "ServiceError",
    "actor",
    "add_user",
    "build_report",
    "default_mapping",
    "default_structure",
    "import_file",
    "init",
    "render_report",
    "run_demo",
    "unit_listing",
]
