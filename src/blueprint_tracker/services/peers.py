"""Peer economies beside an indicator: the latest figure of each, and every figure over time.

Context only: nothing here is read by an assessment.
"""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.compute.indicator_values import IndicatorValue
from blueprint_tracker.domain.indicator import Indicator
from blueprint_tracker.domain.peers import ContextComparison, Economy, PeerFigure, Peers
from blueprint_tracker.domain.text import Text
from blueprint_tracker.errors import PlanInvalidError
from blueprint_tracker.formats.peers_file import PEERS_FILE, load_peers
from blueprint_tracker.services.models import (
    PeerComparison,
    PeerContext,
    PeerPoint,
    PeerRow,
    PeerSource,
)
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace


def plan_peers(ws: Workspace) -> Peers:
    """The plan's peers file, read once and kept in the workspace's one cache (its rule: the
    same day and the same stored figures, like every page that shows the peers)."""
    peers: Peers = ws.cache.remember(("peers",), lambda: _read_peers(ws))
    return peers


def _read_peers(ws: Workspace) -> Peers:
    peers, problems = load_peers(ws.plan_dir, {i.id for i in ws.plan.indicators})
    if problems:
        path = ws.plan_dir / PEERS_FILE
        raise PlanInvalidError(f"{path} has {len(problems)} problem(s)", problems)
    return peers


def _source(figure: PeerFigure) -> PeerSource:
    s = figure.source
    return {
        "agency": s.agency,
        "title": s.title,
        "url": s.url,
        "table": s.table,
        "tier": s.tier,
        "copy_url": s.copy_url,
    }


def _row(economy: Economy, figure: PeerFigure | None, decimals: int) -> PeerRow:
    return {
        "economy": economy.id,
        "name": text(economy.name),
        "year": figure.year if figure else None,
        "value": figure.value if figure else None,
        "display": f"{figure.value:,.{decimals}f}" if figure else None,
        "released": figure.release_date.isoformat() if figure else None,
        "source": _source(figure) if figure else None,
        "note": figure.note if figure else "",
    }


def _latest(figures: list[PeerFigure]) -> PeerFigure | None:
    return max(figures, key=lambda f: (f.year, f.release_date), default=None)


def _home(peers: Peers, values: list[IndicatorValue], decimals: int) -> list[PeerRow]:
    if peers.home is None or not values:
        return []
    latest = values[-1]
    source = latest.inputs[0].source if len(latest.inputs) == 1 else None
    row = _row(peers.home, None, decimals)
    row["year"] = latest.year
    row["value"] = latest.value
    row["display"] = f"{latest.value:,.{decimals}f}"
    row["released"] = latest.released
    row["home"] = True
    row["basis"] = latest.basis
    row["tiers"] = [o.source.tier for o in latest.inputs]
    if source is not None:
        row["source"] = {"title": source.title, "url": source.url, "tier": source.tier}
    return [row]


def _over_time(
    peers: Peers, figures: list[PeerFigure], values: list[IndicatorValue]
) -> list[PeerPoint]:
    names = {e.id: e.name for e in peers.economies}
    rows: list[PeerPoint] = []
    if peers.home is not None:
        rows += [
            {
                "economy": peers.home.id,
                "name": text(peers.home.name),
                "year": v.year,
                "value": v.value,
                "home": True,
            }
            for v in values
        ]
    return rows + _points(names, figures)


def _points(names: dict[str, Text], figures: list[PeerFigure]) -> list[PeerPoint]:
    latest_release: dict[tuple[str, int], PeerFigure] = {}
    for f in figures:  # one point per economy and year: the latest release of it
        key = (f.economy, f.year)
        if key not in latest_release or f.release_date > latest_release[key].release_date:
            latest_release[key] = f
    return [
        {"economy": f.economy, "name": text(names[f.economy]), "year": f.year, "value": f.value}
        for f in sorted(latest_release.values(), key=lambda f: (f.economy, f.year))
    ]


def _context(peers: Peers, measure: ContextComparison, as_of: dt.date | None) -> PeerContext:
    """A measure that is not one of the plan's indicators, for the plan's economy and its
    peers alike, every figure from the peers file with its source."""
    figures = peers.known(measure.id, as_of)
    economies = ([peers.home] if peers.home is not None else []) + list(peers.economies)
    latest = []
    for e in economies:
        row = _row(e, _latest([f for f in figures if f.economy == e.id]), measure.decimals)
        if peers.home is not None and e.id == peers.home.id:
            row["home"] = True
        latest.append(row)
    points = _points({e.id: e.name for e in economies}, figures)
    home = peers.home.id if peers.home is not None else None
    return {
        "id": measure.id,
        "name": text(measure.name),
        "unit": text(measure.unit),
        "note": text(measure.note) if measure.note else None,
        "latest": latest,
        "gaps": [row["economy"] for row in latest if row["year"] is None],
        "over_time": [{**p, "home": True} if p["economy"] == home else p for p in points],
    }


def _contexts(peers: Peers, indicator_id: str, as_of: dt.date | None) -> list[PeerContext]:
    return [_context(peers, c, as_of) for c in peers.context if c.shown_on == indicator_id]


def peer_comparison(
    ws: Workspace,
    indicator: Indicator,
    values: list[IndicatorValue],
    as_of: dt.date | None = None,
) -> PeerComparison | None:
    """Hong Kong (the plan's own values) beside its peers, or why the indicator is not
    compared; None when the plan has no peers for it."""
    peers = plan_peers(ws)
    left_out = next((n for n in peers.not_compared if n.id == indicator.id), None)
    if left_out is not None:
        comparison: PeerComparison = {"compared": False, "why": text(left_out.why)}
        if context := _contexts(peers, indicator.id, as_of):
            comparison["context"] = context
        return comparison
    compared = next((c for c in peers.indicators if c.id == indicator.id), None)
    if compared is None:
        return None
    figures = peers.known(indicator.id, as_of)
    latest = _home(peers, values, indicator.decimals) + [
        _row(e, _latest([f for f in figures if f.economy == e.id]), indicator.decimals)
        for e in peers.economies
    ]
    return {
        "compared": True,
        "note": text(compared.note) if compared.note else None,
        "latest": latest,
        "gaps": [row["economy"] for row in latest if row["year"] is None],
        "over_time": _over_time(peers, figures, values),
    }
