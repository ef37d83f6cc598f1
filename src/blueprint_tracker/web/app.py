"""``create_app(settings)``: the FastAPI application (HTML pages, JSON API, static assets)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from blueprint_tracker import __version__
from blueprint_tracker.config import Settings
from blueprint_tracker.errors import ConfigError
from blueprint_tracker.present.assets import STATIC_DIR
from blueprint_tracker.services.plan_views import plan_tree
from blueprint_tracker.services.workspace import Workspace, open_workspace
from blueprint_tracker.web.errors import install_error_handlers
from blueprint_tracker.web.routes_api import api_router
from blueprint_tracker.web.routes_auth import auth_router
from blueprint_tracker.web.routes_edit import edit_router
from blueprint_tracker.web.routes_pages import page_router
from blueprint_tracker.web.routes_review import review_router
from blueprint_tracker.web.routes_site import LanguageSlugRedirect, site_router
from blueprint_tracker.web.security import SecurityHeaders

API_DESCRIPTION = (
    "The dashboard's page data as JSON: the plan, its nodes, indicators with series, vintages "
    "and assessments, commitments and sources. Every endpoint that shows data accepts "
    "`as_of=YYYY-MM-DD` (only what had been released by then). Errors have one shape: "
    '`{"error": {"code": ..., "message": ...}}`.'
)


class App(FastAPI):
    """FastAPI with the security headers outside everything, even Starlette's handler of
    unexpected errors (so a 500 carries them too)."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def create_app(settings: Settings | None = None, workspace: Workspace | None = None) -> FastAPI:
    """The application for ``settings`` (or an already open ``workspace``).

    In server mode (``settings.server_mode``) it adds login, editing and review pages; it
    refuses to start without a proper secret key.
    """
    settings = workspace.settings if workspace else (settings or Settings())
    if settings.server_mode and (problem := settings.secret_key_problem()):
        raise ConfigError(f"server mode cannot start: {problem}")
    ws = workspace or open_workspace(settings)
    app = App(
        title="Blueprint Tracker API",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        servers=[{"url": "/"}],
    )
    app.state.ws = ws
    app.state.cache = ws.cache  # the workspace's one cache of built data
    app.state.site = plan_tree(ws.plan)["plan"]
    app.state.server_mode = settings.server_mode
    app.state.secret_key = settings.secret_key
    install_error_handlers(app)
    app.add_middleware(LanguageSlugRedirect)  # App puts SecurityHeaders outside it all
    app.include_router(site_router())
    app.include_router(api_router(), prefix="/api/v1", tags=["api"])
    if settings.server_mode:  # public mode has no login or editing routes at all (404)
        for router in (auth_router(), edit_router(), review_router()):
            app.include_router(router)
    app.include_router(page_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn (``--factory``): settings from the environment."""
    return create_app(Settings())
