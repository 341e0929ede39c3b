"""Issue 12's texts: goals, metrics, investments by project, amendments, projects, rounds, inbox, mails."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "Tavoitteen historia": ("Målets historik", "Goal history"),
    "Valtuuston sitova tavoite": ("Fullmäktiges bindande mål", "Council's binding goal"),
    "Käyttösuunnitelman tavoite": ("Dispositionsplanens mål", "Operating plan goal"),
    "Vastuu": ("Ansvar", "Responsible"),
    "Arvioi": ("Bedöms av", "Assessed by"),
    "Mittari ja tavoitetaso": ("Mätare och målnivå", "Metric and target"),
    "Arviot kausittain": ("Bedömningar per period", "Assessments by period"),
    "Tavoitetta ei ole vielä arvioitu.": (
        "Målet har inte bedömts ännu.",
        "The goal has not been assessed yet.",
    ),
    "Saapuneet: tarkastettavat tekstit": ("Inkorg: texter att granska", "Inbox: texts to review"),
    "Tarkastusta odottavat, määräajan ja yksikön mukaan": (
        "Väntar på granskning, efter tidsfrist och enhet",
        "Waiting for review, by deadline and unit",
    ),
    "Määräaika": ("Tidsfrist", "Deadline"),
    "määräaika": ("tidsfrist", "deadline"),
    "Aihe": ("Ämne", "Subject"),
    "Lähettäjä": ("Avsändare", "Sent by"),
    "Ei tarkastettavia tekstejä.": ("Inga texter att granska.", "No texts to review."),
    "Raportointikierrokset": ("Rapporteringsomgångar", "Reporting rounds"),
    "Ei raportointikierroksia.": ("Inga rapporteringsomgångar.", "No reporting rounds."),
    "Avaa raportointikierros": ("Öppna en rapporteringsomgång", "Open a reporting round"),
    "Yksiköt": ("Enheter", "Units"),
    "Avaa kierros": ("Öppna omgången", "Open the round"),
    "Investoinnit hankkeittain": ("Investeringar per projekt", "Investments by project"),
    "Investoinnit": ("Investeringar", "Investments"),
    "Valitse toteuma nähdäksesi hankkeen kirjanpidon rivit. Summat raportin etumerkillä: tulot +, menot −.": (
        "Välj utfallet för att se projektets bokföringsrader. Belopp med rapportens tecken: inkomster +, "
        "utgifter −.",
        "Choose an actual to see the project's ledger lines. Amounts in report sign: income +, costs −.",
    ),
    "Talousarvio, toteuma, poikkeama ja tilanne hankkeittain": (
        "Budget, utfall, avvikelse och läge per projekt",
        "Budget, actual, deviation and progress by project",
    ),
    "Hanke": ("Projekt", "Project"),
    "TA +muutos": ("BU +ändr.", "Budget +amendments"),
    "TA": ("BU", "Budget"),
    "Poikkeama": ("Avvikelse", "Deviation"),
    "toteuma": ("utfall", "actual"),
    "kirjoitettu %(period)s": ("skrivet %(period)s", "written %(period)s"),
    "Yhteensä": ("Totalt", "Total"),
    "yhteensä": ("totalt", "total"),
    "Hyväksytty: %(unit)s %(period)s": ("Godkänt: %(unit)s %(period)s", "Approved: %(unit)s %(period)s"),
    "%(who)s hyväksyi yksikön %(unit)s tekstin kaudelta %(period)s; se tulostuu raporttiin:": (
        "%(who)s godkände enhetens %(unit)s text för perioden %(period)s; den skrivs ut i rapporten:",
        "%(who)s approved the text of %(unit)s for %(period)s; the report prints it:",
    ),
    "Muistutus: %(unit)s, määräaika %(date)s": (
        "Påminnelse: %(unit)s, tidsfrist %(date)s",
        "Reminder: %(unit)s, deadline %(date)s",
    ),
    "Yksikön %(unit)s raportointikierroksen %(period)s määräaika on %(date)s. Vielä kirjoitettavana:": (
        "Tidsfristen för enhetens %(unit)s rapporteringsomgång %(period)s är %(date)s. Ännu att skriva:",
        "The deadline of the reporting round %(period)s of %(unit)s is %(date)s. Still to write:",
    ),
    "Palautettu korjattavaksi: %(unit)s %(period)s": (
        "Returnerat för rättelse: %(unit)s %(period)s",
        "Sent back: %(unit)s %(period)s",
    ),
    "%(who)s palautti yksikön %(unit)s tekstin kaudelta %(period)s luonnokseksi:": (
        "%(who)s returnerade enhetens %(unit)s text för perioden %(period)s till utkast:",
        "%(who)s sent the text of %(unit)s for %(period)s back to draft:",
    ),
    "Korjaa ja lähetä uudelleen työpöydällä:": (
        "Rätta och skicka igen på instrumentpanelen:",
        "Correct it and send it again on the dashboard:",
    ),
    "Tarkastettavaksi: %(unit)s %(period)s": (
        "Att granska: %(unit)s %(period)s",
        "To review: %(unit)s %(period)s",
    ),
    "%(who)s lähetti tarkastettavaksi yksikön %(unit)s tekstin kaudelta %(period)s:": (
        "%(who)s skickade enhetens %(unit)s text för perioden %(period)s för granskning:",
        "%(who)s sent the text of %(unit)s for %(period)s for review:",
    ),
    "Hyväksy tai palauta se työpöydällä:": (
        "Godkänn eller returnera den på instrumentpanelen:",
        "Approve it or send it back on the dashboard:",
    ),
    "Hankkeen kirjanpidon rivit": ("Projektets bokföringsrader", "The project's ledger lines"),
    "Tammikuusta kauden loppuun": ("Från januari till periodens slut", "January to the end of"),
    "yksikön": ("enhetens", "of unit"),
    "ja sen alayksiköiden rivit": ("och dess underenheters rader", "and its sub-units"),
    "Hankkeet ja sopeutustoimenpiteet": ("Projekt och anpassningsåtgärder", "Projects and savings measures"),
    "Kirjanpidon projektisarake: talousarvio ja toteuma hankkeittain yksiköiden yli, tammikuusta kauden "
    "loppuun. Summat raportin etumerkillä.": (
        "Bokföringens projektkolumn: budget och utfall per projekt över enheterna, från januari till "
        "periodens slut. Belopp med rapportens tecken.",
        "The ledger's project column: budget and actual by project across units, January to the period "
        "end. Amounts in report sign.",
    ),
    "Rahoittaja": ("Finansiär", "Funder"),
    "Kesto": ("Löptid", "Duration"),
    "Ulkoinen rahoitus %%": ("Extern finansiering %%", "External funding %%"),
    "Sopeutustoimenpiteet": ("Anpassningsåtgärder", "Savings measures"),
    "Toimenpide": ("Åtgärd", "Measure"),
    "Tavoite €": ("Mål €", "Target €"),
    "Toteutunut €": ("Förverkligat €", "Realised €"),
    "Ei sopeutustoimenpiteitä.": ("Inga anpassningsåtgärder.", "No savings measures."),
    "tavoite": ("mål", "goal"),
    "arvioitu %(period)s, ei vielä arvioitu uudelleen": (
        "bedömt %(period)s, inte bedömt på nytt ännu",
        "assessed %(period)s, not reassessed yet",
    ),
    "Muut mittarit": ("Övriga mätare", "Other metrics"),
    "Investoinnit ja niiden kirjanpidon rivit": (
        "Investeringar och deras bokföringsrader",
        "Investments and their ledger lines",
    ),
    "Anna määräaika muodossa VVVV-KK-PP.": (
        "Ange tidsfristen som ÅÅÅÅ-MM-DD.",
        "Give the deadline as YYYY-MM-DD.",
    ),
    "Raportointikierros avattu.": ("Rapporteringsomgången har öppnats.", "Reporting round opened."),
    "tavoitetaso": ("målnivå", "target"),
    "Tavoitetaso": ("Målnivå", "Target"),
    "Omat yksikköni": ("Mina enheter", "My units"),
    "Raportointikierros %(period)s: määräaika %(date)s.": (
        "Rapporteringsomgång %(period)s: tidsfrist %(date)s.",
        "Reporting round %(period)s: deadline %(date)s.",
    ),
    "aloittamatta": ("inte påbörjad", "not started"),
    "Tavoitteen arvio": ("Bedömning av målet", "Goal assessment"),
    "Investoinnin tilanne": ("Investeringens läge", "Investment progress"),
    "Valmiiksi täytetty viimeksi hyväksytyllä arviolla; tarkista ja päivitä.": (
        "Förifylld med den senast godkända bedömningen; kontrollera och uppdatera.",
        "Filled in from the last approved assessment; check and update it.",
    ),
    "Tilanne": ("Läge", "Progress"),
    "Talousarviomuutokset": ("Budgetändringar", "Budget amendments"),
    "Raportti ottaa mukaan muutokset, joista on päätetty kauden loppuun mennessä. Summat raportin "
    "etumerkillä: tulot +, menot −.": (
        "Rapporten tar med ändringar som beslutats före periodens slut. Belopp med rapportens tecken: "
        "inkomster +, utgifter −.",
        "The report includes the amendments decided by the period end. Amounts in report sign: income +, "
        "costs −.",
    ),
    "Mukana kauden %(period)s luvuissa.": (
        "Ingår i siffrorna för perioden %(period)s.",
        "Included in the figures of %(period)s.",
    ),
    "Päätetty kauden jälkeen: ei vielä kauden %(period)s luvuissa.": (
        "Beslutat efter perioden: ännu inte i siffrorna för %(period)s.",
        "Decided after the period: not yet in the figures of %(period)s.",
    ),
    "Tulot": ("Inkomster", "Revenue"),
    "Menot": ("Utgifter", "Expenditure"),
    "Toimintakatteen muutos": ("Ändring av verksamhetsbidraget", "Change in operating margin"),
    "Vuodelle ei ole talousarviomuutoksia.": (
        "Året har inga budgetändringar.",
        "The year has no amendments.",
    ),
    "Hankkeet": ("Projekt", "Projects"),
    "Saapuneet": ("Inkorg", "Inbox"),
}
