"""The headline status per milestone follows the rule the plan declares."""

from __future__ import annotations

from blueprint_tracker.compute.headline import headline
from blueprint_tracker.domain.assessment import HeadlineRule, Method

PRIMARY = HeadlineRule(rule="primary", method=Method.ESCAP, fallback=(Method.EUROSTAT,))
AGREEMENT = HeadlineRule(rule="agreement", method=Method.ESCAP)


def test_primary_method_gives_the_headline_and_a_disagreement_is_reported() -> None:
    h = headline({"escap": "MODERATE_PROGRESS", "eurostat": "ON_TRACK"}, PRIMARY)
    assert (h.status, h.method, h.verdict) == ("MODERATE_PROGRESS", "escap", "fair")
    assert h.disagree and not h.split


def test_fallback_when_the_primary_lacks_data() -> None:
    h = headline({"escap": "INSUFFICIENT_DATA", "eurostat": "ACCELERATE"}, PRIMARY)
    assert (h.status, h.method) == ("ACCELERATE", "eurostat")
    assert not h.disagree  # a method without data does not disagree


def test_no_method_can_assess_shows_insufficient_data() -> None:
    h = headline({"escap": "INSUFFICIENT_DATA", "eurostat": "INSUFFICIENT_DATA"}, PRIMARY)
    assert (h.status, h.verdict) == ("INSUFFICIENT_DATA", "unknown")


def test_agreement_rule_says_the_methods_disagree_instead_of_choosing() -> None:
    split = headline({"escap": "SIGNIFICANT_PROGRESS", "trend": "REVERSE"}, AGREEMENT)
    assert (split.status, split.split) == (None, True)
    agreed = headline({"escap": "SIGNIFICANT_PROGRESS", "trend": "ON_TRACK"}, AGREEMENT)
    assert (agreed.status, agreed.method, agreed.split) == ("SIGNIFICANT_PROGRESS", "escap", False)
