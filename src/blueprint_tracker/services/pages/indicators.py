"""Page data for the indicator list and the indicator page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.services.indicators import (
    indicator_summaries,
    indicator_summary,
    indicator_values,
    observation_data,
)
from blueprint_tracker.services.models import (
    BreakdownDimension,
    BreakdownLine,
    Breakdowns,
    ComponentPoint,
    IndicatorCard,
    IndicatorPage,
    IndicatorsPage,
    IndicatorStatus,
    IndicatorSummary,
    MilestoneStatus,
    PathPoint,
    PeerComparison,
    Reading,
    SeriesDef,
    Vintage,
)
from blueprint_tracker.services.pages.statuses import (
    HEADLINE_METHODS,
    Statuses,
    edition_date,
    load_statuses,
)
from blueprint_tracker.services.peers import peer_comparison
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.verdicts import indicator_sentences, travel
from blueprint_tracker.services.workspace import Workspace


def milestone_statuses(entry: IndicatorStatus | None, headline: str) -> list[MilestoneStatus]:
    """Per milestone: year, target, the headline status and every method's reading."""
    if entry is None:
        return []
    rows: list[MilestoneStatus] = []
    for milestone in entry.get("milestones", []):
        assessments = milestone.get("assessments", {})
        chosen: Mapping[str, Any] = milestone.get("headline") or {
            "status": headline_status(assessments, headline), "method": headline,
        }  # fmt: skip
        rows.append(
            {
                "year": milestone.get("year"),
                "target": milestone.get("target"),
                "comparator": milestone.get("comparator"),
                "headline": chosen["status"],
                "headline_method": chosen["method"],
                "headline_split": bool(chosen.get("split")),
                "assessments": assessments,
                "disagree": bool(milestone.get("disagree")),
                "pace": milestone.get("pace"),
            }
        )
    return rows


def headline_status(assessments: Mapping[str, Reading | Any], first: str) -> str | None:
    """The status shown on a card: the report's headline method, else the first that has one."""
    for method in (first, *HEADLINE_METHODS):
        status = (assessments.get(method) or {}).get("status")
        if status:
            return str(status)
    return None


def indicator_card(
    ws: Workspace,
    indicator_id: str,
    statuses: Statuses,
    as_of: dt.date | None,
    summary: IndicatorSummary | None = None,
) -> IndicatorCard:
    indicator = ws.plan.indicator(indicator_id)
    if indicator is None:
        raise NotFoundError(f"no indicator has the id {indicator_id!r}")
    summary = summary or indicator_summary(ws, indicator, as_of)
    entry = statuses.indicator(indicator_id)
    card: dict[str, Any] = {
        **summary,
        "stale": entry.get("stale") if entry else None,
        "expected_release": entry.get("expected_release") if entry else None,
        "statuses": milestone_statuses(entry, statuses.headline_method()),
    }
    card["sentences"] = indicator_sentences(card)
    card["travel"] = travel(card)
    return cast(IndicatorCard, card)


def indicator_cards(
    ws: Workspace, statuses: Statuses, as_of: dt.date | None
) -> list[IndicatorCard]:
    summaries = indicator_summaries(ws, as_of)
    return [indicator_card(ws, i.id, statuses, as_of, summaries[i.id]) for i in ws.plan.indicators]


def _vintages(ws: Workspace, names: list[str], as_of: dt.date | None) -> list[Vintage]:
    """Every release of the base series, marking figures that were later revised."""
    rows = [observation_data(o) for o in ws.store.all_vintages(ws.plan.id, names, as_of)]
    releases: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["series"], row["period"])
        releases[key] = releases.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    vintages = []
    for row in rows:
        key = (row["series"], row["period"])
        seen[key] = seen.get(key, 0) + 1
        vintages.append(Vintage(**row, vintage=seen[key], superseded=seen[key] < releases[key]))
    return vintages


def _series_defs(ws: Workspace, names: list[str]) -> list[SeriesDef]:
    rows: list[SeriesDef] = []
    for name in names:
        series = ws.plan.series_def(name)
        if series is None:
            continue
        rows.append(
            {
                "id": series.id,
                "name": text(series.name),
                "unit": text(series.unit),
                "frequency": series.frequency,
                "release_lag_months": series.release_lag_months,
                "definition": text(series.definition),
                "third_party": series.third_party,
            }
        )
    return rows


def _baseline_point(ws: Workspace, card: IndicatorCard) -> PathPoint | None:
    year = ws.plan.header.baseline_year
    value = next((v["value"] for v in card["values"] if v["year"] == year), None)
    if value is None:
        value = card["published"].get(str(year))
    return {"year": year, "value": value} if value is not None else None


def breakdowns(ws: Workspace, names: list[str], as_of: dt.date | None) -> Breakdowns | None:
    """The indicator's series by breakdown, when its formula is one series with breakdowns."""
    if len(names) != 1:
        return None
    figures = ws.store.latest(ws.plan.id, names, as_of, breakdowns=True)
    if not any(o.dimensions for o in figures):
        return None
    lines: dict[str, BreakdownLine] = {}
    categories: dict[str, list[str]] = {}
    for o in sorted(figures, key=lambda o: (o.dimension_key != "", o.year, o.period)):
        line = lines.setdefault(
            o.dimension_key,
            {"key": o.dimension_key, "dimensions": dict(o.dimensions), "values": []},
        )
        line["values"].append({"year": o.year, "period": o.period, "value": o.value})
        for name, category in o.dimensions.items():
            known = categories.setdefault(name, [])
            if category not in known:
                known.append(category)
    dimensions: list[BreakdownDimension] = [
        {"name": name, "categories": values} for name, values in categories.items()
    ]
    return {"series": names[0], "dimensions": dimensions, "lines": list(lines.values())}


def indicator_page(ws: Workspace, indicator_id: str, as_of: dt.date | None = None) -> IndicatorPage:
    """Everything the indicator page shows: values, statuses, vintages, series, target path."""
    statuses = load_statuses(ws, as_of)
    card = indicator_card(ws, indicator_id, statuses, as_of)
    names = list(parse_formula(card["formula"]).names)
    entry = statuses.indicator(indicator_id)
    baseline = _baseline_point(ws, card)
    path = [baseline] if baseline else []
    path += [{"year": m["year"], "value": m["value"]} for m in card["milestones"]]
    return {
        "edition": edition_date(as_of).isoformat(),
        "as_of": as_of.isoformat() if as_of else None,
        "has_status": statuses.report is not None,
        "indicator": card,
        "series": _series_defs(ws, names),
        "vintages": _vintages(ws, names, as_of),
        "target_path": path,
        "baseline_year": ws.plan.header.baseline_year,
        "breakdowns": breakdowns(ws, names, as_of),
        "components": _series_defs(ws, list(_components(ws, indicator_id))),
        "component_values": _component_values(ws, indicator_id, as_of),
        "progress": entry["progress"] if entry else [],
        "progress_overall": entry["progress_overall"] if entry else None,
        "peers": _peers(ws, indicator_id, as_of),
    }


def _peers(ws: Workspace, indicator_id: str, as_of: dt.date | None) -> PeerComparison | None:
    indicator = ws.plan.indicator(indicator_id)
    if indicator is None:
        return None
    return peer_comparison(ws, indicator, indicator_values(ws, indicator, as_of), as_of)


def _components(ws: Workspace, indicator_id: str) -> list[str]:
    indicator = ws.plan.indicator(indicator_id)
    return list(indicator.components) if indicator is not None else []


def _component_values(
    ws: Workspace, indicator_id: str, as_of: dt.date | None
) -> list[ComponentPoint]:
    """The latest release of each component for each calendar year (a missing one is absent)."""
    components = _components(ws, indicator_id)
    if not components:
        return []
    rows: list[ComponentPoint] = []
    for o in ws.store.latest(ws.plan.id, components, as_of):
        if o.period.isdigit():
            rows.append({"series": o.series, "year": int(o.period), "value": o.value})
    return sorted(rows, key=lambda r: (r["year"], components.index(r["series"])))


def indicators_list(ws: Workspace, as_of: dt.date | None = None) -> IndicatorsPage:
    statuses = load_statuses(ws, as_of)
    return {
        "edition": edition_date(as_of).isoformat(),
        "has_status": statuses.report is not None,
        "indicators": indicator_cards(ws, statuses, as_of),
    }
