"""The workspace a command runs in, opened from the environment's settings."""

from __future__ import annotations

from blueprint_tracker.config import Settings
from blueprint_tracker.services.workspace import Workspace, open_workspace


def workspace(*, seed: bool = True) -> Workspace:
    return open_workspace(Settings(), seed=seed)
