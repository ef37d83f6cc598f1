"""The ``blueprint`` application: registers the commands and is the error boundary."""

from __future__ import annotations

import sys

import typer

from blueprint_tracker.cli import (
    admin_commands,
    data_commands,
    plan_commands,
    report_commands,
    status_commands,
    web_commands,
)
from blueprint_tracker.cli.output import report_error
from blueprint_tracker.errors import BlueprintError


def create_cli() -> typer.Typer:
    app = typer.Typer(
        name="blueprint",
        help="Track a development plan's targets and commitments against official statistics.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
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
    app.add_typer(admin_commands.users_app, name="user")
    app.command("backup")(admin_commands.backup)
    app.command("restore")(admin_commands.restore)
    app.command("audit")(admin_commands.audit)
    app.command("serve")(web_commands.serve)
    app.command("build-site")(web_commands.build_site)
    app.command("report")(report_commands.report)
    app.command("export")(report_commands.export)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a user's error becomes a message and an exit code, never a traceback."""
    app = create_cli()
    try:
        result = app(args=argv, standalone_mode=False)
    except BlueprintError as exc:
        return report_error(exc)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        return int(getattr(exc, "exit_code", 2))
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
