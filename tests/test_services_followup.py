"""Issue 12 without a browser: the JSON appendix of the reference example, fixed query counts, the projects
file, savings measures, rounds, reminders and the e-mails of send-back and approval."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from demo_report import demo_content
from toteuma.core.report import ReportContent
from toteuma.services import render_report
from webdemo import PERIOD, demo_data, signed_in

__all__ = ["demo_data", "signed_in"]


@pytest.fixture(scope="module")
def content(django_db_setup: None, django_db_blocker: Any) -> Iterator[ReportContent]:
    with demo_content(django_db_blocker) as built:
        yield built


def _tables(content: ReportContent) -> dict[str, Any]:
    data = json.loads(render_report(content, "json"), parse_float=Decimal)
    return {table["id"]: table for table in data["tables"]}


def _rows(table: dict[str, Any]) -> dict[str, dict[str, Any]]:
    keys = [column["key"] for column in table["columns"]]
    return {row["label"]: dict(zip(keys, row["values"], strict=True)) for row in table["rows"]}


def test_the_reference_json_has_the_metrics_of_the_example(content: ReportContent) -> None:
    metrics = _rows(_tables(content)["metrics"])
    assert set(metrics) == {"LinkedIn-seuraajat", "X-seuraajat", "Facebook-seuraajat", "Instagram-seuraajat"}
    linkedin = metrics["LinkedIn-seuraajat"]
    assert (linkedin["2024-01"], linkedin["2024-03"], linkedin["target"]) == (731, 784, 900)
    assert linkedin["aim"] == "Uudistuva työ ja asuminen"
    assert metrics["Facebook-seuraajat"]["2024-03"] == 4550


def test_the_reference_json_has_each_investment_project_adding_up_to_the_group(
    content: ReportContent,
) -> None:
    tables = _tables(content)
    projects = tables["investment-projects"]
    rows = [row for row in projects["rows"] if row["kind"] != "heading"]
    assert len(rows) == 6
    finance = _rows(projects)["INV1601 Taloushallinnon järjestelmäuudistus"]
    assert (finance["budget"], finance["tot"], finance["deviation"]) == (-190_000, -141_984, -48_016)
    assert finance["pct"] == Decimal("74.73")
    group = next(row for row in tables["investments"]["rows"] if row["label"] == "Menot")
    assert sum(row["exact"][2] for row in rows) == group["exact"][2]  # TOT: the projects make the group
    assert sum(row["exact"][1] for row in rows) == group["exact"][1]  # and so does the budget


def test_the_reference_json_lists_the_amendments_decided_by_the_period_end(content: ReportContent) -> None:
    amendments = _tables(content)["amendments"]
    assert [row["label"] for row in amendments["rows"]] == ["Kv 26.2.2024 § 14", "Kv 25.3.2024 § 27"]
    elections = _rows(amendments)["Kv 26.2.2024 § 14"]
    assert elections == {
        "decided": "2024-02-26",
        "units": "Vaalit",
        "tulot": 35_000,
        "menot": -50_000,
        "investoinnit": 0,
        "net": -15_000,
    }


def test_the_appendix_leaves_the_printed_formats_and_the_634_figures_alone(content: ReportContent) -> None:
    html = render_report(content, "html").decode("utf-8")
    assert "LinkedIn-seuraajat" not in html
    assert "Kv 26.2.2024 § 14" not in html


@pytest.mark.django_db
def test_follow_up_data_is_read_in_the_same_number_of_queries_for_a_sector_as_for_an_area(
    demo_data: None,
) -> None:
    from toteuma import storage
    from toteuma.core.periods import Period
    from toteuma.services import followup

    tree, at = storage.org_tree(), Period(2024, 3)

    def count(code: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            followup.metric_series(tree, tree[code], at)
            followup.investment_projects(tree, tree[code], at)
            followup.amendments(tree, tree[code], at)
        return len(queries)

    assert count("1000") == count("1400") >= count("1100")  # an area without projects skips their sums


HEADER = (
    "Projekti;Nimi;Laji;Rahoittaja;Alkaa;Päättyy;Ulkoinen rahoitus %;Tavoite €;Toteutunut €;Kausi;Yksikkö"
)
PROJECTS = f"""{HEADER}
INV1601;Taloushallinnon järjestelmäuudistus;hanke;Heinolan kaupunki;1.1.2023;31.12.2024;0;;;;1600
OSAAMINEN;Osaamisen kehittämisen hanke;hanke;Euroopan sosiaalirahasto;1.3.2024;28.2.2026;80;;;;1700
SOP-1;Tilojen käytön tehostaminen;sopeutustoimenpide;;;;;120 000;45 500,50;2024-03;1000
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hankkeet.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_a_projects_file_imports_and_the_projects_page_follows_projects_and_savings(
    signed_in: Callable[..., Client], tmp_path: Path
) -> None:
    from toteuma.services import import_file

    assert import_file("projects", _write(tmp_path, PROJECTS)).imported
    page = signed_in("valtuutettu").get(f"/hankkeet/?kausi={PERIOD}").content.decode()
    assert "Euroopan sosiaalirahasto" in page
    assert "-141\u00a0984" in page  # INV1601's actual from the ledger's project column
    assert "120\u00a0000" in page  # the savings measure's target
    assert "45\u00a0501" in page  # and its realised saving, whole euros
    assert "37,92" in page  # realised of target, percent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("X;Väärä;hanke;;1.1.2025;1.1.2024;;;;;", "project.dates"),
        ("X;Väärä;hanke;;;;120;;;;", "project.share"),
        ("X;Väärä;sopeutustoimenpide;;;;;100;50;;", "value.required"),
        ("X;Väärä;muu;;;;;;;;", "value.choice"),
    ],
)
def test_a_bad_projects_file_lists_its_problem_and_imports_nothing(
    demo_data: None, tmp_path: Path, line: str, code: str
) -> None:
    from toteuma import storage
    from toteuma.services import import_file

    header = PROJECTS.splitlines()[0]
    result = import_file("projects", _write(tmp_path, f"{header}\n{line}\n"))
    assert not result.imported
    assert [problem.code for problem in result.problems] == [code]
    assert storage.projects() == []


@pytest.mark.django_db
def test_remind_mails_the_responsibles_once_a_day_before_the_deadline(
    demo_data: None, mailoutbox: list[Any]
) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import inbox

    inbox.set_email("lakimies", "lakimies@heinola.example")
    inbox.set_email("digi", "digi@heinola.example")
    inbox.open_round(inbox.COMMAND_LINE, Period(2024, 4), date(2024, 5, 10), ["1300", "1400"])
    assert inbox.remind(date(2024, 5, 1)) == []  # nine days before: not yet
    sent = inbox.remind(date(2024, 5, 8))
    assert sorted(unit for unit, _, _ in sent) == ["1300", "1400"]
    assert {tuple(m.to) for m in mailoutbox} == {("lakimies@heinola.example",), ("digi@heinola.example",)}
    assert "Tavoitteen arvio: Uudistuva työ ja asuminen" in next(
        m.body for m in mailoutbox if "lakimies" in m.to[0]
    )
    assert inbox.remind(date(2024, 5, 8)) == []  # the same day again: nothing more


@pytest.mark.django_db
def test_send_back_and_approval_mail_the_units_responsible(
    signed_in: Callable[..., Client], mailoutbox: list[Any]
) -> None:
    from toteuma.services import inbox

    inbox.set_email("lakimies", "lakimies@heinola.example")
    inbox.set_email("talous", "talous@heinola.example")
    writer, controller = signed_in("lakimies"), signed_in("talous")
    data = {"kausi": PERIOD, "versio": 0, "teksti": "Ostot kasvoivat."}
    writer.post("/yksikko/1300/teksti/", data)
    writer.post("/yksikko/1300/tila/", {"kausi": PERIOD, "toiminto": "laheta"})
    controller.post("/yksikko/1300/tila/", {"kausi": PERIOD, "toiminto": "palauta", "kommentti": "Tarkenna."})
    assert [m.to for m in mailoutbox] == [["talous@heinola.example"], ["lakimies@heinola.example"]]
    assert "Tarkenna." in mailoutbox[1].body
    writer.post("/yksikko/1300/tila/", {"kausi": PERIOD, "toiminto": "laheta"})
    from toteuma.storage import workflow

    shown = workflow.draft("1300", PERIOD, "commentary").version  # type: ignore[union-attr]  # as the form sends
    controller.post("/yksikko/1300/tila/", {"kausi": PERIOD, "toiminto": "hyvaksy", "versio": shown})
    assert mailoutbox[-1].to == ["lakimies@heinola.example"]
    assert mailoutbox[-1].subject.startswith("Hyväksytty: Hallinnon tukipalvelut")


@pytest.mark.django_db
def test_the_amendments_page_marks_a_decision_after_the_period(signed_in: Callable[..., Client]) -> None:
    page = signed_in("valtuutettu").get(f"/muutokset/1000/?kausi={PERIOD}").content.decode()
    assert "Kv 22.4.2024 § 41" in page
    assert "Päätetty kauden jälkeen" in page
    assert page.count("Mukana kauden") == 2  # the two decided by 31.3.


@pytest.mark.django_db
def test_documents_print_a_carried_status_with_its_period_and_the_reference_prints_none(
    demo_data: None,
) -> None:
    from toteuma.core.periods import Period
    from toteuma.services import build_report

    def statuses(period: Period) -> list[str]:
        data = json.loads(render_report(build_report("1000", period), "json"))
        table = next(t for t in data["tables"] if t["id"] == "goals-plan")
        return [row["values"][-1] for row in table["rows"]]

    assert statuses(Period(2024, 3)) == [
        "Toteutuu osittain",
        "Toteutuu osittain",
        "Toteutuu osittain",
        "Toteutuu",
    ]
    assert statuses(Period(2024, 4))[3] == "Toteutuu (arvioitu 3/2024)"
