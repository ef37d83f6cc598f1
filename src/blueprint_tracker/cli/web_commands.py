"""Commands that publish: ``serve`` (the web app) and ``build-site`` (the static site)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from blueprint_tracker.cli.output import (
    AsOfOption,
    JsonOption,
    console,
    error_console,
    parse_date,
    print_json,
)
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.errors import ConfigError, InputError


def listen_url(host: str, port: int) -> str:
    """The address to open in a browser (on this machine when listening on every interface)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _free_port(host: str) -> int:
    """A port the system has free now (for ``--port 0``), so the URL can be printed."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes (use PostgreSQL for more than one).", min=1)
    ] = 1,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            help="Trust X-Forwarded-Proto/-For from these proxy addresses (comma-separated), "
            "e.g. to mark session cookies Secure behind an HTTPS proxy. Default: trust none."
        ),
    ] = None,
) -> None:
    """Run the bilingual dashboard and the JSON API (FastAPI under uvicorn).

    With BLUEPRINT_SERVER_MODE=1 it adds login, editing and review; it then refuses to start
    without a BLUEPRINT_SECRET_KEY of at least 32 random characters.
    """
    import uvicorn

    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.security import secret_key_problem

    settings = Settings()
    if settings.server_mode and (problem := secret_key_problem(settings)):
        raise ConfigError(
            f"server mode cannot start: {problem}. Set BLUEPRINT_SECRET_KEY to a random value, "
            "e.g. from: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    workspace()  # open (and seed) the store once before the workers start
    port = port or _free_port(host)
    every = " on every interface" if host in ("0.0.0.0", "::", "") else ""
    error_console().print(
        f"Serving{every} at {listen_url(host, port)} (Ctrl+C to stop)", markup=False
    )
    uvicorn.run(
        "blueprint_tracker.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=bool(forwarded_allow_ips),
        forwarded_allow_ips=forwarded_allow_ips or "",
    )


def build_site(
    directory: Annotated[Path, typer.Argument(help="Folder to write the site into.")],
    as_of: AsOfOption = None,
    reports: Annotated[
        bool, typer.Option("--reports/--no-reports", help="Include the PDF/XLSX reports.")
    ] = True,
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            help="Address the site will be published at (https://host/path/); makes the "
            "og:url and og:image of shared pages absolute.",
        ),
    ] = "",
    as_json: JsonOption = False,
) -> None:
    """Write every page in both languages, the JSON and the downloads as static files."""
    from blueprint_tracker.export.site import build_site as build

    if base_url and not base_url.startswith(("http://", "https://")):
        raise InputError(f"--base-url: {base_url!r} is not an http:// or https:// address")
    day = parse_date(as_of)
    ws = workspace()
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=error_console(), transient=as_json) as bar:
        task = bar.add_task("build-site", total=None)

        def advance(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=label[:40])

        result = build(
            ws, directory, day, progress=advance, publications=reports, base_url=base_url
        )
    if as_json:
        print_json(result)
        return
    console().print(
        f"{result['pages']} pages and {result['files']} data files written to "
        f"{result['directory']} (edition {result['edition']})"
    )
