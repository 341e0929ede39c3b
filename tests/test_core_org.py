"""Tests of core/org.py and core/periods.py: the unit tree and reporting periods."""

from datetime import date

import pytest

from toteuma.core.org import OrgError, OrgTree, Unit, UnitKind
from toteuma.core.periods import Period

UNITS = [
    Unit("111", "Heinolan kaupunki", UnitKind.MUNICIPALITY),
    Unit("1000", "Yhteiset palvelut", UnitKind.SECTOR, "111", binding_level=True),
    Unit("1200", "Tarkastustoimi", UnitKind.SERVICE_AREA, "1000", order=2),
    Unit("1100", "Vaalit", UnitKind.SERVICE_AREA, "1000", order=1),
    Unit("110010", "Presidentinvaalit", UnitKind.COST_CENTER, "1100"),
]


def test_descendants_and_children_keep_order() -> None:
    tree = OrgTree(UNITS)
    assert [unit.code for unit in tree.children("1000")] == ["1100", "1200"]
    assert [unit.code for unit in tree.descendants("1000")] == ["1000", "1100", "110010", "1200"]


def test_find_by_code_or_exact_name_and_binding_unit() -> None:
    tree = OrgTree(UNITS)
    assert tree.find("Vaalit") == tree["1100"]
    assert tree.find("vaalit") is None
    binding = tree.binding_unit_of("110010")
    assert binding is not None
    assert binding.code == "1000"


def test_unknown_parent_and_cycles_are_refused() -> None:
    with pytest.raises(ValueError, match="ei ole yksikkö"):
        OrgTree([Unit("1", "A", UnitKind.SECTOR, "9")])
    with pytest.raises(ValueError, match="itsensä yläpuolella"):
        OrgTree([Unit("1", "A", UnitKind.SECTOR, "2"), Unit("2", "B", UnitKind.SECTOR, "1")])


def test_a_cycle_beside_a_sound_tree_names_its_first_unit() -> None:
    sound = [Unit("1", "Kunta", UnitKind.MUNICIPALITY), Unit("10", "Toimiala", UnitKind.SECTOR, "1")]
    looped = [Unit("20", "A", UnitKind.SECTOR, "22"), Unit("21", "B", UnitKind.SECTOR, "20")]
    under = [Unit("22", "C", UnitKind.SECTOR, "21"), Unit("2201", "D", UnitKind.COST_CENTER, "22")]
    with pytest.raises(OrgError) as caught:
        OrgTree([*sound, *looped, *under])
    assert caught.value.params["unit"] == "20"
    with pytest.raises(OrgError) as caught:
        OrgTree([*sound, Unit("30", "Itse", UnitKind.SECTOR, "30")])
    assert caught.value.params["unit"] == "30"
    assert len(list(OrgTree(sound))) == 2


def test_period_parsing_and_dates() -> None:
    period = Period.parse("2024-03")
    assert period.end == date(2024, 3, 31)
    assert period.previous_year() == Period(2023, 3)
    assert str(Period(2024, 2)) == "2024-02"
    assert Period.parse("2024-02").end == date(2024, 2, 29)
    with pytest.raises(ValueError, match="VVVV-KK"):
        Period.parse("3/2024")
