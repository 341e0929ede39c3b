"""Where a key of a TOML file is written: `figures.pct` or `structure.lines[3].sum` to a line number.

tomllib gives values, not positions; a problem found in the values is located here by reading the
text the way TOML writes keys: table headers, `key = value` lines (dotted keys too), and the items
of arrays that run over several lines.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _key_parts(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [part.strip("\"'") for part in parts]


def key_lines(text: str) -> dict[str, int]:
    """Every key path the text writes, with the 1-based line where it is written first."""
    found: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _HEADER.match(line)
        if header:
            name = ".".join(_key_parts(header.group(2)))
            if header.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                name = f"{name}[{counts[name]}]"
            table = _with_indices(name, counts)
            found.setdefault(table, index + 1)
        elif (key := _KEY.match(line)) is not None:
            path = ".".join(filter(None, [table, *_key_parts(key.group(1))]))
            found.setdefault(path, index + 1)
            index = _array_items(lines, index, line[key.end() :], path, found)
        index += 1
    return found


def _with_indices(name: str, counts: dict[str, int]) -> str:
    """A header inside an array of tables (`[structure.lines.x]`) belongs to its latest item."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in counts and not name.startswith(f"{prefix}["):
            return f"{prefix}[{counts[prefix]}].{'.'.join(parts[cut:])}"
    return name


def _array_items(lines: list[str], index: int, rest: str, path: str, found: dict[str, int]) -> int:
    """Record where each item of an array value starts; return the index of its last line."""
    if not rest.lstrip().startswith("["):
        return index
    depth, item, quote, text, line_no = 0, 0, "", rest, index
    started = False
    while True:
        for char in text:
            if quote:
                quote = "" if char == quote else quote
                continue
            if char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return line_no
            elif char == ",":
                started = False if depth == 1 else started
                item += 1 if depth == 1 else 0
            if depth >= 1 and not started and char not in " \t,[" and not (char == "[" and depth == 1):
                started = True
                found.setdefault(f"{path}[{item}]", line_no + 1)
        line_no += 1
        if line_no >= len(lines):
            return line_no - 1
        text = lines[line_no]


def locate(text: str, path: str) -> int | None:
    """The line of `path`, or of its nearest written parent (`figures.pct.expr` -> `figures.pct`)."""
    found = key_lines(text)
    candidate = path
    while candidate:
        if candidate in found:
            return found[candidate]
        candidate = _parent(candidate)
    return None


def _parent(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]
