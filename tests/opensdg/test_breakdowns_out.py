"""Breakdowns reach the API, the downloads and the as-of views of an imported Open SDG plan;
the headline stays the total line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(imported: Path, tmp_path: Path) -> Iterator[TestClient]:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    app = create_app(Settings(data_dir=tmp_path / "web", plan=str(imported)))
    with TestClient(app) as test_client:
        yield test_client


def test_the_indicator_api_has_the_total_as_headline_and_every_breakdown(client) -> None:
    page = client.get("/api/v1/indicators/1.2.1").json()
    assert page["indicator"]["latest"]["value"] == 15  # the total line, not a breakdown
    lines = {line["key"]: line for line in page["breakdowns"]["lines"]}
    assert set(lines) == {"", '{"Sex":"Female"}', '{"Sex":"Male"}'}
    assert [v["value"] for v in lines['{"Sex":"Female"}']["values"]] == [21, 16]
    assert page["breakdowns"]["dimensions"] == [{"name": "Sex", "categories": ["Female", "Male"]}]
    assert all(v["dimensions"] == {} for v in page["vintages"])  # the total's releases
    no_breakdowns = client.get("/api/v1/indicators/1.2.2").json()
    assert no_breakdowns["breakdowns"] is None


def test_the_observations_download_carries_the_breakdowns(client) -> None:
    body = client.get("/downloads/observations.csv").text
    rows = list(csv.DictReader(io.StringIO(body)))
    female = [r for r in rows if r["series"] == "s_1_2_1" and r["dimensions"]]
    assert {json.loads(r["dimensions"])["Sex"] for r in female} == {"Female", "Male"}
    assert len([r for r in rows if r["series"] == "s_4_1_1"]) == 7


def test_breakdowns_as_of_a_date_before_their_release(client) -> None:
    before = client.get("/api/v1/indicators/1.2.1?as_of=2025-01-01").json()
    assert before["breakdowns"] is None and before["indicator"]["latest"] is None


def test_the_indicator_page_shows_each_configured_reading_by_every_method(client) -> None:
    html = client.get("/en/indicators/3.2.1/").text
    assert "Configured progress (Open SDG)" in html
    assert html.count('<tr data-series="s_3_2_1') == 2
    assert "Series: Under-five mortality rate" in html
    assert 'data-method="statcan" data-label=' in html
    assert 'data-status="target_achieved"' in html
    limit = client.get("/es/indicators/3.1.1/").text
    assert "no target (limit 10.00)" in limit and "Units: Rate per 100000" in limit
    assert "Configured progress (Open SDG)" not in client.get("/en/indicators/4.2.1/").text


def test_a_reading_of_one_breakdown_is_labelled_with_it(client) -> None:
    html = client.get("/en/indicators/1.2.1/").text
    assert html.count('<tr data-series="s_1_2_1"') == 2
    assert '<th scope="row">Sex: Female</th>' in html


def test_configured_readings_are_exactly_their_declared_type_in_the_api(client) -> None:
    from blueprint_tracker.services import models

    page = client.get("/api/v1/indicators/1.2.1").json()
    assert models.page_json(models.IndicatorPage, page) == page  # nothing missing or extra
    female = [p for p in page["progress"] if p["breakdown"] == {"Sex": "Female"}]
    assert len(female) == 1 and female[0]["series"] == "s_1_2_1"
    assert female[0]["assessments"]["statcan"]["status"] == "substantial_progress"
    limited = client.get("/api/v1/indicators/3.1.1").json()["progress"]
    assert [(p["limit"], p["target"]) for p in limited] == [(10.0, None)]
