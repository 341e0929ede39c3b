"""Column profiles: a small TOML file naming the columns and the dialect of one system's export.

kind = "ledger"                  # optional: the kind of file the profile is for
[dialect]                        # optional, each key too; what is not given is detected
encoding = "cp1252"
delimiter = ";"
decimal = ","
[columns]                        # field name = the column's name in the export
posted = "Kirj.pvm"
amount = "Summa EUR"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toteuma.core.problems import Problem, problem
from toteuma.importers.table import Dialect

_DELIMITERS = {";": ";", ",": ",", "|": "|", "\t": "\t", "tab": "\t", "\\t": "\t"}


@dataclass(frozen=True)
class Profile:
    name: str = ""
    kind: str = ""
    dialect: Dialect = field(default_factory=Dialect)
    columns: dict[str, str] = field(default_factory=dict)  # field name -> header in the file


def _bad(path: Path, text: str, value: str = "", **params: Any) -> Problem:
    return problem("profile.invalid", text, file=str(path), value=value, **params)


def _dialect(path: Path, raw: Any, problems: list[Problem]) -> Dialect:
    if not isinstance(raw, dict):
        problems.append(_bad(path, "dialect_table"))
        return Dialect()
    unknown = set(raw) - {"encoding", "delimiter", "decimal"}
    for key in sorted(unknown):
        problems.append(_bad(path, "dialect_key", key, key=key))
    delimiter = raw.get("delimiter")
    if delimiter is not None and delimiter not in _DELIMITERS:
        problems.append(_bad(path, "delimiter", str(delimiter)))
        delimiter = None
    decimal = raw.get("decimal")
    if decimal not in (None, ",", "."):
        problems.append(_bad(path, "decimal", str(decimal)))
        decimal = None
    encoding = raw.get("encoding")
    return Dialect(str(encoding) if encoding else None, _DELIMITERS.get(delimiter or ""), decimal)


def load_profile(path: Path, fields: tuple[str, ...] = ()) -> tuple[Profile, list[Problem]]:
    """The profile in `path`; `fields` (when given) are the field names its columns may name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Profile(), [_bad(path, "unreadable", reason=exc.strerror or exc)]
    except tomllib.TOMLDecodeError as exc:
        return Profile(), [_bad(path, "toml", reason=exc)]
    problems: list[Problem] = []
    for key in sorted(set(data) - {"name", "kind", "dialect", "columns"}):
        problems.append(_bad(path, "unknown_key", key, key=key))
    dialect = _dialect(path, data.get("dialect", {}), problems)
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        problems.append(_bad(path, "columns_type"))
        columns = {}
    for name in sorted(set(columns) - set(fields)) if fields else ():
        problems.append(_bad(path, "unknown_field", name, name=name, fields=fields))
    profile = Profile(str(data.get("name", path.stem)), str(data.get("kind", "")), dialect, dict(columns))
    return profile, problems
