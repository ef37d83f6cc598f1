"""Page data for the web dashboard, the JSON API and the static site (plain, JSON-ready dicts).

Each builder composes the existing services; statuses come from ``services.status``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.services.commitments import commitment_rows, evidence_data
from blueprint_tracker.services.indicators import (
    indicator_summaries,
    indicator_summary,
    observation_data,
)
from blueprint_tracker.services.lookup import show
from blueprint_tracker.services.plan_views import plan_tree, text
from blueprint_tracker.services.status import status_report as build_status_report
from blueprint_tracker.services.verdicts import indicator_sentences, travel
from blueprint_tracker.services.workspace import Workspace

CHANGES_WINDOW_DAYS = 91  # "since the last edition": editions are taken to be quarterly
LANG_KEYS = ("zh-Hant", "en")


def edition_date(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


_REPORTS: OrderedDict[tuple[Any, ...], dict[str, Any] | None] = OrderedDict()
_REPORTS_LOCK = threading.Lock()
_REPORTS_KEPT = 8


def status_report(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any] | None:
    """The assessment report.

    A report is reused for the same workspace, date and stored figures (a page shows several
    parts of one report, and a static build shows every part).
    """
    key = (id(ws), str(ws.plan_dir), as_of, dt.date.today(), data_version(ws))
    with _REPORTS_LOCK:
        if key in _REPORTS:
            return _REPORTS[key]
    report = build_status_report(ws, as_of)
    with _REPORTS_LOCK:
        _REPORTS[key] = report
        while len(_REPORTS) > _REPORTS_KEPT:
            _REPORTS.popitem(last=False)
    return report


@dataclass(frozen=True)
class Statuses:
    """The status report indexed by id (empty when no report is available)."""

    report: dict[str, Any] | None

    def indicator(self, indicator_id: str) -> dict[str, Any] | None:
        rows = (self.report or {}).get("indicators", [])
        return next((row for row in rows if row.get("id") == indicator_id), None)

    def commitment(self, commitment_id: str) -> dict[str, Any] | None:
        rows = (self.report or {}).get("commitments", [])
        return next((row for row in rows if row.get("id") == commitment_id), None)

    def rollup(self, node_id: str) -> dict[str, Any] | None:
        result: dict[str, Any] | None = (self.report or {}).get("rollup", {}).get(node_id)
        return result

    def counts(self) -> dict[str, Any] | None:
        return (self.report or {}).get("counts")

    def headline_method(self) -> str:
        return str((self.report or {}).get("headline_method") or HEADLINE_METHODS[0])


def load_statuses(ws: Workspace, as_of: dt.date | None) -> Statuses:
    return Statuses(status_report(ws, as_of))


# --- indicators ---------------------------------------------------------------------------


def milestone_statuses(entry: dict[str, Any] | None, headline: str) -> list[dict[str, Any]]:
    """Per milestone: year, target, the headline status and every method's reading."""
    if entry is None:
        return []
    rows = []
    for milestone in entry.get("milestones", []):
        assessments = milestone.get("assessments", {})
        chosen = milestone.get("headline") or {
            "status": headline_status(assessments, headline), "method": headline,
        }  # fmt: skip
        rows.append(
            {
                "year": milestone.get("year"),
                "target": milestone.get("target"),
                "comparator": milestone.get("comparator"),
                "headline": chosen["status"],
                "headline_method": chosen["method"],
                "headline_split": bool(chosen.get("split")),
                "assessments": assessments,
                "disagree": bool(milestone.get("disagree")),
                "pace": milestone.get("pace"),
            }
        )
    return rows


HEADLINE_METHODS = ("escap", "eurostat", "statcan", "trend")


def headline_status(assessments: dict[str, Any], first: str) -> str | None:
    """The status shown on a card: the report's headline method, else the first that has one."""
    for method in (first, *HEADLINE_METHODS):
        status = (assessments.get(method) or {}).get("status")
        if status:
            return str(status)
    return None


def indicator_card(
    ws: Workspace,
    indicator_id: str,
    statuses: Statuses,
    as_of: dt.date | None,
    summary: dict[str, Any] | None = None,
) -> dict[str, Any]:
    indicator = ws.plan.indicator(indicator_id)
    if indicator is None:
        raise NotFoundError(f"no indicator has the id {indicator_id!r}")
    summary = summary or indicator_summary(ws, indicator, as_of)
    entry = statuses.indicator(indicator_id)
    summary["stale"] = entry.get("stale") if entry else None
    summary["expected_release"] = entry.get("expected_release") if entry else None
    summary["statuses"] = milestone_statuses(entry, statuses.headline_method())
    summary["sentences"] = indicator_sentences(summary)
    summary["travel"] = travel(summary)
    return summary


def indicator_cards(
    ws: Workspace, statuses: Statuses, as_of: dt.date | None
) -> list[dict[str, Any]]:
    summaries = indicator_summaries(ws, as_of)
    return [indicator_card(ws, i.id, statuses, as_of, summaries[i.id]) for i in ws.plan.indicators]


def _vintages(ws: Workspace, names: list[str], as_of: dt.date | None) -> list[dict[str, Any]]:
    """Every release of the base series, marking figures that were later revised."""
    rows = [observation_data(o) for o in ws.store.all_vintages(ws.plan.id, names, as_of)]
    releases: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["series"], row["period"])
        releases[key] = releases.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row["series"], row["period"])
        seen[key] = seen.get(key, 0) + 1
        row["vintage"] = seen[key]
        row["superseded"] = seen[key] < releases[key]
    return rows


def _series_defs(ws: Workspace, names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        series = ws.plan.series_def(name)
        if series is None:
            continue
        rows.append(
            {
                "id": series.id,
                "name": text(series.name),
                "unit": text(series.unit),
                "frequency": series.frequency,
                "release_lag_months": series.release_lag_months,
                "definition": text(series.definition),
                "third_party": series.third_party,
            }
        )
    return rows


def _baseline_point(ws: Workspace, card: dict[str, Any]) -> dict[str, Any] | None:
    year = ws.plan.header.baseline_year
    value = next((v["value"] for v in card["values"] if v["year"] == year), None)
    if value is None:
        value = card["published"].get(str(year))
    return {"year": year, "value": value} if value is not None else None


def indicator_page(
    ws: Workspace, indicator_id: str, as_of: dt.date | None = None
) -> dict[str, Any]:
    """Everything the indicator page shows: values, statuses, vintages, series, target path."""
    statuses = load_statuses(ws, as_of)
    card = indicator_card(ws, indicator_id, statuses, as_of)
    names = list(parse_formula(card["formula"]).names)
    baseline = _baseline_point(ws, card)
    path = [baseline] if baseline else []
    path += [{"year": m["year"], "value": m["value"]} for m in card["milestones"]]
    return {
        "edition": edition_date(as_of).isoformat(),
        "as_of": as_of.isoformat() if as_of else None,
        "has_status": statuses.report is not None,
        "indicator": card,
        "series": _series_defs(ws, names),
        "vintages": _vintages(ws, names, as_of),
        "target_path": path,
        "baseline_year": ws.plan.header.baseline_year,
    }


def indicators_list(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    statuses = load_statuses(ws, as_of)
    return {
        "edition": edition_date(as_of).isoformat(),
        "has_status": statuses.report is not None,
        "indicators": indicator_cards(ws, statuses, as_of),
    }


# --- changes since the last edition ---------------------------------------------------------


def change_kind(previous: str | None, display: str) -> str:
    """new (no value for that year before), revised (shown differently) or confirmed (a later
    release that leaves the shown value as it was)."""
    if previous is None:
        return "new"
    return "revised" if previous != display else "confirmed"


def _released_figures(
    ws: Workspace, since: dt.date, until: dt.date, as_of: dt.date | None
) -> list[dict[str, Any]]:
    """Indicator values released in (since, until], each marked new, revised or confirmed, with
    the value the previous edition showed."""
    figures = []
    then, now = indicator_summaries(ws, since), indicator_summaries(ws, as_of)
    for indicator in ws.plan.indicators:
        before = {v["year"]: v["display"] for v in then[indicator.id]["values"]}
        for value in now[indicator.id]["values"]:
            if not since < dt.date.fromisoformat(value["released"]) <= until:
                continue
            previous = before.get(value["year"])
            figures.append(
                {
                    "indicator": indicator.id,
                    "name": text(indicator.name),
                    "year": value["year"],
                    "display": value["display"],
                    "released": value["released"],
                    "previous": previous,
                    "kind": change_kind(previous, value["display"]),
                }
            )
    return sorted(figures, key=lambda f: f["released"], reverse=True)


def _milestone_statuses(report: dict[str, Any] | None) -> dict[tuple[str, int], str]:
    if not report:
        return {}
    headline = report.get("headline_method") or HEADLINE_METHODS[0]
    return {
        (row["id"], milestone["year"]): reading["status"]
        for row in report.get("indicators", [])
        for milestone in row.get("milestones", [])
        if (reading := milestone.get("assessments", {}).get(headline))
    }


def _status_changes(ws: Workspace, since: dt.date, as_of: dt.date | None) -> dict[str, Any]:
    """Headline statuses of every milestone, and commitment statuses, that differ between the
    previous edition (as of `since`) and this one."""
    old, new = status_report(ws, since), status_report(ws, as_of)
    if old is None or new is None:
        return {"method": None, "targets": [], "commitments": []}
    names = {i.id: text(i.name) for i in ws.plan.indicators}
    before, after = _milestone_statuses(old), _milestone_statuses(new)
    targets = [
        {"indicator": key[0], "name": names.get(key[0]), "year": key[1],
         "before": before.get(key), "after": status}
        for key, status in after.items()
        if before.get(key) != status
    ]  # fmt: skip
    was = {row["id"]: row["status"] for row in old.get("commitments", [])}
    commitments = [
        {"commitment": row["id"], "title": row["title"], "text": row["text"],
         "before": was.get(row["id"]),
         "after": row["status"]}
        for row in new.get("commitments", [])
        if was.get(row["id"]) != row["status"]
    ]  # fmt: skip
    return {"method": new.get("headline_method"), "targets": targets, "commitments": commitments}


def changes_since(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    """What differs between this edition and the one a quarter before it: figures released in
    between (new or revised), evidence released in between, and every status that changed."""
    until = edition_date(as_of)
    since = until - dt.timedelta(days=CHANGES_WINDOW_DAYS)
    evidence = []
    for row in commitment_rows(ws.plan, as_of=as_of):
        for item in row["evidence"]:
            if since < dt.date.fromisoformat(item["release_date"]) <= until:
                evidence.append(
                    {"commitment": row["id"], "title": row["title"], "text": row["text"], **item}
                )
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "figures": _released_figures(ws, since, until, as_of),
        "evidence": sorted(evidence, key=lambda e: e["release_date"], reverse=True),
        "statuses": _status_changes(ws, since, as_of),
    }


# --- overview and plan ----------------------------------------------------------------------


def overview_page(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
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


def plan_page(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    """The tree with, on each node, its commitments, indicators and status counts."""
    statuses = load_statuses(ws, as_of)
    tree = plan_tree(ws.plan)
    commitments = _commitment_list(ws, statuses, as_of)
    by_node: dict[str, list[dict[str, Any]]] = {}
    for row in commitments:
        by_node.setdefault(row["node"], []).append(row)
    for node in tree["nodes"]:
        node["commitments"] = [
            {"id": c["id"], "text": c["text"], "status": c["status"], "due": c["due"]}
            for c in by_node.get(node["id"], [])
        ]
        node["indicators"] = [
            {"id": i.id, "name": text(i.name)}
            for i in ws.plan.indicators
            if node["id"] in i.measures
        ]
        node["rollup"] = statuses.rollup(node["id"])
    tree["edition"] = edition_date(as_of).isoformat()
    tree["has_status"] = statuses.report is not None
    return tree


def node_page(ws: Workspace, node_id: str, as_of: dt.date | None = None) -> dict[str, Any]:
    if node_id not in ws.plan.nodes_by_id():
        raise NotFoundError(f"no plan node has the id {node_id!r}")
    item: dict[str, Any] = show(ws, node_id, as_of)["item"]
    item["rollup"] = load_statuses(ws, as_of).rollup(node_id)
    return item


# --- commitments ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CommitmentFilter:
    status: str | None = None
    under: str | None = None  # a node id: the commitment's node or one of its ancestors
    owner: str | None = None  # the owner's English name
    due_year: int | None = None

    def keeps(self, row: dict[str, Any]) -> bool:
        checks = (
            self.status is None or row["status"] == self.status,
            self.under is None or self.under in row["path"],
            self.owner is None or (row["owner"] or {}).get("en") == self.owner,
            self.due_year is None or row["due_year"] == self.due_year,
        )
        return all(checks)


def _commitment_list(
    ws: Workspace, statuses: Statuses, as_of: dt.date | None
) -> list[dict[str, Any]]:
    rows = commitment_rows(ws.plan, as_of=as_of)
    levels = ws.plan.level_ids()
    group_level = levels[1] if len(levels) > 1 else levels[0]
    nodes = ws.plan.nodes_by_id()
    for row in rows:
        ancestors = [nodes[n] for n in row["path"] if n in nodes]
        group = next((n for n in ancestors if n.level == group_level), None)
        row["group"] = {"id": group.id, "title": text(group.title)} if group else None
        entry = statuses.commitment(row["id"]) or {}
        row["status"] = entry.get("status")
        row["deciding_evidence"] = _deciding(ws, row["id"], entry.get("deciding_evidence"))
        row["due_year"] = int(row["due"]["end"][:4]) if row["due"] else None
    return rows


def _deciding(ws: Workspace, commitment_id: str, refs: Any) -> list[dict[str, Any]]:
    """The evidence items (by their index in the commitment's evidence) that decided a status."""
    commitment = ws.plan.commitment(commitment_id)
    if commitment is None or not isinstance(refs, list):
        return []
    items = commitment.evidence
    return [evidence_data(items[i]) for i in refs if isinstance(i, int) and 0 <= i < len(items)]


def commitment_page(
    ws: Workspace, commitment_id: str, as_of: dt.date | None = None
) -> dict[str, Any]:
    """One commitment: its wording, due date, status, deciding evidence and place in the plan."""
    statuses = load_statuses(ws, as_of)
    row = next((r for r in _commitment_list(ws, statuses, as_of) if r["id"] == commitment_id), None)
    if row is None:
        raise NotFoundError(f"no commitment has the id {commitment_id!r}")
    levels = {lv.id: text(lv.name) for lv in ws.plan.header.levels}
    nodes = ws.plan.nodes_by_id()
    path = [
        {"id": n, "level": levels.get(nodes[n].level), "title": text(nodes[n].title)}
        for n in row["path"]
        if n in nodes
    ]
    return {"edition": edition_date(as_of).isoformat(), "commitment": row, "path": path}


def _filter_options(ws: Workspace, rows: list[dict[str, Any]]) -> dict[str, Any]:
    levels = ws.plan.level_ids()
    group_level = levels[1] if len(levels) > 1 else levels[0]
    owners = {str(r["owner"].get("en")): r["owner"] for r in rows if r["owner"]}
    return {
        "group_level": next(
            (
                {"id": lv.id, "name": text(lv.name)}
                for lv in ws.plan.header.levels
                if lv.id == group_level
            ),
            None,
        ),
        "groups": [
            {"id": n.id, "title": text(n.title)}
            for n in ws.plan.header.nodes
            if n.level == group_level
        ],
        "statuses": sorted({str(r["status"]) for r in rows if r["status"]}),
        "owners": [owners[k] for k in sorted(owners)],
        "due_years": sorted({r["due_year"] for r in rows if r["due_year"] is not None}),
    }


def commitments_page(
    ws: Workspace, as_of: dt.date | None = None, keep: CommitmentFilter | None = None
) -> dict[str, Any]:
    statuses = load_statuses(ws, as_of)
    rows = _commitment_list(ws, statuses, as_of)
    keep = keep or CommitmentFilter()
    if keep.under is not None and keep.under not in ws.plan.nodes_by_id():
        raise NotFoundError(f"no plan node has the id {keep.under!r}")
    return {
        "edition": edition_date(as_of).isoformat(),
        "has_status": statuses.report is not None,
        "counts": (statuses.counts() or {}).get("commitments"),
        "filters": {
            "status": keep.status,
            "under": keep.under,
            "owner": keep.owner,
            "due_year": keep.due_year,
        },
        "options": _filter_options(ws, rows),
        "total": len(rows),
        "commitments": [row for row in rows if keep.keeps(row)],
    }


# --- data and sources -----------------------------------------------------------------------


def sources_page(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    """Each publication the figures come from, with the series and releases it supplied."""
    sources: dict[tuple[str, str, str], dict[str, Any]] = {}
    for o in ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True):
        key = (o.source.agency, o.source.title, o.source.url)
        entry = sources.setdefault(
            key,
            {
                "agency": o.source.agency,
                "title": o.source.title,
                "url": o.source.url,
                "series": [],
                "figures": 0,
                "latest_release": "",
            },
        )
        entry["figures"] += 1
        if o.series not in entry["series"]:
            entry["series"].append(o.series)
        entry["latest_release"] = max(entry["latest_release"], o.release_date.isoformat())
    rows = sorted(sources.values(), key=lambda s: (s["agency"], s["title"]))
    return {"edition": edition_date(as_of).isoformat(), "sources": rows}


def _series_coverage(ws: Workspace, as_of: dt.date | None) -> list[dict[str, Any]]:
    latest = ws.store.latest(ws.plan.id, None, as_of)
    rows = []
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


def _indicator_gaps(
    ws: Workspace, statuses: Statuses, as_of: dt.date | None
) -> list[dict[str, Any]]:
    rows = []
    baseline = ws.plan.header.baseline_year
    last = edition_date(as_of).year - 1
    summaries = indicator_summaries(ws, as_of)
    for indicator in ws.plan.indicators:
        years = {v["year"] for v in summaries[indicator.id]["values"]}
        missing = [y for y in range(baseline, last + 1) if y not in years]
        entry = statuses.indicator(indicator.id) or {}
        if missing or entry.get("stale"):
            rows.append(
                {
                    "indicator": indicator.id,
                    "name": text(indicator.name),
                    "missing_years": missing,
                    "stale": entry.get("stale"),
                    "expected_release": entry.get("expected_release"),
                }
            )
    return rows


def data_notes(ws: Workspace, lang: str) -> str:
    """The plan's data notes in ``lang`` (Markdown), or an empty string."""
    folder = ws.plan_dir / "notes"
    for name in (f"data-notes.{lang}.md", "data-notes.zh-Hant.md", "data-notes.en.md"):
        path = folder / name
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def data_page(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    statuses = load_statuses(ws, as_of)
    return {
        "edition": edition_date(as_of).isoformat(),
        "sources": sources_page(ws, as_of)["sources"],
        "series": _series_coverage(ws, as_of),
        "gaps": _indicator_gaps(ws, statuses, as_of),
        "notes": {lang: data_notes(ws, lang) for lang in LANG_KEYS},
    }


def observation_rows(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every stored release of every base series known on ``as_of`` (for downloads)."""
    return [
        observation_data(o) for o in ws.store.all_vintages(ws.plan.id, None, as_of, breakdowns=True)
    ]


def data_version(ws: Workspace) -> tuple[int, int, int]:
    """Changes whenever figures are imported or an edit is approved (figures, evidence,
    withdrawals); used to key cached page data."""
    return (ws.store.count(ws.plan.id), *ws.review.state_stamp(ws.plan.id))
