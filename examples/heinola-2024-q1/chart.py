"""The example's organisation (units.csv), chart of accounts (accounts.csv) and investment projects."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

TILILUETTELO = Path(__file__).parent / "source" / "tililuettelo-2023.csv"
MUNICIPALITY = ("111", "Heinolan kaupunki", "Kaupunginjohtaja")
SECTOR = ("1000", "Yhteiset palvelut / Kaupunginhallituksen toimiala", "Hallinto- ja kehitysjohtaja")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    responsible: str
    cost_centers: tuple[tuple[str, str, float], ...]  # code, name, share of the area's running costs


AREAS = (
    Area(
        "1100",
        "Vaalit",
        "Kaupunginlakimies",
        (
            ("110010", "Presidentinvaalit", 1.0),
            ("110020", "Europarlamenttivaalit", 1.0),
            ("110030", "Eduskuntavaalit", 1.0),
        ),
    ),
    Area(
        "1200",
        "Tarkastustoimi",
        "Tarkastuslautakunnan puheenjohtaja",
        (
            ("120010", "Tarkastuslautakunta", 0.3),
            ("120020", "Tilintarkastus", 0.7),
        ),
    ),
    Area(
        "1300",
        "Hallinnon tukipalvelut",
        "Kaupunginlakimies",
        (
            ("130010", "Hallintopalvelut ja kirjaamo", 0.4),
            ("130020", "Asiakirjahallinto ja arkisto", 0.25),
            ("130030", "Lakipalvelut", 0.2),
            ("130040", "Hankintapalvelut", 0.15),
        ),
    ),
    Area(
        "1400",
        "Tietohallinto- ja digipalvelut",
        "Digi- ja tietohallintopäällikkö",
        (
            ("140010", "Tietohallinto", 0.35),
            ("140020", "ICT-infrastruktuuri ja lisenssit", 0.45),
            ("140030", "Digipalvelut ja kehittäminen", 0.2),
        ),
    ),
    Area(
        "1500",
        "Kehittämispalvelut",
        "Hallinto- ja kehitysjohtaja",
        (
            ("150010", "Toimialan johto", 0.35),
            ("150020", "Viestintä ja markkinointi", 0.35),
            ("150030", "Valmiussuunnittelu", 0.1),
            ("150040", "Osallisuus ja hanketoiminta", 0.2),
        ),
    ),
    Area(
        "1600",
        "Talouspalvelut",
        "Talousjohtaja",
        (
            ("160010", "Talouden suunnittelu ja raportointi", 0.45),
            ("160020", "Kirjanpito ja maksuliikenne", 0.4),
            ("160030", "Taloushallinnon järjestelmäuudistus", 0.15),
        ),
    ),
    Area(
        "1700",
        "Henkilöstöpalvelut",
        "Henkilöstöpäällikkö",
        (
            ("170010", "Henkilöstöhallinto", 0.35),
            ("170020", "Palkkahallinto", 0.3),
            ("170030", "Työterveyshuolto", 0.2),
            ("170040", "Osaamisen kehittäminen ja työhyvinvointi", 0.15),
        ),
    ),
)
AREA_BY_CODE = {area.code: area for area in AREAS}


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    unit: str  # the cost center that runs it
    account: int  # the balance-sheet account its costs are capitalised on
    share_2023: float  # share of the 2023 investment actuals
    share_2024: float  # share of the January-March 2024 actuals
    budget_2024: int  # euros, bookkeeping sign (expenditure positive)


GROUP = "Irtain omaisuus"
PROJECTS = (
    Project("INV1401", "Työasemat ja mobiililaitteet", "140020", 1165, 0.30, 0.12, 180_000),
    Project("INV1402", "Tietoverkon ja palvelinympäristön uudistus", "140020", 1165, 0.22, 0.05, 160_000),
    Project("INV1403", "Tietoturvan ja varmistusten kehittäminen", "140010", 1005, 0.08, 0.04, 60_000),
    Project("INV1301", "Sähköisen arkistoinnin käyttöönotto", "130020", 1005, 0.05, 0.03, 50_000),
    Project("INV1601", "Taloushallinnon järjestelmäuudistus", "160030", 1005, 0.30, 0.66, 190_000),
    Project("INV1701", "Palkkahallinnon järjestelmäuudistus", "170020", 1005, 0.05, 0.10, 50_000),
)
OWN_WORK_PROJECT = "INV1601"  # where Talouspalvelut's own work (Valmistus omaan käyttöön) is capitalised


def unit_rows() -> list[list[str]]:
    """units.csv: the municipality, the sector (binding, net), its service areas and their cost centers."""
    header = ["Koodi", "Nimi", "Ylempi", "Taso", "Sitova", "Sitovuus", "Vastuuhenkilö", "Järjestys"]
    rows = [header, [MUNICIPALITY[0], MUNICIPALITY[1], "", "kunta", "ei", "netto", MUNICIPALITY[2], "1"]]
    rows.append([SECTOR[0], SECTOR[1], MUNICIPALITY[0], "toimiala", "kyllä", "netto", SECTOR[2], "1"])
    for order, area in enumerate(AREAS, start=1):
        rows.append(
            [area.code, area.name, SECTOR[0], "palvelualue", "ei", "netto", area.responsible, str(order)]
        )
        for position, (code, name, _share) in enumerate(area.cost_centers, start=1):
            rows.append([code, name, area.code, "kustannuspaikka", "ei", "netto", "", str(position)])
    return rows


def account_rows() -> list[list[str]]:
    """accounts.csv from the State Treasury's reporting chart 2023 (the income-statement accounts and the
    balance-sheet accounts the investments use)."""
    with TILILUETTELO.open(encoding="utf-8", newline="") as handle:
        return [["Tili", "Nimi"]] + [
            [row["Tili"], row["Nimi"]] for row in csv.DictReader(handle, delimiter=";")
        ]


def investment_rows() -> list[list[str]]:
    rows = [["Projekti", "Nimi", "Ryhmä", "Yksikkö"]]
    return rows + [[p.code, p.name, GROUP, p.unit] for p in PROJECTS]


def area_of(cost_center: str) -> str:
    return cost_center[:2] + "00"
