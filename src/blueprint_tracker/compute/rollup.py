"""Roll-ups: counts of each status for every ancestor node (never an average)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def _ancestors(node: str, parents: Mapping[str, str | None]) -> list[str]:
    chain: list[str] = []
    seen = {node}
    parent = parents.get(node)
    while parent is not None:
        if parent in seen:
            raise ValueError(f"the tree has a cycle through {parent!r}")
        if parent not in parents:
            raise ValueError(f"{chain[-1] if chain else node!r} has an unknown parent {parent!r}")
        seen.add(parent)
        chain.append(parent)
        parent = parents[parent]
    return chain


def rollup_counts(
    parents: Mapping[str, str | None],
    statuses: Mapping[str, str | Iterable[str]],
) -> dict[str, dict[str, int]]:
    """For every node of the tree (node id -> parent id, None at the top), how many of the
    statuses of the leaves below it fall in each status.

    `statuses` maps a leaf id (a key of `parents`) to its status, or to several (a leaf with
    several milestones or methods). A node without statused leaves below it gets {}.
    """
    counts: dict[str, Counter[str]] = {node: Counter() for node in parents}
    for leaf, status in statuses.items():
        if leaf not in parents:
            raise ValueError(f"leaf {leaf!r} is not in the tree")
        values = [status] if isinstance(status, str) else list(status)
        for ancestor in _ancestors(leaf, parents):
            counts[ancestor].update(values)
    return {node: dict(sorted(counter.items())) for node, counter in counts.items()}
