"""examples/heinola-2024-q1/history.py: the example's earlier years, rewritten byte for byte, and the
alerts they give at the reference's period: every rule at least once, each for a reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main
from toteuma.core.forecast import Rule
from toteuma.services.demo import find_example, import_example

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "heinola-2024-q1"
FILES = ("ledger-2022.csv", "budget-history.csv", "monthly-budget-2024.csv")


def test_the_generator_rewrites_the_earlier_years_byte_for_byte(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, str(EXAMPLE / "history.py"), "--out", str(tmp_path)], check=True, env=env)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name


@pytest.mark.django_db(transaction=True)
def test_the_example_shows_every_kind_of_alert_in_march_2024() -> None:
    import_example(find_example(None).folder)
    result = CliRunner().invoke(main, ["alerts", "--period", "2024-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {(item["rule"], item["unit"], item["row"]) for item in json.loads(result.output)}
    assert {rule for rule, _, _ in found} == {rule.value for rule in Rule}
    assert {
        ("over-appropriation", "1100", "toimintakate"),  # the presidential election's two rounds
        ("income-short", "1700", "tuet_ja_avustukset"),
        ("ahead-of-profile", "1700", "muut_toimintakulut"),
        ("past-year-budget", "110010", "toimintakulut"),
        ("no-budget", "1100", "henkilostokulut"),
    } <= found
    # Vaalit spends in spring: it follows its months, so none of its cost rows is "ahead".
    assert not {item for item in found if item[0] == "ahead-of-profile" and item[1] == "1100"}
    text = CliRunner().invoke(main, ["alerts", "--period", "2024-03"]).output
    assert text.splitlines()[-1] == "8 hälytystä kaudella 2024-03."
