"""The organisation's closure table: every unit's ancestors, kept whole whenever units are imported.

A subtree is then one indexed join (`closure.ancestor = asked unit`), whatever its size, instead of
an IN-list of every unit code under it (docs/decisions.md, 36).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import connection
from django.db.models import QuerySet

from toteuma.storage import descendants, sql
from toteuma.storage.models import Unit, UnitClosure
from toteuma.storage.types import Subtree

# What the queries take for "these units": codes, or a whole subtree by its root.
Units = Iterable[str] | Subtree


def unit_ids(units: Units) -> QuerySet[UnitClosure, int] | QuerySet[Unit, int]:
    """The units' ids as a subquery: a subtree through the closure, listed codes by their code."""
    if isinstance(units, Subtree):
        return UnitClosure.objects.filter(ancestor__code=units.root).values_list("descendant_id", flat=True)
    return Unit.objects.filter(code__in=list(units)).values_list("id", flat=True)


def pairs(parents: Mapping[int, int | None]) -> list[tuple[int, int, int]]:
    """(ancestor, descendant, depth) for every unit and each of its ancestors, itself at depth 0."""
    found = []
    for unit in parents:
        current: int | None = unit
        depth = 0
        while current is not None:
            found.append((current, unit, depth))
            current = parents[current]
            depth += 1
            if depth > len(parents):  # a circle; the tree check that follows names it
                break
    return found


def rebuild_closure() -> int:
    """Write the closure anew from the units' parents (a few rows per unit); returns its rows."""
    parents = dict(Unit.objects.values_list("id", "parent_id"))
    rows = pairs(parents)
    table = connection.ops.quote_name(UnitClosure._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
    sql.insert(UnitClosure._meta.db_table, ("ancestor_id", "descendant_id", "depth"), rows)
    descendants.rebuild()  # the sums of the units above each cost center follow the new tree
    descendants.rebuild_budget()
    return len(rows)
