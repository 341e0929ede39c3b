"""Tests of cli/import_commands.py: import, check and batches as a controller types them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toteuma.cli import main

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "heinola-2024-q1"
PROBLEMS = Path(__file__).parent / "data" / "problems"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def org() -> None:
    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        code, output = run("import", kind, str(EXAMPLE / name))
        assert code == 0, output


def test_import_prints_the_summary_per_month(org: None) -> None:
    code, output = run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"))
    assert code == 0, output
    assert "Tuotiin 478 tietuetta (kirjanpito) tiedostosta" in output
    assert "  2024-01         154 riviä" in output
    assert "  yhteensä        478 riviä" in output
    assert "merkistö utf-8 (tunnistettu; toisen voi antaa valitsimella --encoding)" in output


def test_messages_follow_lang_or_toteuma_lang(org: None, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = run("--lang", "en", "import", "ledger", str(EXAMPLE / "ledger-2024.csv"), "--dry-run")
    assert code == 0, output
    assert "Would import 478 records (ledger) from" in output
    assert "  total           478 lines" in output
    monkeypatch.setenv("TOTEUMA_LANG", "sv")
    code, output = run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"), "--dry-run")
    assert "Skulle importera 478 poster (bokföring) från" in output
    assert run("--lang", "de", "batches")[0] == 2


def test_dry_run_says_would_and_batches_stay_empty(org: None) -> None:
    code, output = run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"), "--dry-run")
    assert code == 0, output
    assert "Tuotaisiin 478 tietuetta (kirjanpito)" in output
    assert run("batches") == (0, "Eriä ei ole vielä tuotu.\n")


def test_problems_exit_1_and_usage_errors_exit_2(org: None) -> None:
    code, output = run("import", "ledger", str(PROBLEMS / "ledger.unknown-unit.csv"))
    assert code == 1
    assert "[ledger.unknown-unit]" in output
    assert "mitään ei tuotu" in output
    assert run("import", "nonsense", "x.csv")[0] == 2
    assert run("import", "ledger")[0] == 2


def test_check_validates_without_importing(org: None) -> None:
    code, output = run("check", str(PROBLEMS / "value.date.csv"))
    assert code == 1
    assert "[value.date]" in output
    assert "virheitä 1, varoituksia 0" in output
    code, output = run("check", str(EXAMPLE / "ledger-2024.csv"))
    assert code == 0
    assert "478 tietuetta (kirjanpito), ei ongelmia" in output


def test_batches_list_show_and_rollback(org: None) -> None:
    assert run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"))[0] == 0
    code, listing = run("batches", "list")
    assert code == 0
    assert "ledger-2024.csv" in listing
    batch = listing.split()[0]
    code, shown = run("batches", "show", batch)
    assert "sha256:" in shown
    assert "rivejä:          478" in shown
    code, output = run("batches", "rollback", batch)
    assert code == 1  # no terminal to confirm on: nothing happens
    assert "anna --yes ja --reason" in output
    assert run("batches", "rollback", batch, "--yes")[0] == 1  # no reason
    code, output = run("batches", "rollback", batch, "--yes", "--reason", "väärä tiedosto")
    assert code == 0
    assert f"Erä {batch} peruttiin: 478 riviä" in output
    assert run("batches", "show", batch)[0] == 1


def test_batches_verify_and_rebuild(org: None) -> None:
    from toteuma.storage.models import LedgerLine

    assert run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"))[0] == 0
    code, output = run("batches", "verify")
    assert (code, output.strip()) == (
        0,
        "Kirjanpito täsmää: 478 riviä 1 erässä; saldot ovat erien summien mukaiset.",
    )
    line = LedgerLine.objects.order_by("id").first()
    assert line is not None
    LedgerLine.objects.filter(id=line.id).update(amount_cents=line.amount_cents + 1)  # behind toteuma's back
    code, output = run("batches", "verify")
    assert code == 1
    assert f"{line.year}-{line.month:02d} tili {line.account}" in output
    assert "`toteuma batches rebuild` laskee ne uudelleen riveistä" in output
    code, output = run("batches", "rebuild")
    assert (code, output) == (0, "Saldot laskettiin uudelleen kirjanpidon riveistä: 429 riviä.\n")
    assert run("batches", "verify")[0] == 0


def test_replace_and_accept_warnings(org: None, tmp_path: Path) -> None:
    assert run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"))[0] == 0
    extra = tmp_path / "ledger-late-invoice.csv"
    extra.write_text("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n31.3.2024;9;4300;110010;10,00\n")
    code, output = run("import", "ledger", str(extra))
    assert code == 1
    assert "[batch.overlap]" in output
    code, output = run("import", "ledger", str(extra), "--accept-warnings")
    assert code == 0, output
    code, output = run("import", "ledger", str(EXAMPLE / "ledger-2024.csv"), "--replace")
    assert code == 0, output
    assert "tuotu jo aiemmin" in output  # same content: recognised by its hash, not loaded again


def test_an_import_into_a_database_without_tables_says_to_run_init(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from toteuma import storage

    monkeypatch.setattr(storage, "ready", lambda: False)
    code, output = run("import", "units", str(EXAMPLE / "units.csv"))
    assert code == 1
    assert "aja ensin `toteuma init`" in output


def test_a_year_typo_stops_the_import_with_the_row_and_the_date(org: None, tmp_path: Path) -> None:
    """The issue's example: one line of the 2024 ledger typed 17.3.2204."""
    lines = (EXAMPLE / "ledger-2024.csv").read_text(encoding="utf-8").splitlines()
    row = next(number for number, line in enumerate(lines, 1) if line.startswith("1") and ".3.2024;" in line)
    lines[row - 1] = "17.3.2204" + lines[row - 1][lines[row - 1].index(";") :]
    typo = tmp_path / "ledger-2024-typo.csv"
    typo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run("import", "ledger", str(typo))
    assert code == 1
    where = f"{typo}, rivi {row}, sarake ”Kirjauspvm”"
    assert f"{where}: [ledger.implausible-date] päivämäärä 17.3.2204 on " in output
    assert "vuosiluvun lyöntivirhe?" in output  # the hint
    assert "mitään ei tuotu" in output
    assert run("batches") == (0, "Eriä ei ole vielä tuotu.\n")
    code, output = run("import", "ledger", str(typo), "--accept-warnings")
    assert code == 0, output
    assert "  2204-03           1 riviä" in output
