"""Imports from the browser: check an uploaded file without loading it, then load it or drop it; batches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toteuma import storage
from toteuma.core.problems import Problem
from toteuma.importers.kinds import KINDS
from toteuma.services import imports
from toteuma.services.access import Actor, require_controller
from toteuma.services.common import ServiceError
from toteuma.services.imports import ImportOptions, ImportResult, import_file
from toteuma.storage import BatchInfo


@dataclass(frozen=True)
class Check:
    kind: str
    file_name: str
    records: int
    problems: tuple[Problem, ...]
    already: bool  # the same content was imported before


def check_file(who: Actor, kind: str, path: Path) -> Check:
    """Parse and check the file as an import would, loading nothing."""
    require_controller(who)
    if kind not in KINDS:
        raise ServiceError("services.imports.unknown_kind", kind=kind, kinds=tuple(KINDS))
    storage.setup()  # an XLSX that would unpack too big is a problem of the reader's (importers/archive.py)
    result = import_file(kind, path, options=ImportOptions(dry_run=True, user=who.name))
    return Check(kind, path.name, result.records, result.problems, result.skipped)


def confirm(who: Actor, kind: str, path: Path) -> ImportResult:
    """Load the checked file; with any problem nothing is loaded."""
    require_controller(who)
    # The controller saw the problems table: confirming accepts its warnings; errors still stop it.
    return import_file(kind, path, options=ImportOptions(user=who.name, accept_warnings=True))


def batches(who: Actor) -> list[BatchInfo]:
    require_controller(who)
    storage.setup()
    return storage.batches()


def batch(who: Actor, batch_id: int) -> BatchInfo:
    """One batch, to show before it is rolled back."""
    require_controller(who)
    return imports.show_batch(batch_id)


def rollback(who: Actor, batch_id: int, reason: str) -> None:
    """Remove a batch's lines; the audit log keeps what was removed and why."""
    require_controller(who)
    imports.rollback(batch_id, who.name, reason)
