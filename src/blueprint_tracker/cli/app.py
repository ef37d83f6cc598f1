"""The ``blueprint`` application: registers the commands and is the error boundary."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from blueprint_tracker.cli import (
    admin_commands,
    data_commands,
    db_commands,
    opensdg_commands,
    plan_commands,
    report_commands,
    status_commands,
    table_commands,
    web_commands,
)
from blueprint_tracker.cli.output import report_error, report_usage_error
from blueprint_tracker.errors import BlueprintError, InputError

EXIT_CODES = (
    "Exit codes: 0 done; 1 the data is wrong (a file's rows, a plan folder); 2 the command line "
    "is wrong (usage, an option's value, an unknown id, a missing file); 3 configuration; "
    "4 conflict; 5 not allowed. With --json an error is JSON on stderr: "
    '{"error": {"code", "message", "problems"}}.'
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("blueprint-tracker")
    except PackageNotFoundError:  # run from a source tree
        from blueprint_tracker import __version__

        return __version__


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"blueprint {_version()}")
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


def create_cli() -> typer.Typer:
    app = typer.Typer(
        name="blueprint",
        help="Track a development plan's targets and commitments against official statistics.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
        epilog=EXIT_CODES,
    )
    app.callback()(_root)
    app.command("plan")(plan_commands.plan)
    app.command("show")(plan_commands.show)
    app.command("commitments")(plan_commands.commitments)
    app.command("validate")(plan_commands.validate)
    app.command("indicators")(data_commands.indicators)
    app.command("import")(data_commands.import_)
    app.command("sources")(data_commands.sources)
    app.command("gaps")(data_commands.gaps)
    app.command("status")(status_commands.status)
    app.command("assess")(status_commands.assess)
    app.command("assess-table")(table_commands.assess_table)
    app.add_typer(admin_commands.users_app, name="user")
    app.add_typer(db_commands.db_app, name="db")
    app.command("backup")(admin_commands.backup)
    app.command("restore")(admin_commands.restore)
    app.command("audit")(admin_commands.audit)
    app.command("serve")(web_commands.serve)
    app.command("build-site")(web_commands.build_site)
    app.command("report")(report_commands.report)
    app.command("export")(report_commands.export)
    app.add_typer(opensdg_commands.opensdg_app, name="opensdg")
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a user's error becomes a message and an exit code, never a traceback."""
    app = create_cli()
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


def run() -> None:
    sys.exit(main())
