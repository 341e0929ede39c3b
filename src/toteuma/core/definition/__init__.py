"""Report definitions (layouts): TOML files read, extended, checked and made into a Definition.

`read_definition` returns the definition (or None) and every problem at once, each with its file,
line, key and catalogued code; `load_definition` raises DefinitionError listing them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from toteuma.core.definition.build import build
from toteuma.core.definition.check import check_values, without
from toteuma.core.definition.locate import key_lines, locate
from toteuma.core.definition.merge import Source, merged
from toteuma.core.definition.model import (
    ColumnDef,
    Definition,
    LinePick,
    Scale,
    SectionKind,
    Sign,
    TableDef,
    label_in,
)
from toteuma.core.problems import Problem, problem

DEFINITION_DIR = Path(__file__).parents[1] / "data" / "layouts"
_INDEX = Path(__file__).parents[1] / "data" / "layouts.toml"
_TOML_LINE = re.compile(r"at line (\d+)")


class DefinitionError(ValueError):
    """A layout that cannot be used; the message lists every problem, located."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("\n".join(str(item) for item in problems))
        self.problems = problems


@dataclass(frozen=True)
class Loaded:
    """A layout as read: the definition when it has no problem, the problems, the files and values."""

    definition: Definition | None
    problems: tuple[Problem, ...] = ()
    chain: tuple[Source, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)


def shipped_definitions() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in DEFINITION_DIR.glob("*.toml")))


def default_name() -> str:
    """The shipped layout a report uses when none is named (core/data/layouts.toml)."""
    return str(tomllib.loads(_INDEX.read_text(encoding="utf-8"))["default"])


def _path(name_or_path: str | Path, folder: Path | None) -> tuple[Path, str]:
    """The file of a shipped layout's name or of a path (relative to `folder`), and its label."""
    text = str(name_or_path)
    if not Path(text).suffix and "/" not in text and "\\" not in text:
        return DEFINITION_DIR / f"{text}.toml", f"layouts/{text}.toml"
    path = Path(text) if folder is None or Path(text).is_absolute() else folder / text
    return path, str(path)


def _source(name_or_path: str | Path, folder: Path | None) -> tuple[Source | None, Path, list[Problem]]:
    path, label = _path(name_or_path, folder)
    if not path.is_file():
        params = {"layout": str(name_or_path), "path": str(path), "shipped": shipped_definitions()}
        return None, path, [problem("layout.not-found", "message", file=str(name_or_path), **params)]
    text = path.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _TOML_LINE.search(str(exc))
        row = int(line.group(1)) if line else None
        found = problem("layout.toml", "message", file=label, row=row, reason=str(exc))
        return None, path, [found]
    if isinstance(raw.get("columns"), list):
        raw = {**raw, "columns": {"default": raw["columns"]}}  # the earlier format's one column list
    problems = check_values(raw, label)
    # The file's other settings are still checked: the bad values are left out, not the file.
    return Source(label, text, without(raw, [item.column for item in problems])), path, problems


def _chain(name_or_path: str | Path) -> tuple[list[Source], Path | None, list[Problem]]:
    """The file and the files it extends, nearest first; a missing base or a circle is a problem."""
    chain: list[Source] = []
    seen: list[Path] = []
    problems: list[Problem] = []
    target: str | Path = name_or_path
    folder: Path | None = None
    while True:
        source, path, found = _source(target, folder)
        problems += found
        if source is None:
            return chain, None, problems
        if path.resolve() in seen:
            names = " → ".join([*(item.label for item in chain), source.label])
            problems.append(
                problem("layout.cycle", "extends", file=chain[0].label, column="extends", path=names)
            )
            return chain, None, problems
        seen.append(path.resolve())
        chain.append(source)
        folder = path.parent
        target = source.raw.get("extends", "")
        if not isinstance(target, str) or not target:
            return chain, seen[0].parent, problems


def read_definition(name_or_path: str | Path | None = None) -> Loaded:
    """The layout by shipped name or file path (the default when None), with all its problems."""
    chain, folder, problems = _chain(name_or_path or default_name())
    if folder is None or not chain:
        return Loaded(None, _located(problems, chain), tuple(chain))
    values, origins = merged(chain)
    values.setdefault("name", Path(chain[0].label).stem)
    definition, found = build(values, origins, chain[0].label, folder)
    everything = _located(problems + found, chain)
    return Loaded(None if everything else definition, everything, tuple(chain), values)


def load_definition(name_or_path: str | Path | None = None) -> Definition:
    """The layout, or a DefinitionError that lists every problem. Shipped layouts are read once."""
    name = str(name_or_path or default_name())
    shipped = name in shipped_definitions()
    loaded = _shipped(name) if shipped else read_definition(name_or_path)
    if loaded.definition is None:
        raise DefinitionError(loaded.problems)
    return loaded.definition


@cache
def _shipped(name: str) -> Loaded:
    return read_definition(name)


def _located(problems: list[Problem], chain: list[Source]) -> tuple[Problem, ...]:
    """Each problem with the line of its key, in its own file or else in the nearest file that has it."""
    found = []
    for item in problems:
        if item.row is not None or not item.column:
            found.append(item)
            continue
        own = [s for s in chain if s.label == item.file]
        exact = [s for s in own + chain if item.column in key_lines(s.text)]
        for source in exact[:1] or own[:1]:
            line = locate(source.text, item.column)
            if line is not None:
                item = replace(item, file=source.label, row=line)
        found.append(item)
    return tuple(found)


__all__ = [
    "DEFINITION_DIR",
    "ColumnDef",
    "Definition",
    "DefinitionError",
    "LinePick",
    "Loaded",
    "Scale",
    "SectionKind",
    "Sign",
    "TableDef",
    "default_name",
    "label_in",
    "load_definition",
    "read_definition",
    "shipped_definitions",
]
