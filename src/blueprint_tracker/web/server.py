"""Running the web application: check the settings, open the store, start uvicorn."""

from __future__ import annotations

from collections.abc import Callable

from blueprint_tracker.config import Settings
from blueprint_tracker.errors import ConfigError

#: the application uvicorn builds in each worker (from the environment's settings)
APP_FACTORY = "blueprint_tracker.web.app:app_from_env"
EVERY_INTERFACE = ("0.0.0.0", "::", "")


def listen_url(host: str, port: int) -> str:
    """The address to open in a browser (on this machine when listening on every interface)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def free_port(host: str) -> int:
    """A port the system has free now (for port 0), so the URL can be announced."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def serve(
    settings: Settings,
    host: str,
    port: int,
    *,
    workers: int = 1,
    forwarded_allow_ips: str | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the dashboard and the API until stopped.

    In server mode it refuses to start without a proper secret key (before any worker starts);
    it opens (and seeds) the store once, then announces the address (``port`` 0: a free one).
    """
    import uvicorn

    from blueprint_tracker.services.workspace import open_workspace

    if settings.server_mode and (problem := settings.secret_key_problem()):
        raise ConfigError(
            f"server mode cannot start: {problem}. Set BLUEPRINT_SECRET_KEY to a random value, "
            "e.g. from: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    open_workspace(settings)
    port = port or free_port(host)
    every = " on every interface" if host in EVERY_INTERFACE else ""
    announce(f"Serving{every} at {listen_url(host, port)} (Ctrl+C to stop)")
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=bool(forwarded_allow_ips),
        forwarded_allow_ips=forwarded_allow_ips or "",
    )
