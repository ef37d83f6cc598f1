"""The audit trail of one item (an indicator's series, a commitment), ready for a template."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.services.audit import audit_rows
from blueprint_tracker.services.workspace import Workspace

Row = dict[str, Any]


def _loads(raw: Any) -> Any:
    if raw is None or raw == "":
        return None
    try:
        return json.loads(raw)
    except (TypeError, ValueError):
        return raw


def _about(row: Row, key: str) -> set[str]:
    values = set()
    for side in (row["before"], row["after"]):
        if isinstance(side, dict) and side.get(key) is not None:
            values.add(str(side[key]))
    return values


def _trail(rows: list[Row], match: Callable[[Row], bool]) -> list[Row]:
    """Rows that match, and every row about the same item (e.g. the decision on a proposal)."""
    items = {(r["item_kind"], r["item_key"]) for r in rows if match(r)}
    return [r for r in rows if (r["item_kind"], r["item_key"]) in items]


def _parsed(ws: Workspace) -> list[Row]:
    return [
        {**r, "before": _loads(r["before"]), "after": _loads(r["after"])} for r in audit_rows(ws)
    ]


def series_trail(ws: Workspace, series: Iterable[str]) -> list[Row]:
    """Every audited change to a figure of these series (proposals, decisions, writes)."""
    names = set(series)

    def match(row: Row) -> bool:
        key = str(row["item_key"])
        if key.startswith("series:") and key.split(":")[1] in names:
            return True
        return bool(_about(row, "series") & names)

    return _trail(_parsed(ws), match)


def indicator_series(ws: Workspace, indicator_id: str) -> list[str]:
    indicator = ws.plan.indicator(indicator_id)
    return list(parse_formula(indicator.formula).names) if indicator else []


def commitment_trail(ws: Workspace, commitment: str) -> list[Row]:
    def match(row: Row) -> bool:
        return row["item_key"] == f"commitment:{commitment}" or commitment in _about(
            row, "commitment"
        )

    return _trail(_parsed(ws), match)


def side_by_side(before: Any, after: Any) -> list[tuple[str, str, str, bool]]:
    """(field, before, after, changed) for two records (dicts), in a stable order."""
    old = before if isinstance(before, dict) else ({} if before is None else {"": before})
    new = after if isinstance(after, dict) else ({} if after is None else {"": after})
    keys = list(dict.fromkeys([*old, *new]))
    return [
        (k, _text(old.get(k)), _text(new.get(k)), _text(old.get(k)) != _text(new.get(k)))
        for k in keys
        if k not in ("id", "plan_id", "batch_id", "change_id")
    ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(value)
