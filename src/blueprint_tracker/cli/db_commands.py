"""``blueprint db setup``: PostgreSQL roles for server mode (an owner and an application role)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from blueprint_tracker.cli.output import JsonOption, console, print_json
from blueprint_tracker.errors import InputError

db_app = typer.Typer(help="The PostgreSQL database of server mode.", no_args_is_help=True)


@db_app.command("setup")
def setup(
    admin_url: Annotated[
        str,
        typer.Option(
            "--admin-url",
            envvar="BLUEPRINT_ADMIN_DATABASE_URL",
            help="A superuser's (or CREATEROLE role's) URL of the database.",
        ),
    ],
    owner: Annotated[str, typer.Option(help="The role that owns the tables.")] = "blueprint_owner",
    app: Annotated[str, typer.Option(help="The role the application logs in as.")] = (
        "blueprint_app"
    ),
    as_json: JsonOption = False,
) -> None:
    """Create the owner and application roles, migrate as the owner and grant the application
    role only what it uses (no TRUNCATE, UPDATE or DELETE of the audit trail). The application
    role's password is read from standard input."""
    from blueprint_tracker.store.roles import setup_roles

    password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise InputError("no password for the application role on standard input")
    done = setup_roles(admin_url, owner, app, password)
    result = {"owner": done.owner, "app": done.app, "app_url": done.app_url, "tables": done.tables}
    if as_json:
        print_json(result)
        return
    console().print(
        f"tables owned by {done.owner}; the application connects as {done.app}:\n"
        f"  BLUEPRINT_DATABASE_URL={done.app_url} (with the password filled in)"
    )
