"""The ``blueprint`` program: every command, in the order ``--help`` lists them."""

from __future__ import annotations

import sys
from collections.abc import Callable

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
)
from blueprint_tracker.cli.app import new_app, run_app
from blueprint_tracker.main import publish_commands


def commands() -> tuple[tuple[str, Callable[..., None] | typer.Typer], ...]:
    """Every command (or group of commands) by name, in the order of ``--help``."""
    return (
        ("plan", plan_commands.plan),
        ("show", plan_commands.show),
        ("commitments", plan_commands.commitments),
        ("validate", plan_commands.validate),
        ("indicators", data_commands.indicators),
        ("import", data_commands.import_),
        ("sources", data_commands.sources),
        ("gaps", data_commands.gaps),
        ("status", status_commands.status),
        ("assess", status_commands.assess),
        ("assess-table", table_commands.assess_table),
        ("user", admin_commands.users_app),
        ("db", db_commands.db_app),
        ("backup", admin_commands.backup),
        ("restore", admin_commands.restore),
        ("audit", admin_commands.audit),
        ("serve", publish_commands.serve),
        ("build-site", publish_commands.build_site),
        ("report", report_commands.report),
        ("export", report_commands.export),
        ("opensdg", opensdg_commands.opensdg_app),
    )


def create_app() -> typer.Typer:
    app = new_app()
    for name, command in commands():
        if isinstance(command, typer.Typer):
            app.add_typer(command, name=name)
        else:
            app.command(name)(command)
    return app


def main(argv: list[str] | None = None) -> int:
    """Run ``blueprint`` with ``argv`` (default: the command line); returns the exit code."""
    return run_app(create_app(), argv)


def run() -> None:
    sys.exit(main())
