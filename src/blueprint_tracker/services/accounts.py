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
from blueprint_tracker.errors import InputError, LockedOutError, PermissionDeniedError
from blueprint_tracker.services.workspace import Workspace

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
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


def authenticate(ws: Workspace, name: str, password: str) -> User:
    """The user, or PermissionDeniedError; five failures in a row lock the account for 15 min."""
    found = ws.accounts.by_name(name)
    if found is None:
        with contextlib.suppress(VerificationError):
            _ws_hasher(ws).verify(_dummy_hash(ws.settings.password_profile), password)
        raise _refuse()
    user, stored = found
    now = dt.datetime.now(dt.UTC)
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


def login(ws: Workspace, name: str, password: str) -> Login:
    user = authenticate(ws, name, password)
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
