"""Import profiles as the imports need them: loaded for a kind, the kinds a file feeds, rows by label."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from toteuma.core.problems import Problem, problem
from toteuma.core.records import RangeRecord
from toteuma.importers.kinds import KINDS
from toteuma.importers.profiles import Profile, load_profile
from toteuma.services.common import ServiceError, default_structure


def profile_for(kind: str, path: Path | None) -> tuple[Profile, list[Problem]]:
    """The profile for importing a file of `kind`; no profile is the empty one."""
    if path is None:
        return Profile(), []
    fields = {name: tuple(item.name for item in spec.fields) for name, spec in KINDS.items()}
    profile, problems = load_profile(path, fields)
    kinds = profile.kinds()
    if kinds and kind not in kinds:
        problems.append(problem("profile.not-for-kind", kinds=kinds, kind=kind, file=str(path)))
    return profile, problems


def profile_kinds(path: Path) -> tuple[str, ...]:
    """The kinds a profile's file feeds, in import order; a profile that cannot be read is a ServiceError."""
    profile, problems = load_profile(path)
    if problems:
        raise ServiceError("services.imports.profile_problems", details="\n".join(map(str, problems)))
    return profile.kinds()


def profile_kind(path: Path | None) -> str | None:
    """The one kind a profile is for; a profile for several needs --kind."""
    kinds = profile_kinds(path) if path is not None else ()
    if len(kinds) > 1:
        raise ServiceError("services.imports.profile_kinds", kinds=kinds)
    return kinds[0] if kinds else None


def rows_by_key(records: list[RangeRecord]) -> list[RangeRecord]:
    """A range may name its row by its label in any language, as an export writes it ("Palvelujen ostot")."""
    structure = default_structure()
    keys = set(structure.row_keys)
    labels = {
        label.casefold(): line.key
        for line in structure.lines
        if line.key in keys
        for label in (line.label, *(text for _, text in line.labels))
    }
    return [r if r.row in keys else replace(r, row=labels.get(r.row.casefold(), r.row)) for r in records]
