"""A common reading of every method's codes, to show where methods agree and where they differ.

Statuses are never averaged; this only groups codes so that a page can mark a disagreement and
draw the same icon for the same kind of verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from blueprint_tracker.domain.assessment import Status

Verdict = Literal["good", "fair", "poor", "unknown"]

VERDICTS: dict[Status, Verdict] = {
    Status.TARGET_MET: "good",
    Status.SIGNIFICANT_PROGRESS: "good",
    Status.ON_TRACK: "good",
    Status.OSDG_TARGET_ACHIEVED: "good",
    Status.OSDG_SUBSTANTIAL_PROGRESS: "good",
    Status.MODERATE_PROGRESS: "fair",
    Status.ACCELERATE: "fair",
    Status.OSDG_MODERATE_PROGRESS: "fair",
    Status.INSUFFICIENT_PROGRESS: "poor",
    Status.MOVING_AWAY: "poor",
    Status.TARGET_MISSED: "poor",
    Status.MODERATE_MOVEMENT_AWAY: "poor",
    Status.SIGNIFICANT_MOVEMENT_AWAY: "poor",
    Status.REVERSE: "poor",
    Status.OSDG_LIMITED_PROGRESS: "poor",
    Status.OSDG_DETERIORATION: "poor",
    Status.INSUFFICIENT_DATA: "unknown",
    Status.OSDG_NOT_AVAILABLE: "unknown",
}


def verdict(status: Status | str) -> Verdict:
    return VERDICTS[Status(status)]


def disagree(statuses: Iterable[Status | str]) -> bool:
    """True when methods that could assess give verdicts of different kinds."""
    kinds = {verdict(s) for s in statuses} - {"unknown"}
    return len(kinds) > 1
