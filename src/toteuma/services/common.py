"""What every use case needs: the database set up, the structure and the account mapping in force."""

from __future__ import annotations

import getpass
from functools import cache

from toteuma import storage
from toteuma.core.mapping import AccountMapping, AccountRange, load_mapping
from toteuma.core.messages import MessageError
from toteuma.core.structure import Structure, load_structure


class ServiceError(MessageError):
    """A failure the user can act on; the message (a key of services.toml) says what and how to fix it."""


def system_user() -> str:
    """Who runs this process, as the operating system knows them: what a command-line batch records."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a uid with no name and no LOGNAME/USER (some containers)
        return ""


def fault_of(exc: BaseException) -> str | None:
    """ "busy", "read-only", "disk-full" or "unavailable" for a database or disk failure, else None."""
    return storage.fault_of(exc)


def init() -> None:
    """Create or migrate the database."""
    storage.setup()
    storage.migrate()


@cache
def default_structure() -> Structure:
    return load_structure()


@cache
def shipped_mapping() -> AccountMapping:
    """The account-to-row mapping shipped in the package (the State Treasury's chart)."""
    return load_mapping(row_keys=default_structure().row_keys)


def default_mapping() -> AccountMapping:
    """The mapping in force: the imported one (`toteuma import mapping`) if any, else the shipped one."""
    shipped = shipped_mapping()
    ranges = storage.mapping_ranges()
    if not ranges:
        return shipped
    return AccountMapping(
        name="imported",
        ranges=tuple(AccountRange(r.first, r.last, r.row) for r in ranges),
        balance_sheet=shipped.balance_sheet,
    )
