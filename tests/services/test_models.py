"""The typed page data: every page of the bundled plan is exactly its declared type.

Checked on several editions (today, one with statuses that moved, one before most figures):
the type accepts the data with no field missing, none extra and nothing coerced, so the API,
the static site's JSON and the OpenAPI document describe what the pages really hold.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from blueprint_tracker.config import Settings
from blueprint_tracker.services import models, pages
from blueprint_tracker.services.feed import updates
from blueprint_tracker.services.search import search
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace, open_workspace

EDITIONS = [None, dt.date(2024, 3, 1), dt.date(2019, 1, 1)]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    folder = tmp_path_factory.mktemp("models")
    return open_workspace(Settings(data_dir=Path(folder), plan="hk-itb-2022"))


def _pages(ws: Workspace, as_of: dt.date | None) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = [
        (models.PlanPage, pages.plan_page(ws, as_of)),
        (models.OverviewPage, pages.overview_page(ws, as_of)),
        (models.IndicatorsPage, pages.indicators_list(ws, as_of)),
        (models.CommitmentsPage, pages.commitments_page(ws, as_of)),
        (models.SourcesPage, pages.sources_page(ws, as_of)),
        (models.DataPage, pages.data_page(ws, as_of)),
        (models.Updates, updates(ws, as_of)),
        (models.StatusReport, status_report(ws, as_of)),
        (models.SearchResults, search(ws, "數據", as_of=as_of)),
    ]
    found += [(models.NodePage, pages.node_page(ws, n.id, as_of)) for n in ws.plan.header.nodes]
    found += [
        (models.IndicatorPage, pages.indicator_page(ws, i.id, as_of)) for i in ws.plan.indicators
    ]
    found += [
        (models.CommitmentPage, pages.commitment_page(ws, c.id, as_of))
        for c in ws.plan.commitments
    ]
    return found


@pytest.mark.parametrize("as_of", EDITIONS, ids=str)
def test_every_page_is_exactly_its_type(ws: Workspace, as_of: dt.date | None) -> None:
    for kind, data in _pages(ws, as_of):
        as_sent = json.loads(json.dumps(data, default=str))
        assert models.page_json(kind, data) == as_sent, kind.__name__


def test_a_page_with_a_field_its_type_lacks_is_refused(ws: Workspace) -> None:
    page = pages.indicator_page(ws, "1.1")
    page["indicator"]["values"][0]["colour"] = "green"
    with pytest.raises(ValidationError, match="colour"):
        models.page_json(models.IndicatorPage, page)
