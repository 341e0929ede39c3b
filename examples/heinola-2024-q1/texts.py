"""Goals and texts of the reference (source/texts.toml) as the rows of goals.xlsx and commentary.csv."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from chart import SECTOR

TEXTS = Path(__file__).parent / "source" / "texts.toml"
YEAR, PERIOD = "2024", "2024-03"
GOAL_HEADER = [
    "Taso", "Yksikkö", "Vuosi", "Järjestys", "Strateginen päämäärä", "Alatavoitteet", "Tavoite",
    "Mittari ja tavoitetaso", "Vastuu", "Kausi", "Toteuma", "Tila", "Arvioiva yksikkö",
]  # fmt: skip


def load() -> dict[str, Any]:
    with TEXTS.open("rb") as handle:
        return tomllib.load(handle)


def goal_rows(data: dict[str, Any]) -> list[list[str]]:
    """One row per strategic aim; several items of a cell are lines of the cell."""
    rows = [GOAL_HEADER]
    for level, key in (("valtuusto", "binding"), ("käyttösuunnitelma", "plan")):
        for goal in data[key]:
            rows.append([
                level, SECTOR[0], YEAR, str(goal["order"]), goal["aim"], "\n".join(goal["sub_aims"]),
                "\n".join(goal["goals"]), "\n".join(goal.get("metrics", ())),
                goal.get("responsible", SECTOR[2]), PERIOD, "\n".join(goal["realisation"]), goal["status"],
                goal.get("assessor", ""),
            ])  # fmt: skip
    return rows


def commentary_rows(data: dict[str, Any]) -> list[list[str]]:
    """Commentary of the period, descriptions of the year, and the three texts of the sector's report."""
    rows = [["Yksikkö", "Vuosi", "Kausi", "Laji", "Teksti"]]
    rows.append([SECTOR[0], YEAR, PERIOD, "tavoitteet", data["goals_intro"]])
    rows += [[unit, YEAR, "", "kuvaus", text] for unit, text in data["descriptions"].items()]
    rows += [[unit, YEAR, PERIOD, "kommentti", text] for unit, text in data["commentary"].items()]
    rows.append([SECTOR[0], YEAR, PERIOD, "investoinnit", data["investments_intro"]])
    rows.append([SECTOR[0], YEAR, PERIOD, "käyttösuunnitelma", data["plan_goals_intro"]])
    return rows


def metric_rows(data: dict[str, Any]) -> list[list[str]]:
    """The measured values of the sector's metrics, one row per metric and period."""
    rows = [
        [
            "Yksikkö",
            "Vuosi",
            "Strateginen päämäärä",
            "Mittari",
            "Kausi",
            "Arvo",
            "Tavoitetaso",
            "Mittayksikkö",
        ]
    ]
    for metric in data["metric"]:
        for period, value in metric["values"].items():
            rows.append(
                [
                    SECTOR[0],
                    YEAR,
                    metric["aim"],
                    metric["name"],
                    period,
                    value,
                    metric["target"],
                    metric["measure"],
                ]
            )
    return rows
