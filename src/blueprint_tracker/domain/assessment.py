"""The result of assessing one milestone of one series: status code, numbers and explanation."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    """Every status code an assessment can give (METHODS.md section 8)."""

    SIGNIFICANT_PROGRESS = "SIGNIFICANT_PROGRESS"
    MODERATE_PROGRESS = "MODERATE_PROGRESS"
    INSUFFICIENT_PROGRESS = "INSUFFICIENT_PROGRESS"
    MOVING_AWAY = "MOVING_AWAY"
    TARGET_MET = "TARGET_MET"
    TARGET_MISSED = "TARGET_MISSED"
    MODERATE_MOVEMENT_AWAY = "MODERATE_MOVEMENT_AWAY"
    SIGNIFICANT_MOVEMENT_AWAY = "SIGNIFICANT_MOVEMENT_AWAY"
    ON_TRACK = "ON_TRACK"
    ACCELERATE = "ACCELERATE"
    REVERSE = "REVERSE"
    INSUFFICIENT_DATA = "INSUFFICIENT_DATA"
    # Open SDG's own codes, used by the `statcan` method.
    OSDG_TARGET_ACHIEVED = "target_achieved"
    OSDG_SUBSTANTIAL_PROGRESS = "substantial_progress"
    OSDG_MODERATE_PROGRESS = "moderate_progress"
    OSDG_LIMITED_PROGRESS = "limited_progress"
    OSDG_DETERIORATION = "deterioration"
    OSDG_NOT_AVAILABLE = "not_available"


#: Status codes in a fixed order; the engine returns the index into this tuple (a small int).
STATUS_ORDER: tuple[Status, ...] = tuple(Status)
STATUS_INDEX: dict[Status, int] = {status: index for index, status in enumerate(STATUS_ORDER)}


class Comparator(StrEnum):
    """How a value is compared with the target: at least, at most, or about (within tolerance)."""

    AT_LEAST = ">="
    AT_MOST = "<="
    ABOUT = "~"


#: Comparator codes used in the vectorised engine.
COMPARATOR_ORDER: tuple[Comparator, ...] = tuple(Comparator)


class Method(StrEnum):
    """The assessment methods of METHODS.md sections 1-4."""

    EUROSTAT = "eurostat"
    STATCAN = "statcan"
    ESCAP = "escap"
    TREND = "trend"


class HeadlineRule(BaseModel):
    """How a plan chooses the one status a reader sees first for each milestone.

    ``primary``: the status of ``method``; when it cannot assess (insufficient data), that of
    the first ``fallback`` method that can. ``agreement``: the same, but only when every method
    that can assess gives the same kind of verdict; otherwise the headline says the methods
    disagree. Either way a disagreement between methods is reported beside the headline.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: Literal["primary", "agreement"] = "primary"
    method: Method = Method.ESCAP
    fallback: tuple[Method, ...] = ()


NumberValue = bool | int | float | str | list[float] | None


class MilestoneSpec(BaseModel):
    """The milestone assessed: target value, target year, comparator and tolerance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    target: float | None = None
    target_year: int | None = None
    comparator: Comparator = Comparator.AT_LEAST
    tolerance: float = Field(default=0.02, ge=0)


class Assessment(BaseModel):
    """One (series, milestone, method) result with the numbers behind it and a sentence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Status
    method: Method
    milestone: MilestoneSpec
    numbers: dict[str, NumberValue] = Field(default_factory=dict)
    explanation: dict[str, str] = Field(default_factory=dict)
