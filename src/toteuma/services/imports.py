"""Importing files: parse, check against what the database knows, load in one go or not at all."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toteuma import storage
from toteuma.core.mapping import AccountMapping
from toteuma.core.money import euros
from toteuma.core.problems import Problem, problem
from toteuma.core.records import LedgerRecord
from toteuma.importers.kinds import KINDS, parse_file
from toteuma.services.common import ServiceError, default_mapping

IMPORT_KINDS = tuple(KINDS)


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: Path
    records: int
    problems: tuple[Problem, ...] = ()
    skipped: bool = False  # the same file was imported before
    summary: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_ledger(records: list[LedgerRecord], file: str, mapping: AccountMapping) -> list[Problem]:
    """Unknown accounts and cost centers, each once with the number of lines and the sum they carry."""
    tree = storage.org_tree()
    accounts = storage.known_accounts()
    unknown: dict[tuple[str, str], list[int]] = {}
    for record in records:
        if record.unit not in tree:
            unknown.setdefault(("ledger.unknown-unit", record.unit), []).append(record.amount_cents)
        if record.account not in accounts:
            unknown.setdefault(("ledger.unknown-account", str(record.account)), []).append(
                record.amount_cents
            )
        elif mapping.row_of(record.account) is None and not mapping.is_balance_sheet(record.account):
            unknown.setdefault(("ledger.unmapped-account", str(record.account)), []).append(
                record.amount_cents
            )
    return [
        problem(
            code,
            f"{len(amounts)} line(s) carrying {euros(sum(amounts)):.2f} EUR on {value}",
            file=file,
            value=value,
        )
        for (code, value), amounts in sorted(unknown.items())
    ]


def import_file(kind: str, path: Path, *, encoding: str | None = None, user: str = "") -> ImportResult:
    """Parse, check and load one file; with any problem nothing is loaded."""
    if kind not in KINDS:
        raise ServiceError(f"unknown kind {kind!r}; choose one of {', '.join(IMPORT_KINDS)}")
    storage.setup()
    records, problems = parse_file(kind, path, encoding=encoding)
    if not problems and kind == "ledger":
        problems = _check_ledger(records, str(path), default_mapping())
    if problems:
        return ImportResult(kind, path, len(records), tuple(problems))
    sha = _sha256(path)
    if kind in ("ledger", "budget") and storage.batch_exists(kind, sha):
        return ImportResult(kind, path, len(records), skipped=True)
    loaded = _load(kind, records, path, sha, user or os.environ.get("USER", ""))
    return ImportResult(kind, path, len(records), summary=loaded)


def _load(kind: str, records: list[Any], path: Path, sha: str, user: str) -> Mapping[str, Any]:
    batch = {"file_name": path.name, "sha256": sha, "imported_by": user}
    loaders = {
        "units": lambda: storage.load_units(records),
        "accounts": lambda: storage.load_accounts(records),
        "ledger": lambda: storage.load_ledger(records, **batch),
        "budget": lambda: storage.load_budget(records, **batch),
        "investments": lambda: storage.load_investments(records),
        "goals": lambda: storage.load_goals(records),
        "commentary": lambda: storage.load_texts(records),
    }
    result = loaders[kind]()
    return result if isinstance(result, Mapping) else {"result": result}
