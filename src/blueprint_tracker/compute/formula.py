"""Indicator formulas: arithmetic over base series, parsed safely (no ``eval``)."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class FormulaError(ValueError):
    """A formula that cannot be parsed or uses something other than + - * / and series ids."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula: its text, the series it names, and its expression tree."""

    text: str
    names: tuple[str, ...]
    tree: ast.expr

    def evaluate(self, values: Mapping[str, float]) -> float | None:
        """The formula's value, or None when a division by zero makes it undefined."""
        try:
            return _eval(self.tree, values)
        except ZeroDivisionError:
            return None


def parse_formula(text: str) -> Formula:
    """Parse ``text`` into a Formula; raise FormulaError naming what is not allowed."""
    try:
        expression = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"formula {text!r} is not valid arithmetic: {exc.msg}") from exc
    for node in ast.walk(expression.body):
        _check_node(node, text)
    names: list[str] = []
    for name in _names_in_order(expression.body):
        if name not in names:
            names.append(name)
    if not names:
        raise FormulaError(f"formula {text!r} names no series")
    return Formula(text=text.strip(), names=tuple(names), tree=expression.body)


def _names_in_order(node: ast.expr) -> list[str]:
    """Series ids left to right, as a reader sees them."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.BinOp):
        return _names_in_order(node.left) + _names_in_order(node.right)
    if isinstance(node, ast.UnaryOp):
        return _names_in_order(node.operand)
    return []


def _check_node(node: ast.AST, text: str) -> None:
    allowed = (ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.USub, ast.UAdd)
    if isinstance(node, ast.operator) and type(node) in _BINARY:
        return
    if not isinstance(node, allowed):
        raise FormulaError(f"formula {text!r}: {type(node).__name__} is not allowed")
    if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
        raise FormulaError(f"formula {text!r}: only numbers may appear as constants")


def _eval(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(values[node.id])
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_eval(node.left, values), _eval(node.right, values))
    raise FormulaError(f"cannot evaluate {type(node).__name__}")
