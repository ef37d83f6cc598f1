"""Who is asking: the session cookie, the logged-in user, role checks and CSRF checks."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response

from blueprint_tracker.domain.account import Role, User
from blueprint_tracker.errors import PermissionDeniedError
from blueprint_tracker.services import accounts
from blueprint_tracker.services.accounts import Login
from blueprint_tracker.web.security import login_form_token, same_token

SESSION_COOKIE = "bp_session"
LOGIN_NONCE_COOKIE = "bp_login_nonce"
_NO_LOGIN = object()


@dataclass(frozen=True)
class Account:
    """What the pages show of the logged-in user (and the token their forms carry)."""

    name: str
    role: str
    csrf_token: str

    def can(self, role: str) -> bool:
        return Role(self.role).allows(Role(role))


def server_mode(request: Request) -> bool:
    return bool(getattr(request.app.state, "server_mode", False))


def current_login(request: Request) -> Login | None:
    """The live session named by the cookie (looked up once per request)."""
    found: Any = getattr(request.state, "login", _NO_LOGIN)
    if found is _NO_LOGIN:
        token = request.cookies.get(SESSION_COOKIE)
        found = None
        if server_mode(request) and token and len(token) <= 128:
            found = accounts.session_for(request.app.state.ws, token)
        request.state.login = found
    login: Login | None = found
    return login


def current_account(request: Request) -> Account | None:
    login = current_login(request)
    if login is None:
        return None
    return Account(login.user.name, login.user.role.value, login.csrf_token)


def require_role(request: Request, role: Role) -> User:
    """The user, or PermissionDeniedError (401 without a session, 403 with too small a role)."""
    login = current_login(request)
    return accounts.require(login.user if login else None, role)


def check_csrf(request: Request, given: str | None) -> None:
    """Refuse (403) a form whose token is not the session's."""
    login = current_login(request)
    if login is None or not same_token(login.csrf_token, given):
        raise PermissionDeniedError("the form's security token is missing or wrong; reload it")


def is_https(request: Request) -> bool:
    """HTTPS as the server saw it (behind a proxy only if serve trusts its forwarded headers)."""
    return request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, login: Login) -> None:
    seconds = int((login.expires_at - dt.datetime.now(dt.UTC)).total_seconds())
    response.set_cookie(
        SESSION_COOKIE,
        login.token,
        max_age=max(seconds, 0),
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_https(request)
    )


def login_nonce(request: Request) -> tuple[str, bool]:
    """The browser's login-form nonce (from its cookie), and whether it is new."""
    nonce = request.cookies.get(LOGIN_NONCE_COOKIE)
    if nonce and 20 <= len(nonce) <= 64:
        return nonce, False
    return secrets.token_urlsafe(24), True


def login_token_for(request: Request, nonce: str) -> str:
    return login_form_token(request.app.state.secret_key, nonce)


def check_login_csrf(request: Request, given: str | None) -> None:
    nonce = request.cookies.get(LOGIN_NONCE_COOKIE)
    if not nonce or not same_token(login_token_for(request, nonce), given):
        raise PermissionDeniedError("the form's security token is missing or wrong; reload it")


def set_nonce_cookie(response: Response, request: Request, nonce: str) -> None:
    response.set_cookie(
        LOGIN_NONCE_COOKIE,
        nonce,
        max_age=3600,
        path="/",
        httponly=True,
        samesite="strict",
        secure=is_https(request),
    )


def safe_next(value: str | None, default: str) -> str:
    """A local path to go back to after logging in (never another site)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value
