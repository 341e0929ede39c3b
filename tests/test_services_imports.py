"""Tests of services/imports.py: every problem code from a file that triggers it, the database unchanged."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from locking import import_lock_held
from toteuma import services, storage
from toteuma.core.periods import Period
from toteuma.core.problems import CATALOGUE
from toteuma.core.records import AccountRecord

pytestmark = pytest.mark.django_db

PROBLEMS = Path(__file__).parent / "data" / "problems"
GOOD = (
    "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n"
    "15.1.2024;1;4300;110010;100,00\n"
    "15.1.2024;2;3000;110020;-40,00\n"
)

# Problem code -> (kind, options for the import, text the message must hold)
CASES: dict[str, tuple[str, dict[str, Any], str]] = {
    "file.unreadable": ("ledger", {}, "tiedostoa ei löydy"),
    "file.encoding": ("ledger", {"encoding": "utf-8"}, "tiedostoa ei voi lukea merkistöllä utf-8: tavu 0x"),
    "file.mojibake": ("ledger", {}, "KÃ¤yttÃ¶"),
    "profile.invalid": ("ledger", {"profile": PROBLEMS / "profile.invalid.toml"}, "avain ”surprise”"),
    "file.empty": ("ledger", {}, "ei tietorivejä"),
    "header.missing-column": ("ledger", {}, "sarake ”Tili” puuttuu (käyvät nimet: ”Tili”, ”Tilinumero”"),
    "header.duplicate-column": ("ledger", {}, "”Tili” ja ”Account” tarkoittavat molemmat"),
    "value.required": ("ledger", {}, "”Kustannuspaikka” on tyhjä"),
    "row.unclosed-quote": ("ledger", {}, "sulkeutuu vasta rivillä 3, joten rivit 3–3 luettiin"),
    "row.extra-cells": ("ledger", {}, "rivillä on 6 solua, otsikkorivillä 5"),
    "row.unreadable": ("ledger", {}, "rivillä on nollatavu"),
    "value.too-long": ("ledger", {}, "solussa on 100 001 merkkiä; enintään 100 000 luetaan"),
    "file.too-large": ("budget", {}, "mahdollinen zip-pommi"),
    "value.amount": ("ledger", {}, "”12,3,4” ei ole rahamäärä"),
    "value.date": ("ledger", {}, "”31.2.2024” ei ole päivämäärä: sellaista päivää ei ole"),
    "value.integer": ("ledger", {}, "”43x0” ei ole kokonaisluku"),
    "value.number": ("metrics", {}, "”noin 3” ei ole luku"),
    "value.choice": ("units", {}, "taso ”osasto” ei ole mikään näistä: kunta, toimiala, palvelualue"),
    "value.period": ("commentary", {}, "kausi ”2024/03” ei ole muotoa VVVV-KK"),
    "value.pattern": (
        "ledger",
        {"profile": PROBLEMS / "value.pattern.toml"},
        "”4300” ei ala profiilin etuliitteellä ”TILI/”",
    ),
    "value.conflict": ("units", {}, "rivit 2 ja 3 antavat yksikölle ”133” eri tiedot: ”A” / ”A again”"),
    "profile.pattern": (
        "ledger",
        {"profile": PROBLEMS / "profile.pattern.toml"},
        "ei ole säännöllinen lauseke",
    ),
    "profile.not-for-kind": (
        "budget",
        {"profile": PROBLEMS / "profile.not-for-kind.toml"},
        "profiili on tiedostolajeille ”units”, ”ledger”, ei lajille ”budget”",
    ),
    "ledger.unknown-account": ("ledger", {}, "2 riviä, yhteensä 12,50 €, tuntemattomalla tilillä 9999"),
    "ledger.unmapped-account": ("ledger", {}, "1 rivi, yhteensä 5,00 €, tilillä 9000, jota mikään"),
    "ledger.unknown-unit": ("ledger", {}, "1 rivi, yhteensä 5,00 €, tuntemattomalla kustannuspaikalla"),
    "ref.unknown-unit": ("budget", {}, "1 rivi, yhteensä 100,00 €, tuntemattomalla yksiköllä 999"),
    "units.unknown-parent": ("units", {}, "yksikkö ”777” ei ole tiedostossa eikä tietokannassa"),
    "units.cycle": ("units", {}, "on itsensä yläpuolella yksikön"),
    "load.refused": ("commentary", {}, "”('1100', 2024, '2024-03', 'kommentti')” esiintyy kahdesti"),
    "batch.overlap": ("ledger", {}, "kattaa saman kauden"),
    "load.busy": ("ledger", {}, "tietokantaan on käynnissä toinen tuonti"),  # with the lock held
    "mapping.bad-range": ("mapping", {}, "väli 4400–4300 on tyhjä"),
    "mapping.unknown-row": ("mapping", {}, "nimeää rivin ”ostot”; rivit: myyntituotot, maksutuotot"),
    "mapping.overlap": ("mapping", {}, "välit 4000–4399 (henkilostokulut) ja 4300–4499"),
    "mapping.leaves-unmapped": ("mapping", {}, "tilejä, joilla on kirjauksia: 3000, 4300"),
    "budget.amendment-decision": ("budget", {}, "muutosrivillä on oltava päätös ja päätöspäivä"),
    "ledger.implausible-date": ("ledger", {}, "päivämäärä 17.2.2204 on tulevaisuudessa"),
    "budget.amendment-year": ("budget", {}, "vuoden 2024 talousarvion muutoksen päätöspäivä 15.4.2042"),
    "monthly-budget.month": ("monthly-budget", {}, "kuukausi 13 ei ole välillä 1–12"),
    "project.dates": ("projects", {}, "päättyy 31.12.2024 ennen kuin alkaa 1.1.2025"),
    "project.share": ("projects", {}, "ulkoisen rahoituksen osuus 120 ei ole 0–100 %"),
}


@pytest.fixture
def loaded(tiny_org: object, tmp_path: Path) -> Path:
    """The tiny organisation, a chart of accounts and one ledger batch of January 2024."""
    storage.load_accounts(
        [AccountRecord(4300, "Palvelut"), AccountRecord(3000, "Myynti"), AccountRecord(9000, "X")]
    )
    good = tmp_path / "ledger-january.csv"
    good.write_text(GOOD, encoding="utf-8")
    assert services.import_file("ledger", good).imported
    return good


def snapshot() -> tuple[Any, ...]:
    """What a user could see: the statement of the sector, the batches, the units and accounts."""
    report = json.loads(services.render_report(services.build_report("1000", Period(2024, 3)), "json"))
    batches = [(b.id, b.kind, b.file_name, b.lines, b.total_cents) for b in storage.batches()]
    return report, batches, storage.units(), storage.accounts()


def test_every_catalogued_code_has_a_case() -> None:
    # Layout problems have theirs in tests/test_cli_layout.py.
    assert set(CASES) == {kind.code for kind in CATALOGUE if not kind.code.startswith("layout.")}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_problem_is_reported_and_changes_nothing(
    loaded: Path, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind, extra, message = CASES[code]
    name = next((p.name for p in PROBLEMS.iterdir() if p.stem == code and p.suffix != ".toml"), "missing.csv")
    before = snapshot()
    held = import_lock_held(monkeypatch) if code == "load.busy" else contextlib.nullcontext()
    with held:
        result = services.import_file(kind, PROBLEMS / name, options=services.ImportOptions(**extra))
    assert not result.ok
    assert not result.imported
    found = [p for p in result.problems if p.code == code]
    assert found, [str(p) for p in result.problems]
    assert message in found[0].message
    assert found[0].hint
    assert snapshot() == before


def test_row_and_column_and_value_are_located(loaded: Path) -> None:
    result = services.import_file("ledger", PROBLEMS / "value.amount.csv")
    (found,) = result.problems
    assert (found.row, found.column, found.value) == (2, "Summa", "12,3,4")


def test_warnings_stop_the_import_unless_accepted(loaded: Path) -> None:
    options = services.ImportOptions(accept_warnings=True)
    result = services.import_file("ledger", PROBLEMS / "batch.overlap.csv", options=options)
    assert result.imported
    assert [p.code for p in result.problems] == ["batch.overlap"]
    assert len(storage.batches()) == 2


def test_the_same_file_twice_is_recognised_and_not_counted_twice(loaded: Path) -> None:
    before = snapshot()
    result = services.import_file("ledger", loaded)
    assert result.skipped
    assert result.ok
    assert snapshot() == before


def test_replace_rolls_back_the_earlier_batch_of_the_period(loaded: Path, tmp_path: Path) -> None:
    corrected = tmp_path / "ledger-january-corrected.csv"
    corrected.write_text(GOOD.replace("100,00", "150,00"), encoding="utf-8")
    (first,) = storage.batches()
    result = services.import_file("ledger", corrected, options=services.ImportOptions(replace=True))
    assert result.imported
    assert result.replaced == (first.id,)
    (batch,) = storage.batches()
    assert (batch.file_name, batch.lines, batch.total_cents) == ("ledger-january-corrected.csv", 2, 11000)
    assert storage.account_sums(["110010"], 2024, 1, 1) == {4300: (15000, 1)}


def test_a_dry_run_checks_everything_and_loads_nothing(loaded: Path, tmp_path: Path) -> None:
    february = tmp_path / "ledger-february.csv"
    february.write_text(GOOD.replace("15.1.2024", "15.2.2024"), encoding="utf-8")
    before = snapshot()
    result = services.import_file("ledger", february, options=services.ImportOptions(dry_run=True))
    assert result.ok
    assert not result.imported
    assert result.totals is not None
    assert dict(result.totals.per_month) == {"2024-02": (2, 6000)}
    assert snapshot() == before


def test_a_rolled_back_batch_is_gone_with_its_balances(loaded: Path) -> None:
    (batch,) = storage.batches()
    services.rollback(batch.id, reason="korjattu vienti tulossa")
    assert storage.batches() == []
    assert storage.account_sums(["110010", "110020"], 2024, 1, 12) == {}


def test_the_problem_list_is_capped_and_the_rest_counted(loaded: Path, tmp_path: Path) -> None:
    bad = tmp_path / "ledger-many-bad-dates.csv"
    lines = "".join(f"99.1.2024;{n};4300;110010;1,00\n" for n in range(services.imports.MAX_PROBLEMS + 25))
    bad.write_text("Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa\n" + lines, encoding="utf-8")
    result = services.import_file("ledger", bad)
    assert len(result.problems) == services.imports.MAX_PROBLEMS
    assert result.more_problems == 25


def test_check_guesses_the_kind_from_the_header(loaded: Path) -> None:
    result = services.check_file(PROBLEMS / "units.cycle.csv")
    assert result.kind == "units"
    assert [p.code for p in result.problems] == ["units.cycle", "units.cycle"]


def test_an_imported_mapping_moves_accounts_to_other_rows(loaded: Path, tmp_path: Path) -> None:
    shipped = services.imports.shipped_mapping()
    rows = [(r.first, r.last, "muut_toimintakulut" if r.first == 4300 else r.row) for r in shipped.ranges]
    path = tmp_path / "mapping.csv"
    path.write_text("Tilistä;Tiliin;Rivi\n" + "".join(f"{a};{b};{c}\n" for a, b, c in rows), encoding="utf-8")
    before = services.build_report("1000", Period(2024, 3)).statement.statement
    result = services.import_file("mapping", path)
    assert result.imported, [str(p) for p in result.problems]
    after = services.build_report("1000", Period(2024, 3)).statement.statement
    assert services.default_mapping().row_of(4300) == "muut_toimintakulut"
    assert before != after


def test_measured_values_of_metrics_per_period(loaded: Path) -> None:
    result = services.import_file("metrics", Path(__file__).parent / "data" / "metrics-decimal-comma.csv")
    assert result.imported, [str(p) for p in result.problems]
    values = storage.metric_values("1100", 2024)
    assert [(v.period, v.value, v.target, v.measure) for v in values] == [
        ("2024-03", Decimal("3.25"), Decimal("4"), "pv/hlö"),
        ("2024-06", Decimal("4.5"), Decimal("4"), "pv/hlö"),
    ]


def test_an_xlsx_ledger_loads_through_the_row_by_row_path(loaded: Path) -> None:
    xlsx = Path(__file__).parent / "data" / "ledger-excel-dates.xlsx"
    result = services.import_file("ledger", xlsx, options=services.ImportOptions(accept_warnings=True))
    assert result.imported, [str(p) for p in result.problems]
    assert result.totals is not None
    assert dict(result.totals.per_month) == {"2024-01": (1, 123456), "2024-03": (2, -100010)}
    assert storage.account_sums(["110010"], 2024, 3, 3) == {4300: (-100010, 2)}


def test_text_with_quotes_and_delimiters_survives_the_bulk_load(loaded: Path, tmp_path: Path) -> None:
    path = tmp_path / "ledger-quoted-text.csv"
    text = 'Lasku "A; B", rivi\\2'
    path.write_text(
        "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n"
        f'15.4.2024;1;4300;110010;1,00;"{text.replace(chr(34), chr(34) * 2)}"\n'
        "15.4.2024;2;4300;110010;2,00;\n",
        encoding="utf-8",
    )
    assert services.import_file("ledger", path).imported
    from toteuma.storage.models import LedgerLine

    stored = sorted(LedgerLine.objects.filter(month=4).values_list("text", "project"))
    assert stored == [("", ""), (text, "")]


def test_a_mapping_names_its_rows_by_key_or_by_label_as_an_export_writes_them(
    loaded: Path, tmp_path: Path
) -> None:
    path = tmp_path / "mapping.csv"
    path.write_text(
        "Tilistä;Tiliin;Rivi\n3000;3999;MYYNTITUOTOT\n4000;4299;Henkilöstökulut\n4300;4499;palvelujen_ostot\n",
        encoding="utf-8",
    )
    assert services.import_file("mapping", path).imported
    assert [(r.first, r.row) for r in storage.mapping_ranges()] == [
        (3000, "myyntituotot"),
        (4000, "henkilostokulut"),
        (4300, "palvelujen_ostot"),
    ]
