"""Source and evidence addresses: only ``http`` and ``https`` web addresses are accepted.

A ``javascript:`` or ``data:`` address in a source link would run in a reader's browser, and a
``file:`` one points nowhere useful; every path that writes an address checks it here.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator

SCHEMES = ("http", "https")


def web_address_problem(value: str) -> str | None:
    """Why ``value`` is not an http(s) address with a host, or None when it is one."""
    text = value.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return f"{text[:80]!r} is not a web address: it contains control characters"
    parts = urlsplit(text)
    if parts.scheme.lower() not in SCHEMES or not parts.netloc or " " in parts.netloc:
        return (
            f"{text[:80]!r} is not a web address: use one that starts with https:// or http:// "
            f"(other schemes such as {parts.scheme or 'none'}: are refused)"
        )
    return None


def _check(value: str) -> str:
    problem = web_address_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_optional(value: str) -> str:
    return _check(value) if value else value


WebAddress = Annotated[str, AfterValidator(_check)]
OptionalWebAddress = Annotated[str, AfterValidator(_check_optional)]
