"""Units carry names per language: a Swedish report prints the Swedish names, a Finnish one the Finnish."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from demo_report import demo_content
from toteuma.importers.kinds import parse_file
from toteuma.services import render_report


def _swedish_names() -> None:
    from toteuma.storage.models import Unit

    Unit.objects.filter(code="111").update(name_sv="Heinola stad", name_en="City of Heinola")
    Unit.objects.filter(code="1100").update(name_sv="Val")
    Unit.objects.filter(code="1000").update(name_sv="Gemensamma tjänster / Stadsstyrelsens sektor")


def test_the_units_file_takes_names_in_swedish_and_english(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "Koodi;Nimi;Ylempi;Taso;Nimi ruotsiksi;Nimi englanniksi\n"
        "111;Heinolan kaupunki;;kunta;Heinola stad;City of Heinola\n"
        "1100;Vaalit;111;palvelualue;Val;\n",
        encoding="utf-8",
    )
    records, problems = parse_file("units", path)
    assert problems == []
    assert [(r.name, r.name_sv, r.name_en) for r in records] == [
        ("Heinolan kaupunki", "Heinola stad", "City of Heinola"),
        ("Vaalit", "Val", ""),
    ]


def test_each_language_prints_its_own_names(django_db_setup: None, django_db_blocker: Any) -> None:
    with demo_content(django_db_blocker, settle=_swedish_names) as content:
        swedish = json.loads(render_report(content, "json", lang="sv"))
        page = render_report(content, "html", lang="sv").decode()
        english = render_report(content, "html", lang="en").decode()
        finnish = render_report(content, "html", lang="fi").decode()
    units = {table["unit"]["name"] for table in swedish["tables"]}
    assert {"Val", "Gemensamma tjänster / Stadsstyrelsens sektor"} <= units
    assert "Vaalit" not in units
    assert "Tarkastustoimi" in units  # no Swedish name: the Finnish one
    assert "Heinola stad" in page
    assert "Heinolan kaupunki" not in page
    assert "City of Heinola" in english
    assert "Vaalit" in english  # no English name given
    assert "Heinolan kaupunki" in finnish
    assert "Val<" not in finnish
