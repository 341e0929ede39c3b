"""The problems of a ledger CSV found in one streaming pass: memory stays flat, the list is capped.

When DuckDB gives up on a file, the file has a problem somewhere; a big file must not then be held
in memory row by row just to say where. This pass reads it as a stream with the row-by-row parsers,
keeps the first problems and counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from toteuma.core.problems import Problem, from_error
from toteuma.importers.fields import parsed_rows
from toteuma.importers.kinds import Kind
from toteuma.importers.table import RawTable, split_csv


class CappedProblems(list[Problem]):
    """A problem list that keeps the first `cap` problems and counts all of them."""

    def __init__(self, cap: int) -> None:
        super().__init__()
        self.cap = cap
        self.total = 0

    def append(self, item: Problem) -> None:
        self.total += 1
        if len(self) < self.cap:
            super().append(item)

    def extend(self, items: Iterable[Problem]) -> None:
        for item in items:
            self.append(item)

    @property
    def more(self) -> int:
        return self.total - len(self)


def scan(
    path: Path, spec: Kind, *, encoding: str, delimiter: str, decimal: str, cap: int
) -> tuple[list[Problem], int] | None:
    """(first problems, how many more), or None when the stream shows none or cannot be read."""
    problems = CappedProblems(cap)
    malformed: dict[int, Problem] = {}
    try:
        with path.open(encoding=encoding, newline="") as handle:
            rows = split_csv(handle, delimiter, str(path), malformed)
            first = next(rows, None)
            if first is None:
                return None
            table = RawTable(str(path), first[1], rows, decimal=decimal, delimiter=delimiter)  # type: ignore[arg-type]
            table.malformed = malformed  # filled as the stream is read
            for line, row in parsed_rows(table, spec.fields, problems):
                try:
                    spec.build(row)
                except ValueError as exc:
                    problems.append(from_error(exc, "value.choice", file=str(path), row=line))
    except UnicodeDecodeError:
        return None  # the full reader decides (it can pick another encoding for the whole file)
    if not problems.total:
        return None
    return list(problems), problems.more
