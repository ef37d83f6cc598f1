"""The one status a reader sees first for a milestone, by the rule the plan declares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from blueprint_tracker.compute.verdict import Verdict, disagree, verdict
from blueprint_tracker.domain.assessment import HeadlineRule


@dataclass(frozen=True)
class Headline:
    status: str | None  # the code shown; None when the rule finds the methods split
    method: str | None  # whose code it is
    verdict: Verdict
    disagree: bool  # the methods that could assess reach different kinds of verdict
    split: bool = False  # rule "agreement" and they disagree: the headline says so instead


def _first_known(statuses: Mapping[str, str], order: tuple[str, ...]) -> str | None:
    for method in order:
        code = statuses.get(method)
        if code is not None and verdict(code) != "unknown":
            return method
    return None


def headline(statuses: Mapping[str, str], rule: HeadlineRule) -> Headline:
    """``statuses`` maps method name to status code for one milestone."""
    split = disagree(statuses.values())
    if rule.rule == "agreement" and split:
        return Headline(None, None, "unknown", True, split=True)
    order = (rule.method.value, *(m.value for m in rule.fallback))
    method = _first_known(statuses, order)
    if method is None:  # nobody could assess: the primary's own code (insufficient data)
        primary = rule.method.value
        code = statuses.get(primary)
        return Headline(code, primary if code else None, "unknown", split)
    code = statuses[method]
    return Headline(code, method, verdict(code), split)
