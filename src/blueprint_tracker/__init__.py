"""Blueprint Tracker: is a government's development plan keeping its promises?

The public API is loaded lazily so that importing the package does no work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["assess_frame", "assess_series"]

if TYPE_CHECKING:
    from blueprint_tracker.assess import assess_series
    from blueprint_tracker.tables.frame import assess_frame


def __getattr__(name: str) -> Any:
    if name == "assess_series":
        from blueprint_tracker.assess import assess_series

        return assess_series
    if name == "assess_frame":  # needs pyarrow (the `frames` extra)
        from blueprint_tracker.tables.frame import assess_frame

        return assess_frame
    raise AttributeError(name)
