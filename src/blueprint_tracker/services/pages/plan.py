"""Page data for the overview, the plan tree and one plan node."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.services.lookup import node_links
from blueprint_tracker.services.models import (
    CommitmentRow,
    NodePage,
    OverviewPage,
    PlanNode,
    PlanPage,
)
from blueprint_tracker.services.pages.changes import changes_since
from blueprint_tracker.services.pages.commitments import commitment_list
from blueprint_tracker.services.pages.indicators import indicator_cards
from blueprint_tracker.services.pages.statuses import edition_date, load_statuses
from blueprint_tracker.services.plan_views import plan_tree, text
from blueprint_tracker.services.workspace import Workspace


def overview_page(ws: Workspace, as_of: dt.date | None = None) -> OverviewPage:
    statuses = load_statuses(ws, as_of)
    tree = plan_tree(ws.plan)
    return {
        "edition": edition_date(as_of).isoformat(),
        "as_of": as_of.isoformat() if as_of else None,
        "has_status": statuses.report is not None,
        "plan": tree["plan"],
        "levels": tree["levels"],
        "level_counts": tree["counts"],
        "counts": statuses.counts(),
        "headline_method": statuses.headline_method(),
        "indicators": indicator_cards(ws, statuses, as_of),
        "commitment_count": len(ws.plan.commitments),
        "changes": changes_since(ws, as_of),
    }


def plan_page(ws: Workspace, as_of: dt.date | None = None) -> PlanPage:
    """The tree with, on each node, its commitments, indicators and status counts."""
    statuses = load_statuses(ws, as_of)
    tree = plan_tree(ws.plan)
    by_node: dict[str, list[CommitmentRow]] = {}
    for row in commitment_list(ws, statuses, as_of):
        by_node.setdefault(row["node"], []).append(row)
    nodes = [
        PlanNode(
            **node,
            commitments=[
                {
                    "id": c["id"],
                    "title": c["title"],
                    "text": c["text"],
                    "status": c["status"],
                    "due": c["due"],
                }
                for c in by_node.get(node["id"], [])
            ],
            indicators=[
                {"id": i.id, "name": text(i.name)}
                for i in ws.plan.indicators
                if node["id"] in i.measures
            ],
            rollup=statuses.rollup(node["id"]),
        )
        for node in tree["nodes"]
    ]
    return {
        "plan": tree["plan"],
        "levels": tree["levels"],
        "counts": tree["counts"],
        "nodes": nodes,
        "edition": edition_date(as_of).isoformat(),
        "has_status": statuses.report is not None,
    }


def node_page(ws: Workspace, node_id: str, as_of: dt.date | None = None) -> NodePage:
    node = ws.plan.nodes_by_id().get(node_id)
    if node is None:
        raise NotFoundError(f"no plan node has the id {node_id!r}")
    rollup = load_statuses(ws, as_of).rollup(node_id)
    return NodePage(**node_links(ws.plan, node), rollup=rollup)
