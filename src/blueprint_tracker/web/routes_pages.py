"""HTML routes: the pages of ``present.registry`` at ``/{lang}/…`` with their JSON twins
(``…/index.json``, ``?format=json``), the feeds, CSV downloads and the Vega bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from http import HTTPStatus
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)

from blueprint_tracker.errors import InputError, NotFoundError
from blueprint_tracker.i18n import KEYS, lang_of_slug, slug_of
from blueprint_tracker.present import downloads, registry
from blueprint_tracker.present.assets import cache_dir, vega_bundle
from blueprint_tracker.present.feed import atom_feed
from blueprint_tracker.present.reports import publications
from blueprint_tracker.present.reports.pdf_charts import chart_card_png
from blueprint_tracker.present.urls import Linker, page_path
from blueprint_tracker.present.views import PageContext, error_html
from blueprint_tracker.services import pages
from blueprint_tracker.services.as_of import (
    PART_FIELDS,
    as_of_from_parts,
    parse_as_of,
    published_edition,
)
from blueprint_tracker.web.auth import current_login
from blueprint_tracker.web.responses import csv_response
from blueprint_tracker.web.server_pages import lang_of, server_parts
from blueprint_tracker.web.state import page_cache

Text = Annotated[str | None, Query(max_length=300)]


def _lang(request: Request, slug: str) -> str:
    return lang_of(request, slug)


PUBLICATION_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


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
        base_url=str(request.base_url),
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
    if message == HTTPStatus(status).phrase:  # "Not Found" says no more than the page's sentence
        message = ""
    # an error page of its own: no menu item marked as the current page
    return error_html(replace(ctx, page="error", link=Linker(lang, folder)), status, message)


def _html(request: Request, build: Callable[[], str]) -> str:
    """A rendered page, reused for the same URL, day and stored figures (not for a logged-in
    user, whose pages show their account and the audit trail)."""
    if current_login(request) is not None:
        return build()
    html: str = page_cache(request).remember(("html", str(request.url)), build)
    return html


QUERY_LIMIT = 300  # characters in one query value
NOT_PAGE_QUERY = ("as_of", "format", *PART_FIELDS)


def _query(request: Request) -> tuple[tuple[str, str], ...]:
    """The request's query as the page builder reads it (filters, a search), checked."""
    items = []
    for key, value in sorted(request.query_params.items()):
        if len(value) > QUERY_LIMIT:
            raise InputError(f"{key}: longer than {QUERY_LIMIT} characters")
        if key not in NOT_PAGE_QUERY:
            items.append((key, value))
    return tuple(items)


def page_data(request: Request, spec: registry.Page, arg: str | None, day: dt.date | None) -> Any:
    """The page's data for this request, built once per query, day and data version."""
    return page_cache(request).page(spec, arg, _query(request), day)


def _date_control_redirect(request: Request) -> Response | None:
    """The date control's year, month and day (sent without JavaScript) as the page's one
    ``?as_of=YYYY-MM-DD`` URL; None when the request has none of them."""
    query = request.query_params
    if not any(field in query for field in PART_FIELDS):
        return None
    iso = as_of_from_parts(*(query.get(field, "") for field in PART_FIELDS))
    kept = [(k, v) for k, v in query.multi_items() if k not in (*PART_FIELDS, "as_of")]
    if iso:
        kept.append(("as_of", iso))
    target = request.url.path + (f"?{urlencode(kept)}" if kept else "")
    return RedirectResponse(target, status_code=303)


def _page_response(
    request: Request, spec: registry.Page, slug: str, arg: str | None, as_of: str | None
) -> Response:
    redirect = _date_control_redirect(request)
    if redirect is not None:
        return redirect
    lang, day = _lang(request, slug), parse_as_of(as_of)
    if request.query_params.get("format") == "json":
        return _twin_response(request, spec, arg, day)
    html = _html(
        request,
        lambda: spec.html(
            page_data(request, spec, arg, day), page_context(request, lang, spec.name, arg, day)
        ),
    )
    return HTMLResponse(html)


def _twin_response(
    request: Request, spec: registry.Page, arg: str | None, day: dt.date | None
) -> Response:
    return JSONResponse(registry.page_json(spec, page_data(request, spec, arg, day)))


def _add_page(router: APIRouter, spec: registry.Page) -> None:
    """The page at ``/{slug}/<folder>/`` and its JSON twin at ``…/index.json``."""
    path = "/{slug}/" + spec.route()
    if spec.has_arg:

        def page_with_id(request: Request, slug: str, arg: str, as_of: Text = None) -> Response:
            return _page_response(request, spec, slug, arg, as_of)

        def twin_with_id(request: Request, slug: str, arg: str, as_of: Text = None) -> Response:
            _lang(request, slug)
            return _twin_response(request, spec, arg, parse_as_of(as_of))

        router.add_api_route(path, page_with_id, methods=["GET"], name=spec.name)
        router.add_api_route(path + "index.json", twin_with_id, methods=["GET"])
        return

    def page(request: Request, slug: str, as_of: Text = None) -> Response:
        return _page_response(request, spec, slug, None, as_of)

    def twin(request: Request, slug: str, as_of: Text = None) -> Response:
        _lang(request, slug)
        return _twin_response(request, spec, None, parse_as_of(as_of))

    router.add_api_route(path, page, methods=["GET"], name=spec.name)
    router.add_api_route(path + "index.json", twin, methods=["GET"])


def page_router() -> APIRouter:  # noqa: C901 - one small function per route
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @router.get("/")
    def root(request: Request) -> RedirectResponse:
        languages = request.app.state.site.get("languages") or KEYS
        return RedirectResponse(f"/{slug_of(languages[0])}/", status_code=307)

    @router.get("/static/vendor/vega-bundle.js")
    def vega() -> FileResponse:
        return FileResponse(vega_bundle(), media_type="text/javascript")

    for spec in registry.PAGES:
        _add_page(router, spec)

    @router.get("/{slug}/indicators/{indicator_id}/chart.png")
    def chart_image(request: Request, slug: str, indicator_id: str, as_of: Text = None) -> Response:
        """The indicator's chart as a PNG (the image of its og:/Twitter card)."""
        lang, day = _lang(request, slug), parse_as_of(as_of)
        data = page_cache(request).page(registry.page("indicator"), indicator_id, as_of=day)
        return Response(chart_card_png(data, lang), media_type="image/png")

    @router.get("/{slug}/feed.xml")
    def feed(request: Request, slug: str, as_of: Text = None) -> Response:
        lang, day = _lang(request, slug), parse_as_of(as_of)
        data = registry.document("updates").data(page_cache(request).ws, None, day)
        document = atom_feed(data, lang, site=request.app.state.site)
        return Response(document, media_type="application/atom+xml; charset=utf-8")

    @router.get("/downloads/indicators/{indicator_id}.csv")
    def indicator_csv(request: Request, indicator_id: str, as_of: Text = None) -> Response:
        day = parse_as_of(as_of)
        data = page_cache(request).page(registry.page("indicator"), indicator_id, as_of=day)
        return csv_response(downloads.indicator_csv(data), f"indicator-{indicator_id}")

    @router.get("/downloads/observations.csv")
    def observations_csv(request: Request, as_of: Text = None) -> Response:
        rows = page_cache(request).get(
            "observations", pages.observation_rows, as_of=parse_as_of(as_of)
        )
        return csv_response(downloads.observations_csv(rows), "observations")

    @router.get("/downloads/commitments.csv")
    def commitments_csv(request: Request, as_of: Text = None) -> Response:
        spec = registry.page("commitments")
        data = page_cache(request).page(spec, as_of=parse_as_of(as_of))
        languages = request.app.state.site.get("languages") or KEYS
        return csv_response(downloads.commitments_csv(data, languages), "commitments")

    @router.get("/downloads/{name}")
    def publication(request: Request, name: str, as_of: Text = None) -> Response:
        """The PDF/XLSX reports and the data package, built once per data version."""
        day = parse_as_of(as_of)
        languages = request.app.state.ws.plan.header.languages
        if name not in publications.names(languages):
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
