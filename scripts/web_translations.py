"""Fill the dashboard's Swedish and English catalogues from the table below and compile them.

Finnish is the source language (the msgids); run `django-admin makemessages -l sv -l en` in
src/toteuma/web first when templates change, then this script, which fails on a missing translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).parents[1] / "src" / "toteuma" / "web" / "locale"

# Finnish -> (Swedish, English)
T: dict[str, tuple[str, str]] = {
    "Valitse tiedosto.": ("Välj en fil.", "Choose a file."),
    "Tiedosto on liian suuri.": ("Filen är för stor.", "The file is too large."),
    "Tuonti peruttu; mitään ei tallennettu.": (
        "Importen avbröts; inget sparades.",
        "Import cancelled; nothing was saved.",
    ),
    "Tuotu %(n)s tietuetta.": ("%(n)s poster importerades.", "Imported %(n)s records."),
    "Sama tiedosto oli jo tuotu.": ("Samma fil var redan importerad.", "The same file was imported before."),
    "Erä %(id)s peruttu.": ("Parti %(id)s återkallades.", "Batch %(id)s rolled back."),
    "menot edellä ajasta": ("utgifterna före tiden", "spending ahead of time"),
    "menoja ilman talousarviota": ("utgifter utan budget", "spending without budget"),
    "sitova taso ylittyy": ("bindande nivå överskrids", "binding level exceeded"),
    "toteutuu": ("uppfylls", "on track"),
    "toteutuu osittain": ("uppfylls delvis", "partly"),
    "ei toteudu": ("uppfylls inte", "not met"),
    "ei arvioitu": ("inte bedömd", "not assessed"),
    "Euroa": ("Euro", "Euros"),
    "Rivejä": ("Rader", "Lines"),
    "Kausi (kuukauden loppu)": ("Period (månadens slut)", "Period (month-end)"),
    "Näytä": ("Visa", "Show"),
    "Toteutuu": ("Uppfylls", "On track"),
    "Toteutuu osittain": ("Uppfylls delvis", "Partly"),
    "Ei toteudu": ("Uppfylls inte", "Not met"),
    "Ei arvioitu": ("Inte bedömd", "Not assessed"),
    "Hyväksytty teksti": ("Godkänd text", "Approved text"),
    "Ei hyväksyttyä tekstiä.": ("Ingen godkänd text.", "No approved text."),
    "Luonnoksen tila": ("Utkastets status", "Draft state"),
    "luonnos": ("utkast", "draft"),
    "tarkastettavana": ("för granskning", "ready for review"),
    "hyväksytty": ("godkänd", "approved"),
    "versio": ("version", "version"),
    "Palautteen kommentti": ("Kommentar vid återsändning", "Send-back comment"),
    "Tila": ("Status", "Status"),
    "Toteuma": ("Utfall", "Realisation"),
    "Kommentti": ("Kommentar", "Commentary"),
    "Tallenna luonnos": ("Spara utkast", "Save draft"),
    "Lähetä tarkastettavaksi": ("Skicka för granskning", "Send for review"),
    "Hyväksy": ("Godkänn", "Approve"),
    "Kommentti palautettaessa": ("Kommentar vid återsändning", "Comment when sending back"),
    "Palauta luonnokseksi": ("Skicka tillbaka som utkast", "Send back to draft"),
    "Muutosloki": ("Ändringslogg", "Audit log"),
    "Jokainen muutos: kuka, milloin, mitä, ennen ja jälkeen. Lokia ei voi muokata.": (
        "Varje ändring: vem, när, vad, före och efter. Loggen kan inte redigeras.",
        "Every change: who, when, what, before and after. The log cannot be edited.",
    ),
    "Sivu %(page)s": ("Sida %(page)s", "Page %(page)s"),
    "Milloin": ("När", "When"),
    "Kuka": ("Vem", "Who"),
    "Toiminto": ("Åtgärd", "Action"),
    "Kohde": ("Objekt", "Target"),
    "Ennen": ("Före", "Before"),
    "Jälkeen": ("Efter", "After"),
    "Ei muutoksia.": ("Inga ändringar.", "No changes."),
    "Vanhemmat": ("Äldre", "Older"),
    "Johdon työpöytä": ("Ledningens översikt", "Management dashboard"),
    "Siirry sisältöön": ("Till innehållet", "Skip to content"),
    "Päävalikko": ("Huvudmeny", "Main menu"),
    "Yleiskuva": ("Översikt", "Overview"),
    "Raportit": ("Rapporter", "Reports"),
    "Tuonnit": ("Importer", "Imports"),
    "Kirjaudu ulos": ("Logga ut", "Sign out"),
    "Kieli": ("Språk", "Language"),
    "Vaihda": ("Byt", "Change"),
    "Samanaikainen muutos": ("Samtidig ändring", "Concurrent change"),
    "Joku muu tallensi tekstin ensin": (
        "Någon annan sparade texten först",
        "Someone else saved the text first",
    ),
    "%(who)s tallensi version %(v)s sillä välin, kun muokkasit. Tekstiäsi ei tallennettu. "
    "Vertaa versioita ja tallenna uudelleen.": (
        "%(who)s sparade version %(v)s medan du redigerade. Din text sparades inte. "
        "Jämför versionerna och spara igen.",
        "%(who)s saved version %(v)s while you were editing. Your text was not saved. "
        "Compare the versions and save again.",
    ),
    "Tallennettu versio": ("Sparad version", "Saved version"),
    "Sinun tekstisi": ("Din text", "Your text"),
    "Teksti": ("Text", "Text"),
    "Tallenna tämä versio": ("Spara denna version", "Save this version"),
    "Takaisin yksikön sivulle": ("Tillbaka till enhetens sida", "Back to the unit's page"),
    "Murupolku": ("Brödsmulor", "Breadcrumbs"),
    "Tili": ("Konto", "Account"),
    "tili": ("konto", "account"),
    "Sarake": ("Kolumn", "Column"),
    "kuukaudet": ("månader", "months"),
    "Solun luku": ("Cellens belopp", "The cell's figure"),
    "Tileittäin": ("Per konto", "By account"),
    "Kustannuspaikoittain": ("Per kostnadsställe", "By cost center"),
    "Kustannuspaikka": ("Kostnadsställe", "Cost center"),
    "Kaikki kirjanpidon rivit": ("Alla bokföringsrader", "All ledger lines"),
    "Virhe": ("Fel", "Error"),
    "Toimintoa ei voitu tehdä": ("Åtgärden kunde inte utföras", "The action could not be done"),
    "Yleiskuvaan": ("Till översikten", "To the overview"),
    "Tiedoston tarkistus": ("Kontroll av filen", "File check"),
    "Laji": ("Typ", "Kind"),
    "Tietueita": ("Poster", "Records"),
    "Ongelmat": ("Problem", "Problems"),
    "Koodi": ("Kod", "Code"),
    "Rivi": ("Rad", "Row"),
    "Arvo": ("Värde", "Value"),
    "Viesti": ("Meddelande", "Message"),
    "Korjausohje": ("Så rättar du", "How to fix"),
    "Takaisin tuonteihin": ("Tillbaka till importerna", "Back to imports"),
    "Sama tiedosto on jo tuotu; vahvistus ei muuta mitään.": (
        "Samma fil är redan importerad; en bekräftelse ändrar ingenting.",
        "The same file was imported before; confirming changes nothing.",
    ),
    "Tiedostossa ei ole ongelmia.": ("Filen har inga problem.", "The file has no problems."),
    "Vahvista tuonti": ("Bekräfta importen", "Confirm import"),
    "Peru": ("Avbryt", "Cancel"),
    "Tuo tiedosto": ("Importera en fil", "Import a file"),
    "Tiedoston laji": ("Filtyp", "Kind of file"),
    "Tiedosto (CSV tai XLSX)": ("Fil (CSV eller XLSX)", "File (CSV or XLSX)"),
    "Enintään %(mb)s. Tiedosto tarkistetaan ensin; mitään ei tallenneta ennen vahvistusta.": (
        "Högst %(mb)s. Filen kontrolleras först; inget sparas före bekräftelsen.",
        "At most %(mb)s. The file is checked first; nothing is saved before you confirm.",
    ),
    "Tarkista": ("Kontrollera", "Check"),
    "Tuodut erät": ("Importerade partier", "Imported batches"),
    "taulukko": ("tabell", "table"),
    "Erä": ("Parti", "Batch"),
    "Tiedosto": ("Fil", "File"),
    "Summa (debet +)": ("Summa (debet +)", "Amount (debit +)"),
    "Peru erä %(id)s": ("Återkalla parti %(id)s", "Roll back batch %(id)s"),
    "Ei tuotuja eriä.": ("Inga importerade partier.", "No imported batches."),
    "Kirjanpidon rivit": ("Bokföringsrader", "Ledger lines"),
    "Rivit": ("Rader", "Lines"),
    "Rivien summa": ("Radernas summa", "Sum of the lines"),
    "täsmää": ("stämmer", "matches"),
    "Summat raportin etumerkillä: tulot +, menot −.": (
        "Beloppen med rapportens tecken: intäkter +, kostnader −.",
        "Amounts in report sign: income +, costs −.",
    ),
    "Järjestys": ("Ordning", "Order"),
    "Järjestä": ("Sortera", "Sort"),
    "Lataa rivit CSV-tiedostona": ("Ladda ner raderna som CSV", "Download the lines as CSV"),
    "Sivu %(p)s / %(n)s": ("Sida %(p)s / %(n)s", "Page %(p)s of %(n)s"),
    "Pvm": ("Datum", "Date"),
    "Tosite": ("Verifikat", "Document"),
    "Projekti": ("Projekt", "Project"),
    "Selite": ("Beskrivning", "Description"),
    "Sivut": ("Sidor", "Pages"),
    "Edellinen sivu": ("Föregående sida", "Previous page"),
    "Seuraava sivu": ("Nästa sida", "Next page"),
    "Kirjaudu": ("Logga in", "Sign in"),
    "Käyttäjätunnus tai salasana on väärin.": (
        "Fel användarnamn eller lösenord.",
        "Wrong user name or password.",
    ),
    "Käyttäjätunnus": ("Användarnamn", "User name"),
    "Salasana": ("Lösenord", "Password"),
    "Vuodesta on kulunut %(share)s %%. Hälytys, kun menoja on käytetty yli %(margin)s "
    "prosenttiyksikköä enemmän.": (
        "%(share)s %% av året har gått. Larm när utgifterna ligger mer än %(margin)s procentenheter före.",
        "%(share)s %% of the year has gone. Alert when spending is more than %(margin)s points ahead.",
    ),
    "Menot: käytetty osuus talousarviosta (palkki) ja kulunut osuus vuodesta (viiva)": (
        "Utgifter: använd andel av budgeten (stapel) och förfluten andel av året (streck)",
        "Costs: share of the budget used (bar) and share of the year gone (tick)",
    ),
    "Sitovat yksiköt ja palvelualueet": (
        "Bindande enheter och serviceområden",
        "Binding units and service areas",
    ),
    "Yksikkö": ("Enhet", "Unit"),
    "Sitovuus": ("Bindning", "Binding"),
    "Menot TA": ("Utgifter BU", "Costs budget"),
    "Menot TOT": ("Utgifter UTF", "Costs actual"),
    "Käytetty %%": ("Använt %%", "Used %%"),
    "Netto TA": ("Netto BU", "Net budget"),
    "Netto TOT": ("Netto UTF", "Net actual"),
    "Tavoitteet": ("Mål", "Goals"),
    "Hälytykset": ("Larm", "Alerts"),
    "sitova": ("bindande", "binding"),
    "Kausi": ("Period", "Period"),
    "Muoto": ("Format", "Format"),
    "Asettelu": ("Layout", "Layout"),
    "PDF, DOCX, XLSX ja CSV ladataan aina tiedostona.": (
        "PDF, DOCX, XLSX och CSV laddas alltid ned som fil.",
        "PDF, DOCX, XLSX and CSV always download as a file.",
    ),
    "Avaa": ("Öppna", "Open"),
    "Lataa": ("Ladda ner", "Download"),
    "Tuloslaskelma": ("Resultaträkning", "Income statement"),
    "Valitse TOT-luku nähdäksesi, mistä tileistä, kustannuspaikoista ja kirjanpidon riveistä se koostuu.": (
        "Välj ett UTF-belopp för att se vilka konton, kostnadsställen och bokföringsrader det består av.",
        "Choose a TOT figure to see the accounts, cost centers and ledger lines it consists of.",
    ),
    "Toimintakulut kuukausittain": ("Verksamhetens kostnader per månad", "Operating costs by month"),
    "Toimintakulut kumulatiivisesti kuukausittain, tämä ja edellinen vuosi": (
        "Verksamhetens kostnader kumulativt per månad, detta och föregående år",
        "Operating costs cumulated by month, this year and the previous",
    ),
    "Kaavion luvut taulukkona": ("Diagrammets siffror som tabell", "The chart's figures as a table"),
    "Vuosi": ("År", "Year"),
    "Kuukausi": ("Månad", "Month"),
    "Alayksiköt": ("Underenheter", "Sub-units"),
    "Mittarit": ("Mätare", "Metrics"),
    "Luonnos tallennettu.": ("Utkastet sparades.", "Draft saved."),
    "Palautettu luonnokseksi.": ("Skickades tillbaka som utkast.", "Sent back to draft."),
    "Lähetetty tarkastettavaksi.": ("Skickades för granskning.", "Sent for review."),
    "Hyväksytty.": ("Godkänd.", "Approved."),
    "Päivämäärä, vanhin ensin": ("Datum, äldst först", "Date, oldest first"),
    "Päivämäärä, uusin ensin": ("Datum, nyast först", "Date, newest first"),
    "Summa (debet +), pienin ensin": ("Summa (debet +), minst först", "Amount (debit +), smallest first"),
    "Summa (debet +), suurin ensin": ("Summa (debet +), störst först", "Amount (debit +), largest first"),
}
PLURALS = {
    ("Tiedostossa on %(n)s ongelma. Mitään ei tuotu.", "Tiedostossa on %(n)s ongelmaa. Mitään ei tuotu."): (
        ("Filen har %(n)s problem. Inget importerades.", "Filen har %(n)s problem. Inget importerades."),
        (
            "The file has %(n)s problem. Nothing was imported.",
            "The file has %(n)s problems. Nothing was imported.",
        ),
    )
}


def fill(language: int, code: str) -> list[str]:
    path = LOCALE / code / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            found = PLURALS.get(message.id)  # type: ignore[arg-type]
            message.string = found[language] if found else ("", "")
        else:
            message.string = T.get(message.id, ("", ""))[language]
        message.flags.discard("fuzzy")
        if not message.string or (isinstance(message.string, tuple) and not all(message.string)):
            missing.append(str(message.id))
    with path.open("wb") as handle:
        write_po(handle, catalog, width=110)
    subprocess.run(["msgfmt", "--check", "-o", str(path.with_suffix(".mo")), str(path)], check=True)
    return missing


if __name__ == "__main__":
    gaps = fill(0, "sv") + fill(1, "en")
    for gap in gaps:
        print(f"missing translation: {gap!r}", file=sys.stderr)
    sys.exit(1 if gaps else 0)
