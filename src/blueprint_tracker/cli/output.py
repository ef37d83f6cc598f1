"""Rendering helpers shared by the commands: JSON to stdout, Rich for people, errors to stderr."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from blueprint_tracker.domain.text import normalise_lang
from blueprint_tracker.errors import BlueprintError, ProblemsError

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LangOption = Annotated[
    str, typer.Option("--lang", help="Language: zh-Hant or en.", envvar="BLUEPRINT_LANG")
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Use only what had been released by this date (YYYY-MM-DD)."),
]


def console() -> Console:
    """Standard output; data is never read as Rich markup."""
    return Console(soft_wrap=False, markup=False)


def error_console() -> Console:
    return Console(stderr=True)


def parse_lang(value: str) -> str:
    try:
        return normalise_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=option) from exc


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def t(value: dict[str, Any] | None, lang: str) -> str:
    """A bilingual text dict in ``lang``."""
    if not value:
        return ""
    return str(value.get(lang) or value.get("zh-Hant") or "")


def report_error(exc: BlueprintError) -> int:
    """Print a user's error once, as a panel on stderr; return the exit code."""
    err = error_console()
    if isinstance(exc, ProblemsError):
        lines = [f"• {p}" for p in exc.problems]
        body = "\n".join([exc.summary, *lines])
    else:
        body = str(exc)
    err.print(Panel(Text(body), title="error", title_align="left", border_style="red"))
    return exc.exit_code
