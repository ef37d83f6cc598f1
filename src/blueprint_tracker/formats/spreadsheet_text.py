"""Text that a spreadsheet would run as a formula, written so that it stays text.

OWASP's CSV-injection rule: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe. Numbers (``-3.5``) are left alone, so they stay
numbers. A cell that already starts with an apostrophe gets one more, so that reading a file
back (``unescape``) gives exactly the text that was written.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def needs_quote(text: str) -> bool:
    """True for text a spreadsheet would read as a formula (or an escaped one)."""
    if text.startswith(QUOTE):
        return True
    return text.startswith(FORMULA_START) and not PLAIN_NUMBER.match(text)


def spreadsheet_safe(value: Any) -> Any:
    """The value to write in a CSV cell: risky text gets a leading apostrophe; the rest as is."""
    if isinstance(value, str) and needs_quote(value):
        return QUOTE + value
    return value


def unescape(text: str) -> str:
    """The text a ``spreadsheet_safe`` cell stood for (other text unchanged)."""
    if text.startswith(QUOTE) and needs_quote(text[1:]):
        return text[1:]
    return text
