"""Show any id: a plan node, an indicator or a commitment, with its links."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.domain.plan import Node, Plan
from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.services.commitments import commitment_data
from blueprint_tracker.services.indicators import indicator_summary, indicator_values
from blueprint_tracker.services.models import NodeLinks, Shown, ShownIndicator
from blueprint_tracker.services.peers import peer_comparison
from blueprint_tracker.services.plan_views import node_data
from blueprint_tracker.services.workspace import Workspace


def node_links(plan: Plan, node: Node) -> NodeLinks:
    return NodeLinks(
        **node_data(plan, node),
        ancestors=[a.id for a in reversed(plan.ancestors(node.id))],
        commitments=[c.id for c in plan.commitments if c.node == node.id],
        indicators=[i.id for i in plan.indicators if node.id in i.measures],
    )


def show(ws: Workspace, item_id: str, as_of: dt.date | None = None) -> Shown:
    plan = ws.plan
    node = plan.nodes_by_id().get(item_id)
    if node is not None:
        return {"kind": "node", "item": node_links(plan, node)}
    indicator = plan.indicator(item_id)
    if indicator is not None:
        values = indicator_values(ws, indicator, as_of)
        item = ShownIndicator(
            **indicator_summary(ws, indicator, as_of),
            peers=peer_comparison(ws, indicator, values, as_of),
        )
        return {"kind": "indicator", "item": item}
    commitment = plan.commitment(item_id)
    if commitment is not None:
        return {"kind": "commitment", "item": commitment_data(plan, commitment, as_of)}
    raise NotFoundError(f"no node, indicator or commitment has the id {item_id!r}")
