"""Open SDG's indicator-level progress: the mean of the configured readings' scores.

``IndicatorProgress.get_indicator_progress`` (sdg-build ``sdg/ProgressMeasure.py``): the mean
score of the readings that have one, and ``target_achieved`` only when every such reading
achieved its target; otherwise the status of the mean score (``get_progress_status_from_score``).
"""

from __future__ import annotations

from collections.abc import Sequence


def status_from_score(score: float | None, achieved: bool) -> str:
    if achieved:
        return "target_achieved"
    if score is None:
        return "not_available"
    if score >= 2.5:
        return "substantial_progress"
    if score >= 0:
        return "moderate_progress"
    if score >= -2.5:
        return "limited_progress"
    return "deterioration"


def overall(readings: Sequence[tuple[float | None, bool]]) -> tuple[float | None, str]:
    """(mean score, status) of (score, target achieved) readings."""
    scored = [(score, achieved) for score, achieved in readings if score is not None]
    if not scored:
        return None, "not_available"
    mean = sum(score for score, _ in scored) / len(scored)
    return mean, status_from_score(mean, all(achieved for _, achieved in scored))
