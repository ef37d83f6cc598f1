"""Server administration: users, backup and restore, the audit trail."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from blueprint_tracker.cli.output import JsonOption, console, print_json
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.errors import InputError

if TYPE_CHECKING:
    from blueprint_tracker.domain.account import User

users_app = typer.Typer(
    help="Accounts for server mode (editors, reviewers, admins).", no_args_is_help=True
)
StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise InputError("no password on standard input")
        return line
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="viewer, editor, reviewer or admin.")] = "viewer",
    password_stdin: StdinOption = False,
    as_json: JsonOption = False,
) -> None:
    """Add a user (the password is prompted for, or read from stdin)."""
    from blueprint_tracker.services.accounts import add_user

    user = add_user(workspace(), name, role, _password(password_stdin))
    if as_json:
        print_json({"id": user.id, "name": user.name, "role": user.role.value})
        return
    console().print(f"added {user.name} ({user.role.value})")


NameArgument = Annotated[str, typer.Argument(help="Login name.")]


def _user_line(user: User, ended: int, what: str) -> dict[str, Any]:
    return {"name": user.name, "role": user.role.value, "disabled": user.disabled,
            "sessions_ended": ended, "done": what}  # fmt: skip


def _report(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(result)
        return
    ended = result.get("sessions_ended", 0)
    console().print(f"{result['name']}: {result['done']} ({ended} session(s) ended)")


@users_app.command("passwd")
def user_passwd(
    name: NameArgument, password_stdin: StdinOption = False, as_json: JsonOption = False
) -> None:
    """Set a user's password (also after a restore); every session of the user ends."""
    from blueprint_tracker.services.accounts import set_password

    user, ended = set_password(workspace(), name, _password(password_stdin))
    _report(_user_line(user, ended, "password set"), as_json)


@users_app.command("disable")
def user_disable(
    name: NameArgument,
    enable: Annotated[bool, typer.Option("--enable", help="Enable the account again.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Disable an account: it cannot log in and its sessions end (--enable undoes it)."""
    from blueprint_tracker.services.accounts import set_disabled

    user, ended = set_disabled(workspace(), name, not enable)
    _report(_user_line(user, ended, "enabled" if enable else "disabled"), as_json)


@users_app.command("role")
def user_role(
    name: NameArgument,
    role: Annotated[str, typer.Argument(help="viewer, editor, reviewer or admin.")],
    as_json: JsonOption = False,
) -> None:
    """Change a user's role (open sessions get it at their next request)."""
    from blueprint_tracker.services.accounts import set_role

    user = set_role(workspace(), name, role)
    _report(_user_line(user, 0, f"role {user.role.value}"), as_json)


@users_app.command("sessions")
def user_sessions(
    name: NameArgument,
    revoke: Annotated[bool, typer.Option("--revoke", help="End every session.")] = False,
    as_json: JsonOption = False,
) -> None:
    """A user's open sessions (when made, when they expire); --revoke ends them all."""
    from blueprint_tracker.services.accounts import sessions

    user, live = sessions(workspace(), name, revoke)
    rows = [{k: v.isoformat() for k, v in s.items()} for s in live]
    if as_json:
        print_json({"name": user.name, "sessions": rows, "revoked": len(rows) if revoke else 0})
        return
    table = Table("created", "expires")
    for row in rows:
        table.add_row(row["created_at"][:19], row["expires_at"][:19])
    console().print(table)
    if revoke:
        console().print(f"{user.name}: {len(rows)} session(s) ended")


@users_app.command("list")
def user_list(as_json: JsonOption = False) -> None:
    """Every user with role, failed logins and whether disabled (never a password)."""
    users = workspace().accounts.all()
    if as_json:
        print_json([u.model_dump(mode="json") for u in users])
        return
    table = Table("name", "role", "failed logins", "disabled")
    for u in users:
        table.add_row(u.name, u.role.value, str(u.failed_logins), str(u.disabled))
    console().print(table)


def backup(
    file: Annotated[Path, typer.Argument(help="The .zip to write.")], as_json: JsonOption = False
) -> None:
    """Back up the whole store (a data package; users' audit trail, no passwords)."""
    from blueprint_tracker.services.backup import write_backup

    counts = write_backup(workspace(), file)
    if as_json:
        print_json({"file": str(file), "rows": counts})
        return
    console().print(f"{file}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def restore(
    file: Annotated[Path, typer.Argument(help="A backup .zip.")], as_json: JsonOption = False
) -> None:
    """Restore a backup into an empty store (all or nothing)."""
    from blueprint_tracker.services.backup import restore_backup

    counts = restore_backup(workspace(seed=False), file)
    if as_json:
        print_json({"file": str(file), "rows": counts})
        return
    console().print(f"restored from {file}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def audit(
    item: Annotated[str | None, typer.Option(help="KIND:KEY, e.g. commitment:c-cdeg.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    as_json: JsonOption = False,
) -> None:
    """The audit trail: who changed what, when, before and after, and why."""
    from blueprint_tracker.services.audit import audit_csv, audit_rows

    kind, _, key = (item or "").partition(":")
    args = (kind or None, key or None)
    ws = workspace()
    if as_csv:
        sys.stdout.write(audit_csv(ws, *args))
        return
    rows = audit_rows(ws, *args)
    if as_json:
        print_json(rows)
        return
    table = Table("when", "who", "action", "item", "reason")
    for row in rows:
        table.add_row(
            row["at"][:19],
            row["actor"],
            row["action"],
            f"{row['item_kind']}:{row['item_key']}",
            row["reason"],
        )
    console().print(table)
