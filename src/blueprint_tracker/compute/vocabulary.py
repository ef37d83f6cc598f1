"""The one table of status words: each status code has one label (an English message id of
the Babel catalogues), one icon and one tone, wherever it is shown (web, CLI, reports, API).

The tone groups the codes of every method into the same few kinds, so pages colour alike what
reads alike, and methods can be compared (:mod:`blueprint_tracker.compute.verdict`). A label is
never shown by colour alone: the icon and the word always go with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from blueprint_tracker.compute.commitments import CommitmentStatus as C
from blueprint_tracker.domain.assessment import Status as S
from blueprint_tracker.domain.marks import N_

Tone = Literal["good", "fair", "poor", "bad", "unknown"]
TONES: tuple[Tone, ...] = ("good", "fair", "poor", "bad", "unknown")


@dataclass(frozen=True)
class StatusLabel:
    word: str  # an English message id, translated where it is shown
    icon: str
    tone: Tone  # also a CSS class (status-<tone>) and the report's colour


STATUS_LABELS: dict[str, StatusLabel] = {
    S.TARGET_MET: StatusLabel(N_("Target met"), "✔", "good"),
    S.SIGNIFICANT_PROGRESS: StatusLabel(N_("Significant progress"), "▲", "good"),
    S.ON_TRACK: StatusLabel(N_("On track"), "✔", "good"),
    S.MODERATE_PROGRESS: StatusLabel(N_("Moderate progress"), "△", "fair"),
    S.ACCELERATE: StatusLabel(N_("Needs to accelerate"), "△", "fair"),
    S.INSUFFICIENT_PROGRESS: StatusLabel(N_("Insufficient progress"), "◇", "poor"),
    S.MODERATE_MOVEMENT_AWAY: StatusLabel(N_("Moderate movement away"), "▽", "poor"),
    S.MOVING_AWAY: StatusLabel(N_("Moving away from the target"), "▼", "bad"),
    S.SIGNIFICANT_MOVEMENT_AWAY: StatusLabel(N_("Significant movement away"), "▼", "bad"),
    S.REVERSE: StatusLabel(N_("Trend needs reversing"), "▼", "bad"),
    S.TARGET_MISSED: StatusLabel(N_("Target missed"), "✖", "bad"),
    S.INSUFFICIENT_DATA: StatusLabel(N_("Insufficient data"), "?", "unknown"),
    S.OSDG_TARGET_ACHIEVED: StatusLabel(N_("Target achieved"), "✔", "good"),
    S.OSDG_SUBSTANTIAL_PROGRESS: StatusLabel(N_("Substantial progress"), "▲", "good"),
    S.OSDG_MODERATE_PROGRESS: StatusLabel(N_("Moderate progress"), "△", "fair"),
    S.OSDG_LIMITED_PROGRESS: StatusLabel(N_("Limited progress"), "◇", "poor"),
    S.OSDG_DETERIORATION: StatusLabel(N_("Deterioration"), "▼", "bad"),
    S.OSDG_NOT_AVAILABLE: StatusLabel(N_("Not available"), "?", "unknown"),
    C.DONE: StatusLabel(N_("Done"), "✔", "good"),
    C.DONE_LATE: StatusLabel(N_("Done late"), "✔", "fair"),
    C.IN_PROGRESS: StatusLabel(N_("In progress"), "…", "fair"),
    C.NOT_STARTED: StatusLabel(N_("Not started"), "○", "poor"),
    C.OVERDUE: StatusLabel(N_("Overdue"), "✖", "bad"),
    C.NO_EVIDENCE: StatusLabel(N_("No recent evidence"), "?", "unknown"),
    C.MODIFIED: StatusLabel(N_("Modified"), "≠", "fair"),
    C.NOT_PURSUED: StatusLabel(N_("Not pursued"), "⊘", "bad"),
}
UNKNOWN = StatusLabel(N_("Not assessed"), "–", "unknown")


def status_label(code: str | None) -> StatusLabel:
    """The label of an assessment or commitment status code (no code: not assessed)."""
    return STATUS_LABELS.get(code or "", UNKNOWN)
