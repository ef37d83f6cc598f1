"""Report builds: anonymous visitors get only published (quarterly) editions, so they cannot
make the server build a report for every day; logged-in users may ask for any day; the cache
of built files on disk stays within its bounds (least recently used files go first)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.server_support import MINI_PLAN, add_users, login, server_settings

from blueprint_tracker.config import Settings
from blueprint_tracker.present.reports.publications import cached_publication
from blueprint_tracker.services.as_of import published_edition
from blueprint_tracker.services.workspace import open_workspace
from blueprint_tracker.web.app import create_app

WORKBOOK = "/downloads/report-en.xlsx"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BLUEPRINT_CACHE_DIR", str(folder))
    return folder


def _built(cache: Path) -> list[Path]:
    folder = cache / "publications"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_anonymous_visitors_get_the_published_quarterly_edition(
    tmp_path: Path, cache: Path
) -> None:
    app = create_app(Settings(data_dir=tmp_path / "data", plan=str(MINI_PLAN)))
    client = TestClient(app)
    days = [dt.date(2025, 4, 1) + dt.timedelta(days=9 * i) for i in range(10)]  # all in Q2
    for day in days:
        response = client.get(f"{WORKBOOK}?as_of={day}", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"{WORKBOOK}?as_of=2025-03-31"
    assert _built(cache) == []  # a redirect builds nothing
    for day in days[:3]:
        response = client.get(f"{WORKBOOK}?as_of={day}")
        assert response.status_code == 200 and response.content.startswith(b"PK")
    assert len(_built(cache)) == 1  # ten days asked for, one edition built
    assert client.get(f"{WORKBOOK}?as_of=2025-06-30", follow_redirects=False).status_code == 200
    early = client.get(f"{WORKBOOK}?as_of=2021-05-01")
    assert early.status_code == 422
    assert "before the plan's first edition (2022-12-31)" in early.json()["error"]["message"]


def test_logged_in_users_may_build_any_day(tmp_path: Path, cache: Path) -> None:
    app = create_app(server_settings(tmp_path / "data", None))
    add_users(app.state.ws)
    editor = TestClient(app)
    login(editor, "ed")
    response = editor.get(f"{WORKBOOK}?as_of=2025-05-17", follow_redirects=False)
    assert response.status_code == 200
    anonymous = TestClient(app).get(f"{WORKBOOK}?as_of=2025-05-17", follow_redirects=False)
    assert anonymous.status_code == 303


def test_published_editions_are_quarter_ends_from_the_plan_to_today() -> None:
    published, today = dt.date(2022, 12, 22), dt.date(2026, 11, 28)
    edition = published_edition(dt.date(2024, 2, 29), published, today)
    assert edition == dt.date(2023, 12, 31)
    assert published_edition(dt.date(2024, 3, 31), published, today) == dt.date(2024, 3, 31)
    assert published_edition(dt.date(2099, 1, 1), published, today) == dt.date(2026, 9, 30)
    assert published_edition(dt.date(2022, 12, 31), published, today) == dt.date(2022, 12, 31)


def test_the_cache_on_disk_is_bounded(mini_plan: Path, tmp_path: Path) -> None:
    ws = open_workspace(Settings())
    folder = tmp_path / "cache"

    def build(day: str, **bounds: Any) -> Path:
        return cached_publication(
            ws, "report-en.xlsx", dt.date.fromisoformat(day), folder, **bounds
        )

    first, second = build("2024-03-31", max_files=2), build("2024-06-30", max_files=2)
    assert build("2024-03-31", max_files=2) == first  # reused, and now the most recent
    third = build("2024-09-30", max_files=2)
    assert sorted(_built(folder)) == sorted([first, third])  # the least recently used went
    assert not second.exists()
    size = third.stat().st_size
    fourth = build("2024-12-31", max_bytes=size + size // 2)
    assert _built(folder) == [fourth]  # one file's worth of bytes: only the newest stays
