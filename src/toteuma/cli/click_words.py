"""Click's own words ("Usage:", "Missing option", "Show this message and exit.") in the chosen language.

Click marks its texts for gettext (`from gettext import gettext as _` in each of its modules) and
looks them up in the process-wide default domain, which would need compiled .mo files and the
LANGUAGE environment variable. Instead its modules' `_` and `ngettext` are pointed at our catalogue
(`core/data/messages/click.toml`, keyed by click's English text); a text we lack stays English.
"""

from __future__ import annotations

import importlib

from toteuma.core.messages import known, t

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    key = f"click.{message}"
    return t(key) if known(key) else message


def ngettext(singular: str, plural: str, count: int) -> str:
    key = f"click.{singular}"
    if known(key):
        return t(key, count=count)
    return singular if count == 1 else plural


def install() -> None:
    """Point click's message lookups at the catalogue (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
