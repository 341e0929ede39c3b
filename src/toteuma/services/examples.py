"""The shipped examples: folders of input files, each with an `example.toml` saying what the demo does.

The manifest names the files to import (with a kind, or a profile that feeds several kinds), the
period, the units to report, the layout and the formats; `toteuma demo --example NAME` runs it and
`toteuma demo` runs the default one, which `examples/examples.toml` names. No example is named in the code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from toteuma.core.periods import Period
from toteuma.services.common import ServiceError


def _examples_dir() -> Path:
    """Inside the installed package when it carries the examples (a wheel), else the checkout's examples/."""
    packaged = Path(str(resources.files("toteuma").joinpath("examples")))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "examples"


EXAMPLES_DIR = _examples_dir()
MANIFEST = "example.toml"
INDEX = "examples.toml"  # `default = "NAME"`: the example `toteuma demo` runs without --example
BINDING = "binding"  # `units = "binding"`: every unit where the budget binds, in tree order
_KEYS = {"title", "period", "units", "layout", "formats", "demo_users", "imports"}


@dataclass(frozen=True)
class ImportStep:
    file: Path
    kind: str = ""  # "" with a profile: every kind the profile feeds, in its order
    profile: Path | None = None


@dataclass(frozen=True)
class Example:
    name: str
    folder: Path
    title: str
    period: Period
    units: tuple[str, ...]  # codes or exact names, or (BINDING,)
    imports: tuple[ImportStep, ...]
    layout: str = ""  # a shipped layout's name, a file in the folder, or "" for the default layout
    formats: tuple[str, ...] = ("html", "json")
    demo_users: bool = False


def example_names(root: Path = EXAMPLES_DIR) -> tuple[str, ...]:
    return tuple(sorted(path.parent.name for path in root.glob(f"*/{MANIFEST}")))


def find_example(name: str | None, root: Path = EXAMPLES_DIR) -> Example:
    """The example called `name`, or the default one; a missing one is a ServiceError."""
    names = example_names(root)
    if not names:
        raise ServiceError("services.demo.no_data", path=root)
    name = name or default_example(root)
    if name not in names:
        raise ServiceError("examples.unknown", name=name, names=names)
    return load_example(root / name)


def default_example(root: Path = EXAMPLES_DIR) -> str:
    try:
        return str(tomllib.loads((root / INDEX).read_text(encoding="utf-8"))["default"])
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise ServiceError("examples.no_default", path=root / INDEX, reason=exc) from exc


def load_example(folder: Path) -> Example:
    """The manifest of one example folder; a mistake in it is a ServiceError naming the key."""
    path = folder / MANIFEST
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ServiceError("examples.unreadable", path=path, reason=exc) from exc
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ServiceError("examples.unknown_key", path=path, key=unknown[0], keys=sorted(_KEYS))
    try:
        return _example(folder, data)
    except KeyError as exc:
        raise ServiceError("examples.missing_key", path=path, key=exc.args[0]) from exc
    except (TypeError, ValueError) as exc:
        raise ServiceError("examples.invalid", path=path, reason=exc) from exc


def _example(folder: Path, data: dict[str, Any]) -> Example:
    units = data["units"]
    return Example(
        name=folder.name,
        folder=folder,
        title=str(data.get("title", folder.name)),
        period=Period.parse(str(data["period"])),
        units=(BINDING,) if units == BINDING else tuple(str(unit) for unit in units),
        imports=tuple(_step(folder, item) for item in data["imports"]),
        layout=str(data.get("layout", "")),
        formats=tuple(str(fmt) for fmt in data.get("formats", ("html", "json"))),
        demo_users=bool(data.get("demo_users", False)),
    )


def _step(folder: Path, item: dict[str, Any]) -> ImportStep:
    profile = item.get("profile")
    if not item.get("kind") and not profile:
        raise ServiceError("examples.import_kind", path=folder / MANIFEST, file=item.get("file"))
    kind = str(item.get("kind", ""))
    return ImportStep(folder / str(item["file"]), kind, folder / str(profile) if profile else None)


def layout_of(example: Example) -> str | Path | None:
    """The example's layout: a file of its folder when one is named so, else a shipped layout's name."""
    if not example.layout:
        return None
    return example.folder / example.layout if example.layout.endswith(".toml") else example.layout
