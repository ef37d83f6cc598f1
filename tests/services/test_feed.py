"""The updates feed: figures (new, revised, confirmed) and evidence released in the year before
the edition, newest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.services.feed import updates
from blueprint_tracker.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data: Path = tmp_path_factory.mktemp("feed")
    return open_workspace(Settings(data_dir=data, plan="hk-itb-2022"))


def test_a_release_is_an_entry_with_what_it_changed(ws: Workspace) -> None:
    feed = updates(ws, as_of=dt.date(2026, 3, 31))
    assert (feed["since"], feed["until"]) == ("2025-03-31", "2026-03-31")
    figures = {(e["indicator"], e["year"]): e for e in feed["entries"] if e["kind"] == "figure"}
    assert figures[("2.1", 2025)]["change"] == "new"
    assert figures[("2.1", 2025)]["date"] == "2026-01-26"
    evidence = [e for e in feed["entries"] if e["kind"] == "evidence"]
    assert evidence and all(e["source"]["url"] for e in evidence)
    dates = [e["date"] for e in feed["entries"]]
    assert dates == sorted(dates, reverse=True)
    assert all(feed["since"] < d <= feed["until"] for d in dates)


def test_a_revision_carries_the_value_known_the_day_before(ws: Workspace) -> None:
    # Dec 2020: 2017 GERD recompiled with the user cost of R&D facilities
    feed = updates(ws, as_of=dt.date(2020, 12, 31), days=30)
    figures = {(e["indicator"], e["year"]): e for e in feed["entries"] if e["kind"] == "figure"}
    assert figures[("1.1", 2017)]["change"] == "revised"
    assert (figures[("1.1", 2017)]["previous"], figures[("1.1", 2017)]["display"]) == (
        "0.80",
        "0.84",
    )
