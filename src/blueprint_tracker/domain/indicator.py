"""Base series and the indicators defined as formulas over them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from blueprint_tracker.domain.text import Text, UnitText

Comparator = Literal[">=", "<=", "~"]
Direction = Literal["increase", "decrease"]
SERIES_ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class SeriesDef(_Model):
    """A base series that observations may name.

    ``dimensions`` names the breakdowns its figures may carry (``Sex``, ``Age``): a figure
    without any is the series' total line. ``selection`` records fixed attributes that set this
    series apart from its siblings in the source (Open SDG's ``Series`` and ``Units`` columns).
    """

    id: str = Field(pattern=SERIES_ID_PATTERN)
    name: Text
    unit: UnitText
    frequency: Literal["annual", "quarterly", "monthly", "irregular"] = "annual"
    release_lag_months: int = Field(default=12, ge=0, le=120)
    definition: Text | None = None
    third_party: bool = False
    dimensions: list[str] = Field(default_factory=list)
    selection: dict[str, str] = Field(default_factory=dict)


class Milestone(_Model):
    """A target value for a year, with how the value is compared (≥, ≤ or about)."""

    year: int = Field(ge=1900, le=2200)
    value: float
    comparator: Comparator = ">="
    tolerance: float = Field(default=0.02, ge=0, le=1)


class ProgressSetting(_Model):
    """One configured progress reading (Open SDG's ``progress_calculation_options`` item).

    It reads the total line (or the ``breakdown`` line, e.g. ``{"Sex": "Female"}``) of
    ``series`` (the indicator's own formula when None) from ``base_year`` (the next year with
    data when that year has none) to the latest year, toward ``target`` by ``target_year``; no
    target gives the no-target (trend) reading, in which ``limit`` is the level the series
    cannot pass (thresholds shrink near it).
    """

    series: str | None = Field(default=None, pattern=SERIES_ID_PATTERN)
    direction: Direction = "decrease"
    target: float | None = None
    target_year: int = Field(default=2030, ge=1900, le=2200)
    base_year: int = Field(default=2015, ge=1900, le=2200)
    limit: float | None = None
    breakdown: dict[str, str] = Field(default_factory=dict)  # a breakdown line, not the total


class Indicator(_Model):
    """An indicator: a formula over base series, the values the plan printed, its milestones.

    ``fallback`` names a series in which the statistical agency publishes the indicator itself
    (e.g. GERD as a % of GDP): it gives the value for a year in which the formula cannot be
    computed because an input is not available, and such a value says so (basis "published").
    """

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$")
    name: Text
    unit: UnitText
    direction: Direction = "increase"
    decimals: int = Field(default=2, ge=0, le=6)
    formula: str = Field(min_length=1)
    fallback: str | None = Field(default=None, pattern=SERIES_ID_PATTERN)
    projection: Literal["cagr", "linear"] = "cagr"
    measures: list[str] = Field(default_factory=list)
    published: dict[int, float] = Field(default_factory=dict)
    milestones: list[Milestone] = Field(default_factory=list)
    definition_note: Text | None = None
    group: Text | None = None
    progress: list[ProgressSetting] = Field(default_factory=list)
    #: base series that add up to one of the formula's inputs (GERD by performing sector):
    #: drawn as a stacked chart beside the indicator's own
    components: list[str] = Field(default_factory=list)

    @field_validator("formula")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @property
    def sign(self) -> int:
        return 1 if self.direction == "increase" else -1
