"""A server-mode workspace on SQLite and on PostgreSQL with four users (the review tests')."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.services import accounts
from blueprint_tracker.services.workspace import Workspace, open_workspace

PASSWORD = "correct horse battery"


@pytest.fixture
def ws(mini_plan: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Users ed and ed2 (editors), rev (reviewer) and viewer, all with ``PASSWORD``."""
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", store_url)
    workspace = open_workspace(Settings())
    for name, role in (("ed", Role.EDITOR), ("ed2", Role.EDITOR), ("rev", Role.REVIEWER),
                       ("viewer", Role.VIEWER)):  # fmt: skip
        accounts.add_user(workspace, name, role, PASSWORD)
    return workspace
