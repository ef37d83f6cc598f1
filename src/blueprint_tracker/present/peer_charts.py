"""The chart of an indicator beside its peer economies: one line per economy over time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint_tracker.present.charts import VEGA_LITE_SCHEMA, Gettext


def peer_chart(page: Mapping[str, Any], lang: str, _: Gettext) -> dict[str, Any] | None:
    """A Vega-Lite line chart of every economy's figures (the plan's own economy in bold)."""
    peers = page.get("peers") or {}
    if not peers.get("compared") or not peers.get("over_time"):
        return None
    indicator = page["indicator"]
    unit = (indicator.get("unit") or {}).get(lang, "")
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
        "data": {"values": rows},
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


def _keys(row: dict[str, Any]) -> dict[str, Any]:
    return {"year": row["year"], "value": row["value"], "home": bool(row.get("home"))}


def peer_summary(page: Mapping[str, Any], lang: str, _: Gettext) -> str:
    """The latest figure of each economy in words (the chart's text equivalent)."""
    peers = page.get("peers") or {}
    parts = []
    for row in peers.get("latest") or []:
        name = (row["name"] or {}).get(lang, row["economy"])
        if row["year"] is None:
            parts.append(_("%(name)s: no figure found") % {"name": name})
        else:
            year = _("(%(year)s)") % {"year": row["year"]}
            parts.append(f"{name}{_(': ')}{row['display']} {year}")
    return _("; ").join(parts)
