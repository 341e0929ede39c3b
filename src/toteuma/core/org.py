"""The organisation tree: units with code, name, parent, kind, binding level and gross/net binding."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from toteuma.core.messages import MessageError


class UnitKind(StrEnum):
    MUNICIPALITY = "kunta"
    SECTOR = "toimiala"
    SERVICE_AREA = "palvelualue"
    COST_CENTER = "kustannuspaikka"


class Binding(StrEnum):
    NET = "netto"
    GROSS = "brutto"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: UnitKind
    parent: str | None = None
    binding_level: bool = False
    binding: Binding = Binding.NET
    order: int = 0
    names: tuple[tuple[str, str], ...] = ()  # (language, name) where the unit has one of its own

    def name_in(self, lang: str) -> str:
        """The unit's name in `lang`, or its (Finnish) name when it has none in that language."""
        return dict(self.names).get(lang) or self.name


class OrgError(MessageError, ValueError):
    """Units that do not form a tree."""


class OrgTree:
    """Units indexed by code, with children in their given order; the tree is checked when built."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units: dict[str, Unit] = {}
        for unit in units:
            if unit.code in self._units:
                raise OrgError("core.org.twice", unit=unit.code)
            self._units[unit.code] = unit
        self._children: dict[str | None, list[Unit]] = {}
        for unit in sorted(self._units.values(), key=lambda u: (u.order, u.code)):
            if unit.parent is not None and unit.parent not in self._units:
                raise OrgError("core.org.unknown_parent", unit=unit.code, parent=unit.parent)
            self._children.setdefault(unit.parent, []).append(unit)
        self._check_no_cycle()

    def _check_no_cycle(self) -> None:
        """Every unit is reached from a root; one that is not has a cycle above it (the first such
        unit is named), in one pass whatever the depth."""
        reached: set[str] = set()
        waiting = list(self._children.get(None, []))
        while waiting:
            unit = waiting.pop()
            reached.add(unit.code)
            waiting.extend(self._children.get(unit.code, []))
        if len(reached) < len(self._units):
            first = next(code for code in self._units if code not in reached)
            raise OrgError("core.org.cycle", unit=first)

    def __getitem__(self, code: str) -> Unit:
        return self._units[code]

    def __contains__(self, code: object) -> bool:
        return code in self._units

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def children(self, code: str | None) -> list[Unit]:
        return list(self._children.get(code, []))

    def descendants(self, code: str) -> list[Unit]:
        """The unit itself and everything under it, depth first."""
        found = [self._units[code]]
        for child in self._children.get(code, []):
            found.extend(self.descendants(child.code))
        return found

    def find(self, code_or_name: str) -> Unit | None:
        """A unit by its code, or else by its exact name."""
        if code_or_name in self._units:
            return self._units[code_or_name]
        matches = [unit for unit in self._units.values() if unit.name == code_or_name]
        return matches[0] if len(matches) == 1 else None

    def binding_unit_of(self, code: str) -> Unit | None:
        """The nearest unit at or above `code` where the budget binds."""
        current: str | None = code
        while current is not None:
            unit = self._units[current]
            if unit.binding_level:
                return unit
            current = unit.parent
        return None


def by_code(units: Iterable[Unit]) -> Mapping[str, Unit]:
    return {unit.code: unit for unit in units}
