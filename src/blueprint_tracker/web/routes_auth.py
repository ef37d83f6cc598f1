"""Log in and log out (server mode only)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from blueprint_tracker.errors import PermissionDeniedError, RateLimitedError
from blueprint_tracker.services import accounts
from blueprint_tracker.web.auth import (
    check_csrf,
    check_login_csrf,
    clear_session_cookie,
    current_login,
    login_nonce,
    login_token_for,
    safe_next,
    set_nonce_cookie,
    set_session_cookie,
)
from blueprint_tracker.web.server_pages import render_page, server_context

Short = Annotated[str, Form(max_length=200)]


def _login_page(
    request: Request, slug: str, status: int, name: str = "", error: str | None = None
) -> Response:
    ctx = server_context(request, slug, "login")
    nonce, new = login_nonce(request)
    html = render_page(
        "login.html",
        ctx,
        ctx.gettext("Log in"),
        csrf=login_token_for(request, nonce),
        name=name,
        error=error,
        next=safe_next(request.query_params.get("next"), f"/{slug}/"),
    )
    response = HTMLResponse(html, status_code=status)
    if new:
        set_nonce_cookie(response, request, nonce)
    return response


def _failure(exc: PermissionDeniedError) -> str:
    """The message for a refused login, as a code the login page turns into words."""
    if isinstance(exc, RateLimitedError) and isinstance(exc.retry_after, dt.datetime):
        if exc.scope == "name":
            return f"slowed:{_wait_seconds(exc.retry_after)}"
        return f"limited:{exc.retry_after:%H:%M}"
    return "wrong"


def _wait_seconds(until: dt.datetime) -> int:
    return max(1, math.ceil((until - dt.datetime.now(dt.UTC)).total_seconds()))


def _refused(request: Request, slug: str, name: str, exc: PermissionDeniedError) -> Response:
    """401, or 429 with Retry-After when the client address is rate-limited."""
    if isinstance(exc, RateLimitedError) and isinstance(exc.retry_after, dt.datetime):
        response = _login_page(request, slug, 429, name, _failure(exc))
        response.headers["Retry-After"] = str(_wait_seconds(exc.retry_after))
        return response
    return _login_page(request, slug, 401, name, _failure(exc))


def auth_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/{slug}/login/", response_class=HTMLResponse)
    def login_form(request: Request, slug: str) -> Response:
        return _login_page(request, slug, 200)

    @router.post("/{slug}/login/", response_class=HTMLResponse)
    def login(
        request: Request,
        slug: str,
        name: Short = "",
        password: Short = "",
        csrf_token: Short = "",
        next: Annotated[str, Form(max_length=500)] = "",
    ) -> Response:
        server_context(request, slug, "login")  # 404 for an unknown language
        check_login_csrf(request, csrf_token)
        client = request.client.host if request.client else None
        try:
            session = accounts.login(request.app.state.ws, name.strip(), password, client)
        except PermissionDeniedError as exc:
            return _refused(request, slug, name.strip()[:64], exc)
        response = RedirectResponse(safe_next(next, f"/{slug}/"), status_code=303)
        set_session_cookie(response, request, session)
        return response

    @router.post("/{slug}/logout/")
    def logout(request: Request, slug: str, csrf_token: Short = "") -> Response:
        server_context(request, slug, "logout")
        session = current_login(request)
        if session is not None:
            check_csrf(request, csrf_token)
            accounts.logout(request.app.state.ws, session.token)
        response = RedirectResponse(f"/{slug}/", status_code=303)
        clear_session_cookie(response, request)
        return response

    return router
