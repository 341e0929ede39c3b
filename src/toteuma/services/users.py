"""Users of the dashboard from the command line: add, list, remove, change role or password, unlock.

Every change is in the audit log. Passwords follow the password rules (AUTH_PASSWORD_VALIDATORS),
checked here for every way a password is set; only the demo's own users bypass them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from toteuma import storage
from toteuma.services.common import ServiceError
from toteuma.storage import workflow

__all__ = ["add_user", "list_users", "remove_user", "set_password", "set_role", "unlock"]


def _units(units: tuple[str, ...]) -> None:
    tree = storage.org_tree()
    unknown = [code for code in units if code not in tree]
    if unknown:
        raise ServiceError("services.access.unknown_units", codes=unknown)


def _password(name: str, password: str) -> None:
    if not password:
        raise ServiceError("services.access.empty_password")
    problems = workflow.password_problems(name, password)
    if problems:
        raise ServiceError("security.weak_password", reasons=" ".join(problems))


@contextmanager
def _said() -> Iterator[None]:
    """The storage's refusal (no such user, unknown role) as a ServiceError with the same words."""
    try:
        yield
    except workflow.WorkflowError as exc:
        raise ServiceError(exc) from exc


def add_user(
    name: str, role: str, password: str, units: tuple[str, ...] = (), by: str = ""
) -> workflow.UserInfo:
    """Create a user; assigned units must exist and the password pass the rules."""
    storage.setup()
    _units(units)
    _password(name, password)
    with _said():
        return workflow.add_user(name, role, password, units, by=by)


def list_users() -> list[workflow.UserInfo]:
    storage.setup()
    return workflow.all_users()


def remove_user(name: str, by: str) -> None:
    """Delete the user; what they wrote and approved stays, under their name, in drafts and the log."""
    storage.setup()
    with _said():
        workflow.remove_user(name, by=by)


def set_role(name: str, role: str, units: tuple[str, ...] | None, by: str) -> workflow.UserInfo:
    """Change the role; `units` (when given) replace the units the user answers for."""
    storage.setup()
    if units:
        _units(units)
    with _said():
        return workflow.set_role(name, role, units, by=by)


def set_password(name: str, password: str, by: str) -> None:
    storage.setup()
    _password(name, password)
    with _said():
        workflow.set_password(name, password, by=by)


def unlock(name: str, by: str) -> int:
    """End a sign-in lockout of the user name before its time runs out."""
    storage.setup()
    with _said():
        return workflow.unlock(name, by=by)
