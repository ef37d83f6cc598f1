"""Indicator values from base-series observations, each with the chain of figures behind it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from blueprint_tracker.compute.formula import Formula
from blueprint_tracker.domain.series import Observation


@dataclass(frozen=True)
class IndicatorValue:
    """One year's value of an indicator and the observations (with vintages) that fed it."""

    year: int
    value: float
    inputs: tuple[Observation, ...]
    basis: str = "formula"

    @property
    def flags(self) -> tuple[str, ...]:
        seen: list[str] = []
        for observation in self.inputs:
            seen += [flag for flag in observation.flags if flag not in seen]
        return tuple(seen)

    @property
    def released(self) -> str:
        """The date the value became computable: the latest release among its inputs."""
        return max(o.release_date for o in self.inputs).isoformat()


def by_series_year(observations: Iterable[Observation]) -> dict[str, dict[int, Observation]]:
    """Index the latest vintages by series and year (a later release wins within a year)."""
    index: dict[str, dict[int, Observation]] = {}
    for observation in observations:
        years = index.setdefault(observation.series, {})
        current = years.get(observation.year)
        if current is None or observation.release_date >= current.release_date:
            years[observation.year] = observation
    return index


def compute_indicator(
    formula: Formula,
    index: dict[str, dict[int, Observation]],
    fallback: str | None = None,
    plan_table: Iterable[Observation] = (),
) -> list[IndicatorValue]:
    """The formula's value for every year in which all its series have a figure.

    With ``fallback``, a year the formula cannot cover takes the agency's published value;
    a year neither covers takes the value the plan itself published (``plan_table``: the
    indicator's values as printed in the plan, already limited to what was public by then).
    """
    values = _formula_values(formula, index)
    extra: list[tuple[str, Iterable[Observation]]] = []
    if fallback:
        extra.append((fallback, index.get(fallback, {}).values()))
    extra.append(("plan_table", plan_table))
    for basis, observations in extra:
        covered = {v.year for v in values}
        values += [
            IndicatorValue(year=o.year, value=o.value, inputs=(o,), basis=_basis(basis))
            for o in observations
            if o.year not in covered
        ]
    return sorted(values, key=lambda v: v.year)


def _basis(name: str) -> str:
    return "plan_table" if name == "plan_table" else "published"


def _formula_values(
    formula: Formula, index: dict[str, dict[int, Observation]]
) -> list[IndicatorValue]:
    columns = [index.get(name, {}) for name in formula.names]
    years = set(columns[0]) if columns else set()
    for column in columns[1:]:
        years &= set(column)
    values: list[IndicatorValue] = []
    for year in sorted(years):
        inputs = tuple(column[year] for column in columns)
        value = formula.evaluate({o.series: o.value for o in inputs})
        if value is not None:
            values.append(IndicatorValue(year=year, value=value, inputs=inputs))
    return values
