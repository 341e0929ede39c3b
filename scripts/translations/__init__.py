"""The dashboard's translation tables, one module per part of the dashboard, merged into one."""

from __future__ import annotations

import importlib
import pkgutil

Plural = tuple[str, str]


def load_tables() -> tuple[dict[str, tuple[str, str]], dict[Plural, tuple[Plural, Plural]]]:
    """Every module's T and PLURALS merged; a Finnish text translated twice differently is an error."""
    texts: dict[str, tuple[str, str]] = {}
    plurals: dict[Plural, tuple[Plural, Plural]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for source, target in ((getattr(module, "T", {}), texts), (getattr(module, "PLURALS", {}), plurals)):
            for key, value in source.items():
                if key in target and target[key] != value:
                    raise ValueError(f"{info.name}: {key!r} is translated differently elsewhere")
                target[key] = value
    return texts, plurals
