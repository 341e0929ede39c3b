"""Texts of issue 11 (Finnish first): audit filters, rollback confirmation. Finnish -> (Swedish, English)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "Rajaa lokia": ("Avgränsa loggen", "Filter the log"),
    "kaikki": ("alla", "all"),
    "Alkaen": ("Från", "From"),
    "Asti": ("Till", "Until"),
    "Kohde sisältää": ("Objektet innehåller", "Target contains"),
    "Rajaa": ("Avgränsa", "Filter"),
    "Tyhjennä": ("Töm", "Clear"),
    "Perumalla poistat erän kaikki rivit tietokannasta ja raporteista. Muutosloki säilyttää, mitä "
    "poistettiin, kuka sen teki ja miksi.": (
        "Återkallandet tar bort alla partiets rader ur databasen och rapporterna. Ändringsloggen sparar "
        "vad som togs bort, vem som gjorde det och varför.",
        "Rolling back removes every line of the batch from the database and the reports. The audit log "
        "keeps what was removed, who did it and why.",
    ),
    "Tuonut": ("Importerad av", "Imported by"),
    "Syy (pakollinen, tallentuu muutoslokiin)": (
        "Orsak (obligatorisk, sparas i ändringsloggen)",
        "Reason (required, kept in the audit log)",
    ),
    "Kirjoita syy, miksi erä perutaan.": (
        "Skriv varför partiet återkallas.",
        "Write why the batch is rolled back.",
    ),
    "Tuntematon toiminto.": ("Okänd åtgärd.", "Unknown action."),
}
