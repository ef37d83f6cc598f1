"""Numbers as a reader sees them on every surface (pages, CLI): grouped digits in the
language's style, a fixed number of decimals, percentages with one decimal."""

from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal, format_percent

from blueprint_tracker.i18n import locale

NUMBER_DECIMALS = 3  # a method's numbers (ratios, growth rates, projections)


def number(value: float | None, lang: str, decimals: int = 2) -> str:
    """``1,234.57``; ``—`` for no value."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=locale(lang)))


def figure(value: float | None, lang: str) -> str:
    """An observed figure as it was published: grouped digits and only the decimals it has
    (``465,000``, ``0.43``, ``1,558``), never padded to a method's three decimals."""
    if value is None:
        return "—"
    return str(format_decimal(value, format="#,##0.######", locale=locale(lang)))


def percent(value: float | None, lang: str) -> str:
    """``3.3%`` from 0.033; ``—`` for no value."""
    if value is None:
        return "—"
    return str(format_percent(value, format="#,##0.0%", locale=locale(lang)))


def signed(text: str, value: float) -> str:
    """A plus sign in front of a formatted positive number."""
    return text if value < 0 or text.startswith(("-", "−")) else f"+{text}"


def number_value(value: Any, lang: str) -> str:
    """One of an assessment's numbers: a year or count as it is, a measure to 3 decimals, an
    interval as "low – high"."""
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value, lang, NUMBER_DECIMALS)
    if isinstance(value, list | tuple):
        return " – ".join(number_value(v, lang) for v in value)
    return str(value)
