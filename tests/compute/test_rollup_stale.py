"""Roll-up counts (never averages) and the stale flag."""

from __future__ import annotations

import datetime as dt

import pytest

from blueprint_tracker.compute.rollup import rollup_counts
from blueprint_tracker.compute.stale import is_stale, stale_check

TREE = {"d1": None, "s1": "d1", "s2": "d1", "g1": "s1", "g2": "s1", "i1": "g1", "i2": "g1",
        "i3": "g2", "i4": "s2", "d2": None}  # fmt: skip


def test_counts_for_every_ancestor() -> None:
    statuses = {"i1": "ON_TRACK", "i2": "REVERSE", "i3": "ON_TRACK", "i4": ["ON_TRACK", "REVERSE"]}
    counts = rollup_counts(TREE, statuses)
    assert counts["g1"] == {"ON_TRACK": 1, "REVERSE": 1}
    assert counts["g2"] == {"ON_TRACK": 1}
    assert counts["s1"] == {"ON_TRACK": 2, "REVERSE": 1}
    assert counts["s2"] == {"ON_TRACK": 1, "REVERSE": 1}
    assert counts["d1"] == {"ON_TRACK": 3, "REVERSE": 2}
    assert counts["d2"] == {}
    assert counts["i1"] == {}  # a leaf has no leaves below it


def test_bad_trees_raise() -> None:
    with pytest.raises(ValueError, match="cycle"):
        rollup_counts({"a": "b", "b": "a"}, {"a": "ON_TRACK"})
    with pytest.raises(ValueError, match="unknown parent"):
        rollup_counts({"a": "zz"}, {"a": "ON_TRACK"})
    with pytest.raises(ValueError, match="not in the tree"):
        rollup_counts({"a": None}, {"b": "ON_TRACK"})


def test_gerd_is_stale_after_the_next_release_and_a_grace_month() -> None:
    check = stale_check(2020, 12, dt.date(2023, 1, 31))
    assert check.next_period == "2021"
    assert check.expected_by == dt.date(2022, 12, 31)
    assert check.stale_after == dt.date(2023, 1, 31)
    assert check.stale is False
    assert is_stale(2020, 12, dt.date(2023, 2, 1)) is True
    assert is_stale(2021, 12, dt.date(2023, 2, 1)) is False


def test_survey_month_and_school_year_periods() -> None:
    check = stale_check("2021-07", 3, dt.date(2022, 12, 1))
    assert (check.expected_by, check.stale_after, check.stale) == (
        dt.date(2022, 10, 31), dt.date(2022, 11, 30), True,
    )  # fmt: skip
    assert stale_check("2020/21", 6, dt.date(2022, 6, 1)).next_period == "2021/22"
    with pytest.raises(ValueError):
        stale_check("2021-13", 3, dt.date(2022, 1, 1))
