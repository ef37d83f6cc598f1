"""The updates feed: figures (new, revised, confirmed) and evidence released in the year before
the edition, newest first."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.present.feed import atom_feed
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


@pytest.mark.parametrize(
    ("lang", "since", "until"),
    [("en", "31 March 2025", "31 March 2026"), ("zh-Hant", "2025年3月31日", "2026年3月31日")],
)
def test_feed_text_writes_dates_as_hong_kong_readers_do(
    ws: Workspace, lang: str, since: str, until: str
) -> None:
    """The subtitle a feed reader shows: no ISO dates (the Atom timestamps stay ISO)."""
    document = atom_feed(updates(ws, as_of=dt.date(2026, 3, 31)), lang)
    subtitle = ET.fromstring(document).find("{http://www.w3.org/2005/Atom}subtitle")
    assert subtitle is not None and subtitle.text
    assert since in subtitle.text and until in subtitle.text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", subtitle.text)
