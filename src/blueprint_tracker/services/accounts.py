"""Accounts: argon2 password hashes, lockout after repeated failures, sessions, roles."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from blueprint_tracker.domain.account import Role, User
from blueprint_tracker.errors import (
    InputError,
    LockedOutError,
    PermissionDeniedError,
    RateLimitedError,
)
from blueprint_tracker.services.workspace import Workspace

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
# Per client address, whatever the account (password spraying): 20 failures in 15 minutes.
CLIENT_MAX_FAILURES = 20
CLIENT_WINDOW = dt.timedelta(minutes=15)
CLIENT_KEEP = dt.timedelta(days=1)
SESSION_TTL = dt.timedelta(hours=8)
MIN_PASSWORD = 12
NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")


@cache
def _hasher(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(getattr(profiles, profile))


@cache
def _dummy_hash(profile: str) -> str:
    """Verifying against this when the name is unknown keeps both paths equally slow."""
    return _hasher(profile).hash("not a password of anyone")


def _ws_hasher(ws: Workspace) -> PasswordHasher:
    return _hasher(ws.settings.password_profile)


@dataclass(frozen=True)
class Login:
    token: str  # goes in the cookie; only its hash is stored
    csrf_token: str
    user: User
    expires_at: dt.datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise InputError(
            f"unknown role {value!r}; use {', '.join(r.value for r in Role)}"
        ) from None


def add_user(ws: Workspace, name: str, role: Role | str, password: str) -> User:
    if not NAME.match(name):
        raise InputError("a user name is 2-64 letters, digits or . _ @ -")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    return ws.accounts.add(
        name, parse_role(role) if isinstance(role, str) else role, _ws_hasher(ws).hash(password)
    )


def set_password(ws: Workspace, name: str, password: str) -> User:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    found = ws.accounts.by_name(name)
    if found is None:
        raise InputError(f"there is no user named {name!r}")
    ws.accounts.set_password(found[0].id, _ws_hasher(ws).hash(password))
    return found[0]


def _refuse(message: str = "wrong user name or password") -> PermissionDeniedError:
    return PermissionDeniedError(message, authenticated=False)


def _check_client(ws: Workspace, client: str | None, now: dt.datetime) -> None:
    """Refuse, before any password is checked, a client with too many recent failures."""
    if not client:
        return
    count, oldest = ws.accounts.client_failures(client, now - CLIENT_WINDOW)
    if count >= CLIENT_MAX_FAILURES:
        until = (oldest or now) + CLIENT_WINDOW
        raise RateLimitedError(
            f"too many failed logins from this address: try again after {until:%H:%M} UTC", until
        )


def _verify(ws: Workspace, name: str, password: str, now: dt.datetime) -> User:
    found = ws.accounts.by_name(name)
    if found is None:
        with contextlib.suppress(VerificationError):
            _ws_hasher(ws).verify(_dummy_hash(ws.settings.password_profile), password)
        raise _refuse()
    user, stored = found
    if user.disabled:
        raise _refuse()
    if user.locked_until is not None and user.locked_until > now:
        raise LockedOutError(
            f"too many failed logins: try again after {user.locked_until:%H:%M} UTC",
            user.locked_until,
        )
    try:
        _ws_hasher(ws).verify(stored, password)
    except (VerificationError, InvalidHashError):
        failures = user.failed_logins + 1
        ws.accounts.record_failure(user.id, now + LOCKOUT if failures >= MAX_FAILURES else None)
        raise _refuse() from None
    rehash = _ws_hasher(ws).hash(password) if _ws_hasher(ws).check_needs_rehash(stored) else None
    ws.accounts.record_success(user.id, rehash)
    return user


def authenticate(
    ws: Workspace,
    name: str,
    password: str,
    client: str | None = None,
    now: dt.datetime | None = None,
) -> User:
    """The user, or PermissionDeniedError. Five failures in a row lock the account for 15 min;
    20 failures from one client address within 15 min refuse that client (RateLimitedError)."""
    now = now or dt.datetime.now(dt.UTC)
    _check_client(ws, client, now)
    try:
        return _verify(ws, name, password, now)
    except PermissionDeniedError:
        if client:
            ws.accounts.record_client_failure(client, now, CLIENT_KEEP)
        raise


def login(ws: Workspace, name: str, password: str, client: str | None = None) -> Login:
    user = authenticate(ws, name, password, client)
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    ws.accounts.open_session(token_hash(token), user.id, csrf, SESSION_TTL)
    return Login(token, csrf, user, dt.datetime.now(dt.UTC) + SESSION_TTL)


def session_for(ws: Workspace, token: str | None) -> Login | None:
    if not token:
        return None
    row = ws.accounts.session(token_hash(token))
    return Login(token, row.csrf_token, row.user, row.expires_at) if row else None


def logout(ws: Workspace, token: str) -> None:
    ws.accounts.revoke(token_hash(token))


def require(user: User | None, role: Role) -> User:
    """The user if their role allows ``role``; 401 when nobody is logged in, else 403."""
    if user is None:
        raise PermissionDeniedError("log in first", authenticated=False)
    if not user.role.allows(role):
        raise PermissionDeniedError(f"this needs the {role.value} role; you are {user.role.value}")
    return user
