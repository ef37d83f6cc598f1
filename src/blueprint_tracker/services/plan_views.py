"""Page data for the plan tree and its nodes (plain dicts: the same for CLI, JSON and HTML)."""

from __future__ import annotations

from typing import overload

from blueprint_tracker.domain.plan import Node, Plan
from blueprint_tracker.domain.text import Text
from blueprint_tracker.errors import InputError
from blueprint_tracker.services.models import LangText, NodeData, PlanTree


@overload
def text(value: Text) -> LangText: ...
@overload
def text(value: Text | None) -> LangText | None: ...
def text(value: Text | None) -> LangText | None:
    return value.as_dict() if value is not None else None


def node_data(plan: Plan, node: Node, depth: int = 0) -> NodeData:
    return {
        "id": node.id,
        "level": node.level,
        "parent": node.parent,
        "depth": depth,
        "ref": node.ref,
        "title": text(node.title),
        "body": text(node.body),
        "children": [child.id for child in plan.children(node.id)],
    }


def _walk(plan: Plan, parent: str | None, depth: int, keep: set[str]) -> list[NodeData]:
    rows: list[NodeData] = []
    for node in plan.children(parent):
        if node.level in keep:
            rows.append(node_data(plan, node, depth))
        rows += _walk(plan, node.id, depth + 1, keep)
    return rows


def plan_tree(plan: Plan, level: str | None = None) -> PlanTree:
    """The plan's header and its nodes in tree order, down to ``level`` (all levels when None)."""
    levels = plan.level_ids()
    if level is not None and level not in levels:
        raise InputError(f"unknown level {level!r}; the plan's levels are {', '.join(levels)}")
    keep = set(levels[: levels.index(level) + 1]) if level else set(levels)
    header = plan.header
    return {
        "plan": {
            "id": header.id,
            "title": text(header.title),
            "publisher": text(header.publisher),
            "published": header.published.isoformat(),
            "source_url": header.source_url,
            "baseline_year": header.baseline_year,
            "languages": list(header.languages),
            "vision": text(header.vision),
            "mission": [{"id": m.id, "text": text(m.text)} for m in header.mission],
            "development_goals": [
                {"id": g.id, "year": g.year, "text": text(g.text)} for g in header.development_goals
            ],
            "agencies": {name: text(names) for name, names in header.agencies.items()},
            "translations": {lang: dict(words) for lang, words in header.translations.items()},
        },
        "levels": [{"id": lv.id, "name": text(lv.name)} for lv in header.levels],
        "counts": plan.count_by_level(),
        "nodes": _walk(plan, None, 0, keep),
    }
