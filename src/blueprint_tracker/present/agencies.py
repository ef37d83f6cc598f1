"""An agency's name in the reader's language, from the plan's ``agencies.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def agency_name(name: str, agencies: Mapping[str, Any] | None, lang: str) -> str:
    """``name`` (as observations store it) in ``lang``; the stored name when the table lacks it."""
    names = (agencies or {}).get(name)
    if not isinstance(names, Mapping):
        return name
    words = names.get(lang)
    return str(words) if isinstance(words, str) and words else name
