"""The one cache of built data: reused while the store's data version is the same, rebuilt at
once after this process writes (an import), whatever the once-a-second check would say."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.services import pages
from blueprint_tracker.services.imports import import_file
from blueprint_tracker.services.workspace import Workspace, open_workspace

FIGURES = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note\n"
    "gerd,2021,27827,HK$ million,,C&SD,GERD,https://x.gov/g2021,207,2022-12-20,\n"
    "gdp,2021,2861600,HK$ million,,C&SD,GDP,https://x.gov/d2021,030,2022-12-20,\n"
)


@pytest.fixture
def ws(mini_plan: Path, data_dir: Path) -> Workspace:
    return open_workspace(Settings())


def test_the_status_report_is_built_once_per_data_version(ws: Workspace, tmp_path: Path) -> None:
    first = pages.status_report(ws)
    assert pages.status_report(ws) is first  # nothing changed: the same report
    years = {v["year"] for v in first["indicators"][0]["values"]}
    assert 2021 not in years
    path = tmp_path / "more.csv"
    path.write_text(FIGURES, encoding="utf-8")
    import_file(ws, path)
    after = pages.status_report(ws)  # at once, not a second later
    assert after is not first
    assert 2021 in {v["year"] for v in after["indicators"][0]["values"]}


def test_pages_share_the_workspace_cache(ws: Workspace) -> None:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return calls

    assert ws.cache.remember(("probe",), build) is ws.cache.remember(("probe",), build)
    assert len(calls) == 1
    other = open_workspace(Settings())  # another workspace has its own cache
    other.cache.remember(("probe",), build)
    assert len(calls) == 2
