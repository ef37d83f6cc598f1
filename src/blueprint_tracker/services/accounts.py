"""Accounts: argon2 password hashes, slowed-down repeated failures, sessions, roles."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from functools import cache
from typing import Any

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from blueprint_tracker.domain.account import Role, User
from blueprint_tracker.errors import (
    InputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
)
from blueprint_tracker.services.workspace import Workspace

# Per account name (known or not, so that the answer tells nothing of which names exist):
# after 5 failures within 15 minutes, each further try waits twice as long after the last
# failure as the one before (1 s, 2 s, 4 s ... at most 2 minutes). Nobody can lock anyone out.
ACCOUNT_FREE_FAILURES = 5
ACCOUNT_WINDOW = dt.timedelta(minutes=15)
ACCOUNT_MAX_DELAY = dt.timedelta(minutes=2)
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


def _named(ws: Workspace, name: str) -> User:
    found = ws.accounts.by_name(name)
    if found is None:
        raise NotFoundError(f"there is no user named {name!r}")
    return found[0]


def set_password(ws: Workspace, name: str, password: str) -> tuple[User, int]:
    """Set the password; every session of the user ends. The user and sessions ended."""
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    user = _named(ws, name)
    return user, ws.accounts.set_password(user.id, _ws_hasher(ws).hash(password))


def set_disabled(ws: Workspace, name: str, disabled: bool = True) -> tuple[User, int]:
    """Disable an account (it cannot log in; its sessions end) or enable it again."""
    user = _named(ws, name)
    ended = ws.accounts.set_disabled(user.id, disabled)
    return user.model_copy(update={"disabled": disabled}), ended


def set_role(ws: Workspace, name: str, role: Role | str) -> User:
    """Change a user's role (their open sessions get the new role at their next request)."""
    user = _named(ws, name)
    new = parse_role(role) if isinstance(role, str) else role
    ws.accounts.set_role(user.id, new)
    return user.model_copy(update={"role": new})


def sessions(ws: Workspace, name: str, revoke: bool = False) -> tuple[User, list[dict[str, Any]]]:
    """The user's live sessions; with ``revoke``, end them all (and return those ended)."""
    user = _named(ws, name)
    live = ws.accounts.live_sessions(user.id)
    if revoke:
        ws.accounts.revoke_all(user.id)
    return user, live


def _refuse(message: str = "wrong user name or password") -> PermissionDeniedError:
    return PermissionDeniedError(message, authenticated=False)


def _check_client(ws: Workspace, client: str | None, now: dt.datetime) -> None:
    """Refuse, before any password is checked, a client with too many recent failures."""
    if not client:
        return
    count, oldest, _ = ws.accounts.client_failures(client, now - CLIENT_WINDOW)
    if count >= CLIENT_MAX_FAILURES:
        until = (oldest or now) + CLIENT_WINDOW
        raise RateLimitedError(
            f"too many failed logins from this address: try again after {until:%H:%M} UTC", until
        )


def account_key(name: str) -> str:
    """The failure counter's key for a login name (hashed: names are not kept in clear)."""
    return "name:" + hashlib.sha256(name.strip().lower().encode()).hexdigest()[:40]


def account_delay(failures: int) -> dt.timedelta:
    """How long after the last failure a name with ``failures`` recent failures must wait."""
    if failures < ACCOUNT_FREE_FAILURES:
        return dt.timedelta(0)
    doublings = min(failures - ACCOUNT_FREE_FAILURES, 16)
    return min(dt.timedelta(seconds=2**doublings), ACCOUNT_MAX_DELAY)


def _check_account(ws: Workspace, name: str, now: dt.datetime) -> None:
    """Slow down guessing at one name, whether an account has it or not (same answer)."""
    count, _, latest = ws.accounts.client_failures(account_key(name), now - ACCOUNT_WINDOW)
    until = (latest or now) + account_delay(count)
    if until > now:
        wait = max(1, int((until - now).total_seconds() + 0.999))
        raise RateLimitedError(
            f"too many failed logins with this name: try again in {wait} s", until, "name"
        )


def _verify(ws: Workspace, name: str, password: str) -> User:
    """The user, or the same refusal for an unknown name, a disabled account and a wrong
    password (equally slow: an unknown name is checked against a dummy hash)."""
    found = ws.accounts.by_name(name)
    if found is None:
        with contextlib.suppress(VerificationError):
            _ws_hasher(ws).verify(_dummy_hash(ws.settings.password_profile), password)
        raise _refuse()
    user, stored = found
    try:
        _ws_hasher(ws).verify(stored, password)
    except (VerificationError, InvalidHashError):
        ws.accounts.record_failure(user.id)
        raise _refuse() from None
    if user.disabled:
        raise _refuse()
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
    """The user, or PermissionDeniedError with one message whatever was wrong. Repeated
    failures slow down the name (``account_delay``) and, past 20 in 15 minutes, refuse the
    client address (RateLimitedError); no account is ever locked by failures."""
    now = now or dt.datetime.now(dt.UTC)
    _check_client(ws, client, now)
    _check_account(ws, name, now)
    try:
        return _verify(ws, name, password)
    except PermissionDeniedError:
        ws.accounts.record_client_failure(account_key(name), now, CLIENT_KEEP)
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
