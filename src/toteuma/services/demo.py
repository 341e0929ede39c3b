"""The demo: an example imported as its manifest says and its reports written (the reference by default)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toteuma import storage
from toteuma.services import forecast_store
from toteuma.services.common import ServiceError, init
from toteuma.services.examples import BINDING, Example, ImportStep, find_example, layout_of, load_example
from toteuma.services.import_profiles import profile_kinds
from toteuma.services.imports import ImportOptions, ImportResult, import_file
from toteuma.services.reporting import build_report, get_layout, render_report, unit_listing

# The demo's users, one per role (docs/web.md lists them); the password is the name followed by "-demo".
DEMO_USERS = (
    ("admin", "admin", ()),
    ("talous", "controller", ()),
    ("lakimies", "responsible", ("1100", "1300")),
    ("digi", "responsible", ("1400",)),
    ("valtuutettu", "reader", ()),
)


def __getattr__(name: str) -> Any:
    """EXAMPLE_DIR, DEMO_UNIT and DEMO_PERIOD: the reference example's folder, unit and period."""
    if name in ("EXAMPLE_DIR", "DEMO_UNIT", "DEMO_PERIOD"):
        found = find_example(None)
        return {"EXAMPLE_DIR": found.folder, "DEMO_UNIT": found.units[0], "DEMO_PERIOD": found.period}[name]
    raise AttributeError(name)


def demo_password(name: str) -> str:
    return f"{name}-demo"


def add_demo_users() -> None:
    """Create (or reset) the demo users; only `toteuma demo` calls this, on the demo's database."""
    from toteuma.storage import workflow

    for name, role, units in DEMO_USERS:
        workflow.add_user(name, role, demo_password(name), units, by="demo", replace=True)


@dataclass(frozen=True)
class DemoResult:
    files: tuple[Path, ...]  # every report written, in the order of the example's units and formats
    imports: tuple[ImportResult, ...]
    example: str = ""

    def first(self, suffix: str) -> Path:
        return next(path for path in self.files if path.suffix == suffix)

    @property
    def html(self) -> Path:
        return self.first(".html")

    @property
    def json(self) -> Path:
        return self.first(".json")


def _kinds(step: ImportStep) -> tuple[str, ...]:
    if step.kind:
        return (step.kind,)
    assert step.profile is not None  # the manifest's reader requires a kind or a profile
    return profile_kinds(step.profile)


def import_example(data_dir: Path | None = None) -> tuple[ImportResult, ...]:
    """Import the example in `data_dir` (the reference example by default), file by file, kind by kind."""
    example = load_example(data_dir) if data_dir is not None else find_example(None)
    results = []
    for step in example.imports:
        for kind in _kinds(step):
            options = ImportOptions(profile=step.profile, user="demo", forecasts=False)
            result = import_file(kind, step.file, options=options)
            if not result.ok:
                details = "\n".join(str(item) for item in result.problems[:20])
                raise ServiceError(
                    "services.demo.not_imported", name=f"{step.file.name} ({kind})", details=details
                )
            results.append(result)
    forecast_store.refresh()  # once, when everything is in
    return tuple(results)


def _check_database_is_free(example: Example) -> None:
    """Another example's batches would mix two organisations (and their account mappings) in one report."""
    own = {step.file.name for step in example.imports}
    other = sorted({batch.file_name for batch in storage.batches()} - own)
    if other:
        raise ServiceError("examples.database_taken", files=other[:5], name=example.name)


def _report_units(example: Example) -> list[str]:
    if example.units != (BINDING,):
        return list(example.units)
    return [unit.code for _, unit in unit_listing() if unit.binding_level]


def run_demo(out_dir: Path, example_name: str | None = None, data_dir: Path | None = None) -> DemoResult:
    """Create or migrate the database, import the example, write its reports into `out_dir`."""
    example = load_example(data_dir) if data_dir is not None else find_example(example_name)
    init()
    _check_database_is_free(example)
    imports = import_example(example.folder)
    if example.demo_users:
        add_demo_users()
    layout = get_layout(layout_of(example))
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for unit in _report_units(example):
        content = build_report(unit, example.period, layout)
        for fmt in example.formats:
            path = out_dir / f"toteuma-{content.unit.code}-{content.period}.{fmt}"
            path.write_bytes(render_report(content, fmt, layout))
            files.append(path)
    return DemoResult(tuple(files), imports, example.name)
