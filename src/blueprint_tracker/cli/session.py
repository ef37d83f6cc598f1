"""The workspace a command runs in, opened from the environment's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blueprint_tracker.services.workspace import Workspace


def workspace(*, seed: bool = True) -> Workspace:
    # imported here so that `blueprint --help` and usage errors stay fast
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.workspace import open_workspace

    return open_workspace(Settings(), seed=seed)
