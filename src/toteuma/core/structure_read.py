"""Reading a structure's lines: sub-rows, sums anywhere, accounts; every problem located by its key."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from toteuma.core.problems import Problem, ProblemError, problem
from toteuma.core.structure import Line, LineKind, Structure, Summary, parse_accounts

KINDS = tuple(kind.value for kind in LineKind)


def _labels(raw: Any) -> tuple[str, tuple[tuple[str, str], ...]]:
    if isinstance(raw, dict):
        pairs = tuple((str(lang), str(text)) for lang, text in raw.items())
        return str(raw.get("fi", next(iter(raw.values()), ""))), pairs
    return str(raw), ()


def _line(raw: Mapping[str, Any], children: Mapping[str, list[str]]) -> Line:
    kind = LineKind(raw.get("kind", "row"))
    total = tuple(raw.get("sum", ()))
    if kind is LineKind.SUBTOTAL and not total:
        total = tuple(children.get(raw["key"], ()))
    accounts = raw.get("accounts", [])
    label, labels = _labels(raw.get("label", raw["key"]))
    return Line(
        key=raw["key"],
        kind=kind,
        label=label,
        sum=total,
        shown_by=tuple(raw.get("shown_by", total)),
        labels=labels,
        parent=str(raw.get("parent", "")),
        accounts=() if accounts == "rest" else parse_accounts(accounts),
        rest=accounts == "rest",
        costs=bool(raw.get("costs", False)),
        printed=bool(raw.get("print", True)),
    )


def read_structure(
    data: Mapping[str, Any], where: str = "structure"
) -> tuple[Structure | None, list[Problem]]:
    """A structure and every problem in it, each located by its key (`structure.lines[3].sum`)."""
    raw_lines = list(data.get("lines", ()))
    problems = _raw_problems(raw_lines, where)
    if problems:
        return None, problems
    raw_lines = _inherit_costs(raw_lines)
    children: dict[str, list[str]] = {}
    for raw in raw_lines:
        if raw.get("parent"):
            children.setdefault(str(raw["parent"]), []).append(raw["key"])
    lines = [_line(raw, children) for raw in raw_lines]
    problems = _line_problems(lines, where)
    summary_raw = data.get("summary", {})
    summary = Summary(*(str(summary_raw.get(name, "")) for name in ("tulot", "menot", "netto")))
    keys = {line.key for line in lines}
    for name, key in zip(
        ("tulot", "menot", "netto"), (summary.tulot, summary.menot, summary.netto), strict=True
    ):
        if key not in keys:
            problems.append(
                _p("layout.unknown-line", "summary", where, f"summary.{name}", name=name, line=key)
            )
    if problems:
        return None, problems
    order = _sum_order(lines)
    with_depth = tuple(_with_depth(line, {item.key: item for item in lines}) for line in lines)
    return Structure(str(data.get("name", "")), with_depth, summary, order), []


def _inherit_costs(raw_lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sub-row without its own `costs` is a cost line when its parent is one."""
    by_key = {raw["key"]: raw for raw in raw_lines}

    def costs(raw: Mapping[str, Any], depth: int = 0) -> bool:
        if "costs" in raw or not raw.get("parent") or raw["parent"] not in by_key or depth > len(by_key):
            return bool(raw.get("costs", False))
        return costs(by_key[raw["parent"]], depth + 1)

    return [{**raw, "costs": costs(raw)} for raw in raw_lines]


def _p(code: str, text: str, where: str, at: str, **params: Any) -> Problem:
    return problem(code, text, file=where, column=at, **params)


def _raw_problems(raw_lines: list[Any], where: str) -> list[Problem]:
    found = []
    for index, raw in enumerate(raw_lines):
        path = f"lines[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("key"), str) or not raw.get("key"):
            found.append(_p("layout.bad-value", "line_key", where, path, setting=path))
            continue
        if raw.get("kind", "row") not in KINDS:
            kind = f"{path}.kind"
            found.append(
                _p(
                    "layout.bad-value",
                    "message",
                    where,
                    kind,
                    setting=kind,
                    value=raw.get("kind"),
                    choices=KINDS,
                )
            )
        accounts = raw.get("accounts", [])
        if accounts != "rest":
            try:
                parse_accounts(accounts)
            except ProblemError as exc:
                at = f"{path}.accounts"
                found.append(_p("layout.bad-value", exc.text, where, at, setting=at, **exc.params))
    return found


def _line_problems(lines: list[Line], where: str) -> list[Problem]:
    found: list[Problem] = []
    keys: set[str] = set()
    by_key = {line.key: line for line in lines}
    for index, line in enumerate(lines):
        path = f"lines[{index}]"
        if line.key in keys:
            found.append(_p("layout.duplicate-line", "message", where, f"{path}.key", line=line.key))
        keys.add(line.key)
        found.extend(_part_problems(line, by_key, where, path))
        if line.parent and line.parent not in by_key:
            found.append(
                _p("layout.unknown-line", "parent", where, f"{path}.parent", line=line.key, part=line.parent)
            )
        found.extend(_kind_problems(line, where, path))
    found.extend(_overlaps(lines, where))
    if not found:
        found.extend(_cycles(by_key, where))
    return found


def _part_problems(line: Line, by_key: Mapping[str, Line], where: str, path: str) -> list[Problem]:
    """The lines a subtotal names in `sum` and `shown_by` must be lines that have figures."""
    found = []
    given = [("sum", line.sum)] + ([("shown_by", line.shown_by)] if line.shown_by != line.sum else [])
    for name, parts in given:  # a shown_by left to be the sum is the sum's: its problems are told once
        for part in parts:
            if part not in by_key:
                found.append(
                    _p(
                        "layout.unknown-line",
                        "part",
                        where,
                        f"{path}.{name}",
                        line=line.key,
                        setting=name,
                        part=part,
                    )
                )
            elif by_key[part].kind is LineKind.HEADING:
                found.append(
                    _p(
                        "layout.bad-value",
                        "heading_part",
                        where,
                        f"{path}.{name}",
                        line=line.key,
                        setting=name,
                        part=part,
                    )
                )
    return found


def _kind_problems(line: Line, where: str, path: str) -> list[Problem]:
    found = []
    if line.kind is LineKind.SUBTOTAL and not line.sum:
        found.append(_p("layout.bad-value", "empty_subtotal", where, path, line=line.key))
    if line.kind is not LineKind.ROW and (line.accounts or line.rest):
        found.append(_p("layout.bad-value", "accounts_kind", where, f"{path}.accounts", line=line.key))
    if line.kind is LineKind.HEADING and line.sum:
        found.append(_p("layout.bad-value", "heading_sum", where, f"{path}.sum", line=line.key))
    if line.rest and not line.parent:
        found.append(_p("layout.bad-value", "rest_parent", where, f"{path}.accounts", line=line.key))
    return found


def _overlaps(lines: list[Line], where: str) -> list[Problem]:
    spans = sorted(
        ((span, line.key, index) for index, line in enumerate(lines) for span in line.accounts),
        key=lambda item: item[0].first,
    )
    found = []
    for (before, one, _), (after, other, index) in itertools.pairwise(spans):
        if after.first <= before.last:
            params = {"first": str(before), "one": one, "second": str(after), "other": other}
            found.append(_p("layout.overlap", "message", where, f"lines[{index}].accounts", **params))
    return found


def _cycles(by_key: Mapping[str, Line], where: str) -> list[Problem]:
    """A subtotal may not add itself, directly or through others; a parent may not be its own sub-row."""
    found = []
    for key in by_key:
        path = _cycle_from(key, lambda item: by_key[item].sum)
        if path:
            found.append(_p("layout.cycle", "message", where, "lines", path=" → ".join(path)))
            break
    for key, line in by_key.items():
        seen = {key}
        parent = line.parent
        while parent:
            if parent in seen:
                found.append(_p("layout.cycle", "parents", where, "lines", line=key))
                return found
            seen.add(parent)
            parent = by_key[parent].parent
    return found


def _cycle_from(start: str, edges: Any) -> list[str]:
    """A path that leaves `start` and comes back to it, or [] when none does."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in edges(node):
            if nxt == start:
                return [*path, nxt]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return []


def _sum_order(lines: Iterable[Line]) -> tuple[str, ...]:
    """Every line after the lines it adds (depth-first over `sum`)."""
    by_key = {line.key: line for line in lines}
    done: list[str] = []
    seen: set[str] = set()

    def visit(key: str) -> None:
        if key in seen:
            return
        seen.add(key)
        for part in by_key[key].sum:
            visit(part)
        done.append(key)

    for key in by_key:
        visit(key)
    return tuple(done)


def _with_depth(line: Line, by_key: Mapping[str, Line]) -> Line:
    depth, parent = 0, line.parent
    while parent:
        depth, parent = depth + 1, by_key[parent].parent
    return Line(**{**line.__dict__, "depth": depth})
