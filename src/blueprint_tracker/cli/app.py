"""The ``blueprint`` application's frame: its help, ``--version``, and the error boundary."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from blueprint_tracker import __version__
from blueprint_tracker.cli.output import report_error, report_usage_error
from blueprint_tracker.errors import BlueprintError, InputError

EXIT_CODES = (
    "Exit codes: 0 done; 1 the data is wrong (a file's rows, a plan folder); 2 the command line "
    "is wrong (usage, an option's value, an unknown id, a missing file); 3 configuration; "
    "4 conflict; 5 not allowed. With --json an error is JSON on stderr: "
    '{"error": {"code", "message", "problems"}}.'
)


def _show_version(value: bool) -> None:
    if value:  # the package's version (pyproject.toml reads it from there too)
        typer.echo(f"blueprint {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Track a development plan's targets and commitments against official statistics."""
    from blueprint_tracker.cli import session

    session.reset()  # a command opens its workspace afresh


def new_app() -> typer.Typer:
    """The ``blueprint`` Typer application without commands (the composition root,
    ``blueprint_tracker.main``, adds them)."""
    app = typer.Typer(
        name="blueprint",
        help="Track a development plan's targets and commitments against official statistics.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
        epilog=EXIT_CODES,
    )
    app.callback()(_root)
    return app


def run_app(app: typer.Typer, argv: list[str] | None = None) -> int:
    """Run ``app``; a user's error becomes a message and an exit code, never a traceback."""
    args = sys.argv[1:] if argv is None else argv
    as_json = "--json" in args
    try:
        result = app(args=args, standalone_mode=False)
    except BlueprintError as exc:
        return report_error(exc, as_json=as_json)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        return _usage_error(exc, as_json)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a path given on the command line that cannot be read or written
        where = exc.filename if exc.filename is not None else "file"
        error = InputError(f"{where}: {exc.strerror or exc}")
        return report_error(error, as_json=as_json)
    return result if isinstance(result, int) else 0


def _usage_error(exc: typer.TyperException, as_json: bool) -> int:
    show = getattr(exc, "show", None)
    if show is None:
        raise exc
    if as_json:
        report_usage_error(exc.format_message())
    else:
        show()
    return int(getattr(exc, "exit_code", 2))



STALE_SCRIPT = (
    "blueprint: this environment's `blueprint` script was installed before the program moved "
    "to blueprint_tracker.main.app:run. Reinstall the package (pip install -e .) to update "
    "it, or run: python3 -m blueprint_tracker {args}"
)


def run() -> None:
    """The entry point of scripts installed before the composition root: says how to update
    (``cli`` cannot start the server or the file builders, so it does not run the program)."""
    sys.exit(STALE_SCRIPT.format(args=" ".join(sys.argv[1:])).rstrip())
