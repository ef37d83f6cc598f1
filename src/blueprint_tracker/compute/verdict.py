"""A common reading of every method's codes, to show where methods agree and where they differ.

Statuses are never averaged; the verdict of a status is its tone (one per status, from
:mod:`blueprint_tracker.compute.vocabulary`), so that a page can mark a disagreement and draw
the same icon for the same kind of verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from blueprint_tracker.compute.vocabulary import STATUS_LABELS, Tone
from blueprint_tracker.domain.assessment import Status

Verdict = Tone

#: Kinds that do not disagree with each other: behind is behind, poor or bad.
_SAME_KIND: dict[Verdict, str] = {"bad": "poor"}


def verdict(status: Status | str) -> Verdict:
    return STATUS_LABELS[Status(status)].tone


def disagree(statuses: Iterable[Status | str]) -> bool:
    """True when methods that could assess give verdicts of different kinds (good, fair,
    behind); a method that could not assess disagrees with none."""
    kinds = {_SAME_KIND.get(v, v) for v in map(verdict, statuses)} - {"unknown"}
    return len(kinds) > 1
