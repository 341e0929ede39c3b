"""Units, accounts, investments, goals and texts are loaded by natural key: load again, update in place."""

from __future__ import annotations

from dataclasses import replace

import pytest

from toteuma import storage
from toteuma.core.org import Binding, UnitKind
from toteuma.core.records import (
    AccountRecord,
    GoalLevel,
    GoalRecord,
    GoalStatus,
    InvestmentRecord,
    TextKind,
    TextRecord,
    UnitRecord,
)
from toteuma.storage.models import Account, Goal, GoalAssessment, InvestmentProject, Unit, UnitText

pytestmark = pytest.mark.django_db


def test_units_load_in_any_order_and_link_parents() -> None:
    child = UnitRecord("110010", "Presidentinvaalit", UnitKind.COST_CENTER, "1100")
    parent = UnitRecord(
        "1100", "Vaalit", UnitKind.SERVICE_AREA, None, binding=Binding.GROSS, responsible="Lakimies"
    )
    assert storage.load_units([child, parent]).lines == 2
    assert Unit.objects.get(code="110010").parent == Unit.objects.get(code="1100")
    assert storage.units()[0] == parent


def test_loading_units_again_updates_by_code(tiny_org: tuple[UnitRecord, ...]) -> None:
    moved = UnitRecord(
        "120010", "Tarkastus ja arviointi", UnitKind.COST_CENTER, "1100", responsible="Tarkastaja"
    )
    storage.load_units([moved])
    assert Unit.objects.count() == len(tiny_org)
    assert storage.org_tree()["120010"].parent == "1100"
    assert storage.responsible("120010") == "Tarkastaja"
    assert storage.org_tree()["120010"].name == "Tarkastus ja arviointi"


def test_units_that_make_a_cycle_are_refused(tiny_org: tuple[UnitRecord, ...]) -> None:
    with pytest.raises(storage.StorageError, match="eivät muodosta puuta"):
        storage.load_units([UnitRecord("1000", "Yhteiset", UnitKind.SECTOR, "110010")])
    assert storage.org_tree()["1000"].parent == "111"  # rolled back


def test_unit_with_unknown_parent_is_refused() -> None:
    with pytest.raises(storage.UnknownUnitError, match="”9999”"):
        storage.load_units([UnitRecord("1100", "Vaalit", UnitKind.SERVICE_AREA, "9999")])
    assert Unit.objects.count() == 0


def test_one_key_twice_in_one_load_is_refused() -> None:
    with pytest.raises(storage.DuplicateKeyError, match="tilinumero ”4300” esiintyy kahdesti"):
        storage.load_accounts([AccountRecord(4300, "Asiantuntijapalvelut"), AccountRecord(4300, "Muu")])
    assert Account.objects.count() == 0


def test_accounts_upsert_by_number() -> None:
    storage.load_accounts([AccountRecord(4300, "Asiantuntijapalvelut"), AccountRecord(3000, "Myyntituotot")])
    storage.load_accounts([AccountRecord(4300, "Asiantuntija- ja erityispalvelut")])
    assert storage.accounts() == [
        AccountRecord(3000, "Myyntituotot"),
        AccountRecord(4300, "Asiantuntija- ja erityispalvelut"),
    ]
    assert storage.known_accounts() == frozenset({3000, 4300})


def test_investments_upsert_by_project_code(tiny_org: object) -> None:
    storage.load_investments([InvestmentRecord("INV1", "Tietokoneet", "Irtain omaisuus", "1000")])
    storage.load_investments([InvestmentRecord("INV1", "Työasemat", "Irtain omaisuus", "1100")])
    stored = InvestmentProject.objects.get()
    assert (stored.name, stored.unit.code) == ("Työasemat", "1100")


def test_investment_of_unknown_unit_is_refused(tiny_org: object) -> None:
    with pytest.raises(storage.UnknownUnitError, match="”7777”"):
        storage.load_investments([InvestmentRecord("INV1", "Tietokoneet", "Irtain omaisuus", "7777")])


GOAL = GoalRecord(
    level=GoalLevel.BINDING,
    unit="1000",
    year=2024,
    order=1,
    aim="Kestävä talous",
    sub_aims=("Velkamäärän vähentäminen", "Käyttötalouden tasapaino"),
    goals=("talouden raportoinnin kehittäminen",),
    metrics=("johdon työpöytä käytössä",),
    responsible="Hallinto- ja kehitysjohtaja",
    period="2024-03",
    realisation=("Kartoitettu markkinoiden tarjontaa.", "Muutosohjelma etenee."),
    status=GoalStatus.PARTLY,
)


def test_goal_with_assessment_round_trips(tiny_org: object) -> None:
    storage.load_goals([GOAL])
    assert storage.goals("1000", GoalLevel.BINDING, 2024, "2024-03") == [GOAL]


def test_goal_loaded_again_for_a_later_period_keeps_both_assessments(tiny_org: object) -> None:
    storage.load_goals([GOAL])
    later = replace(
        GOAL, period="2024-06", realisation=("Kumppani valittu.",), status=GoalStatus.ON_TRACK, order=2
    )
    storage.load_goals([later])
    assert (Goal.objects.count(), GoalAssessment.objects.count()) == (1, 2)
    assert storage.goals("1000", GoalLevel.BINDING, 2024, "2024-06") == [later]
    assert storage.goals("1000", GoalLevel.BINDING, 2024, "2024-03") == [replace(GOAL, order=2)]


def test_goal_assessment_is_updated_in_place(tiny_org: object) -> None:
    storage.load_goals([GOAL])
    storage.load_goals([replace(GOAL, status=None, realisation=())])
    assert GoalAssessment.objects.get().status == ""
    assert storage.goals("1000", GoalLevel.BINDING, 2024, "2024-03")[0].status is None


def test_goal_without_period_has_no_assessment(tiny_org: object) -> None:
    storage.load_goals([replace(GOAL, period="", realisation=(), status=None)])
    assert GoalAssessment.objects.count() == 0
    assert storage.goals("1000", GoalLevel.BINDING, 2024, "2024-03")[0].realisation == ()


def test_texts_upsert_by_unit_year_period_and_kind(tiny_org: object) -> None:
    first = TextRecord("1100", 2024, "2024-03", TextKind.COMMENTARY, "Kulut kaksinkertaiset.")
    storage.load_texts([first, replace(first, kind=TextKind.DESCRIPTION, period="", text="Vaalit.")])
    storage.load_texts([replace(first, text="Kulut toteutuivat kaksinkertaisina.")])
    assert UnitText.objects.count() == 2
    assert storage.text("1100", TextKind.COMMENTARY, 2024, "2024-03") == "Kulut toteutuivat kaksinkertaisina."
