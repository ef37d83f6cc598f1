"""Search that forgives: case, width, hyphens and spaces, and simplified or traditional Chinese.

Both the query and the texts are folded to one form before a substring match (Chinese has no
word spaces): NFKC (full-width letters to half-width), case folded, spaces and hyphens dropped
("start-ups" = "startups" = "Start ups"), and each Chinese character mapped to its simplified
form (so a query in simplified characters finds the traditional text). The static site folds
queries in the browser with the same character map, restricted to the characters its index
holds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, cast

from blueprint_tracker.services.models import SearchItem, SearchResults, StatusBadge
from blueprint_tracker.services.pages import load_statuses
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace

_DROP = re.compile(r"[\s\-‐‑‒–—―_·\u30fb]+")  # u30fb: the katakana middle dot
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # a packaged converter; imported on first use, not at import time

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=20_000)
def simplified(char: str) -> str:
    """One character's simplified form (itself when it has none)."""
    out = str(_converter().convert(char))
    return out if len(out) == 1 else char


def fold(value: str) -> str:
    """The form a query and a text are compared in."""
    flat = _DROP.sub("", unicodedata.normalize("NFKC", value).casefold())
    return _CJK.sub(lambda m: simplified(m.group(0)), flat)


def char_map(texts: Iterable[str]) -> dict[str, str]:
    """Every Chinese character in ``texts`` whose simplified form differs, mapped to it (for the
    browser, which folds the query with this map)."""
    chars = {c for t in texts for c in _CJK.findall(unicodedata.normalize("NFKC", t))}
    return {c: simplified(c) for c in sorted(chars) if simplified(c) != c}


def _texts(languages: Sequence[str], *values: Mapping[str, Any] | str | None) -> list[str]:
    """The words of ``values`` in each of the plan's ``languages``."""
    out: list[str] = []
    for value in values:
        if isinstance(value, str):
            out += [value] if value else []
        elif value:
            out += [str(value.get(k) or "") for k in languages]
    return out


def search_index(ws: Workspace, as_of: dt.date | None = None) -> list[SearchItem]:
    """Every plan item, indicator and commitment: its title, kind, status and folded text."""
    statuses = load_statuses(ws, as_of)
    levels = {lv.id: text(lv.name) for lv in ws.plan.header.levels}
    items: list[SearchItem] = []
    for node in ws.plan.header.nodes:
        items.append(
            {"kind": "node", "id": node.id, "level": levels.get(node.level),
             "title": text(node.title), "body": text(node.body), "statuses": []}
        )  # fmt: skip
    for indicator in ws.plan.indicators:
        entry: Mapping[str, Any] = statuses.indicator(indicator.id) or {}
        badges: list[StatusBadge] = [
            {"year": m.get("year"), "status": (m.get("headline") or {}).get("status")}
            for m in entry.get("milestones", [])
        ]
        items.append(
            {"kind": "indicator", "id": indicator.id, "title": text(indicator.name),
             "body": text(indicator.definition_note), "statuses": badges}
        )  # fmt: skip
    for c in ws.plan.commitments:
        found = statuses.commitment(c.id)
        status = found["status"] if found else None
        items.append(
            {"kind": "commitment", "id": c.id, "node": c.node,
             "title": text(c.title or c.text), "body": text(c.text),
             "statuses": [{"year": None, "status": status}] if status else []}
        )  # fmt: skip
    for item in items:
        words = _texts(ws.plan.header.languages, item["title"], item["body"])
        item["folded"] = fold(" ".join(words))
    return items


def search(
    ws: Workspace, query: str, limit: int = 100, as_of: dt.date | None = None
) -> SearchResults:
    """Folded substring search in the plan's languages; indicators first, then commitments, then
    plan items."""
    needle = fold(query.strip())
    order = {"indicator": 0, "commitment": 1, "node": 2}
    results = []
    if needle:
        hits = [item for item in search_index(ws, as_of) if needle in item["folded"]]
        results = sorted(hits, key=lambda item: order[item["kind"]])
    public = [
        cast(SearchItem, {k: v for k, v in item.items() if k != "folded"}) for item in results
    ]
    return {"query": query, "total": len(public), "results": public[:limit]}
