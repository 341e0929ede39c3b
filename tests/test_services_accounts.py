"""Tests of services/accounts.py: the row of every account, said to the user and kept true in the docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from scripts.accounts_doc import PAGE, current

from toteuma import services, storage
from toteuma.cli import main
from toteuma.core.records import AccountRecord, RangeRecord
from toteuma.services import accounts


def test_the_default_table_in_file_formats_md_is_the_shipped_mapping() -> None:
    assert PAGE.read_text(encoding="utf-8") == current(), "run: .venv/bin/python scripts/accounts_doc.py"
    table = accounts.default_table_markdown()
    assert "| 3000–3289 | `myyntituotot` | Myyntituotot | Försäljningsintäkter | Sales revenue |" in table
    assert "No row covers accounts 3800–3999" in table


@pytest.mark.django_db
def test_importing_accounts_names_the_row_each_new_one_falls_on(tmp_path: Path) -> None:
    storage.load_accounts([AccountRecord(4300, "Asiantuntijapalvelut")])
    chart = tmp_path / "accounts.csv"
    chart.write_text("Tili;Nimi\n3200;Pääsymaksut\n4300;Asiantuntijapalvelut\n3850;Outo\n1150;Koneet\n")
    result = services.import_file("accounts", chart)
    assert result.imported
    assert [(p.account, p.where) for p in result.placed] == [
        (1150, "tase (investoinnit, rahoitus)"),
        (3200, "Myyntituotot (myyntituotot)"),
        (3850, "ei riviä: kirjaukset tälle tilille hylätään, kunnes kohdistus kattaa sen"),
    ]  # 4300 was in the chart already


@pytest.mark.django_db(transaction=True)
def test_the_accounts_command_lists_the_mapping_in_force_and_the_chart(tmp_path: Path) -> None:
    runner = CliRunner()
    output = runner.invoke(main, ["accounts"]).output
    assert "toimitettu oletus" in output
    assert "  3000–3289  Myyntituotot" in output
    storage.load_accounts([AccountRecord(3200, "Pääsymaksut")])
    storage.load_mapping([RangeRecord(3000, 3999, "maksutuotot")])
    output = runner.invoke(main, ["--lang", "en", "accounts"]).output
    assert "an imported mapping file" in output
    assert "  3000–3999  Fees and charges" in output
    output = runner.invoke(main, ["accounts", "--chart"]).output
    assert "3200 Pääsymaksut" in output
    assert "→ Maksutuotot (maksutuotot)" in output
    new = tmp_path / "more.csv"
    new.write_text("Tili;Nimi\n3210;Kausikortit\n")
    output = runner.invoke(main, ["import", "accounts", str(new)]).output
    assert "  3210 Kausikortit" in output
    assert "→ Maksutuotot (maksutuotot)" in output
