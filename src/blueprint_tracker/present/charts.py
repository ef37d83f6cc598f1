"""Vega-Lite chart specifications built from page data (shared by the web pages and reports).

Colours follow the Okabe-Ito palette and every series also differs by dash and point shape, so
the chart reads without colour vision. Each chart comes with a text summary and a data table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from blueprint_tracker.domain.text import join_sentences, with_unit
from blueprint_tracker.present.dates import long_date
from blueprint_tracker.present.labels import COMPARATOR_SIGNS
from blueprint_tracker.services.models import IndicatorPage

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
OBSERVED, TARGET, PROJECTION = "observed", "target", "projection"
COLOURS = {OBSERVED: "#0072B2", TARGET: "#D55E00", PROJECTION: "#009E73"}
DASHES = {OBSERVED: [1, 0], TARGET: [6, 4], PROJECTION: [2, 3]}
SHAPES = {OBSERVED: "circle", TARGET: "square", PROJECTION: "triangle-up"}

Gettext = Callable[[str], str]


def _interval(value: Any) -> tuple[float, float] | None:
    """An interval as (low, high) from a list/tuple or a {low, high} mapping."""
    if isinstance(value, list | tuple) and len(value) == 2 and None not in value:
        return float(value[0]), float(value[1])
    if isinstance(value, dict) and value.get("low") is not None and value.get("high") is not None:
        return float(value["low"]), float(value["high"])
    return None


def projection_points(page: IndicatorPage) -> list[dict[str, Any]]:
    """The trend method's projection at each milestone year, with its 80% and 95% intervals."""
    indicator: Mapping[str, Any] = page["indicator"]
    latest = indicator.get("latest")
    points: list[dict[str, Any]] = []
    for milestone in indicator.get("statuses", []):
        numbers = ((milestone.get("assessments") or {}).get("trend") or {}).get("numbers") or {}
        projection = numbers.get("projection")
        i80, i95 = _interval(numbers.get("interval80")), _interval(numbers.get("interval95"))
        if projection is None or i80 is None or i95 is None:
            continue
        points.append(
            {
                "year": milestone["year"],
                "value": float(projection),
                "lo80": i80[0],
                "hi80": i80[1],
                "lo95": i95[0],
                "hi95": i95[1],
            }
        )
    if points and latest:
        x = latest["value"]
        start = {"year": latest["year"], "value": x, "lo80": x, "hi80": x, "lo95": x, "hi95": x}
        points.insert(0, start)
    return points


def _segments(years: list[int]) -> list[int]:
    """A run number per observed year: a missing year starts a new run, so the line stops
    there (a gap is drawn as a gap, never bridged)."""
    runs, run = [], 0
    for index, year in enumerate(years):
        if index and year - years[index - 1] > 1:
            run += 1
        runs.append(run)
    return runs


def chart_rows(page: IndicatorPage) -> list[dict[str, Any]]:
    """One row per (kind, year): the chart's data, also shown as its table."""
    values = page["indicator"]["values"]
    runs = _segments([v["year"] for v in values])
    rows = [
        {"kind": OBSERVED, "year": v["year"], "value": v["value"], "segment": run}
        for v, run in zip(values, runs, strict=True)
    ]
    milestones = {m["year"] for m in page["indicator"].get("milestones", [])}
    rows += [
        {"kind": TARGET, "year": p["year"], "value": p["value"], "segment": 0,
         **({"milestone": True} if p["year"] in milestones else {})}
        for p in page["target_path"]
    ]  # fmt: skip
    rows += [{"kind": PROJECTION, "segment": 0, **p} for p in projection_points(page)]
    return rows


def _kind_names(_: Gettext) -> dict[str, str]:
    return {
        OBSERVED: _("Observed"),
        TARGET: _("Target path"),
        PROJECTION: _("Trend projection"),
    }


def _band(field_lo: str, field_hi: str, opacity: float, y_title: str) -> dict[str, Any]:
    return {
        "transform": [{"filter": f"datum.kind == '{PROJECTION}'"}],
        "mark": {"type": "area", "opacity": opacity, "color": COLOURS[PROJECTION]},
        "encoding": {
            "x": {"field": "year", "type": "quantitative"},
            "y": {"field": field_lo, "type": "quantitative", "title": y_title},
            "y2": {"field": field_hi},
        },
    }


def indicator_chart(page: IndicatorPage, lang: str, _: Gettext) -> dict[str, Any]:
    """History, target path and projection band (80% and 95%) of one indicator."""
    indicator: Mapping[str, Any] = page["indicator"]
    names = _kind_names(_)
    unit = (indicator.get("unit") or {}).get(lang, "")
    rows = [{**row, "series": names[row["kind"]]} for row in chart_rows(page)]
    decimals = int(indicator.get("decimals", 2))
    for row in rows:
        if row.get("milestone"):
            row["label"] = _("%(year)s target: %(value)s") % {
                "year": row["year"],
                "value": with_unit(_fmt(row["value"], decimals), unit, lang),
            }
    drawn = {row["kind"] for row in rows}
    kinds = [k for k in (OBSERVED, TARGET, PROJECTION) if k in drawn]  # the legend: what is drawn
    legend = [names[k] for k in kinds]
    line = {
        "mark": {"type": "line", "point": {"filled": True, "size": 60}},
        "encoding": {
            "detail": {"field": "segment", "type": "nominal"},
            "x": {
                "field": "year",
                "type": "quantitative",
                "title": _("Year"),
                "axis": {"format": "d", "tickMinStep": 1},
            },
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": unit,
                "scale": {"zero": False},
            },
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": legend, "range": [COLOURS[k] for k in kinds]},
            },
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": legend, "range": [DASHES[k] for k in kinds]},
            },
            "shape": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {"domain": legend, "range": [SHAPES[k] for k in kinds]},
            },
            "tooltip": [
                {"field": "series", "title": _("Series")},
                {"field": "year", "title": _("Year")},
                {"field": "value", "title": _("Value"), "format": ",.4~f"},
            ],
        },
    }
    labels = {
        "transform": [{"filter": "datum.label"}],
        "mark": {"type": "text", "align": "right", "dx": -8, "dy": -10, "fontSize": 12,
                 "fontWeight": "bold", "color": COLOURS[TARGET]},
        "encoding": {
            "x": {"field": "year", "type": "quantitative"},
            "y": {"field": "value", "type": "quantitative"},
            "text": {"field": "label"},
        },
    }  # fmt: skip
    on_top = {  # observed figures drawn over the target path where they share a year
        "transform": [{"filter": f"datum.kind == '{OBSERVED}'"}],
        "mark": {"type": "point", "filled": True, "size": 60, "color": COLOURS[OBSERVED],
                 "opacity": 1},
        "encoding": {
            "x": {"field": "year", "type": "quantitative"},
            "y": {"field": "value", "type": "quantitative"},
        },
    }  # fmt: skip
    layers = [line, on_top, labels]
    if PROJECTION in drawn:
        layers = [_band("lo95", "hi95", 0.15, unit), _band("lo80", "hi80", 0.3, unit), *layers]
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": chart_summary(page, lang, _),
        "width": "container",
        "height": 260,
        "autosize": {"type": "fit", "contains": "padding"},
        "data": {"values": rows},
        "layer": layers,
        "config": {
            "legend": {"orient": "bottom", "labelFontSize": 12, "symbolSize": 80},
            "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "font": "system-ui, sans-serif",
        },
    }


def _fmt(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def chart_summary(page: IndicatorPage, lang: str, _: Gettext) -> str:
    """A sentence or three saying what the chart shows."""
    indicator: Mapping[str, Any] = page["indicator"]
    decimals = int(indicator.get("decimals", 2))
    unit = (indicator.get("unit") or {}).get(lang, "")
    parts: list[str] = []
    latest = indicator.get("latest")
    if latest:
        parts.append(
            _("Latest value %(amount)s for %(year)s, released %(released)s.")
            % {
                "amount": with_unit(latest["display"], unit, lang),
                "year": latest["year"],
                "released": long_date(latest["released"], lang),
            }
        )
    else:
        parts.append(_("No value is available yet."))
    for milestone in indicator.get("milestones", []):
        parts.append(
            _("Target for %(year)s: %(comparator)s %(value)s.")
            % {
                "year": milestone["year"],
                "comparator": COMPARATOR_SIGNS.get(
                    milestone["comparator"], milestone["comparator"]
                ),
                "value": with_unit(_fmt(milestone["value"], decimals), unit, lang),
            }
        )
    for point in projection_points(page)[1:]:
        parts.append(
            _("Trend projection for %(year)s: %(value)s (80%% interval %(lo)s to %(hi)s).")
            % {
                "year": point["year"],
                "value": with_unit(_fmt(point["value"], decimals), unit, lang),
                "lo": _fmt(point["lo80"], decimals),
                "hi": _fmt(point["hi80"], decimals),
            }
        )
    return join_sentences(parts, lang)


def sparkline_svg(values: Iterable[float], width: int = 120, height: int = 32) -> str:
    """A small inline SVG line (decorative: the card states the numbers in words)."""
    points = list(values)
    if len(points) < 2:
        return ""
    low, high = min(points), max(points)
    span = (high - low) or 1.0
    step = (width - 4) / (len(points) - 1)
    coords = " ".join(
        f"{2 + i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}"
        for i, v in enumerate(points)
    )
    return (
        f'<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false"><polyline fill="none" stroke="currentColor" '
        f'stroke-width="2" points="{coords}"/></svg>'
    )


#: Okabe-Ito colours for the parts of a breakdown (distinct from the main chart's three).
PART_COLOURS = ("#56B4E9", "#E69F00", "#CC79A7", "#F0E442", "#000000")


def breakdown_chart(page: IndicatorPage, lang: str, _: Gettext) -> dict[str, Any] | None:
    """A stacked bar per year of the components of an indicator's input (None when it has
    none): GERD by performing sector. Years without every part are still drawn as they are."""
    parts = page.get("components") or []
    values = page.get("component_values") or []
    if not parts or not values:
        return None
    names = {p["id"]: str((p["name"] or {}).get(lang, p["id"])) for p in parts}
    unit = str((parts[0]["unit"] or {}).get(lang, ""))
    order = [names[p["id"]] for p in parts]
    index = {p["id"]: i for i, p in enumerate(parts)}
    rows = [
        {"year": v["year"], "part": names[v["series"]], "part_index": index[v["series"]],
         "value": v["value"]}
        for v in values
    ]  # fmt: skip
    years = [v["year"] for v in values]
    every_year = list(range(min(years), max(years) + 1))  # a year without figures stays empty
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": "container",
        "height": 220,
        "autosize": {"type": "fit", "contains": "padding"},
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": _("Year"),
                "scale": {"domain": every_year},
            },
            "y": {"field": "value", "type": "quantitative", "title": unit, "stack": "zero"},
            "color": {
                "field": "part",
                "type": "nominal",
                "title": None,
                "scale": {"domain": order, "range": list(PART_COLOURS[: len(order)])},
            },
            "order": {"field": "part_index", "type": "quantitative"},
            "tooltip": [
                {"field": "part", "title": _("Series")},
                {"field": "year", "title": _("Year")},
                {"field": "value", "title": _("Value"), "format": ",.1f"},
            ],
        },
        "config": {
            "legend": {
                "orient": "bottom", "direction": "vertical", "labelFontSize": 12, "labelLimit": 0,
            },
            "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "font": "system-ui, sans-serif",
        },
    }
