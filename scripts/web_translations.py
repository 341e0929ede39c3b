"""Fill the dashboard's Swedish and English catalogues from scripts/translations/ and compile them.

Finnish is the source language (the msgids); run `django-admin makemessages -l sv -l en` in
src/toteuma/web first when templates change, then `python -m scripts.web_translations` from the
checkout, which fails on a missing translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from scripts.translations import load_tables

LOCALE = Path(__file__).parents[1] / "src" / "toteuma" / "web" / "locale"

# Finnish -> (Swedish, English), gathered from every module of scripts/translations/: each part of
# the dashboard keeps its own table (T, and PLURALS where a text has plural forms).
T, PLURALS = load_tables()


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
