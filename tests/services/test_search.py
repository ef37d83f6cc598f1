"""Search forgives case, width, hyphens, spaces and simplified Chinese (issue 13, point 6)."""

from __future__ import annotations

import tempfile

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.services.search import char_map, fold, search
from blueprint_tracker.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def ws() -> Workspace:
    return open_workspace(Settings(data_dir=tempfile.mkdtemp(), plan="hk-itb-2022"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("startups", "start-ups"),
        ("Start ups", "START‑UPS"),  # a non-breaking hyphen
        ("ＲＡＩＳｅ＋", "raise+"),  # full-width letters
        ("研发", "研發"),
        ("数码港", "數碼港"),
    ],
)
def test_folds_make_spellings_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_startups_finds_what_start_ups_finds(ws: Workspace) -> None:
    plain, hyphen = search(ws, "startups"), search(ws, "start-ups")
    assert hyphen["total"] > 2
    assert plain["total"] == hyphen["total"] == search(ws, "Start Ups")["total"]


def test_simplified_chinese_finds_the_traditional_text(ws: Workspace) -> None:
    simplified, traditional = search(ws, "研发"), search(ws, "研發")
    assert simplified["total"] > 0
    assert [r["id"] for r in simplified["results"]] == [r["id"] for r in traditional["results"]]


def test_results_carry_titles_and_statuses_and_commitment_short_titles(ws: Workspace) -> None:
    results = search(ws, "RAISe+")["results"]
    commitment = next(r for r in results if r["kind"] == "commitment")
    assert commitment["title"]["en"] == "Launch the HK$10 billion RAISe+ Scheme"
    assert commitment["statuses"] and commitment["statuses"][0]["status"]
    indicator = search(ws, "GERD")["results"][0]
    assert indicator["kind"] == "indicator"
    assert [s["year"] for s in indicator["statuses"]] == [2025, 2030]


def test_the_browser_map_folds_traditional_characters_like_the_server() -> None:
    chars = char_map(["研發開支", "數碼港"])
    assert chars == {"發": "发", "開": "开", "數": "数", "碼": "码"}
