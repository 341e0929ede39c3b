"""The demo: the reference municipality's example data imported and its report written."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from toteuma.core.periods import Period
from toteuma.services.common import ServiceError, init
from toteuma.services.imports import ImportResult, import_file
from toteuma.services.reporting import build_report, render_report


def examples_root() -> Path:
    """The folder of the shipped examples: inside the installed package (a wheel carries every example
    folder's data files), which in a checkout is a link to its examples/ (decision 43)."""
    return Path(str(resources.files("toteuma").joinpath("examples")))


EXAMPLES = examples_root()
# Which example is the demo's is data (examples/examples.toml): no municipality is named in the code.
DEMO_EXAMPLE = tomllib.loads((EXAMPLES / "examples.toml").read_text(encoding="utf-8"))["default"]


def example_dir(name: str = DEMO_EXAMPLE) -> Path:
    return EXAMPLES / name


def example_names() -> list[str]:
    """Every shipped example: a folder with a units file."""
    return sorted(item.name for item in EXAMPLES.iterdir() if (item / "units.csv").is_file())


EXAMPLE_DIR = example_dir()
DEMO_UNIT = "Yhteiset palvelut / Kaupunginhallituksen toimiala"
DEMO_PERIOD = Period(2024, 3)

# Order matters: units and accounts before the lines that refer to them.
EXAMPLE_FILES = (
    ("units", "units.csv"),
    ("accounts", "accounts.csv"),
    ("investments", "investments.csv"),
    ("ledger", "ledger-2023.csv"),
    ("ledger", "ledger-2024.csv"),
    ("budget", "budget-2024.xlsx"),
    ("goals", "goals.xlsx"),
    ("metrics", "metrics.csv"),
    ("commentary", "commentary.csv"),
)


# The demo's users, one per role (docs/web.md lists them); the password is the name followed by "-demo".
DEMO_USERS = (
    ("admin", "admin", ()),
    ("talous", "controller", ()),
    ("lakimies", "responsible", ("1100", "1300")),
    ("digi", "responsible", ("1400",)),
    ("valtuutettu", "reader", ()),
)


def demo_password(name: str) -> str:
    return f"{name}-demo"


def add_demo_users() -> None:
    """Create (or reset) the demo users; only `toteuma demo` calls this, on the demo's database."""
    from toteuma.storage import workflow

    for name, role, units in DEMO_USERS:
        workflow.add_user(name, role, demo_password(name), units, by="demo", replace=True)


@dataclass(frozen=True)
class DemoResult:
    html: Path
    json: Path
    imports: tuple[ImportResult, ...]


def import_example(data_dir: Path = EXAMPLE_DIR) -> tuple[ImportResult, ...]:
    results = []
    for kind, name in EXAMPLE_FILES:
        result = import_file(kind, data_dir / name, user="demo")
        if not result.ok:
            details = "\n".join(str(item) for item in result.problems[:20])
            raise ServiceError("services.demo.not_imported", name=name, details=details)
        results.append(result)
    return tuple(results)


def run_demo(out_dir: Path, data_dir: Path = EXAMPLE_DIR) -> DemoResult:
    """Create or migrate the database, import the example, write the reference report as HTML and JSON."""
    if not data_dir.is_dir():
        raise ServiceError("services.demo.no_data", path=data_dir)
    init()
    imports = import_example(data_dir)
    add_demo_users()
    content = build_report(DEMO_UNIT, DEMO_PERIOD)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"toteuma-{content.unit.code}-{content.period}"
    html = out_dir / f"{stem}.html"
    json = out_dir / f"{stem}.json"
    html.write_bytes(render_report(content, "html"))
    json.write_bytes(render_report(content, "json"))
    return DemoResult(html=html, json=json, imports=imports)
