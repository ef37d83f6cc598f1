"""``N_``: marks an English message id for extraction (no imports, so anything may use it)."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark an English message id for extraction; it is translated where it is shown."""
    return message
