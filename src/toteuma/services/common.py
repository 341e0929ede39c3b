"""What every use case needs: the database set up, the structure and the account mapping in force."""

from __future__ import annotations

from functools import cache

from toteuma import storage
from toteuma.core.mapping import AccountMapping, load_mapping
from toteuma.core.structure import Structure, load_structure


class ServiceError(Exception):
    """A failure the user can act on; the message says what and how to fix it."""


def init() -> None:
    """Create or migrate the database."""
    storage.setup()
    storage.migrate()


@cache
def default_structure() -> Structure:
    return load_structure()


@cache
def default_mapping() -> AccountMapping:
    return load_mapping(row_keys=default_structure().row_keys)


@cache
def row_of(account: int) -> str | None:
    """The default mapping's row of an account, remembered (the mapping scans its ranges)."""
    return default_mapping().row_of(account)
