"""Indicator data: values computed from the store's figures as of a date, with provenance."""

from __future__ import annotations

import datetime as dt
from typing import cast

from blueprint_tracker import i18n
from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.compute.indicator_values import (
    IndicatorValue,
    by_series_year,
    compute_indicator,
)
from blueprint_tracker.domain.indicator import Indicator
from blueprint_tracker.domain.series import Observation, Source
from blueprint_tracker.domain.text import Text
from blueprint_tracker.services.models import (
    IndicatorSummary,
    ObservationData,
    PlanMilestone,
    ValueData,
)
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace


def observation_data(o: Observation) -> ObservationData:
    return {
        "id": o.id,
        "series": o.series,
        "period": o.period,
        "value": o.value,
        "unit": o.unit,
        "flags": list(o.flags),
        "source": {
            "agency": o.source.agency,
            "title": o.source.title,
            "url": o.source.url,
            "table": o.source.table,
            "tier": o.source.tier,
            "copy_url": o.source.copy_url,
        },
        "release_date": o.release_date.isoformat(),
        "note": o.note,
        "dimensions": dict(o.dimensions),
    }


def value_data(value: IndicatorValue, decimals: int) -> ValueData:
    return {
        "year": value.year,
        "value": value.value,
        "display": f"{value.value:,.{decimals}f}",
        "released": value.released,
        "basis": value.basis,
        "flags": list(value.flags),
        "inputs": [observation_data(o) for o in value.inputs],
    }


def indicator_inputs(indicator: Indicator) -> list[str]:
    """The series an indicator reads: its formula's and its fallback."""
    names = parse_formula(indicator.formula).names
    return [*names, *([indicator.fallback] if indicator.fallback else [])]


def _both(title: Text) -> str:
    """The plan's title as one source title: its first language, the others in brackets."""
    first, *others = [title.get(lang) for lang in title.languages()]
    return f"{first} ({' / '.join(others)})" if others else first


def plan_table(
    ws: Workspace, indicator: Indicator, as_of: dt.date | None = None
) -> list[Observation]:
    """The indicator's values as the plan itself published them (its own table), each an
    official statement released on the plan's publication date; none before that date."""
    header = ws.plan.header
    if (as_of is not None and as_of < header.published) or not header.source_url:
        return []
    source = Source(
        agency=header.publisher.get(i18n.FALLBACK),
        title=_both(header.title),
        url=header.source_url,
        tier="official_statement",
    )
    return [
        Observation(
            series=f"indicator:{indicator.id}",
            period=str(year),
            value=value,
            unit=indicator.unit.get(i18n.FALLBACK),
            source=source,
            release_date=header.published,
            note="The plan's own table of indicator values.",
        )
        for year, value in sorted(indicator.published.items())
    ]


def indicator_values(
    ws: Workspace, indicator: Indicator, as_of: dt.date | None = None
) -> list[IndicatorValue]:
    """The indicator's series as known on ``as_of`` (latest vintages released by then)."""
    observations = ws.store.latest(ws.plan.id, indicator_inputs(indicator), as_of)
    formula = parse_formula(indicator.formula)
    return compute_indicator(
        formula,
        by_series_year(observations),
        indicator.fallback,
        plan_table(ws, indicator, as_of),
    )


def _summary(indicator: Indicator, values: list[IndicatorValue]) -> IndicatorSummary:
    latest = values[-1] if values else None
    return {
        "id": indicator.id,
        "name": text(indicator.name),
        "group": text(indicator.group),
        "unit": text(indicator.unit),
        "direction": indicator.direction,
        "decimals": indicator.decimals,
        "formula": indicator.formula,
        "fallback": indicator.fallback,
        "projection": indicator.projection,
        "measures": list(indicator.measures),
        "published": {str(year): v for year, v in sorted(indicator.published.items())},
        "milestones": [cast(PlanMilestone, m.model_dump()) for m in indicator.milestones],
        "definition_note": text(indicator.definition_note),
        "latest": value_data(latest, indicator.decimals) if latest else None,
        "values": [value_data(v, indicator.decimals) for v in values],
    }


def indicator_summary(
    ws: Workspace, indicator: Indicator, as_of: dt.date | None = None
) -> IndicatorSummary:
    return _summary(indicator, indicator_values(ws, indicator, as_of))


def indicator_summaries(ws: Workspace, as_of: dt.date | None = None) -> dict[str, IndicatorSummary]:
    """Every indicator's summary, by id, from one query of the store (in plan order)."""
    names = {name for indicator in ws.plan.indicators for name in indicator_inputs(indicator)}
    table = by_series_year(ws.store.latest(ws.plan.id, names, as_of))
    return {
        indicator.id: _summary(
            indicator,
            compute_indicator(
                parse_formula(indicator.formula),
                table,
                indicator.fallback,
                plan_table(ws, indicator, as_of),
            ),
        )
        for indicator in ws.plan.indicators
    }


def indicator_table(ws: Workspace, as_of: dt.date | None = None) -> list[IndicatorSummary]:
    return list(indicator_summaries(ws, as_of).values())
