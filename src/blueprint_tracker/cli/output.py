"""Rendering helpers shared by the commands: JSON to stdout, Rich for people, errors to stderr."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from blueprint_tracker.errors import BlueprintError, Problem, ProblemsError

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang", help="One of the plan's languages (default: its first).", envvar="BLUEPRINT_LANG"
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Use only what had been released by this date (YYYY-MM-DD)."),
]


UNWRAPPED = 100_000  # the width of a pipe or a file: every row on one line, nothing cut


class DataConsole(Console):
    """Standard output. To a terminal, tables wrap at spaces and fold (never hide) what is
    longer than its column; to a pipe or a file every value is printed whole."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        for table in objects:
            if isinstance(table, Table):
                for column in table.columns:
                    column.overflow = "fold"
        super().print(*objects, **kwargs)


def console() -> Console:
    """Standard output; data is never read as Rich markup."""
    width = None if sys.stdout.isatty() else UNWRAPPED
    return DataConsole(soft_wrap=False, markup=False, width=width)


def error_console() -> Console:
    return Console(stderr=True)


def parse_lang(value: str) -> str:
    """One of the plan's languages, in any spelling: a catalogued one, or another the plan
    declares (its plan text with English interface words); none: the plan's first."""
    from blueprint_tracker.cli.session import workspace
    from blueprint_tracker.i18n import default_lang, lang_of_slug, normalise_lang

    languages = workspace().plan.header.languages
    if not value.strip():
        return default_lang(languages)
    try:
        found: str | None = normalise_lang(value)
    except ValueError:
        found = lang_of_slug(value.strip().lower().replace("_", "-"), languages)
    if found not in languages:
        raise typer.BadParameter(
            f"unknown language {value!r}: use one of {', '.join(languages)}", param_hint="--lang"
        )
    return str(found)


def interface_lang_option(value: str) -> str:
    """``--lang`` of a command that reads no plan: a catalogued language (the table's first
    when none is given)."""
    from blueprint_tracker.i18n import KEYS, normalise_lang

    if not value.strip():
        return KEYS[0]
    try:
        return normalise_lang(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from exc


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    """The date of an option, read and checked as the web reads ``as_of`` (one rule, one
    message: ``services.as_of.parse_as_of``)."""
    if value is None:
        return None
    from blueprint_tracker.errors import InputError
    from blueprint_tracker.services.as_of import parse_as_of

    try:
        return parse_as_of(value, option, blank=False)
    except InputError as exc:
        message = str(exc).removeprefix(f"{option}: ")
        raise typer.BadParameter(message, param_hint=option) from exc


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def t(value: Mapping[str, Any] | None, lang: str) -> str:
    """A text dict in ``lang``; else in its first language (the plan's order)."""
    from blueprint_tracker import i18n

    return i18n.pick(value, lang)


def say(message: str, lang: str, **args: object) -> str:
    """A message id of the catalogues in ``lang``, with its ``%(name)s`` arguments filled in."""
    from blueprint_tracker import i18n

    text = i18n.gettext(lang, message)
    return text % args if args else text


def heads(messages: tuple[str, ...], lang: str) -> list[str]:
    """Table headings from message ids."""
    return [say(message, lang) for message in messages]


def status_word(code: str | None, lang: str) -> str:
    """A status as its icon and its word, as on every page and report."""
    from blueprint_tracker.compute.vocabulary import status_label

    label = status_label(code)
    return f"{label.icon} {say(label.word, lang)}"


def error_json(code: str, message: str, problems: list[Problem] | None = None) -> dict[str, Any]:
    """The one JSON error shape: ``{"error": {"code", "message", "problems"?}}``."""
    error: dict[str, Any] = {"code": code, "message": message}
    if problems is not None:
        error["problems"] = [
            {"file": p.file, "location": p.location, "message": p.message} for p in problems
        ]
    return {"error": error}


def report_error(exc: BlueprintError, *, as_json: bool = False) -> int:
    """Print a user's error once on stderr (a panel, or JSON with ``--json``); the exit code."""
    problems = exc.problems if isinstance(exc, ProblemsError) else None
    message = exc.summary if isinstance(exc, ProblemsError) else str(exc)
    if as_json:
        sys.stderr.write(json.dumps(error_json(exc.code, message, problems), ensure_ascii=False))
        sys.stderr.write("\n")
        return exc.exit_code
    err = error_console()
    if not err.is_terminal:  # a log or a pipe: whole lines, never folded mid-word
        lines = [f"error: {message}", *(f"  - {p}" for p in problems or ())]
        sys.stderr.write("\n".join(lines) + "\n")
        return exc.exit_code
    body = "\n".join([message, *(f"• {p}" for p in problems or ())])
    err.print(Panel(Text(body), title="error", title_align="left", border_style="red"))
    return exc.exit_code


def report_usage_error(message: str) -> None:
    """A command line that does not parse (exit code 2), as JSON with ``--json``."""
    sys.stderr.write(json.dumps(error_json("usage", message), ensure_ascii=False) + "\n")
