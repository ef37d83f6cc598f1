"""The chart of an indicator beside its peer economies: one line per economy over time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint_tracker.present.charts import VEGA_LITE_SCHEMA, Gettext

FULL_WIDTH_PAREN = "\uff08"  # a full-width bracket needs no space before it


def peer_chart(page: Mapping[str, Any], lang: str, _: Gettext) -> dict[str, Any] | None:
    """A Vega-Lite line chart of every economy's figures (the plan's own economy in bold)."""
    peers, unit_text = _shown(page)
    if not peers.get("over_time"):
        return None
    unit = (unit_text or {}).get(lang, "")
    rows = [
        {"economy": (row["name"] or {}).get(lang, row["economy"]), **_keys(row)}
        for row in peers["over_time"]
    ]
    home = next((r["economy"] for r in rows if r["home"]), None)
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": peer_summary(page, lang, _),
        "width": "container",
        "height": 260,
        "data": {"values": _with_gaps(rows)},
        "mark": {"type": "line", "point": {"filled": True, "size": 50}},
        "encoding": {
            "x": {
                "field": "year",
                "type": "quantitative",
                "title": _("Year"),
                "axis": {"format": "d", "tickMinStep": 1},
            },
            "y": {"field": "value", "type": "quantitative", "title": unit},
            # colour and dash both differ by economy (one legend), so it reads without colour
            "color": {"field": "economy", "type": "nominal", "title": None},
            "strokeDash": {"field": "economy", "type": "nominal", "title": None},
            "strokeWidth": {
                "condition": {"test": f"datum.economy === {home!r}", "value": 3.5},
                "value": 1.5,
            }
            if home
            else {"value": 1.5},
            "tooltip": [
                {"field": "economy", "title": _("Economy")},
                {"field": "year", "title": _("Year")},
                {"field": "value", "title": _("Value"), "format": ",.4~f"},
            ],
        },
        "config": {"legend": {"orient": "bottom"}, "font": "system-ui, sans-serif"},
    }


def _shown(page: Mapping[str, Any]) -> tuple[Mapping[str, Any], Mapping[str, str] | None]:
    """What the chart draws and its unit: the indicator beside its peers, or, where the indicator
    is not compared, the first context measure the peers file gives for its page."""
    peers = page.get("peers") or {}
    if peers.get("compared"):
        return peers, page["indicator"].get("unit")
    context = peers.get("context") or []
    if context:
        return context[0], context[0].get("unit")
    return {}, None


def _with_gaps(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows plus an empty value for each year an economy has no figure between its first and
    last: the line breaks there (Vega-Lite breaks paths at null) instead of bridging the gap."""
    years: dict[str, set[int]] = {}
    for row in rows:
        years.setdefault(row["economy"], set()).add(row["year"])
    home = {row["economy"]: row["home"] for row in rows}
    missing = [
        {"economy": economy, "year": year, "value": None, "home": home[economy]}
        for economy, held in years.items()
        for year in range(min(held), max(held) + 1)
        if year not in held
    ]
    return sorted(rows + missing, key=lambda r: (r["economy"], r["year"]))


def _keys(row: dict[str, Any]) -> dict[str, Any]:
    return {"year": row["year"], "value": row["value"], "home": bool(row.get("home"))}


def peer_summary(page: Mapping[str, Any], lang: str, _: Gettext) -> str:
    """The latest figure of each economy in words (the chart's text equivalent)."""
    peers, _unit = _shown(page)
    parts = []
    for row in peers.get("latest") or []:
        name = (row["name"] or {}).get(lang, row["economy"])
        if row["year"] is None:
            parts.append(_("%(name)s: no figure found") % {"name": name})
        else:
            year = _("(%(year)s)") % {"year": row["year"]}
            space = "" if year.startswith(FULL_WIDTH_PAREN) else " "
            parts.append(f"{name}{_(': ')}{row['display']}{space}{year}")
    return _("; ").join(parts)
