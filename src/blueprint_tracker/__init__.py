"""Blueprint Tracker: is a government's development plan keeping its promises?

The public API is loaded lazily so that importing the package does no work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["assess_series"]

if TYPE_CHECKING:
    from blueprint_tracker.assess import assess_series


def __getattr__(name: str) -> Any:
    if name == "assess_series":
        from blueprint_tracker.assess import assess_series

        return assess_series
    raise AttributeError(name)
