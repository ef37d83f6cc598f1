"""`blueprint user`, `backup`, `restore` and `audit` through the CLI."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_user_add_list_and_passwd(mini_plan: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "a long enough password\n")
    added = cli("user", "add", "alice", "--role", "reviewer", "--password-stdin", "--json")
    assert added.code == 0 and added.json()["role"] == "reviewer"
    listed = cli("user", "list", "--json").json()
    assert [(u["name"], u["role"]) for u in listed] == [("alice", "reviewer")]
    assert "password" not in str(listed)
    _stdin(monkeypatch, "short\n")
    result = cli("user", "passwd", "alice", "--password-stdin")
    assert result.code == 2 and "at least 12" in result.err
    _stdin(monkeypatch, "x\n")
    assert cli("user", "add", "bob", "--role", "boss", "--password-stdin").code == 2


def test_backup_and_restore_into_an_empty_store(
    mini_plan: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "a long enough password\n")
    cli("user", "add", "alice", "--role", "editor", "--password-stdin")
    status = cli("status", "--json", "--as-of", "2026-01-01").json()
    backup = cli("backup", str(tmp_path / "b.zip"), "--json").json()
    assert backup["rows"]["observations"] == 5 and backup["rows"]["users"] == 1
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "elsewhere"))
    restored = cli("restore", str(tmp_path / "b.zip"), "--json")
    assert restored.code == 0 and restored.json()["rows"] == backup["rows"]
    assert cli("status", "--json", "--as-of", "2026-01-01").json() == status
    again = cli("restore", str(tmp_path / "b.zip"))
    assert again.code == 2 and "empty store" in again.err
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert cli("restore", str(broken)).code == 2


def test_audit_is_empty_then_csv_has_a_header(mini_plan: Path, cli) -> None:
    assert cli("audit", "--json").json() == []
    assert cli("audit", "--csv").out.startswith("id,at,actor,action,item_kind,item_key")


def test_passwd_disable_role_and_sessions_commands(
    mini_plan: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services import accounts
    from blueprint_tracker.services.workspace import open_workspace

    _stdin(monkeypatch, "a long enough password\n")
    cli("user", "add", "alice", "--role", "editor", "--password-stdin")
    ws = open_workspace(Settings())
    logins = [accounts.login(ws, "alice", "a long enough password") for _ in range(2)]
    listed = cli("user", "sessions", "alice", "--json").json()
    assert listed["name"] == "alice" and len(listed["sessions"]) == 2
    _stdin(monkeypatch, "another long password\n")
    changed = cli("user", "passwd", "alice", "--password-stdin", "--json")
    assert changed.code == 0 and changed.json()["sessions_ended"] == 2
    assert all(accounts.session_for(ws, s.token) is None for s in logins)
    role = cli("user", "role", "alice", "reviewer", "--json")
    assert role.code == 0 and role.json()["role"] == "reviewer"
    assert cli("user", "role", "alice", "boss").code == 2
    login = accounts.login(ws, "alice", "another long password")
    revoked = cli("user", "sessions", "alice", "--revoke", "--json").json()
    assert revoked["revoked"] == 1 and accounts.session_for(ws, login.token) is None
    login = accounts.login(ws, "alice", "another long password")
    disabled = cli("user", "disable", "alice", "--json").json()
    assert disabled["disabled"] is True and disabled["sessions_ended"] == 1
    assert accounts.session_for(ws, login.token) is None
    assert cli("user", "list", "--json").json()[0]["disabled"] is True
    assert cli("user", "disable", "alice", "--enable", "--json").json()["disabled"] is False
    missing = cli("user", "disable", "ghost")
    assert missing.code == 2 and "no user named 'ghost'" in missing.err
