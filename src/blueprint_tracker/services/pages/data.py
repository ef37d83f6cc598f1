"""Page data for the data page: sources, series coverage, gaps, notes; and the figures' rows."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.domain.series import TIERS
from blueprint_tracker.services.indicators import (
    indicator_inputs,
    indicator_summaries,
    observation_data,
)
from blueprint_tracker.services.models import (
    DataPage,
    IndicatorGap,
    NotOfficialFigure,
    ObservationData,
    SeriesCoverage,
    SourceRow,
    SourcesPage,
    TierCount,
)
from blueprint_tracker.services.pages.statuses import (
    Statuses,
    edition_date,
    load_statuses,
)
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace


def sources_page(ws: Workspace, as_of: dt.date | None = None) -> SourcesPage:
    """Each publication the figures come from, with the series and releases it supplied."""
    sources: dict[tuple[str, str, str, str, str], SourceRow] = {}
    for o in ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True):
        key = (o.source.agency, o.source.title, o.source.url, o.source.tier, o.source.copy_url)
        entry = sources.setdefault(
            key,
            {
                "agency": o.source.agency,
                "title": o.source.title,
                "url": o.source.url,
                "tier": o.source.tier,
                "copy_url": o.source.copy_url,
                "series": [],
                "figures": 0,
                "latest_release": "",
            },
        )
        entry["figures"] += 1
        if o.series not in entry["series"]:
            entry["series"].append(o.series)
        entry["latest_release"] = max(entry["latest_release"], o.release_date.isoformat())
    order = {tier: n for n, tier in enumerate(TIERS)}
    rows = sorted(sources.values(), key=lambda s: (order[s["tier"]], s["agency"], s["title"]))
    return {"edition": edition_date(as_of).isoformat(), "sources": rows}


def _tier_counts(ws: Workspace, as_of: dt.date | None) -> list[TierCount]:
    """Per indicator: how many of the stored figures of its inputs come from each tier."""
    vintages = ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True)
    rows: list[TierCount] = []
    for indicator in ws.plan.indicators:
        names = set(indicator_inputs(indicator))
        counts = {tier: 0 for tier in TIERS}
        for o in vintages:
            if o.series in names:
                counts[o.source.tier] += 1
        rows.append({"indicator": indicator.id, "name": text(indicator.name), "counts": counts})
    return rows


def _not_official(ws: Workspace, as_of: dt.date | None) -> list[NotOfficialFigure]:
    """Figures that rest on a media report or a third party, with why each stays."""
    vintages = ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True)
    official = {(o.series, o.period) for o in vintages if o.source.official}
    return [
        {
            "series": o.series,
            "period": o.period,
            "value": o.value,
            "tier": o.source.tier,
            "title": o.source.title,
            "url": o.source.url,
            "release_date": o.release_date.isoformat(),
            # the reason, as a key the page words in both languages
            "reason": "other_vintage" if (o.series, o.period) in official else "no_official",
        }
        for o in vintages
        if not o.source.official
    ]


def _series_coverage(ws: Workspace, as_of: dt.date | None) -> list[SeriesCoverage]:
    latest = ws.store.latest(ws.plan.id, None, as_of)
    rows: list[SeriesCoverage] = []
    for series in ws.plan.series:
        figures = [o for o in latest if o.series == series.id]
        years = sorted({o.year for o in figures})
        released = max((o.release_date for o in figures), default=None)
        rows.append(
            {
                "id": series.id,
                "name": text(series.name),
                "unit": text(series.unit),
                "third_party": series.third_party,
                "figures": len(figures),
                "first_year": years[0] if years else None,
                "last_year": years[-1] if years else None,
                "missing_years": [y for y in range(years[0], years[-1] + 1) if y not in years]
                if years
                else [],
                "latest_release": released.isoformat() if released else None,
            }
        )
    return rows


def _indicator_gaps(ws: Workspace, statuses: Statuses, as_of: dt.date | None) -> list[IndicatorGap]:
    rows: list[IndicatorGap] = []
    baseline = ws.plan.header.baseline_year
    last = edition_date(as_of).year - 1
    summaries = indicator_summaries(ws, as_of)
    for indicator in ws.plan.indicators:
        years = {v["year"] for v in summaries[indicator.id]["values"]}
        missing = [y for y in range(baseline, last + 1) if y not in years]
        entry = statuses.indicator(indicator.id)
        if missing or (entry and entry["stale"]):
            rows.append(
                {
                    "indicator": indicator.id,
                    "name": text(indicator.name),
                    "missing_years": missing,
                    "stale": entry["stale"] if entry else None,
                    "expected_release": entry["expected_release"] if entry else None,
                }
            )
    return rows


def data_notes(ws: Workspace, lang: str) -> str:
    """The plan's data notes in ``lang`` (Markdown), else in the first of the plan's languages
    that has them, or an empty string."""
    folder = ws.plan_dir / "notes"
    for tag in (lang, *ws.plan.header.languages):
        path = folder / f"data-notes.{tag}.md"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def data_page(ws: Workspace, as_of: dt.date | None = None) -> DataPage:
    statuses = load_statuses(ws, as_of)
    return {
        "edition": edition_date(as_of).isoformat(),
        "sources": sources_page(ws, as_of)["sources"],
        "tiers": list(TIERS),
        "tier_counts": _tier_counts(ws, as_of),
        "not_official": _not_official(ws, as_of),
        "series": _series_coverage(ws, as_of),
        "gaps": _indicator_gaps(ws, statuses, as_of),
        "notes": {lang: data_notes(ws, lang) for lang in ws.plan.header.languages},
    }


def observation_rows(ws: Workspace, as_of: dt.date | None = None) -> list[ObservationData]:
    """Every stored release of every base series known on ``as_of`` (for downloads)."""
    return [
        observation_data(o) for o in ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True)
    ]
