"""The JSON API under ``/api/v1``: the pages' data through the page registry (the same
documents as the pages' JSON twins) and the plan's nodes, indicators, sources and updates."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from blueprint_tracker.compute.commitments import CommitmentStatus
from blueprint_tracker.present import registry
from blueprint_tracker.services import models
from blueprint_tracker.services.as_of import parse_as_of
from blueprint_tracker.web.errors import ERROR_RESPONSES
from blueprint_tracker.web.state import page_cache

AS_OF_PATTERN = r"^(19\d{2}|2[01]\d{2}|2200)-\d{2}-\d{2}$"


def as_of_query(
    as_of: Annotated[
        str | None,
        Query(
            description=(
                "Use only what had been released by this date (YYYY-MM-DD, "
                "from 1900-01-01 to 2200-12-31)."
            ),
            max_length=10,
            # described here, checked by parse_as_of (whose message names the range)
            json_schema_extra={"format": "date", "pattern": AS_OF_PATTERN},
        ),
    ] = None,
) -> dt.date | None:
    """A strict ISO date (no timestamps, no other spellings) from 1900 to 2200, or None."""
    return parse_as_of(as_of, blank=False)


AsOf = Annotated[dt.date | None, Depends(as_of_query)]
Id = Annotated[str, Path(description="An id from the plan.", min_length=1, max_length=100)]


def _page(
    request: Request,
    name: str,
    arg: str | None = None,
    as_of: dt.date | None = None,
    **query: str | int | None,
) -> Any:
    """A page's data through the page registry (the same entry its HTML and twin use)."""
    given = tuple(sorted((k, str(v)) for k, v in query.items() if v is not None))
    return page_cache(request).page(registry.page(name), arg, given, as_of)


def _document(
    request: Request, kind: str, arg: str | None = None, as_of: dt.date | None = None
) -> Any:
    """An API-only document of the registry, built by its builder through the one cache."""
    found = registry.document(kind, one_per_id=arg is not None)
    return found.data(page_cache(request).ws, arg, as_of)


def _vocabulary_routes(router: APIRouter) -> None:
    @router.get("/statuses", summary="Every status code: its label in each language, icon, tone")
    def statuses(request: Request) -> models.StatusVocabulary:
        result: models.StatusVocabulary = _document(request, "statuses")
        return result


def api_router() -> APIRouter:
    """Every document of ``present.registry.DOCUMENTS`` (tests/web/test_api.py checks both
    agree); a new endpoint goes in one of the small groups below, or a new group."""
    router = APIRouter(responses=ERROR_RESPONSES)
    _vocabulary_routes(router)
    _plan_routes(router)
    _figure_routes(router)
    return router


def _plan_routes(router: APIRouter) -> None:
    @router.get("/plan", summary="The plan: header and node tree with status roll-ups")
    def plan(request: Request, as_of: AsOf) -> models.PlanPage:
        result: models.PlanPage = _page(request, "plan", as_of=as_of)
        return result

    @router.get("/nodes/{node_id}", summary="One plan node with its links and roll-up")
    def node(request: Request, node_id: Id, as_of: AsOf) -> models.NodePage:
        result: models.NodePage = _document(request, "nodes", node_id, as_of)
        return result

    @router.get("/overview", summary="Overview: status counts, indicator cards, recent changes")
    def overview(request: Request, as_of: AsOf) -> models.OverviewPage:
        result: models.OverviewPage = _page(request, "overview", as_of=as_of)
        return result

    @router.get("/updates", summary="Figures and evidence released in the year before the date")
    def updates_feed(request: Request, as_of: AsOf) -> models.Updates:
        result: models.Updates = _document(request, "updates", None, as_of)
        return result


def _figure_routes(router: APIRouter) -> None:
    @router.get("/indicators", summary="Every indicator with its latest value and statuses")
    def indicators(request: Request, as_of: AsOf) -> models.IndicatorsPage:
        result: models.IndicatorsPage = _document(request, "indicators", None, as_of)
        return result

    @router.get("/indicators/{indicator_id}", summary="One indicator: series, vintages, methods")
    def indicator(request: Request, indicator_id: Id, as_of: AsOf) -> models.IndicatorPage:
        result: models.IndicatorPage = _page(request, "indicator", indicator_id, as_of)
        return result

    @router.get("/commitments", summary="Commitments with due date, status and evidence")
    def commitments(
        request: Request,
        as_of: AsOf,
        status: Annotated[
            CommitmentStatus | None, Query(description="A commitment status code")
        ] = None,
        under: Annotated[str | None, Query(max_length=100, description="A node id")] = None,
        owner: Annotated[str | None, Query(max_length=300, description="Owner (English)")] = None,
        due_year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    ) -> models.CommitmentsPage:
        result: models.CommitmentsPage = _page(
            request, "commitments", None, as_of,
            status=status.value if status else None, under=under, owner=owner, due_year=due_year,
        )  # fmt: skip
        return result

    @router.get("/sources", summary="The publications every figure comes from")
    def sources(request: Request, as_of: AsOf) -> models.SourcesPage:
        result: models.SourcesPage = _document(request, "sources", None, as_of)
        return result

    @router.get("/search", summary="Substring search in both languages")
    def search(
        request: Request, q: Annotated[str, Query(min_length=1, max_length=200)]
    ) -> models.SearchResults:
        result: models.SearchResults = _page(request, "search", q=q)
        return result
