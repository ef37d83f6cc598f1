"""The workspace a command runs in, opened from the environment's settings once per command
(``--lang``'s default, the plan's first language, needs the plan the command then uses)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blueprint_tracker.services.workspace import Workspace

#: the workspaces opened by the running command, by (seed, settings)
_OPENED: dict[tuple[bool, str], Workspace] = {}


def reset() -> None:
    """Forget the workspaces opened so far (each command starts afresh)."""
    _OPENED.clear()


def workspace(*, seed: bool = True) -> Workspace:
    # imported here so that `blueprint --help` and usage errors stay fast
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.workspace import open_workspace

    settings = Settings()
    key = (seed, settings.model_dump_json())
    if key not in _OPENED:
        _OPENED[key] = open_workspace(settings, seed=seed)
    return _OPENED[key]
