"""Tests of services/reporting.py on the reference example: tie-out, provenance, same bytes, one change."""

from __future__ import annotations

import csv
import difflib
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from demo_report import demo_content
from report_extract import docx_tables, html_tables, xlsx_tables
from toteuma.core.report import ReportContent
from toteuma.core.structure import load_structure
from toteuma.services import render_report
from toteuma.services.demo import EXAMPLE_DIR

# Database tests: they run on PostgreSQL too (make test-postgres).
pytestmark = pytest.mark.django_db(transaction=True)

EPOCH = "1715126400"  # 2024-05-08T00:00:00Z
REPRODUCIBLE = ("html", "json", "csv", "xlsx")
# One ledger line of Henkilöstöpalvelut (cost center 170040), account 4500: 5,98 € becomes 15,98 €.
ORIGINAL_LINE = "2.1.2024;24100001;4500;170040;;5,98;"
CHANGED_LINE = "2.1.2024;24100001;4500;170040;;15,98;"


def _imported_at_epoch() -> None:
    """The batches imported at the build's fixed time: the sources page names when data came in."""
    from toteuma.storage.models import ImportBatch

    ImportBatch.objects.update(imported_at=datetime.fromtimestamp(int(EPOCH), tz=UTC))


def _render_all(
    blocker: Any,
    data_dir: Path = EXAMPLE_DIR,
    formats: tuple[str, ...] = REPRODUCIBLE,
    settle: Callable[[], None] | None = None,
) -> tuple[ReportContent, dict[str, bytes]]:
    with demo_content(blocker, data_dir, settle) as content:
        return content, {fmt: render_report(content, fmt) for fmt in formats}


@pytest.mark.slow
def test_the_same_data_gives_the_same_bytes(
    django_db_setup: None, django_db_blocker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = _render_all(django_db_blocker, settle=_imported_at_epoch)[1]
    second = _render_all(django_db_blocker, settle=_imported_at_epoch)[1]
    for fmt in REPRODUCIBLE:
        assert first[fmt] == second[fmt], f"{fmt} differs between two builds from the same data"
    assert b'<time datetime="2024-05-08">8. toukokuuta 2024</time>' in first["html"]


def test_the_report_ties_out_and_names_its_sources(
    django_db_setup: None, django_db_blocker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    content, rendered = _render_all(django_db_blocker)
    assert content.tie_out is not None
    assert content.tie_out.ok
    assert [check.what for check in content.tie_out.checks] == [
        "2024-01..2024-03",
        "2023-01..2023-03",
        "2023-01..2023-12",
    ]
    assert dict(content.provenance) == {
        "layout": "reference",
        "version": "toteuma 0.1.0",
        "made": "2024-05-08T00:00:00+00:00",
    }
    assert [(s.kind, s.file_name, s.lines) for s in content.sources] == [
        ("ledger", "ledger-2023.csv", 1952),
        ("ledger", "ledger-2024.csv", 478),
        ("budget", "budget-2024.xlsx", content.sources[2].lines),
        ("monthly", "monthly-budget-2024.csv", 23),  # the 2024 budget's months: forecasts read it
    ]
    assert {s.imported_by for s in content.sources} == {"demo"}
    page = rendered["html"].decode()
    assert "Raportin luvut täsmäävät kirjanpitoon" in page
    # a people's table: what, which days, how many lines, when imported, by whom
    row = 'kirjanpito, tiedosto ledger-2024.csv</th><td>2.1.–28.3.2024</td><td class="num">478</td>'
    assert row in page
    assert "talousarvio, tiedosto budget-2024.xlsx</th><td>talousarviovuosi 2024</td>" in page
    # the technical appendix: checksums, the layout in words, the program, the moment it was made
    assert f"<dd>{content.sources[1].sha256}</dd>" in page
    assert "<dt>Asettelu</dt><dd>Neljännesvuosiraportti kuten viiteraportti sen tulostaa</dd>" in page
    assert "<dt>Asiakirja muodostettu</dt><dd>8.5.2024 klo 03.00</dd>" in page
    assert "2024-05-08T00:00:00" not in page  # no machine timestamps for people


def _figures(data: bytes) -> dict[tuple[str, str, str], tuple[str, str, str, str]]:
    lines = csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")  # a Finnish CSV
    return {
        (line["table"], line["row_key"], line["column"]): (
            line["unit_name"],
            line["row"],
            line["exact_cents"],
            line["value"],
        )
        for line in lines
    }


def _affected_rows(row: str) -> set[str]:
    """The row and every subtotal that sums it, directly or through another subtotal."""
    structure = load_structure()
    found = {row}
    for line in structure.lines:  # structure order: a subtotal comes after its parts
        if set(line.sum) & found:
            found.add(line.key)
    return found


def _cells(tables: dict[str, Any]) -> dict[tuple[str, str, str, int], object]:
    return {
        (table["id"], table["unit"]["name"], row["label"], index): value
        for table in tables["tables"]
        for row in table["rows"]
        for index, value in enumerate(row["values"])
    }


def _changed(before: dict[Any, Any], after: dict[Any, Any]) -> set[Any]:
    assert before.keys() == after.keys()
    return {key for key in before if before[key] != after[key]}


@pytest.mark.slow
def test_ten_euros_more_on_one_ledger_line_changes_exactly_the_affected_figures(
    django_db_setup: None, django_db_blocker: Any, tmp_path: Path
) -> None:
    changed_dir = tmp_path / "example"
    shutil.copytree(EXAMPLE_DIR, changed_dir)
    ledger = changed_dir / "ledger-2024.csv"
    text = ledger.read_text(encoding="utf-8")
    assert text.count(ORIGINAL_LINE) == 1
    ledger.write_text(text.replace(ORIGINAL_LINE, CHANGED_LINE), encoding="utf-8")

    formats = (*REPRODUCIBLE, "docx", "pdf")
    _, before = _render_all(django_db_blocker, formats=formats)
    _, after = _render_all(django_db_blocker, changed_dir, formats)

    old, new = _figures(before["csv"]), _figures(after["csv"])
    changed = _changed(old, new)
    rows = _affected_rows("aineet_tarvikkeet_ja_tavarat")
    money = {key for key in changed if key[2] != "pct"}
    expected = {
        (table, row, column)
        for table in ("statement-1700", "statement-1000")
        for row in rows
        for column in ("tot", "remaining")
        if (table, row, column) in old
    }
    expected |= {("council", row, column) for row in ("menot", "netto") for column in ("tot", "remaining")}
    assert money == expected
    assert {key for key in changed if key[2] == "pct"} <= {(t, r, "pct") for t, r, _ in expected}
    for key in money:
        delta = int(new[key][2]) - int(old[key][2])
        assert delta == (-1000 if key[2] == "tot" else 1000), key
    printed_rows = {(new[key][0], new[key][1]) for key in changed}
    for fmt, extract in (("html", html_tables), ("xlsx", xlsx_tables), ("docx", _docx)):
        cells = _changed(_cells(extract(before[fmt])), _cells(extract(after[fmt])))
        assert len(cells) == len(changed), fmt
        assert {(unit, label) for _, unit, label, _ in cells} == printed_rows, fmt
    json_changed = _changed(_json_cells(before["json"]), _json_cells(after["json"]))
    assert len(json_changed) == len(changed)
    table_lines, other_lines = _pdf_changes(before["pdf"], after["pdf"], tmp_path)
    assert len(table_lines) == len(printed_rows)  # one printed row a line in the PDF's text
    # Besides the tables only what describes the data may change: the chart's text alternative, the
    # tie-out sentence with the new total, the sources' import times, the changed file's checksum and
    # the time the PDF was made.
    assert all(_DESCRIBES_DATA.search(line) for line in other_lines), other_lines


_TABLE_ROW = re.compile(r"-?\d+,\d\d\s*$")  # a statement row ends with its percentage
_DESCRIBES_DATA = re.compile(r"euroa|täsmäävät|[0-9a-f]{16}|klo \d\d\.\d\d")


def _pdf_changes(before: bytes, after: bytes, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The lines of the PDF's text (pdftotext -layout) that the change altered: table rows, and the rest."""
    texts = []
    for name, data in (("before.pdf", before), ("after.pdf", after)):
        path = tmp_path / name
        path.write_bytes(data)
        found = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        )
        texts.append(found.stdout.splitlines())
    removed = [line[2:] for line in difflib.ndiff(*texts) if line.startswith("- ") and line[2:].strip()]
    rows = [line for line in removed if _TABLE_ROW.search(line) and len(re.findall(r"\d+", line)) >= 6]
    return rows, [line for line in removed if line not in rows]


def _docx(data: bytes) -> dict[str, Any]:
    return docx_tables(data, "Valtuuston hyväksymä talousarvio", "Investoinnit")


def _json_cells(data: bytes) -> dict[tuple[str, str, int], object]:
    import json

    report = json.loads(data)
    return {
        (table["id"], row["label"], index): (value, exact)
        for table in report["tables"]
        for row in table["rows"]
        for index, (value, exact) in enumerate(zip(row["values"], row["exact"], strict=True))
    }


def test_a_balance_out_of_step_with_its_ledger_lines_is_reported(
    django_db_setup: None, django_db_blocker: Any
) -> None:
    from django.db.models import F

    from toteuma.services import build_report
    from toteuma.services.demo import DEMO_PERIOD, DEMO_UNIT
    from toteuma.storage.models import DescendantBalance

    with demo_content(django_db_blocker) as content, django_db_blocker.unblock():
        assert content.tie_out is not None
        assert content.tie_out.ok
        # The sector's report reads its cost centers' balances added up (decision 62): skew that sum.
        balance = DescendantBalance.objects.filter(year=2024, month=1, unit__code="1000", account=4500)
        assert balance.update(amount_cents=F("amount_cents") + 1) == 1
        skewed = build_report(DEMO_UNIT, DEMO_PERIOD)
    assert skewed.tie_out is not None
    assert [check.ok for check in skewed.tie_out.checks] == [False, True, True]
    first = skewed.tie_out.checks[0]
    assert first.report - first.ledger == -1  # one cent more cost in the balances than in the lines
    page = render_report(skewed, "html").decode()
    assert "Raportin luvut eivät täsmää kirjanpitoon:" in page
