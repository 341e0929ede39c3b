"""The reference example imported into the test database and its report content built, for module fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toteuma.core.report import ReportContent


@contextmanager
def demo_content(blocker: Any, data_dir: Path | None = None) -> Iterator[ReportContent]:
    """Import the example into the test database, yield the report content, then empty the database."""
    from django.core.management import call_command

    from toteuma.services import build_report, init
    from toteuma.services.demo import DEMO_PERIOD, DEMO_UNIT, EXAMPLE_DIR, import_example

    with blocker.unblock():
        init()  # the tables, on a connection that may not have seen the test database's migration
        call_command("flush", interactive=False, verbosity=0)
        import_example(data_dir or EXAMPLE_DIR)
        content = build_report(DEMO_UNIT, DEMO_PERIOD)
    try:
        yield content
    finally:
        with blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
