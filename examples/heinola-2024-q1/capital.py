"""Investment actuals: invoices capitalised on balance-sheet accounts with the project code, and the own work
Talouspalvelut capitalised on its system renewal (the other side of its Valmistus omaan käyttöön)."""

from __future__ import annotations

import random
from dataclasses import replace

from chart import OWN_WORK_PROJECT, PROJECTS, Project
from ledger import Q1, REST, Line, business_day, split

SUPPLIERS = {
    "INV1401": ("Laitetukku Oy, lasku {no}: työasemat", "Laitetukku Oy, lasku {no}: mobiililaitteet"),
    "INV1402": (
        "Verkkorakentajat Oy, lasku {no}: kytkimet ja palvelimet",
        "Päijänne Tele Oy, lasku {no}: runkoverkko",
    ),
    "INV1403": (
        "Tietoturva Vahti Oy, lasku {no}: varmistusratkaisu",
        "Tietoturva Vahti Oy, lasku {no}: käyttöönotto",
    ),
    "INV1301": (
        "Arkistopalvelu Aarni Oy, lasku {no}: sähköinen arkisto",
        "Arkistopalvelu Aarni Oy, lasku {no}: siirrot",
    ),
    "INV1601": (
        "Provincia Oy, lasku {no}: järjestelmien käyttöönotto",
        "Konsultointi Verkko Oy, lasku {no}: konversiot",
    ),
    "INV1701": (
        "Palkkajärjestelmät Oy, lasku {no}: palkkahallinnon järjestelmä",
        "Provincia Oy, lasku {no}: HR-liittymät",
    ),
}


def _project_lines(project: Project, year: int, months: tuple[int, ...], total: int) -> list[Line]:
    """A project's invoices in a period: two or three a month on average, of varying size."""
    rng = random.Random(f"{project.code}-{year}-{months[0]}")
    count = max(1, round(len(months) * rng.uniform(1.2, 2.4)))
    templates = []
    for serial in range(count):
        month = rng.choice(months)
        text = rng.choice(SUPPLIERS[project.code]).format(no=rng.randint(100000, 999999))
        key = ("osto", project.code, year, months[0], serial)
        posted = business_day(rng, year, month)
        templates.append(Line(posted, "osto", key, project.account, project.unit, 0, text, project.code))
    weights = [round(rng.lognormvariate(0, 0.6) * 10**6) for _ in templates]
    return [
        replace(line, cents=amount) for line, amount in zip(templates, split(total, weights), strict=True)
    ]


def investment_lines(cents: dict[tuple[str, str, str], int], own_work: Line) -> list[Line]:
    """Report sign in, bookkeeping sign out: expenditure of -522 959 euros is +522 959 of debits."""
    own = replace(
        own_work,
        account=next(p.account for p in PROJECTS if p.code == OWN_WORK_PROJECT),
        cents=-own_work.cents,
        project=OWN_WORK_PROJECT,
    )
    totals = {2023: -cents["inv", "", "tp_prev"] - own.cents, 2024: -cents["inv", "", "tot"]}
    found = [own]
    for year, months in ((2023, Q1 + REST), (2024, Q1)):
        shares = [round((p.share_2023 if year == 2023 else p.share_2024) * 1000) for p in PROJECTS]
        for project, amount in zip(PROJECTS, split(totals[year], shares), strict=True):
            found.extend(_project_lines(project, year, months, amount))
    return found
