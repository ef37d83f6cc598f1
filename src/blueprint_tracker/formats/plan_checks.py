"""Checks across a plan's files: ids, parents, formulas, links and dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from blueprint_tracker.compute.formula import FormulaError, parse_formula
from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.domain.due import parse_due
from blueprint_tracker.domain.indicator import Indicator
from blueprint_tracker.domain.plan import Node, Plan
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.plan_languages import check_languages
from blueprint_tracker.formats.problems import ItemIndex

PLAN, SERIES, INDICATORS, COMMITMENTS, EVIDENCE = (
    "plan.yaml",
    "series.yaml",
    "indicators.yaml",
    "commitments.yaml",
    "evidence.csv",
)


def _duplicates(file: str, key: str, ids: Iterable[str]) -> list[Problem]:
    counts = Counter(ids)
    return [
        Problem(file, f"{key} (id {item})", f"duplicate id: used {n} times")
        for item, n in counts.items()
        if n > 1
    ]


def _check_tree(plan: Plan, index: ItemIndex) -> list[Problem]:
    rank = {level: position for position, level in enumerate(plan.level_ids())}
    nodes = plan.nodes_by_id()
    problems = _duplicates(PLAN, "nodes", (n.id for n in plan.header.nodes))
    for node in plan.header.nodes:
        where = index.where("nodes", node.id)
        if node.level not in rank:
            problems.append(Problem(PLAN, f"{where}.level", f"unknown level {node.level!r}"))
            continue
        problems += _check_parent(where, node, rank, nodes, index)
    return problems


def _check_parent(
    where: str, node: Node, rank: dict[str, int], nodes: dict[str, Node], index: ItemIndex
) -> list[Problem]:
    if node.parent is None:
        if rank[node.level] != 0:
            return [Problem(PLAN, f"{where}.parent", f"a {node.level} needs a parent")]
        return []
    target = nodes.get(node.parent)
    if target is None:
        if index.known_invalid("nodes", node.parent):
            return []
        return [Problem(PLAN, f"{where}.parent", f"unknown parent {node.parent!r}")]
    if rank.get(target.level, len(rank)) >= rank[node.level]:
        return [
            Problem(PLAN, f"{where}.parent", f"parent {node.parent!r} is not at a higher level")
        ]
    return []


def _unknown(
    file: str,
    where: str,
    what: str,
    names: Iterable[str],
    known: set[str],
    index: ItemIndex,
    key: str,
) -> list[Problem]:
    return [
        Problem(file, where, f"{what} {name!r}")
        for name in names
        if name not in known and not index.known_invalid(key, name)
    ]


def _check_indicators(plan: Plan, index: ItemIndex) -> list[Problem]:
    series_ids = {s.id for s in plan.series}
    node_ids = set(plan.nodes_by_id())
    problems = _duplicates(INDICATORS, "indicators", (i.id for i in plan.indicators))
    problems += _duplicates(SERIES, "series", (s.id for s in plan.series))
    for indicator in plan.indicators:
        where = index.where("indicators", indicator.id)
        try:
            names: tuple[str, ...] = parse_formula(indicator.formula).names
        except FormulaError as exc:
            problems.append(Problem(INDICATORS, f"{where}.formula", str(exc)))
            names = ()
        problems += _unknown(
            INDICATORS,
            f"{where}.formula",
            "names unknown series",
            names,
            series_ids,
            index,
            "series",
        )
        if indicator.fallback is not None:
            problems += _unknown(
                INDICATORS,
                f"{where}.fallback",
                "names unknown series",
                [indicator.fallback],
                series_ids,
                index,
                "series",
            )
        problems += _unknown(
            INDICATORS,
            f"{where}.measures",
            "unknown plan node",
            indicator.measures,
            node_ids,
            index,
            "nodes",
        )
        problems += _check_progress(indicator, where, series_ids, index)
    return problems


def _check_progress(
    indicator: Indicator, where: str, series_ids: set[str], index: ItemIndex
) -> list[Problem]:
    problems: list[Problem] = []
    for position, setting in enumerate(indicator.progress):
        if setting.series is not None:
            problems += _unknown(
                INDICATORS, f"{where}.progress[{position}].series", "names unknown series",
                [setting.series], series_ids, index, "series",
            )  # fmt: skip
    return problems


def _check_commitments(plan: Plan, index: ItemIndex) -> list[Problem]:
    node_ids = set(plan.nodes_by_id())
    series_ids = {s.id for s in plan.series}
    problems = _duplicates(COMMITMENTS, "commitments", (c.id for c in plan.commitments))
    for commitment in plan.commitments:
        where = index.where("commitments", commitment.id)
        problems += _unknown(
            COMMITMENTS,
            f"{where}.node",
            "unknown node",
            [commitment.node],
            node_ids,
            index,
            "nodes",
        )
        if commitment.due is not None:
            try:
                parse_due(commitment.due)
            except ValueError as exc:
                problems.append(Problem(COMMITMENTS, f"{where}.due", str(exc)))
        if commitment.milestone is not None:
            problems += _unknown(
                COMMITMENTS,
                f"{where}.milestone.series",
                "milestone names unknown series",
                [commitment.milestone.series],
                series_ids,
                index,
                "series",
            )
    return problems


def _check_evidence(
    plan: Plan, evidence: list[Evidence], today: dt.date, index: ItemIndex
) -> list[Problem]:
    known = {c.id for c in plan.commitments}
    problems: list[Problem] = []
    for number, entry in enumerate(evidence, start=1):
        where = f"entry {number} ({entry.commitment})"
        problems += _unknown(
            EVIDENCE, where, "unknown commitment", [entry.commitment], known, index, "commitments"
        )
        if entry.release_date > today:
            problems.append(Problem(EVIDENCE, where, "release_date is in the future"))
        try:
            parse_due(entry.date)
        except ValueError as exc:
            problems.append(Problem(EVIDENCE, where, f"date: {exc}"))
    return problems


def check_plan(
    plan: Plan,
    evidence: list[Evidence],
    index: ItemIndex | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every cross-file problem: duplicate ids, unknown parents, series, nodes, bad dates."""
    index = index or ItemIndex()
    today = today or dt.date.today()
    return [
        *_check_tree(plan, index),
        *check_languages(plan, index),
        *_check_indicators(plan, index),
        *_check_commitments(plan, index),
        *_check_evidence(plan, evidence, today, index),
    ]
