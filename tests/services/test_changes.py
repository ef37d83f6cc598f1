"""'What changed since the last edition': two editions compared, not just a list of releases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.services.pages import changes_since
from blueprint_tracker.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data: Path = tmp_path_factory.mktemp("changes")
    return open_workspace(Settings(data_dir=data, plan="hk-itb-2022"))


def test_a_status_that_moved_is_listed_with_before_and_after(ws: Workspace) -> None:
    # InvestHK's 2025 count (5,221) was released in Q1 2026: the 2025 start-up target became met
    changes = changes_since(ws, dt.date(2026, 3, 31))
    assert changes["since"] == "2025-12-30" and changes["until"] == "2026-03-31"
    moved = {(t["indicator"], t["year"]): t for t in changes["statuses"]["targets"]}
    assert moved[("2.1", 2025)]["before"] == "ON_TRACK"
    assert moved[("2.1", 2025)]["after"] == "TARGET_MET"
    assert changes["statuses"]["method"] == "escap"
    [figure] = changes["figures"]
    assert (figure["indicator"], figure["year"], figure["kind"]) == ("2.1", 2025, "new")
    # deadlines at the end of 2025 passed in the quarter: those commitments moved too
    after = {c["commitment"]: c for c in changes["statuses"]["commitments"]}
    assert after["c-iamsmart-all"]["after"] == "OVERDUE"
    assert after["c-iamsmart-all"]["before"] != "OVERDUE"


def test_a_revision_shows_the_value_the_last_edition_showed(ws: Workspace) -> None:
    # Dec 2020: 2017 GERD recompiled with the user cost of R&D facilities (a break in series)
    changes = changes_since(ws, dt.date(2020, 12, 25))
    figures = {(f["indicator"], f["year"]): f for f in changes["figures"]}
    assert figures[("1.1", 2017)]["kind"] == "revised"
    assert (figures[("1.1", 2017)]["previous"], figures[("1.1", 2017)]["display"]) == (
        "0.80",
        "0.84",
    )
    assert figures[("1.1", 2018)]["kind"] == "confirmed"  # re-released, still 0.86


def test_nothing_listed_when_the_two_editions_agree(ws: Workspace) -> None:
    quiet = changes_since(ws, dt.date(2017, 6, 30))
    assert quiet["figures"] == [] and quiet["statuses"]["targets"] == []
