"""What each income-statement row of each service area is made of: accounts, line texts, rhythm, weights.

An Item is one kind of ledger line. Its `share` is its weight in the row's amount for a period; a negative
share makes a line against the row's usual direction (a credit note, a Kela refund). Lines come one per
cost center and month (`monthly`), as invoices on random working days (`invoice`, `per_month` on average)
or once in the period (`once`). Supplier names are made up, except public bodies (Kela, Keva,
Oikeusministeriö, Posti, Kuntaliitto, Päijät-Hämeen liitto, TE-toimisto) and Provincia Oy, which the
reference names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Item:
    account: int
    text: str  # {kk} becomes "3/2024", {no} an invoice number, {kp} the cost center's name
    share: float = 1.0
    mode: str = "invoice"  # monthly, invoice or once
    per_month: float = 1.0
    months: tuple[int, ...] = ()  # only these months (any year); empty: every month
    years: tuple[int, ...] = ()  # only these years; empty: both
    ccs: tuple[str, ...] = ()  # only these cost centers; empty: all of the area's
    doc: str = "osto"  # document series: osto, myynti, palkka, muistio, sisainen
    sign: int = 1  # +1 a debit line (costs), -1 a credit line (income): the period's total picks the side


def inv(account: int, text: str, share: float, per_month: float = 1.0, **kw: Any) -> Item:
    return Item(account, text, share, "invoice", per_month, **kw)


def mon(account: int, text: str, share: float, **kw: Any) -> Item:
    return Item(account, text, share, "monthly", **kw)


def once(account: int, text: str, share: float = 1.0, **kw: Any) -> Item:
    return Item(account, text, share, "once", **kw)


def income(item: Item) -> Item:
    return replace(item, sign=-1, doc="myynti" if item.doc == "osto" else item.doc)


Opts = dict[str, Any]  # keyword arguments shared by several items
Y23, Y24 = (2023,), (2024,)
PAY: Opts = {"doc": "palkka"}
MEMO: Opts = {"doc": "muistio"}


def salaries(
    label: str = "Palkat", ccs: tuple[str, ...] = (), months: tuple[int, ...] = ()
) -> tuple[Item, ...]:
    """A payroll run per month and cost center, with its pension and social-security contributions."""
    return (
        mon(4000, label + " {kk}", 0.76, ccs=ccs, months=months, **PAY),
        mon(4110, "Keva, eläkevakuutusmaksut {kk}", 0.165, ccs=ccs, months=months, **PAY),
        mon(4210, "Sotu-, TVR- ja tapaturmavakuutusmaksut {kk}", 0.055, ccs=ccs, months=months, **PAY),
    )


def depreciation(*ccs: str) -> tuple[Item, ...]:
    return (mon(7170, "Suunnitelman mukaiset poistot {kk}", 1.0, ccs=ccs, **MEMO),)


def credit_note(account: int, supplier: str) -> Item:
    return inv(account, f"{supplier}, hyvityslasku {{no}}", -0.01, 0.1)


# fmt: off
DEFAULTS: dict[str, tuple[Item, ...]] = {
    "henkilostokulut": (
        *salaries(),
        mon(4000, "Lomarahat {kk}", 0.05, months=(6,), **PAY),
        inv(4090, "Kela, sairausvakuutuksen päivärahat", -0.012, 0.3, **MEMO),
        once(4060, "Lomapalkkavelan muutos 2023", 0.01, months=(12,), years=Y23, **MEMO),
    ),
    "aineet_tarvikkeet_ja_tavarat": (
        inv(4500, "Toimistotukku Kanerva Oy, lasku {no}: toimistotarvikkeet", 0.4),
        inv(4510, "Kirjapalvelu Lähde Oy, lasku {no}: lehti- ja kirjatilaukset", 0.2, 0.3),
        inv(4520, "Kokoustarjoilut, elintarvikkeet", 0.15, 0.5),
        inv(4580, "Kalustetalo Heinola Oy, lasku {no}: kalusteet", 0.15, 0.15),
        inv(4600, "Muu materiaali, {kp}", 0.1, 0.3),
    ),
    "muut_toimintakulut": (
        mon(4820, "Sisäinen vuokra {kk}, {kp}", 0.8, doc="sisainen"),
        mon(4830, "Tulostinpalvelu Oy, lasku {no}: monitoimilaitteiden vuokra {kk}", 0.1),
        inv(4940, "Jäsenmaksut ja muut kulut, {kp}", 0.1, 0.15),
    ),
    "rahoitustuotot_ja_kulut": (
        inv(6380, "Viivästyskorko, lasku {no}", 1.0, 0.2, **MEMO),
        income(mon(6050, "Korkotuotot, pankkitilit {kk}", 1.0, ccs=("160020",), **MEMO)),
    ),
}

ELECTION_2023: Opts = {"months": (3, 4, 5), "years": Y23, "ccs": ("110030",)}  # eduskuntavaalit 2.4.2023
ELECTION_2024: Opts = {"years": Y24, "ccs": ("110010",)}  # presidentinvaalit 28.1. and 11.2.2024
VAALIT = {
    "tuet_ja_avustukset": (
        income(once(3300, "Oikeusministeriö, eduskuntavaalien 2023 kustannusten korvaus", months=(9,),
                    years=Y23, ccs=("110030",))),
    ),
    "henkilostokulut": (
        *salaries("Vaalitoimitsijoiden palkkiot, eduskuntavaalit", ("110030",), (4, 5)),
        *salaries("Vaalitoimitsijoiden palkkiot, presidentinvaalit", ("110010",), (1, 2, 3)),
    ),
    "palvelujen_ostot": (
        *(
            item
            for election in (ELECTION_2023, ELECTION_2024)
            for item in (
                inv(4410, "Ravintola Torikulma, lasku {no}: vaaliväen ateriat", 0.35, 1.5, **election),
                inv(4350, "Itä-Häme, lasku {no}: vaali-ilmoitukset", 0.25, 0.8, **election),
                inv(4420, "Kuljetus Salonen Oy, lasku {no}: vaaliaineiston kuljetus", 0.2, 0.8, **election),
                inv(4380, "Siivouspalvelu Kirkas Oy, lasku {no}: äänestyspaikat", 0.2, 0.8, **election),
            )
        ),
        inv(4350, "Itä-Häme, lasku {no}: ennakkoäänestys, europarlamenttivaalit", 0.1, months=(3,), years=Y24,
            ccs=("110020",)),
    ),
    "aineet_tarvikkeet_ja_tavarat": tuple(
        item
        for election in (ELECTION_2023, ELECTION_2024)
        for item in (
            inv(4500, "Toimistotukku Kanerva Oy, lasku {no}: vaalitarvikkeet", 0.7, **election),
            inv(4520, "Kokoustarjoilut, vaalitoimitsijat", 0.3, **election),
        )
    ),
    "muut_toimintakulut": (
        inv(4820, "Äänestyspaikkojen vuokrat, eduskuntavaalit", 1.0, **ELECTION_2023),
        inv(4820, "Äänestyspaikkojen vuokrat, presidentinvaalit", 1.0, **ELECTION_2024),
    ),
}

BOARD: Opts = {"ccs": ("120010",)}
AUDIT: Opts = {"ccs": ("120020",)}
TARKASTUS = {
    "henkilostokulut": salaries("Kokouspalkkiot, tarkastuslautakunta", ("120010",), (3, 5, 6, 9, 10, 11, 12)),
    "palvelujen_ostot": (
        inv(4340, "Julkistarkastus Oy, lasku {no}: tilintarkastuspalvelut", 0.85, 0.8, **AUDIT),
        inv(4440, "Kuntaliitto, lasku {no}: arviointikoulutus", 0.08, 0.2, **BOARD),
        inv(4410, "Kokoustarjoilut, tarkastuslautakunta", 0.07, 0.4, **BOARD),
    ),
    "aineet_tarvikkeet_ja_tavarat": (inv(4500, "Toimistotarvikkeet", 1.0, **BOARD),),
    "muut_toimintakulut": (
        once(4940, "Jäsenmaksu, arviointi- ja tarkastusverkosto", months=(3,), **BOARD),
        inv(4820, "Kokoustilan vuokra", 1.0, 0.3, months=(5, 9, 11), **BOARD),
    ),
}

ARCHIVE: Opts = {"ccs": ("130020",)}
HALLINTO = {
    "myyntituotot": (
        income(inv(3005, "Asiakirjahallinnon palvelut, konserniyhtiöt, lasku {no}", 1.0, 0.8, **ARCHIVE)),
    ),
    "tuet_ja_avustukset": (
        income(mon(3390, "Palkkatuki, TE-toimisto {kk}", 1.0, months=(1, 2, 3, 4, 5, 6, 7), **ARCHIVE)),
    ),
    "palvelujen_ostot": (
        inv(4340, "Asianajotoimisto Kallio Oy, lasku {no}: juridiset palvelut", 0.3, ccs=("130030",)),
        mon(4342, "Asianhallintajärjestelmän ylläpito {kk}", 0.25, **ARCHIVE),
        inv(4350, "Itä-Häme, lasku {no}: kuulutukset", 0.1, ccs=("130010",)),
        mon(4360, "Posti Oy, lasku {no}: postitus {kk}", 0.1, ccs=("130010",)),
        inv(4440, "Kuntaliitto, lasku {no}: koulutus", 0.1, 0.5),
        inv(4410, "Kokoustarjoilut, valtuuston ja hallituksen kokoukset", 0.1, ccs=("130010",)),
        inv(4470, "Arkistopalvelu Aarni Oy, lasku {no}: arkiston seulonta", 0.05, 0.3, **ARCHIVE),
        credit_note(4360, "Posti Oy"),
    ),
    "poistot_ja_arvonalentumiset": depreciation("130020"),
}

INFRA: Opts = {"ccs": ("140020",)}
LICENCES_2023: Opts = {"months": (1, 2), "years": Y23, **INFRA}  # annual licences; in 2024 they came late
TIETOHALLINTO = {
    "myyntituotot": (
        income(inv(3005, "IT-tukipalvelujen myynti, konserniyhtiöt, lasku {no}", 1.0, 0.6, ccs=("140010",))),
    ),
    "tuet_ja_avustukset": (
        income(inv(3300, "Valtionavustus, digitalisaation edistäminen", 1.0, 0.3, ccs=("140030",))),
    ),
    "palvelujen_ostot": (
        inv(4342, "Ohjelmistotalo Kide Oy, lasku {no}: vuosilisenssit", 0.3, **LICENCES_2023),
        mon(4342, "Päijänne Tele Oy, lasku {no}: tietoliikenne {kk}", 0.15, **INFRA),
        mon(4342, "Pilvipalvelu Nimbus Oy, lasku {no}: palvelinympäristö {kk}", 0.2, **INFRA),
        inv(4342, "Sovellusten ylläpito- ja tukimaksut, lasku {no}", 0.15, 1.5),
        inv(4340, "Konsultointi Verkko Oy, lasku {no}: IT-asiantuntijapalvelut", 0.12, 0.8, ccs=("140030",)),
        inv(4400, "Laitehuolto Niemi Oy, lasku {no}: laitteiden huolto", 0.08, 0.6, ccs=("140010",)),
        credit_note(4342, "Päijänne Tele Oy"),
    ),
    "aineet_tarvikkeet_ja_tavarat": (
        inv(4600, "Laitetukku Oy, lasku {no}: oheislaitteet ja tarvikkeet", 0.7),
        inv(4580, "Laitetukku Oy, lasku {no}: näytöt ja telakat", 0.3, 0.3),
    ),
    "poistot_ja_arvonalentumiset": depreciation("140010", "140020"),
}

KEHITTAMINEN = {
    "myyntituotot": (
        income(inv(3005, "Kuvamateriaalin ja mainostilan myynti, lasku {no}", 1.0, 0.3, ccs=("150020",))),
    ),
    "palvelujen_ostot": (
        mon(4460, "Päijät-Hämeen liitto, kuntaosuus", 0.35, months=(1, 4, 7, 10), ccs=("150010",)),
        inv(4350, "Itä-Häme, lasku {no}: ilmoitukset ja markkinointi", 0.15, 1.5, ccs=("150020",)),
        inv(4340, "Mainostoimisto Virta Oy, lasku {no}: viestinnän palvelut", 0.2, ccs=("150020",)),
        mon(4470, "Verkkosivujen ylläpito {kk}", 0.1, ccs=("150020",)),
        inv(4340, "Valmiuskoulutus Oy, lasku {no}: valmiusharjoitus", 0.08, 0.3, ccs=("150030",)),
        inv(4440, "Koulutus, lasku {no}: hanketoiminta", 0.12, 0.5, ccs=("150040",)),
    ),
    "avustukset": (once(4742, "Avustus yhdistykselle, osallistuva budjetointi", ccs=("150040",), **MEMO),),
    "muut_toimintakulut": (
        *DEFAULTS["muut_toimintakulut"],
        once(4940, "Kuntaliitto, jäsenmaksu", 0.15, months=(2,), ccs=("150010",)),
    ),
    "poistot_ja_arvonalentumiset": depreciation("150020"),
}

LEDGER_TEAM: Opts = {"ccs": ("160020",)}
RENEWAL: Opts = {"ccs": ("160030",)}
TALOUS = {
    "myyntituotot": (income(once(3005, "Kirjanpitopalvelujen myynti, lasku {no}", **LEDGER_TEAM)),),
    "muut_toimintatuotot": (income(mon(3530, "Perintäkulut, maksumuistutukset {kk}", 1.0, **LEDGER_TEAM)),),
    "valmistus_omaan_kayttoon": (
        income(once(3710, "Aktivoidut omat työt, taloushallinnon järjestelmäuudistus", months=(12,),
                    **RENEWAL, **MEMO)),
    ),
    "palvelujen_ostot": (
        mon(4341, "Taloushallinnon ostopalvelut {kk}", 0.55, years=Y23, **LEDGER_TEAM),
        mon(4341, "Provincia Oy, lasku {no}: taloushallinnon palvelut {kk}", 0.55, years=Y24, **LEDGER_TEAM),
        mon(4344, "Pankkipalvelumaksut {kk}", 0.1, **LEDGER_TEAM),
        mon(4342, "Taloushallinnon järjestelmät, lasku {no}: ylläpito {kk}", 0.25, **RENEWAL),
        inv(4340, "Konsultointi Verkko Oy, lasku {no}: järjestelmämuutos", 0.1, 0.6, **RENEWAL),
    ),
    "poistot_ja_arvonalentumiset": depreciation("160010", "160030"),
}

HR: Opts = {"ccs": ("170010",)}
PAYROLL: Opts = {"ccs": ("170020",)}
HEALTH: Opts = {"ccs": ("170030",)}
SKILLS: Opts = {"ccs": ("170040",)}
BENEFITS_2024: Opts = {"months": (1,), "years": Y24, **SKILLS}  # the reform of staff benefits (the reference)
HENKILOSTO = {
    "myyntituotot": (income(inv(3005, "Koulutuspalvelujen myynti, lasku {no}", 1.0, 0.3, **SKILLS)),),
    "maksutuotot": (income(once(3295, "Todistusmaksut", **HR)),),
    "tuet_ja_avustukset": (
        income(inv(3300, "Kela, työterveyshuollon korvaus", 1.0, 0.25, **HEALTH)),
        once(3300, "Kela, työterveyshuollon korvauksen oikaisu", **HEALTH, **MEMO),
    ),
    "palvelujen_ostot": (
        mon(4430, "Työterveys Päijät-Häme Oy, lasku {no}: työterveyshuolto {kk}", 0.55, **HEALTH),
        inv(4440, "Valmennuspalvelut Kasvu Oy, lasku {no}: osaamisen kehittäminen", 0.15, 0.8, **SKILLS),
        mon(4341, "Palkkahallinnon palvelut {kk}", 0.15, **PAYROLL),
        mon(4342, "HR-järjestelmän käyttömaksut {kk}", 0.1, **PAYROLL),
        inv(4470, "Henkilöstön virkistystoiminta, lasku {no}", 0.05, 0.3, **SKILLS),
        credit_note(4430, "Työterveys Päijät-Häme Oy"),
    ),
    "avustukset": (inv(4742, "Avustus, henkilökunnan virkistysyhdistys", 1.0, 0.3, **SKILLS, **MEMO),),
    "muut_toimintakulut": (
        *DEFAULTS["muut_toimintakulut"],
        once(4940, "Henkilöstöedut: liikunta- ja kulttuurietu, vuosilataus", 6.0, **BENEFITS_2024),
    ),
    "poistot_ja_arvonalentumiset": depreciation("170020"),
}
# fmt: on

BY_AREA: dict[str, dict[str, tuple[Item, ...]]] = {
    "1100": VAALIT,
    "1200": TARKASTUS,
    "1300": HALLINTO,
    "1400": TIETOHALLINTO,
    "1500": KEHITTAMINEN,
    "1600": TALOUS,
    "1700": HENKILOSTO,
}


def items_for(area: str, row: str) -> tuple[Item, ...]:
    """The area's own items for a row, else the shared defaults."""
    found = BY_AREA[area].get(row) or DEFAULTS.get(row)
    if found is None:
        raise KeyError(f"no ledger items for row {row!r} of area {area}")
    return found


# Rows that print only zeros and still show: a line and its reversal (year, month, cc, account, text, cents).
ZERO_PAIRS = (
    ("1200", "rahoitustuotot_ja_kulut", 2023, 10, "120020", 6380, "Viivästyskorko, lasku {no}", 1240),
    ("1600", "tuet_ja_avustukset", 2024, 2, "160030", 3300, "Hankeavustus, järjestelmäuudistus", -250000),
    ("1700", "muut_toimintatuotot", 2024, 3, "170010", 3521, "Vakuutusyhtiön vahinkokorvaus", -84530),
)
