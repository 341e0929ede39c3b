"""Text for cells of CSV files that spreadsheets open: a leading formula character is made inert."""

from __future__ import annotations

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula or a command (OWASP's CSV
# injection list), with the full-width forms some of them accept as well.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def inert(text: str) -> str:
    """The text as a spreadsheet shows it but never evaluates it: a formula start gets a leading apostrophe.

    For text cells only (descriptions, names, document numbers); a figure is written as a number.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text
