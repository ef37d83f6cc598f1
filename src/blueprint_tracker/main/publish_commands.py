"""The commands that start a front end: ``serve`` (``web``) and ``build-site`` (``export``).

Thin: options in, one call to the front end, a line out. The front ends are imported when the
command runs, so ``blueprint --help`` loads neither.
"""

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
from blueprint_tracker.errors import InputError


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
    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.server import serve as run_server

    def announce(line: str) -> None:
        error_console().print(line, markup=False)

    run_server(
        Settings(),
        host,
        port,
        workers=workers,
        forwarded_allow_ips=forwarded_allow_ips,
        announce=announce,
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
