"""Tests of core/expressions.py: the whitelist, exact values, the zero-divisor rule and kinds."""

from fractions import Fraction

import pytest

from toteuma.core.expressions import ExpressionError, Kind, evaluate, kind_of, names, parse
from toteuma.core.messages import t_in

MONEY = {"tot": Kind.MONEY, "budget": Kind.MONEY, "tot_prev": Kind.MONEY, "pct": Kind.PERCENT}


def value(text: str, **values: int) -> object:
    return evaluate(parse(text), values)


def test_differences_in_either_sign_are_exact_cents() -> None:
    assert value("budget - tot", budget=-1_000_000, tot=-1_250_001) == 250_001
    assert value("tot - budget", budget=-1_000_000, tot=-1_250_001) == -250_001
    assert value("-(tot - budget) * 2", budget=3, tot=1) == 4


def test_percent_is_exact_and_its_zero_divisor_has_a_rule() -> None:
    assert value("percent(tot, budget)", tot=1, budget=3) == Fraction(100, 3)
    assert value("percent(tot, budget)", tot=5, budget=0) is None  # blank
    assert value("percent(tot, budget, 0)", tot=5, budget=0) == 0
    assert value("percent(tot, budget, 100)", tot=0, budget=0) == 100


def test_year_on_year_change_overrun_min_max_abs() -> None:
    change = "percent(tot - tot_prev, abs(tot_prev))"
    assert value(change, tot=-1_100, tot_prev=-1_000) == -10  # costs grew by a tenth: -10 %
    assert value("max(0, budget - tot)", budget=-100, tot=-130) == 30
    assert value("max(0, budget - tot)", budget=-100, tot=-70) == 0
    assert value("min(tot, budget, 0)", tot=5, budget=-2) == -2


def test_a_blank_makes_the_result_blank() -> None:
    assert value("percent(tot, budget) - 100", tot=1, budget=0) is None


@pytest.mark.parametrize(
    ("text", "why", "message"),
    [
        ("tot / budget", "division", "division at column 1; use percent(a, b)"),
        ("__import__('os')", "function", "unknown function at column 1; known are percent, min, max, abs"),
        ("tot.real", "node", "attribute is not allowed in an expression"),
        ("tot ** 2", "node", "binop is not allowed"),
        ("1.5 * tot", "constant", "only whole-number constants are allowed, not 1.5"),
        ("percent(tot)", "arity", "percent() takes 2–3 arguments, not 1"),
        ("percent(tot, budget, tot)", "zero_rule", "the third argument of percent() is the number printed"),
        ("max(a=1, b=2)", "keywords", "by position only"),
        ("tot +", "syntax", "“tot +” is not a valid expression"),
        ("[tot]", "node", "list is not allowed"),
    ],
)
def test_anything_outside_the_whitelist_is_refused(text: str, why: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert caught.value.text == why
    assert message in t_in("en", f"problems.layout.expression.{why}", figure="f", **caught.value.params)


def test_names_are_collected() -> None:
    assert names(parse("percent(tot - tot_prev, abs(tot_prev), 0)")) == {"tot", "tot_prev"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("budget - tot", Kind.MONEY),
        ("percent(tot, budget)", Kind.PERCENT),
        ("pct - 100", Kind.PERCENT),
        ("2 * tot", Kind.MONEY),
        ("max(0, budget - tot)", Kind.MONEY),
    ],
)
def test_kinds_follow_from_the_names(text: str, kind: Kind) -> None:
    assert kind_of(parse(text), MONEY) is kind


@pytest.mark.parametrize(
    ("text", "why", "message"),
    [
        ("pct + tot", "mixes", "“+” mixes money and a percentage"),
        ("tot * budget", "no_meaning", "cannot be multiplied"),
        ("tot + 5", "adds_number", "adds a number to money"),
    ],
)
def test_kinds_that_do_not_combine_are_refused(text: str, why: str, message: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        kind_of(parse(text), MONEY)
    assert caught.value.text == why
    assert message in t_in("en", f"problems.layout.expression.{why}", figure="f", **caught.value.params)
