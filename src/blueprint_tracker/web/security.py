"""Security headers on every response and CSRF tokens (the secret-key check is
``Settings.secret_key_problem``)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from blueprint_tracker.present.csp import CSP, EMBED_CSP

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
#: an embeddable view may sit in another site's frame: no DENY, frame-ancestors *
_EMBED_HEADERS = {
    **{k: v for k, v in HEADERS.items() if k != "x-frame-options"},
    "content-security-policy": EMBED_CSP,
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding the headers above (and HSTS over HTTPS) to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        headers = _EMBED_HEADERS if "/embed/" in str(scope.get("path", "")) else HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.encode(), v.encode())
                    for k, v in headers.items()
                    if k.encode() not in present
                ]
                if https:
                    extra.append((b"strict-transport-security", HSTS.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def new_secret_key() -> str:
    return secrets.token_urlsafe(48)


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of a CSRF token with the one the form carried."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def login_form_token(secret_key: str, nonce: str) -> str:
    """The CSRF token of the login form, bound to a random per-browser nonce (cookie)."""
    return hmac.new(secret_key.encode(), f"login:{nonce}".encode(), hashlib.sha256).hexdigest()
