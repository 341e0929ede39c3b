"""Column profiles: a small TOML file naming the columns and the dialect of one system's export.

kind = "ledger"                  # optional: the kind of file the profile is for
[dialect]                        # optional, each key too; what is not given is detected
encoding = "cp1252"
delimiter = ";"
decimal = ","
[columns]                        # field name = the column's name in the export, or how to take it
posted = "Kirj.pvm"
account = { column = "Tili", prefix = "TILI/" }
document = { value = "TOT 2011" }

One export may feed several kinds: then each kind has its own section (`[ledger.columns]`,
`[[units.levels]]`, ...) and `[columns]` holds what they share (docs/file-formats.md).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toteuma.core.problems import Problem, problem
from toteuma.importers.fields import Take
from toteuma.importers.table import Dialect

_DELIMITERS = {";": ";", ",": ",", "|": "|", "\t": "\t", "tab": "\t", "\\t": "\t"}
_TOP = ("name", "kind", "dialect", "columns")
_TAKE_KEYS = ("column", "prefix", "pattern", "names", "value")
# Import order when one file feeds several kinds: what a kind refers to comes before it.
KIND_ORDER: tuple[str, ...] = ("units", "accounts", "mapping", "investments", "ledger", "budget")
KIND_ORDER += ("goals", "metrics", "commentary")
Takes = Mapping[str, Take]


@dataclass(frozen=True)
class Section:
    """What a profile says about one kind: its columns and, for units, the levels of the tree."""

    columns: Takes = field(default_factory=dict)
    levels: tuple[Takes, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str = ""
    kind: str = ""
    dialect: Dialect = field(default_factory=Dialect)
    columns: Takes = field(default_factory=dict)  # field name -> how to take it (shared by the sections)
    sections: Mapping[str, Section] = field(default_factory=dict)

    def kinds(self) -> tuple[str, ...]:
        """The kinds the profile is for, in import order; () when it fits any kind."""
        if self.sections:
            return tuple(kind for kind in KIND_ORDER if kind in self.sections)
        return (self.kind,) if self.kind else ()

    def takes(self, kind: str) -> dict[str, Take]:
        """The fields of `kind` the profile names: the shared columns, then the kind's own."""
        section = self.sections.get(kind, Section())
        return {**self.columns, **section.columns}

    def levels(self, kind: str) -> tuple[Takes, ...]:
        return self.sections.get(kind, Section()).levels


class _Reader:
    """Collects every mistake of one profile file, each located by its key."""

    def __init__(self, path: Path, fields: Mapping[str, tuple[str, ...]]) -> None:
        self.path = path
        self.fields = fields
        self.problems: list[Problem] = []

    def bad(self, text: str, value: str = "", code: str = "profile.invalid", **params: Any) -> None:
        """A mistake: `text` names one of the code's messages (core/data/messages/problems.toml)."""
        self.problems.append(problem(code, text, file=str(self.path), value=value, **params))

    def dialect(self, raw: Any) -> Dialect:
        if not isinstance(raw, dict):
            self.bad("dialect_table")
            return Dialect()
        for key in sorted(set(raw) - {"encoding", "delimiter", "decimal"}):
            self.bad("dialect_key", key, key=key)
        delimiter = raw.get("delimiter")
        if delimiter is not None and delimiter not in _DELIMITERS:
            self.bad("delimiter", str(delimiter))
            delimiter = None
        decimal = raw.get("decimal")
        if decimal not in (None, ",", "."):
            self.bad("decimal", str(decimal))
            decimal = None
        encoding = raw.get("encoding")
        return Dialect(str(encoding) if encoding else None, _DELIMITERS.get(delimiter or ""), decimal)

    def columns(self, raw: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Take]:
        if not isinstance(raw, dict):
            self.bad("columns_type", where=where)
            return {}
        found = {}
        for name, item in raw.items():
            if allowed and name not in allowed:
                self.bad("unknown_field", name, where=where, name=name, fields=allowed)
                continue
            take = self.take(item, f"{where}.{name}")
            if take is not None:
                found[name] = take
        return found

    def take(self, raw: Any, where: str) -> Take | None:
        if isinstance(raw, str):
            return Take(column=raw)
        if not isinstance(raw, dict):
            self.bad("take_type", where, where=where, keys=_TAKE_KEYS)
            return None
        for key in sorted(set(raw) - set(_TAKE_KEYS)):
            self.bad("take_key", key, key=key, where=where, keys=_TAKE_KEYS)
        if "value" in raw:
            return self._fixed(raw, where)
        column = raw.get("column")
        if not isinstance(column, str) or not column:
            self.bad("take_column", where, where=where)
            return None
        pattern, prefix = self._pattern(raw, where)
        names = self._names(raw.get("names", {}), where)
        return Take(column=column, pattern=pattern, names=names, prefix=prefix)

    def _fixed(self, raw: dict[str, Any], where: str) -> Take | None:
        value = raw["value"]
        if len(raw) > 1:
            self.bad("value_alone", where, where=where)
        if isinstance(value, bool):
            value = "kyllä" if value else "ei"
        if not isinstance(value, str | int):
            self.bad("value_type", where, where=where)
            return None
        return Take(value=str(value))

    def _pattern(self, raw: dict[str, Any], where: str) -> tuple[re.Pattern[str] | None, str]:
        prefix, pattern = raw.get("prefix"), raw.get("pattern")
        if prefix is not None and pattern is not None:
            self.bad("both", where, "profile.pattern", where=where)
            return None, ""
        if prefix is not None:
            if not isinstance(prefix, str) or not prefix:
                self.bad("prefix_type", where, "profile.pattern", where=where)
                return None, ""
            return re.compile(re.escape(prefix) + "(.*)", re.DOTALL), prefix
        if pattern is None:
            return None, ""
        try:
            compiled = re.compile(str(pattern), re.DOTALL)
        except re.error as exc:
            self.bad("message", str(pattern), "profile.pattern", where=where, reason=str(exc))
            return None, ""
        if compiled.groups > 1:
            self.bad("groups", str(pattern), "profile.pattern", where=where)
            return None, ""
        return compiled, ""

    def _names(self, raw: Any, where: str) -> dict[str, str]:
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            self.bad("names_type", where, where=where)
            return {}
        return {str(key): value for key, value in raw.items()}

    def section(self, kind: str, raw: Any) -> Section:
        if not isinstance(raw, dict):
            self.bad("section_table", kind, kind=kind)
            return Section()
        keys = ("columns", "levels") if kind == "units" else ("columns",)
        for key in sorted(set(raw) - set(keys)):
            self.bad("section_key", key, key=key, kind=kind, keys=keys)
        allowed = self.fields.get(kind, ())
        columns = self.columns(raw.get("columns", {}), f"{kind}.columns", allowed)
        levels = raw.get("levels", [])
        if not isinstance(levels, list) or not all(isinstance(level, dict) for level in levels):
            self.bad("levels_type", kind, kind=kind)
            levels = []
        fields = tuple(name for name in allowed if name != "parent")
        return Section(columns, tuple(self.columns(level, f"{kind}.levels", fields) for level in levels))


def load_profile(
    path: Path, fields: Mapping[str, tuple[str, ...]] | tuple[str, ...] = ()
) -> tuple[Profile, list[Problem]]:
    """The profile in `path`; `fields`: kind -> the field names its columns may name (or one kind's)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Profile(), [
            problem("profile.invalid", "unreadable", file=str(path), reason=exc.strerror or exc)
        ]
    except tomllib.TOMLDecodeError as exc:
        return Profile(), [problem("profile.invalid", "toml", file=str(path), reason=exc)]
    by_kind = fields if isinstance(fields, Mapping) else {"": fields}
    reader = _Reader(path, by_kind)
    kinds = [key for key in data if key in KIND_ORDER]
    for key in sorted(set(data) - {*_TOP, *kinds}):
        reader.bad("unknown_key", key, key=key)
    if kinds and data.get("kind"):
        reader.bad("kind_and_sections", "kind")
    dialect = reader.dialect(data.get("dialect", {}))
    sections = {kind: reader.section(kind, data[kind]) for kind in kinds}
    shared = _shared_fields(by_kind, str(data.get("kind", "")), kinds)
    columns = reader.columns(data.get("columns", {}), "columns", shared)
    name = str(data.get("name", path.stem))
    return Profile(name, str(data.get("kind", "")), dialect, columns, sections), reader.problems


def _shared_fields(fields: Mapping[str, tuple[str, ...]], kind: str, kinds: list[str]) -> tuple[str, ...]:
    """The names [columns] may use: the one kind's fields, or those of any kind the profile feeds."""
    if "" in fields:
        return fields[""]
    wanted = kinds or ([kind] if kind else list(fields))
    return tuple(dict.fromkeys(name for item in wanted for name in fields.get(item, ())))
