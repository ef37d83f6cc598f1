"""HTML routes: ``/{lang}/…`` pages, CSV downloads and the Vega bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from blueprint_tracker.errors import InputError, NotFoundError
from blueprint_tracker.i18n import KEYS, lang_of_slug, slug_of
from blueprint_tracker.present import downloads
from blueprint_tracker.present.assets import cache_dir, vega_bundle
from blueprint_tracker.present.feed import atom_feed
from blueprint_tracker.present.reports import publications
from blueprint_tracker.present.urls import Linker, page_path
from blueprint_tracker.present.views import (
    PageContext,
    commitment_html,
    commitments_html,
    data_html,
    error_html,
    indicator_html,
    methodology_html,
    overview_html,
    plan_html,
    search_html,
)
from blueprint_tracker.services import models, pages
from blueprint_tracker.services import search as search_service
from blueprint_tracker.services.as_of import parse_as_of, published_edition
from blueprint_tracker.services.feed import updates
from blueprint_tracker.web.auth import current_login
from blueprint_tracker.web.cache import PageCache
from blueprint_tracker.web.responses import csv_response
from blueprint_tracker.web.server_pages import lang_of, server_parts

Text = Annotated[str | None, Query(max_length=300)]


def _lang(request: Request, slug: str) -> str:
    return lang_of(request, slug)


PUBLICATION_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def _cache(request: Request) -> PageCache:
    cache: PageCache = request.app.state.cache
    return cache


def page_context(
    request: Request, lang: str, page: str, arg: str | None = None, as_of: dt.date | None = None
) -> PageContext:
    iso = as_of.isoformat() if as_of else None
    return PageContext(
        lang=lang,
        link=Linker(
            lang, page_path(lang, page, arg), as_of=iso, query=tuple(request.query_params.items())
        ),
        site=request.app.state.site,
        edition=iso or dt.date.today().isoformat(),
        page=page,
        as_of=iso,
        **server_parts(request, page, arg),
    )


def error_page(request: Request, status: int, message: str) -> str:
    slug = request.url.path.strip("/").split("/")[0]
    languages = request.app.state.site.get("languages") or KEYS
    lang = lang_of_slug(slug, languages) or languages[0]
    ctx = page_context(request, lang, "overview")
    folder = request.url.path.lstrip("/")
    if not folder.endswith("/"):  # links relative to the folder of the requested path
        folder = folder.rsplit("/", 1)[0] + "/" if "/" in folder else ""
    return error_html(replace(ctx, link=Linker(lang, folder)), status, message)


def _int_or_none(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise InputError(f"due_year: {value!r} is not a year")
    return int(value)


def _html(request: Request, build: Callable[[], str]) -> str:
    """A rendered page, reused for the same URL, day and stored figures (not for a logged-in
    user, whose pages show their account and the audit trail)."""
    if current_login(request) is not None:
        return build()
    html: str = _cache(request).remember(("html", str(request.url)), build)
    return html


def _commitments(
    ws: Any, keep: pages.CommitmentFilter, as_of: dt.date | None
) -> models.CommitmentsPage:
    return pages.commitments_page(ws, as_of, keep)


def _search(ws: Any, query: str, as_of: dt.date | None) -> models.SearchResults:
    return search_service.search(ws, query, as_of=as_of)


def page_router() -> APIRouter:  # noqa: C901 - one small function per route
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @router.get("/")
    def root(request: Request) -> RedirectResponse:
        languages = request.app.state.site.get("languages") or KEYS
        return RedirectResponse(f"/{slug_of(languages[0])}/", status_code=307)

    @router.get("/static/vendor/vega-bundle.js")
    def vega() -> FileResponse:
        return FileResponse(vega_bundle(), media_type="text/javascript")

    @router.get("/{slug}/")
    def overview(request: Request, slug: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        return _html(
            request,
            lambda: overview_html(
                _cache(request).get("overview", pages.overview_page, as_of=day),
                page_context(request, lang, "overview", None, day),
            ),
        )

    @router.get("/{slug}/plan/")
    def plan(request: Request, slug: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        return _html(
            request,
            lambda: plan_html(
                _cache(request).get("plan", pages.plan_page, as_of=day),
                page_context(request, lang, "plan", None, day),
            ),
        )

    @router.get("/{slug}/indicators/{indicator_id}/")
    def indicator(request: Request, slug: str, indicator_id: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        return _html(
            request,
            lambda: indicator_html(
                _cache(request).get("indicator", pages.indicator_page, indicator_id, as_of=day),
                page_context(request, lang, "indicator", indicator_id, day),
            ),
        )

    @router.get("/{slug}/commitments/")
    def commitments(
        request: Request,
        slug: str,
        as_of: Text = None,
        status: Text = None,
        under: Text = None,
        owner: Text = None,
        due_year: Text = None,
    ) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        keep = pages.CommitmentFilter(
            status or None, under or None, owner or None, _int_or_none(due_year)
        )
        data = _cache(request).get("commitments", _commitments, keep, as_of=day)
        return commitments_html(data, page_context(request, lang, "commitments", None, day))

    @router.get("/{slug}/commitments/{commitment_id}/")
    def commitment(request: Request, slug: str, commitment_id: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        data = _cache(request).get("commitment", pages.commitment_page, commitment_id, as_of=day)
        return commitment_html(data, page_context(request, lang, "commitment", commitment_id, day))

    @router.get("/{slug}/methodology/")
    def methodology(request: Request, slug: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        return methodology_html(page_context(request, lang, "methodology", None, day))

    @router.get("/{slug}/data/")
    def data(request: Request, slug: str, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        page = _cache(request).get("data", pages.data_page, as_of=day)
        return data_html(page, page_context(request, lang, "data", None, day))

    @router.get("/{slug}/search/")
    def search(request: Request, slug: str, q: Text = None, as_of: Text = None) -> str:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        result = _cache(request).get("search", _search, q) if q else None
        return search_html(result, page_context(request, lang, "search", None, day))

    @router.get("/{slug}/feed.xml")
    def feed(request: Request, slug: str, as_of: Text = None) -> Response:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        data = _cache(request).get("feed", updates, as_of=day)
        return Response(atom_feed(data, lang), media_type="application/atom+xml; charset=utf-8")

    @router.get("/downloads/indicators/{indicator_id}.csv")
    def indicator_csv(request: Request, indicator_id: str, as_of: Text = None) -> Response:
        day = parse_as_of(as_of)
        data = _cache(request).get("indicator", pages.indicator_page, indicator_id, as_of=day)
        return csv_response(downloads.indicator_csv(data), f"indicator-{indicator_id}")

    @router.get("/downloads/observations.csv")
    def observations_csv(request: Request, as_of: Text = None) -> Response:
        rows = _cache(request).get("observations", pages.observation_rows, as_of=parse_as_of(as_of))
        return csv_response(downloads.observations_csv(rows), "observations")

    @router.get("/downloads/commitments.csv")
    def commitments_csv(request: Request, as_of: Text = None) -> Response:
        keep = pages.CommitmentFilter()
        data = _cache(request).get("commitments", _commitments, keep, as_of=parse_as_of(as_of))
        return csv_response(downloads.commitments_csv(data), "commitments")

    @router.get("/downloads/{name}")
    def publication(request: Request, name: str, as_of: Text = None) -> Response:
        """The PDF/XLSX reports and the data package, built once per data version."""
        day = parse_as_of(as_of)
        if name not in publications.NAMES:
            raise NotFoundError(f"there is no download called {name!r}")
        if day is not None and current_login(request) is None:
            edition = published_edition(day, request.app.state.ws.plan.header.published)
            if edition != day:  # anonymous: the published (quarterly) edition of that day
                return RedirectResponse(f"/downloads/{name}?as_of={edition}", status_code=303)
        path = publications.cached_publication(request.app.state.ws, name, day, cache_dir())
        return FileResponse(
            path, media_type=PUBLICATION_TYPES[name.rsplit(".", 1)[1]], filename=name
        )

    return router
