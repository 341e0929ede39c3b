"""The monthly budget kind (periodisointi): read, imported as a batch, replaced, rolled back."""

from __future__ import annotations

from pathlib import Path

import pytest

from toteuma import services, storage
from toteuma.core.records import MonthlyBudgetRecord
from toteuma.importers.kinds import parse_file

FILE = "Vuosi;Kuukausi;Yksikkö;Tili;Summa\n2024;1;110010;4410;18 500,00\n2024;2;110010;4410;16 650,00\n"


def test_a_monthly_budget_file_reads_as_records(tmp_path: Path) -> None:
    path = tmp_path / "kk.csv"
    path.write_text(FILE, encoding="utf-8")
    records, problems = parse_file("monthly-budget", path)
    assert problems == []
    assert records == [
        MonthlyBudgetRecord(2024, 1, "110010", 4410, 1_850_000),
        MonthlyBudgetRecord(2024, 2, "110010", 4410, 1_665_000),
    ]


@pytest.mark.django_db
def test_a_monthly_budget_is_a_batch_replaced_and_rolled_back(tiny_org: object, tmp_path: Path) -> None:
    path = tmp_path / "kk-2024.csv"
    path.write_text(FILE, encoding="utf-8")
    first = services.import_file("monthly-budget", path)
    assert first.imported, [str(item) for item in first.problems]
    assert storage.subtree_monthly_budget_sums(["1000"], 2024) == {
        ("110010", 4410, 1): 1_850_000,
        ("110010", 4410, 2): 1_665_000,
    }
    assert services.import_file("monthly-budget", path).skipped  # the same file again
    changed = tmp_path / "kk-2024-b.csv"
    changed.write_text(FILE.replace("16 650,00", "10 000,00"), encoding="utf-8")
    overlap = services.import_file("monthly-budget", changed)
    assert [item.code for item in overlap.problems] == ["batch.overlap"]
    replaced = services.import_file("monthly-budget", changed, options=services.ImportOptions(replace=True))
    assert replaced.replaced == (first.batch_id,)
    assert storage.subtree_monthly_budget_sums(["110010"], 2024)[("110010", 4410, 2)] == 1_000_000
    assert replaced.batch_id is not None
    services.rollback(replaced.batch_id, reason="väärä tiedosto")
    assert storage.subtree_monthly_budget_sums(["1000"], 2024) == {}
