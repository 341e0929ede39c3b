"""The reference example imported into the test database and its report content built, for module fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toteuma.core.report import ReportContent


@contextmanager
def demo_content(
    blocker: Any, data_dir: Path | None = None, settle: Callable[[], None] | None = None
) -> Iterator[ReportContent]:
    """Import the example into the test database, yield the report content, then empty the database.

    `settle` runs between the import and the report (to fix what varies between runs, e.g. import times).
    """
    from django.core.management import call_command

    from toteuma.services import build_report, init
    from toteuma.services.demo import DEMO_PERIOD, DEMO_UNIT, EXAMPLE_DIR, import_example

    with blocker.unblock():
        init()  # the tables, on a connection that may not have seen the test database's migration
        call_command("flush", interactive=False, verbosity=0)
        import_example(data_dir or EXAMPLE_DIR)
        if settle is not None:
            settle()
        content = build_report(DEMO_UNIT, DEMO_PERIOD)
    try:
        yield content
    finally:
        with blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
