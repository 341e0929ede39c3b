"""Who may do what: a signed-in user's role and the units they may edit, checked by every use case."""

from __future__ import annotations

from dataclasses import dataclass

from toteuma import storage
from toteuma.core.messages import Text
from toteuma.services.common import ServiceError
from toteuma.services.figure_cache import cached
from toteuma.storage import workflow

ADMIN, CONTROLLER, RESPONSIBLE, READER = "admin", "controller", "responsible", "reader"


class ForbiddenError(ServiceError):
    """The user's role does not allow this; nothing was changed."""


@dataclass(frozen=True)
class Actor:
    user_id: int
    name: str
    role: str
    editable: frozenset[str]  # unit codes whose commentary and goals the user may write

    @property
    def is_controller(self) -> bool:
        return self.role in (ADMIN, CONTROLLER)

    @property
    def sees_drafts(self) -> bool:
        """Readers (board and council members) see approved texts only."""
        return self.role != READER

    def may_edit(self, unit_code: str) -> bool:
        return self.is_controller or unit_code in self.editable

    def sees_lines(self, unit_code: str) -> bool:
        """Ledger lines (names in payroll descriptions, suppliers): controllers and the unit's responsible.

        Everyone signed in sees the figures down to account by cost center (decision 28).
        """
        return self.is_controller or unit_code in self.editable


def actor(user_id: int) -> Actor:
    """The user's role and the units they may edit: those assigned to them and everything under them."""
    return cached(("actor", user_id), lambda: _actor(user_id))


def _actor(user_id: int) -> Actor:
    info = workflow.user_info(user_id)
    if info is None:
        raise ForbiddenError("services.access.unknown_user")
    editable: set[str] = set()
    if info.role == RESPONSIBLE and info.units:  # only they need the organisation (2 000 units: 30 ms)
        tree = storage.org_tree()
        for code in info.units:
            if code in tree:
                editable.update(unit.code for unit in tree.descendants(code))
    return Actor(info.id, info.name, info.role, frozenset(editable))


def require_controller(who: Actor) -> None:
    if not who.is_controller:
        raise ForbiddenError("services.access.controller_only", name=who.name, role=Text(f"roles.{who.role}"))


def require_edit(who: Actor, unit_code: str) -> None:
    if not who.may_edit(unit_code):
        raise ForbiddenError("services.access.not_your_unit", name=who.name, unit=unit_code)


def require_lines(who: Actor, unit_code: str) -> None:
    if not who.sees_lines(unit_code):
        raise ForbiddenError(
            "security.lines_only_editors",
            name=who.name,
            role=Text(f"roles.{who.role}"),
            unit=unit_code,
        )


def require_drafts(who: Actor) -> None:
    if not who.sees_drafts:
        raise ForbiddenError("services.access.approved_only", name=who.name, role=Text(f"roles.{who.role}"))
