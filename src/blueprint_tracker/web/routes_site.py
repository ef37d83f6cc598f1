"""Site-wide routes a browser or a crawler asks for: /favicon.ico, /robots.txt, /docs, and the
redirect of a language slug in another case (``/zh-Hant/…`` → ``/zh-hant/…``)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, RedirectResponse

from blueprint_tracker.i18n import LANGUAGES
from blueprint_tracker.present.assets import STATIC_DIR
from blueprint_tracker.web.security import ASGIApp, Receive, Scope, Send

#: Crawlers may read every page, but not build reports on demand (each takes seconds) nor walk
#: the endless ``as_of`` variants of every page; server mode's login and editing are private.
ROBOTS = """User-agent: *
Disallow: /downloads/report-
Disallow: /*?as_of=
Disallow: /*&as_of=
Disallow: /*/login/
Disallow: /*/review/
Disallow: /*/edit/
Disallow: /audit.csv
"""
API_DOCS = "/zh-hant/data/#api"  # the data page lists the JSON documents and the OpenAPI file


def site_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/favicon.ico")
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.ico", media_type="image/x-icon")

    @router.get("/robots.txt")
    def robots() -> PlainTextResponse:
        return PlainTextResponse(ROBOTS)

    @router.get("/docs")
    def docs() -> RedirectResponse:
        return RedirectResponse(API_DOCS, status_code=307)

    return router


class LanguageSlugRedirect:
    """ASGI middleware: ``/zh-Hant/plan/?as_of=…`` answers 301 to ``/zh-hant/plan/?as_of=…``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            slug, _, rest = path.lstrip("/").partition("/")
            if slug != slug.lower() and slug.lower() in LANGUAGES:
                target = f"/{slug.lower()}/{rest}"
                query = scope.get("query_string", b"").decode("latin-1")
                response = RedirectResponse(target + (f"?{query}" if query else ""), 301)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
