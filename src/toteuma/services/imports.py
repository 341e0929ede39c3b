"""Importing files: parse, check against what the database knows, load in one go or not at all."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from toteuma import storage
from toteuma.core.bulk import LedgerTotals
from toteuma.core.messages import Text
from toteuma.core.plausibility import Window
from toteuma.core.problems import Problem, Severity, problem
from toteuma.importers.kinds import KINDS, guess_kind, parse_file
from toteuma.importers.profiles import Profile
from toteuma.importers.sources import ParsedLedger, RecordsLedger, read_ledger
from toteuma.services import accounts, forecast_store, import_checks
from toteuma.services.common import (
    ServiceError,
    default_mapping,
    default_structure,
    shipped_mapping,
    system_user,
)
from toteuma.services.import_profiles import profile_for, profile_kind, rows_by_key
from toteuma.storage import BatchInfo, workflow

log = logging.getLogger(__name__)
IMPORT_KINDS = tuple(KINDS)
# The kinds other than the ledger loaded as batches (one can be rolled back or replaced), by batch kind.
_BATCHED = {"budget": "budget", "monthly-budget": "monthly"}
# What the forecasts and alerts read (services.forecast_store): importing one computes them afresh.
FORECAST_INPUTS = frozenset({"ledger", "budget", "monthly-budget", "units", "mapping"})
MAX_PROBLEMS = 200  # listed in full; the rest are counted
Progress = Callable[[int, int], None]  # (lines done, lines in all)


@dataclass(frozen=True)
class ImportOptions:
    encoding: str | None = None
    profile: Path | None = None
    replace: bool = False  # replace earlier batches of the same period
    dry_run: bool = False  # check everything, load nothing
    accept_warnings: bool = False
    user: str = ""
    progress: Progress | None = None
    years: Window | None = None  # lines outside these years are warnings (--years)
    forecasts: bool = True  # compute and keep the newest period's forecasts and alerts after loading


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: Path
    records: int
    problems: tuple[Problem, ...] = ()
    skipped: bool = False  # the same file was imported before
    summary: Mapping[str, Any] = field(default_factory=dict)
    more_problems: int = 0  # problems found beyond the listed MAX_PROBLEMS
    notes: tuple[Text, ...] = ()  # what was detected: encoding, delimiter, decimal separator
    totals: LedgerTotals | None = None
    imported: bool = False
    dry_run: bool = False
    batch_id: int | None = None
    replaced: tuple[int, ...] = ()
    seconds: float = 0.0
    stopped: bool = False  # problems stopped it: nothing was (or, in a dry run, would be) imported
    placed: tuple[accounts.Placement, ...] = ()  # accounts new to the chart and the row each falls on

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(item for item in self.problems if item.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """Imported, skipped as already imported, or (a dry run) would have been imported."""
        return not self.stopped and (self.imported or self.skipped or self.dry_run)


class _ChangedMeanwhileError(Exception):
    """Under the import lock, the batches over the file's period are not those the check saw."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("another import changed the batches of the same period")
        self.problems = problems


def _unchanged(
    kind: str, months: set[str], years: set[int], seen: list[BatchInfo], file: str
) -> Callable[[], None]:
    """The load's guard: refused if a batch over the same period came (or went) since the check.

    Two imports of the same year at once both passed the check before either loaded; the second to
    get the lock now finds the first's batch and stops with its `batch.overlap` (issue 9, item 2).
    """

    def check() -> None:
        now = import_checks.overlapping(kind, months, years)
        if {batch.id for batch in now} != {batch.id for batch in seen}:
            new = [batch for batch in now if batch.id not in {item.id for item in seen}]
            problems = import_checks.overlap_warnings(new, file) or [
                problem("load.refused", "changed", file=file)
            ]
            raise _ChangedMeanwhileError(problems)

    return check


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _capped(problems: list[Problem]) -> tuple[tuple[Problem, ...], int]:
    return tuple(problems[:MAX_PROBLEMS]), max(0, len(problems) - MAX_PROBLEMS)


def _stops(problems: list[Problem], options: ImportOptions) -> bool:
    return any(p.severity is Severity.ERROR or not options.accept_warnings for p in problems)


def import_file(
    kind: str,
    path: Path,
    *,
    encoding: str | None = None,
    user: str = "",
    options: ImportOptions | None = None,
) -> ImportResult:
    """Parse, check and load one file; with an error (or a warning not accepted) nothing is loaded."""
    if kind not in KINDS:
        raise ServiceError("services.imports.unknown_kind", kind=kind, kinds=IMPORT_KINDS)
    options = options or ImportOptions()
    options = replace(options, encoding=encoding or options.encoding, user=user or options.user)
    started = time.perf_counter()
    if not storage.ready():
        raise ServiceError("services.imports.no_tables")
    profile, problems = profile_for(kind, options.profile)
    if problems:
        return _refused(kind, path, problems, started)
    if kind == "ledger":
        result = _import_ledger(path, profile, options)
    else:
        result = _import_records(kind, path, profile, options)
    if result.imported:
        _audit_import(result, options.user)
        if options.forecasts and kind in FORECAST_INPUTS:
            forecast_store.refresh()
    return replace(result, seconds=time.perf_counter() - started)


def _audit_import(result: ImportResult, user: str) -> None:
    """Every import is in the audit log, from the command line as from the browser."""
    after: dict[str, object] = {"records": result.records, "batch": result.batch_id}
    after |= {"replaced": list(result.replaced), **{key: str(value) for key, value in result.summary.items()}}
    workflow.record(user or system_user(), "import", f"{result.kind}:{result.file.name}", None, after)


def _refused(
    kind: str, path: Path, problems: list[Problem], started: float, records: int = 0
) -> ImportResult:
    listed, more = _capped(problems)
    return ImportResult(
        kind, path, records, listed, more_problems=more, seconds=time.perf_counter() - started, stopped=True
    )


def _import_ledger(path: Path, profile: Profile, options: ImportOptions) -> ImportResult:
    started = time.perf_counter()
    parsed = read_ledger(path, encoding=options.encoding, profile=profile, cap=MAX_PROBLEMS)
    log.info("ledger read and checked in %.2f s (%s)", time.perf_counter() - started, path.name)
    try:
        return _check_and_load_ledger(path, parsed, profile, options)
    finally:
        parsed.close()


def _check_and_load_ledger(
    path: Path, parsed: ParsedLedger, profile: Profile, options: ImportOptions
) -> ImportResult:
    problems = list(parsed.problems)
    notes = tuple(parsed.notes)
    source = parsed.source
    if source is None:
        listed, more = _capped(problems)
        more += parsed.more_problems
        return ImportResult("ledger", path, 0, listed, more_problems=more, notes=notes, stopped=True)
    totals = source.totals()
    base = ImportResult("ledger", path, totals.lines, notes=notes, totals=totals, dry_run=options.dry_run)
    problems += import_checks.ledger_references(source.balances(), str(path), default_mapping())
    dated, unlisted = import_checks.implausible_dates(
        path, totals, profile, options.encoding, options.years, MAX_PROBLEMS
    )
    problems += dated
    sha = sha256_of(path)
    if not any(p.severity is Severity.ERROR for p in problems) and storage.batch_exists("ledger", sha):
        return replace(base, skipped=True)
    earlier = import_checks.overlapping(
        "ledger", set(totals.per_month), set(totals.years)
    )  # and again under the lock
    if not options.replace:
        problems += import_checks.overlap_warnings(earlier, str(path))
    listed, more = _capped(problems)
    base = replace(base, problems=listed, more_problems=more + unlisted)
    if _stops(problems, options) or options.dry_run:
        return replace(base, stopped=_stops(problems, options))
    months, years = set(totals.per_month), set(totals.years)
    try:
        loaded = storage.load_ledger_source(
            source,
            file_name=path.name,
            sha256=sha,
            imported_by=options.user or system_user(),
            replaces=[batch.id for batch in earlier] if options.replace else [],
            progress=options.progress,
            guard=_unchanged("ledger", months, years, earlier, str(path)),
        )
    except (storage.StorageError, _ChangedMeanwhileError) as exc:
        return _refused_by_storage(base, exc, path)
    replaced = tuple(batch.id for batch in earlier) if options.replace else ()
    summary = {"lines": loaded.lines, "total_cents": loaded.total_cents, "batch_id": loaded.batch_id}
    return replace(base, imported=True, batch_id=loaded.batch_id, replaced=replaced, summary=summary)


def _unit_cents(kind: str, records: list[Any]) -> list[tuple[str, int]]:
    if kind in ("budget", "monthly-budget", "investments", "goals", "commentary", "metrics"):
        found = [(record.unit, getattr(record, "amount_cents", 0)) for record in records]
        # A goal's assessing unit must exist too.
        return found + [(record.assessor, 0) for record in records if getattr(record, "assessor", "")]
    if kind == "projects":
        return [(record.unit, 0) for record in records if record.unit]
    return []


def _new_accounts(kind: str, records: list[Any]) -> tuple[accounts.Placement, ...]:
    """The row each account new to the chart falls on, for the user to see (`import accounts`)."""
    if kind != "accounts":
        return ()
    known = storage.known_accounts()
    return tuple(accounts.place(record for record in records if record.number not in known))


def _import_records(kind: str, path: Path, profile: Profile, options: ImportOptions) -> ImportResult:
    """Every kind but the ledger: the file is small enough to hold as records."""
    records, problems = parse_file(kind, path, encoding=options.encoding, profile=profile)
    if any(p.severity is Severity.ERROR for p in problems):
        listed, more = _capped(problems)
        return ImportResult(kind, path, len(records), listed, more_problems=more, stopped=True)
    problems += import_checks.unit_references(_unit_cents(kind, records), str(path))
    if kind == "units":
        problems += import_checks.unit_tree(records, str(path))
    if kind == "mapping":
        records = rows_by_key(records)
        keys, shipped = default_structure().row_keys, shipped_mapping()
        problems += import_checks.mapping_ranges(records, str(path), keys, shipped.is_balance_sheet)
    base = ImportResult(
        kind, path, len(records), dry_run=options.dry_run, placed=_new_accounts(kind, records)
    )
    earlier = []
    sha = sha256_of(path)
    batch_kind = _BATCHED.get(kind)
    if batch_kind is not None:
        if storage.batch_exists(batch_kind, sha) and not any(p.severity is Severity.ERROR for p in problems):
            return replace(base, skipped=True)
        earlier = import_checks.overlapping(batch_kind, set(), {record.year for record in records})
        if not options.replace:
            problems += import_checks.overlap_warnings(earlier, str(path))
    listed, more = _capped(problems)
    base = replace(base, problems=listed, more_problems=more)
    if _stops(problems, options) or options.dry_run:
        return replace(base, stopped=_stops(problems, options))
    replaces = [batch.id for batch in earlier] if options.replace else []
    guard = (
        _unchanged(batch_kind, set(), {r.year for r in records}, earlier, str(path))
        if batch_kind is not None
        else None
    )
    try:
        summary = _load(kind, records, path, sha, options, replaces, guard)
    except (storage.StorageError, _ChangedMeanwhileError) as exc:
        return _refused_by_storage(base, exc, path)
    batch_id = summary.get("batch_id")
    return replace(base, imported=True, summary=summary, batch_id=batch_id, replaced=tuple(replaces))


def _refused_by_storage(base: ImportResult, exc: Exception, path: Path) -> ImportResult:
    if isinstance(exc, _ChangedMeanwhileError):
        found = exc.problems
    elif isinstance(exc, storage.ImportBusyError):
        found = [problem("load.busy", seconds=exc.seconds, file=str(path))]
    else:
        found = [problem("load.refused", reason=exc, file=str(path))]
    return replace(base, problems=(*base.problems, *found), stopped=True)


def _load(
    kind: str,
    records: list[Any],
    path: Path,
    sha: str,
    options: ImportOptions,
    replaces: list[int],
    guard: Callable[[], None] | None,
) -> Mapping[str, Any]:
    user = options.user or system_user()
    if kind in _BATCHED:
        load = storage.load_budget if kind == "budget" else storage.load_monthly_budget
        loaded = load(
            records, file_name=path.name, sha256=sha, imported_by=user, replaces=replaces, guard=guard
        )
        return {"lines": loaded.lines, "total_cents": loaded.total_cents, "batch_id": loaded.batch_id}
    loaders: dict[str, Callable[[list[Any]], storage.LoadResult]] = {
        "units": storage.load_units,
        "accounts": storage.load_accounts,
        "investments": storage.load_investments,
        "goals": storage.load_goals,
        "commentary": storage.load_texts,
        "mapping": storage.load_mapping,
        "metrics": storage.load_metric_values,
        "projects": storage.load_projects,
    }
    loaded = loaders[kind](records)
    return {"lines": loaded.lines}


def ledger_as_records(records: list[Any]) -> RecordsLedger:
    """A list of ledger records as a source for the bulk loader (tests, other callers)."""
    return RecordsLedger(records)


def check_file(path: Path, kind: str | None = None, *, options: ImportOptions | None = None) -> ImportResult:
    """Everything an import checks, against the database too, without loading anything."""
    options = options or ImportOptions()
    found = kind or profile_kind(options.profile) or guess_kind(path, encoding=options.encoding)
    if found is None:
        raise ServiceError("services.imports.unknown_header", path=path, kinds=IMPORT_KINDS)
    return import_file(found, path, options=replace(options, dry_run=True))


def list_batches() -> list[storage.BatchInfo]:
    storage.setup()
    return storage.batches()


def show_batch(batch_id: int) -> storage.BatchInfo:
    for batch in list_batches():
        if batch.id == batch_id:
            return batch
    raise ServiceError("services.imports.no_batch", batch=batch_id)


def rollback(batch_id: int, user: str = "", reason: str = "") -> storage.LoadResult:
    """Remove a batch's lines and take them out of the monthly balances; the audit log keeps what went
    and the reason given, which may not be empty (a rollback changes every report of its period)."""
    storage.setup()
    found = next((item for item in storage.batches() if item.id == batch_id), None)
    if found is None:
        raise ServiceError("services.imports.no_batch", batch=batch_id)
    if not reason.strip():
        raise ServiceError("services.imports.rollback_reason")
    result = storage.rollback_batch(batch_id)
    before = {
        "file": found.file_name,
        "sha256": found.sha256,
        "lines": found.lines,
        "cents": found.total_cents,
    }
    after = {"reason": reason.strip()}
    workflow.record(user or system_user(), "import.rollback", f"batch:{batch_id}", before, after)
    forecast_store.refresh()
    return result


def verify_ledger() -> storage.LedgerCheck:
    """Recount every ledger batch from its stored lines, and the monthly balances from the batches.

    Reports tie out to the batches' sums recorded at import; this reads every line to show that the
    lines still add up to them (minutes for a big city's ledger: a nightly or on-demand check).
    """
    storage.setup()
    return storage.verify_ledger()


def rebuild_sums(user: str = "") -> int:
    """Recompute the monthly balances and the batches' sums from the ledger lines (a repair tool)."""
    storage.setup()
    rows = storage.rebuild_balances()
    workflow.record(user or system_user(), "ledger.rebuild", "balances", None, {"rows": rows})
    return rows
