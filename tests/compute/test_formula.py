"""Indicator formulas: safe arithmetic over series ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blueprint_tracker.compute.formula import FormulaError, parse_formula


def test_names_in_order_of_appearance() -> None:
    assert parse_formula("gerd * 1000000 / population_yearend").names == (
        "gerd",
        "population_yearend",
    )


def test_evaluation() -> None:
    formula = parse_formula("(a + b) / c * 100 - -1")
    assert formula.evaluate({"a": 1, "b": 3, "c": 8}) == 51.0


def test_division_by_zero_is_undefined_not_an_error() -> None:
    assert parse_formula("a / b").evaluate({"a": 1, "b": 0}) is None


@pytest.mark.parametrize(
    "text", ["open('x')", "a.b", "a[0]", "a ** 2", "'text'", "a if b else c", "100", "a +", ""]
)
def test_anything_but_arithmetic_is_refused(text: str) -> None:
    with pytest.raises(FormulaError):
        parse_formula(text)


@given(st.floats(0.001, 1e9), st.floats(0.001, 1e9))
def test_ratio_formula_matches_python(a: float, b: float) -> None:
    assert parse_formula("a / b * 100").evaluate({"a": a, "b": b}) == a / b * 100
