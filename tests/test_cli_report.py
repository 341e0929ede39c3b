"""Tests of cli/report_commands.py: formats, languages, layouts and a Word template from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_done(tmp_path: Path) -> Path:
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "2024-03", *args])
    return result.exit_code, result.output


def test_swedish_year_end_json(demo_done: Path) -> None:
    code, output = report("--format", "json", "--lang", "sv", "--layout", "year-end")
    assert code == 0, output
    data = json.loads(output)
    assert (data["lang"], data["layout"]) == ("sv", "year-end")
    council = next(table for table in data["tables"] if table["id"] == "council")
    assert [column["label"] for column in council["columns"]] == [
        "BU 2024",
        "Ändringar",
        "BU 2024 efter ändringar",
        "UTF 2024 3 mån",  # at the end of March the actual is not yet the final accounts (BS 2024)
        "Avvikelse",
        "UTF-24 %",
    ]
    assert [row["label"] for row in council["rows"]] == ["INKOMSTER", "UTGIFTER", "NETTO"]


def test_every_format_to_a_file(demo_done: Path, tmp_path: Path) -> None:
    starts = {
        "pdf": b"%PDF",
        "docx": b"PK",
        "xlsx": b"PK",
        "csv": "\ufefftable".encode(),
        "html": b"<!DOCTYPE",
    }
    for fmt, start in starts.items():
        out = tmp_path / f"report.{fmt}"
        code, output = report("--format", fmt, "--lang", "en", "--out", str(out))
        assert code == 0, output
        assert out.read_bytes().startswith(start), fmt


def test_a_layout_file_and_a_bad_one(demo_done: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('name = "mine"\nscale = "thousands"\ncolumns = ["budget", "tot"]\n', encoding="utf-8")
    code, output = report("--format", "json", "--layout", str(mine))
    assert code == 0, output
    council = next(table for table in json.loads(output)["tables"] if table["id"] == "council")
    assert [row["values"] for row in council["rows"]] == [[208, 5], [-6978, -1366], [-6770, -1361]]
    mine.write_text("percent_decimals = 5\n", encoding="utf-8")
    code, output = report("--layout", str(mine))
    assert code == 1
    assert "mine.toml, rivi 1, avain percent_decimals: [layout.bad-value]" in output  # Finnish by default
    assert "percent_decimals: ”5” ei ole mikään näistä: 0, 1, 2" in output


def test_an_unknown_language_is_a_usage_error(demo_done: Path) -> None:
    code, output = report("--lang", "de")
    assert code == 2
    assert "'de' ei ole mikään näistä: 'fi', 'sv', 'en'" in output


def test_docx_with_a_word_template(demo_done: Path, tmp_path: Path) -> None:
    import docx
    from docx.shared import Pt

    template = docx.Document()
    template.styles["Normal"].font.size = Pt(9)
    path = tmp_path / "pohja.docx"
    template.save(str(path))
    out = tmp_path / "report.docx"
    code, output = report("--format", "docx", "--template", str(path), "--out", str(out))
    assert code == 0, output
    assert docx.Document(io.BytesIO(out.read_bytes())).styles["Normal"].font.size == Pt(9)


def test_sections_chosen_for_one_report(demo_done: Path) -> None:
    code, output = report("--format", "json", "--sections", "council, investments")
    assert code == 0, output
    assert [table["id"] for table in json.loads(output)["tables"]] == ["council", "investments"]
    code, output = report("--sections", "council,kansi")
    assert code == 1
    assert "tuntematon osa ”kansi”; tunnetut: binding-goals, descriptions" in output


def test_a_binary_format_never_goes_to_a_terminal(
    demo_done: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toteuma.cli import report_commands

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report_commands, "stdout_is_terminal", lambda: True)
    runner = CliRunner()
    result = runner.invoke(main, ["report", "--unit", "1000", "--period", "2024-03", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "toteuma-1000-2024-03.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert "ei kirjoiteta päätteelle" in result.output
    assert "%PDF" not in result.output
    again = runner.invoke(main, ["report", "--unit", "1000", "--period", "2024-03", "--format", "pdf"])
    assert again.exit_code == 1
    assert "on jo olemassa; anna tiedoston nimi valitsimella --out" in again.output
    text = runner.invoke(main, ["report", "--unit", "1000", "--period", "2024-03", "--format", "csv"])
    assert text.exit_code == 0  # text formats still go to the terminal
    assert not (tmp_path / "toteuma-1000-2024-03.csv").exists()


def test_the_report_bears_the_date_given_in_the_reference_s_style(demo_done: Path) -> None:
    code, output = report("--date", "8.5.2024")
    assert code == 0, output
    assert '<time datetime="2024-05-08">8. toukokuuta 2024</time>' in output
    code, output = report("--date", "2024-05-08", "--lang", "sv")
    assert '<time datetime="2024-05-08">8 maj 2024</time>' in output
    code, output = report("--date", "8.13.2024")
    assert code == 2
    assert "”8.13.2024” ei ole päivämäärä" in output


def test_a_later_month_s_ledger_is_no_source_of_an_earlier_report(demo_done: Path, tmp_path: Path) -> None:
    june = tmp_path / "ledger-2024-06.csv"
    june.write_text("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n3.6.2024;9;4500;110010;10,00\n", "utf-8")
    assert CliRunner().invoke(main, ["import", "ledger", str(june), "--accept-warnings"]).exit_code == 0
    _, march = report("--format", "html")
    assert "ledger-2024.csv" in march
    assert "ledger-2024-06.csv" not in march
    result = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "2024-06"])
    assert "kirjanpito, tiedosto ledger-2024-06.csv" in result.output


def test_an_outdated_database_says_to_run_init(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db.utils import OperationalError

    from toteuma import services

    def outdated(*_: object, **__: object) -> None:
        raise OperationalError("no such column: toteuma_unit.name_sv")

    monkeypatch.setattr(services, "build_report", outdated)
    result = CliRunner().invoke(main, ["report", "--unit", "1000", "--period", "2024-03"])
    assert result.exit_code == 1
    assert "tietokanta ei vastaa tätä toteuman versiota (no such column" in result.output
    assert "aja `toteuma init`" in result.output
