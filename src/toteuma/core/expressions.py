"""A small, safe arithmetic over named figures: parsed once with `ast` and a whitelist, computed exactly.

A layout derives its figures from measures with expressions such as ``budget - tot`` or
``percent(tot, budget, 0)``. Nothing is ever evaluated as Python: the text is parsed into a tree of
the few node types below, and anything else is refused with the position of the offending part.
Values are exact: integer cents, `Fraction` for percentages, None for a blank cell.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from toteuma.core.problems import ProblemError

Value = int | Fraction | None


class Kind(StrEnum):
    """What a figure is, which decides how it may be combined and how a table prints it."""

    MONEY = "money"  # exact cents
    PERCENT = "percent"  # a percentage, exact
    NUMBER = "number"  # a bare integer constant


class ExpressionError(ProblemError):
    """An expression that cannot be used: one of `layout.expression`'s messages (problems.layout.toml),
    with where in the text (`at`, a column); the layout's loader adds the figure's name."""

    def __init__(self, text: str, /, **params: Any) -> None:
        super().__init__("layout.expression", text, **params)


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Const:
    value: int


@dataclass(frozen=True)
class Neg:
    operand: Expr


@dataclass(frozen=True)
class Bin:
    op: str  # "+", "-" or "*"
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Expr, ...]


Expr = Name | Const | Neg | Bin | Call

# name -> (fewest arguments, most arguments or None for any, what it does)
FUNCTIONS: dict[str, tuple[int, int | None, str]] = {
    "percent": (
        2,
        3,
        "`percent(a, b)` is a ÷ b × 100, exact; where b is 0 the cell is blank, or the third "
        "argument when given: `percent(tot, budget, 0)` prints 0 where the budget is 0",
    ),
    "min": (2, None, "`min(a, b, …)` the smallest of its arguments"),
    "max": (2, None, "`max(a, b, …)` the largest of its arguments: `max(0, budget - tot)`"),
    "abs": (1, 1, "`abs(a)` a without its sign"),
}
_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}


def _at(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1


def parse(text: str) -> Expr:
    """The expression's tree; an ExpressionError for anything outside the whitelist."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError("syntax", text=text, at=exc.offset or 0) from exc
    return _node(tree.body)


def _node(node: ast.AST) -> Expr:
    if isinstance(node, ast.Name):
        return Name(node.id)
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return Const(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _node(node.operand)
        return Neg(inner) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return Bin(_OPERATORS[type(node.op)], _node(node.left), _node(node.right))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.FloorDiv):
        raise ExpressionError("division", at=_at(node))
    if isinstance(node, ast.Call):
        return _call(node)
    if isinstance(node, ast.Constant):
        raise ExpressionError("constant", value=repr(node.value), at=_at(node))
    raise ExpressionError("node", node=type(node).__name__.lower(), at=_at(node))


def _call(node: ast.Call) -> Call:
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        raise ExpressionError("function", at=_at(node), functions=tuple(FUNCTIONS))
    if node.keywords:
        raise ExpressionError("keywords", at=_at(node))
    name = node.func.id
    fewest, most, _ = FUNCTIONS[name]
    if len(node.args) < fewest or (most is not None and len(node.args) > most):
        wanted = f"{fewest}" if fewest == most else f"{fewest}+" if most is None else f"{fewest}–{most}"
        raise ExpressionError("arity", function=name, wanted=wanted, got=len(node.args), at=_at(node))
    args = tuple(_node(arg) for arg in node.args)
    if name == "percent" and len(args) == 3 and not isinstance(args[2], Const):
        raise ExpressionError("zero_rule", at=_at(node))
    return Call(name, args)


def names(expr: Expr) -> frozenset[str]:
    """Every name the expression uses."""
    if isinstance(expr, Name):
        return frozenset({expr.name})
    if isinstance(expr, Const):
        return frozenset()
    if isinstance(expr, Neg):
        return names(expr.operand)
    if isinstance(expr, Bin):
        return names(expr.left) | names(expr.right)
    return frozenset().union(*(names(arg) for arg in expr.args))


def kind_of(expr: Expr, kinds: Mapping[str, Kind]) -> Kind:
    """The expression's kind from its names' kinds; an ExpressionError where kinds do not combine."""
    if isinstance(expr, Name):
        return kinds[expr.name]
    if isinstance(expr, Const):
        return Kind.NUMBER
    if isinstance(expr, Neg):
        return kind_of(expr.operand, kinds)
    if isinstance(expr, Bin):
        return _bin_kind(expr, kinds)
    found = [kind_of(arg, kinds) for arg in expr.args]
    if expr.func == "percent":
        return Kind.PERCENT
    return _common_kind(found, expr.args, expr.func)


def _bin_kind(expr: Bin, kinds: Mapping[str, Kind]) -> Kind:
    left, right = kind_of(expr.left, kinds), kind_of(expr.right, kinds)
    if expr.op == "*":
        if Kind.NUMBER not in (left, right):
            raise ExpressionError("no_meaning")
        return right if left is Kind.NUMBER else left
    return _common_kind([left, right], (expr.left, expr.right), expr.op)


def _common_kind(found: list[Kind], args: tuple[Expr, ...], what: str) -> Kind:
    """Money and percentages do not mix; a number may join money only as 0 (cents would surprise)."""
    real = {kind for kind in found if kind is not Kind.NUMBER}
    if len(real) > 1:
        raise ExpressionError("mixes", operation=what)
    kind = real.pop() if real else Kind.NUMBER
    if kind is Kind.MONEY and any(isinstance(arg, Const) and arg.value != 0 for arg in args):
        raise ExpressionError("adds_number", operation=what)
    return kind


def evaluate(expr: Expr, values: Mapping[str, Value]) -> Value:
    """The exact value; a blank (None) anywhere makes the result blank."""
    if isinstance(expr, Name):
        return values[expr.name]
    if isinstance(expr, Const):
        return expr.value
    if isinstance(expr, Neg):
        inner = evaluate(expr.operand, values)
        return None if inner is None else -inner
    if isinstance(expr, Bin):
        return _arith(expr.op, evaluate(expr.left, values), evaluate(expr.right, values))
    args = [evaluate(arg, values) for arg in expr.args]
    if expr.func == "percent":
        return _percent(args)
    present: list[int | Fraction] = [arg for arg in args if arg is not None]
    if len(present) < len(args):
        return None
    if expr.func == "abs":
        return -present[0] if present[0] < 0 else present[0]
    ordered = sorted(present)
    return ordered[0] if expr.func == "min" else ordered[-1]


def _arith(op: str, left: Value, right: Value) -> Value:
    if left is None or right is None:
        return None
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    return left * right


def _percent(args: list[Value]) -> Value:
    part, whole = args[0], args[1]
    if part is None or whole is None:
        return None
    if whole == 0:
        return None if len(args) < 3 or args[2] is None else Fraction(args[2])
    return Fraction(part) * 100 / Fraction(whole)
