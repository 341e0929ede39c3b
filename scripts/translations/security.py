"""Texts of the error, lockout and limit pages and the approval rule (issue 9): fi -> (sv, en)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "Palvelu ei juuri nyt voi tallentaa": (
        "Tjänsten kan inte spara just nu",
        "The service cannot save right now",
    ),
    "Tietokanta on varattu": ("Databasen är upptagen", "The database is busy"),
    "Tietokanta on vain luku -tilassa": ("Databasen är skrivskyddad", "The database is read-only"),
    "Levy on täynnä": ("Disken är full", "The disk is full"),
    "Tietokantaan ei saada yhteyttä": ("Databasen kan inte nås", "The database cannot be reached"),
    "Toinen tuonti tai muutos on käynnissä. Mitään ei tallennettu. Yritä uudelleen, kun se on valmis "
    "(yleensä alle minuutin kuluttua).": (
        "En annan import eller ändring pågår. Inget sparades. Försök igen när den är klar (oftast inom "
        "en minut).",
        "Another import or change is running. Nothing was saved. Try again when it has finished "
        "(usually within a minute).",
    ),
    "Tietokanta ei ota vastaan muutoksia (esimerkiksi huoltokatko tai varmuuskopiointi). Mitään ei "
    "tallennettu. Luvut ja raportit voi lukea; kerro ylläpidolle, jos tila jatkuu.": (
        "Databasen tar inte emot ändringar (till exempel ett underhållsavbrott eller en säkerhetskopiering). "
        "Inget sparades. Siffror och rapporter kan läsas; meddela administratören om läget fortsätter.",
        "The database takes no changes (a maintenance break or a backup, for example). Nothing was saved. "
        "Figures and reports can be read; tell the administrator if it goes on.",
    ),
    "Palvelimen levytila on lopussa. Mitään ei tallennettu. Kerro ylläpidolle: levylle tarvitaan tilaa.": (
        "Serverns diskutrymme är slut. Inget sparades. Meddela administratören: disken behöver utrymme.",
        "The server's disk is full. Nothing was saved. Tell the administrator: the disk needs space.",
    ),
    "Tietokantapalvelin ei vastaa. Mitään ei tallennettu. Yritä hetken kuluttua uudelleen; kerro "
    "ylläpidolle, jos tila jatkuu.": (
        "Databasservern svarar inte. Inget sparades. Försök igen om en stund; meddela administratören om "
        "läget fortsätter.",
        "The database server does not answer. Nothing was saved. Try again in a moment; tell the "
        "administrator if it goes on.",
    ),
    "Kirjoittamasi teksti on tallessa alla. Tallenna se uudelleen, kun tietokanta on vapaa.": (
        "Texten du skrev finns kvar nedan. Spara den igen när databasen är ledig.",
        "The text you wrote is kept below. Save it again when the database is free.",
    ),
    "Tallenna uudelleen": ("Spara igen", "Save again"),
    "Pyynnön tunnus": ("Begärans kod", "Request code"),
    "Olet kirjoittanut osan tekstistä: toinen controller hyväksyy sen.": (
        "Du har skrivit en del av texten: en annan controller godkänner den.",
        "You wrote part of this text: another controller approves it.",
    ),
    "Kirjanpidon rivit näkyvät controllereille ja yksikön vastuuhenkilöille.": (
        "Bokföringsraderna visas för controllers och enhetens ansvarspersoner.",
        "Ledger lines are shown to controllers and to the unit's responsible persons.",
    ),
    "Kirjautuminen estetty": ("Inloggningen spärrad", "Sign-in blocked"),
    "Kirjautuminen on tilapäisesti estetty": (
        "Inloggningen är tillfälligt spärrad",
        "Sign-in is blocked for now",
    ),
    "Liian monta väärää salasanaa tälle käyttäjätunnukselle. "
    "Yritä uudelleen %(minutes)s minuutin kuluttua.": (
        "För många felaktiga lösenord för detta användarnamn. Försök igen om %(minutes)s minuter.",
        "Too many wrong passwords for this user name. Try again in %(minutes)s minutes.",
    ),
    "Jos olet unohtanut salasanasi, pyydä ylläpitoa asettamaan uusi (toteuma user set-password). "
    "Ylläpito voi myös poistaa eston (toteuma user unlock).": (
        "Om du har glömt ditt lösenord, be administratören att ange ett nytt (toteuma user set-password). "
        "Administratören kan också häva spärren (toteuma user unlock).",
        "If you have forgotten your password, ask the administrator to set a new one (toteuma user "
        "set-password). The administrator can also lift the block (toteuma user unlock).",
    ),
    "Liian suuri pyyntö": ("För stor begäran", "Request too large"),
    "Tiedosto on liian suuri: enintään %(mb)s Mt voi tuoda selaimella. Suuremman tiedoston tuonti tehdään "
    "komentorivillä (toteuma import).": (
        "Filen är för stor: högst %(mb)s MB kan importeras i webbläsaren. En större fil importeras på "
        "kommandoraden (toteuma import).",
        "The file is too large: at most %(mb)s MB can be imported in the browser. Import a larger file "
        "on the command line (toteuma import).",
    ),
    "Pyyntö on suurempi kuin tämä sivu ottaa vastaan, eikä sitä luettu. Kirjaudu sisään, jos et ole "
    "kirjautunut, ja yritä uudelleen.": (
        "Begäran är större än denna sida tar emot och lästes inte. Logga in om du inte är inloggad och "
        "försök igen.",
        "The request is larger than this page accepts and was not read. Sign in if you have not, and try "
        "again.",
    ),
    "Palvelussa tapahtui virhe": ("Ett fel inträffade i tjänsten", "Something went wrong"),
    "Pyyntöä ei voitu käsitellä. Jos olit tallentamassa, tarkista tallentuiko muutos ennen kuin yrität "
    "uudelleen.": (
        "Begäran kunde inte behandlas. Om du höll på att spara, kontrollera om ändringen sparades innan du "
        "försöker igen.",
        "The request could not be handled. If you were saving, check whether the change was saved before "
        "you try again.",
    ),
    "Jos virhe toistuu, kerro ylläpidolle tunnus %(id)s: lokissa on sillä tunnuksella virheen tiedot.": (
        "Om felet upprepas, uppge koden %(id)s för administratören: loggen har felets detaljer under den "
        "koden.",
        "If it happens again, give the administrator the code %(id)s: the log has the details under "
        "that code.",
    ),
}
