"""Report data: the printed progress report and the open-data tables, composed from the services.

``report_data`` is what the PDF shows (plan header, status, summary lists, one section per node of
the section level, sources). ``open_tables`` is the same edition as flat rows with the plan's
languages side by side (``title_zh_hant``, ``title_en``; ``title_es`` …): the data package, the
workbook and re-import read these, so a number is computed once and printed, exported and
re-read alike.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from blueprint_tracker.compute.verdict import verdict
from blueprint_tracker.domain.peers import PeerFigure
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.text import Text
from blueprint_tracker.formats.observations_file import observation_record
from blueprint_tracker.i18n import column_suffix
from blueprint_tracker.services.models import CommitmentStatus, Reading, StatusReport
from blueprint_tracker.services.pages import changes_since
from blueprint_tracker.services.peers import plan_peers
from blueprint_tracker.services.plan_text import in_languages
from blueprint_tracker.services.plan_views import plan_tree, text
from blueprint_tracker.services.sources import source_rows
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace

BEHIND_RANK = {"bad": 0, "poor": 0, "fair": 1}  # by tone: behind (bad or poor), then fair
MOST_BEHIND = 8
#: the numbers an assessment may carry (METHODS §8), as typed columns of the assessments table
NUMBER_FIELDS: tuple[str, ...] = (
    "t0",
    "t1",
    "base_year",
    "x0",
    "x1",
    "cagr_actual",
    "cagr_required",
    "ratio",
    "slope_actual",
    "slope_required",
    "score",
    "progress_value",
    "projection",
    "anticipated_progress",
    "current_status",
    "expected_fraction",
    "probability",
    "probability_bootstrap",
    "bootstrap_rates",
    "bootstrap_draws",
    "final_value",
    "required_cagr_from_latest",
    "required_slope_from_latest",
)
INTERVAL_FIELDS: tuple[str, ...] = ("interval80", "interval95")
FLAG_FIELDS: tuple[str, ...] = ("fallback", "trend_flag", "milestone_passed", "ahead_of_schedule")


def edition(as_of: dt.date | None) -> dt.date:
    """The date a report or data package is an edition of (today when not given)."""
    return as_of or dt.date.today()


def section_level(plan: Plan) -> str:
    """The level the report has one section per node of: the level indicators measure most."""
    levels = plan.level_ids()
    nodes = plan.nodes_by_id()
    measured = Counter(
        nodes[node].level for i in plan.indicators for node in i.measures if node in nodes
    )
    if measured:
        return measured.most_common(1)[0][0]
    return levels[min(1, len(levels) - 1)]


def _lineage(plan: Plan, node_id: str) -> set[str]:
    """The node and all its ancestors."""
    return {node_id, *(a.id for a in plan.ancestors(node_id))}


def _sections(ws: Workspace, status: StatusReport) -> list[dict[str, Any]]:
    plan = ws.plan
    level = section_level(plan)
    measured = {
        i["id"]: set().union(*(_lineage(plan, m) for m in i["measures"]))
        for i in status["indicators"]
    }
    return [
        {
            "node": node,
            "rollup": status["rollup"].get(node["id"]),
            "commitments": [c for c in status["commitments"] if node["id"] in c["path"]],
            "indicators": [i for i in status["indicators"] if node["id"] in measured[i["id"]]],
        }
        for node in plan_tree(plan)["nodes"]
        if node["level"] == level
    ]


def most_behind(status: StatusReport, limit: int = MOST_BEHIND) -> list[dict[str, Any]]:
    """Milestones whose headline status is behind (bad or poor), then fair; nearest target
    year first."""
    headline = status["headline_method"]
    rows = []
    for indicator in status["indicators"]:
        for milestone in indicator["milestones"]:
            assessment = milestone["assessments"].get(headline)
            if assessment is None or verdict(assessment["status"]) not in BEHIND_RANK:
                continue
            rank = BEHIND_RANK[verdict(assessment["status"])]
            rows.append((rank, milestone["year"], indicator["id"], indicator, milestone))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return [
        {"indicator": ind, "milestone": m, "assessment": m["assessments"][headline]}
        for *_, ind, m in rows[:limit]
    ]


def overdue(status: StatusReport) -> list[CommitmentStatus]:
    return [c for c in status["commitments"] if c["status"] == "OVERDUE"]


def report_data(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    """Everything the printed progress report shows, for the edition of ``as_of``."""
    status = status_report(ws, as_of)
    tree = plan_tree(ws.plan)
    return {
        "edition": edition(as_of).isoformat(),
        "as_of": as_of.isoformat() if as_of else None,
        "plan": tree["plan"],
        "levels": tree["levels"],
        "counts": tree["counts"],
        "section_level": section_level(ws.plan),
        "status": status,
        "most_behind": most_behind(status),
        "overdue": overdue(status),
        "sections": _sections(ws, status),
        "sources": source_rows(ws, as_of),
        "changes": changes_since(ws, as_of),
    }


# --- open-data tables ------------------------------------------------------------------------


def bilingual(
    prefix: str, value: Mapping[str, Any] | None, langs: Sequence[str], translated: bool = False
) -> dict[str, Any]:
    """A ``{prefix}_{suffix}`` column per plan language (``title_zh_hant``, ``title_en``,
    ``title_es``: ``i18n.column_suffix``), then, for a text that may be ours,
    ``{prefix}_{suffix}_translated`` per language after the source (the first)."""
    value = value or {}
    row: dict[str, Any] = {
        f"{prefix}_{column_suffix(lang)}": value.get(lang) or "" for lang in langs
    }
    if translated:
        mark = bool(value.get("translated")) if value else None
        row.update({f"{prefix}_{column_suffix(lang)}_translated": mark for lang in langs[1:]})
    return row


def node_rows(ws: Workspace) -> list[dict[str, Any]]:
    langs = ws.plan.header.languages
    return [
        {
            "id": n["id"],
            "level": n["level"],
            "parent": n["parent"] or "",
            "depth": n["depth"],
            **bilingual("ref", in_languages(ws.plan, n["ref"]), langs, translated=True),
            **bilingual("title", n["title"], langs, translated=True),
            **bilingual("body", n["body"], langs),
        }
        for n in plan_tree(ws.plan)["nodes"]
    ]


def series_rows(ws: Workspace) -> list[dict[str, Any]]:
    langs = ws.plan.header.languages
    return [
        {
            "id": s.id,
            **bilingual("name", s.name.as_dict(), langs, translated=True),
            **bilingual("unit", s.unit.as_dict(), langs),
            "frequency": s.frequency,
            "release_lag_months": s.release_lag_months,
            **bilingual("definition", s.definition.as_dict() if s.definition else None, langs),
            "third_party": s.third_party,
        }
        for s in ws.plan.series
    ]


def indicator_rows(status: StatusReport, langs: Sequence[str]) -> list[dict[str, Any]]:
    rows = []
    for i in status["indicators"]:
        latest: Mapping[str, Any] = i["latest"] or {}
        rows.append(
            {
                "id": i["id"],
                **bilingual("name", i["name"], langs, translated=True),
                **bilingual("group", i["group"], langs),
                **bilingual("unit", i["unit"], langs),
                "direction": i["direction"],
                "decimals": i["decimals"],
                "formula": i["formula"],
                "fallback": i["fallback"] or "",
                "projection": i["projection"],
                "measures": ";".join(i["measures"]),
                "latest_year": latest.get("year"),
                "latest_value": latest.get("value"),
                "latest_released": latest.get("released"),
                "latest_basis": latest.get("basis") or "",
                "stale": i["stale"],
                "expected_release": i["expected_release"],
                **bilingual("definition_note", i["definition_note"], langs),
            }
        )
    return rows


def value_rows(status: StatusReport) -> list[dict[str, Any]]:
    """Each indicator's computed value per year, with the release it rests on."""
    return [
        {
            "indicator": i["id"],
            "year": v["year"],
            "value": v["value"],
            "released": v["released"],
            "basis": v["basis"],
            "flags": ";".join(v["flags"]),
            "inputs": ";".join(
                f"{o['series']}@{o['period']}/{o['release_date']}" for o in v["inputs"]
            ),
            "tiers": ";".join(o["source"]["tier"] for o in v["inputs"]),
        }
        for i in status["indicators"]
        for v in i["values"]
    ]


def _status_of(reading: Reading | None) -> str | None:
    return reading["status"] if reading else None


def milestone_rows(status: StatusReport, langs: Sequence[str]) -> list[dict[str, Any]]:
    """One row per indicator and milestone: latest value, target, each method's status, pace."""
    rows = []
    for i in status["indicators"]:
        latest: Mapping[str, Any] = i["latest"] or {}
        for m in i["milestones"]:
            rows.append(
                {
                    "indicator": i["id"],
                    **bilingual("name", i["name"], langs),
                    **bilingual("unit", i["unit"], langs),
                    "direction": i["direction"],
                    "latest_year": latest.get("year"),
                    "latest_value": latest.get("value"),
                    "latest_released": latest.get("released"),
                    "stale": i["stale"],
                    "milestone_year": m["year"],
                    "comparator": m["comparator"],
                    "target": m["target"],
                    **{f"status_{k}": a["status"] for k, a in m["assessments"].items()},
                    "headline_status": _status_of(m["assessments"].get(status["headline_method"])),
                    "disagree": m["disagree"],
                    **m["pace"],
                }
            )
    return rows


def _numbers(numbers: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {key: numbers.get(key) for key in NUMBER_FIELDS}
    for key in INTERVAL_FIELDS:
        low, high = (numbers.get(key) or (None, None))[:2]
        row[f"{key}_low"], row[f"{key}_high"] = low, high
    for key in FLAG_FIELDS:
        row[key] = numbers.get(key)
    row["numbers_json"] = json.dumps(numbers, ensure_ascii=False, sort_keys=True)
    return row


def assessment_rows(status: StatusReport, langs: Sequence[str]) -> list[dict[str, Any]]:
    """One row per indicator, milestone and method: status, explanation and the numbers."""
    rows = []
    for i in status["indicators"]:
        for m in i["milestones"]:
            for method, a in m["assessments"].items():
                rows.append(
                    {
                        "indicator": i["id"],
                        "milestone_year": m["year"],
                        "comparator": m["comparator"],
                        "target": m["target"],
                        "tolerance": m["tolerance"],
                        "method": method,
                        "headline": method == status["headline_method"],
                        "status": a["status"],
                        "verdict": a["verdict"],
                        "disagree": m["disagree"],
                        **bilingual("explanation", a["explanation"], langs),
                        **_numbers(a["numbers"]),
                    }
                )
    return rows


def _due(c: Mapping[str, Any], langs: Sequence[str]) -> dict[str, Any]:
    due = c["due"] or {}
    return {
        "due": due.get("text") or "",
        "due_precision": due.get("precision") or "",
        "due_kind": due.get("kind") or "",
        "due_start": due.get("start"),
        "due_end": due.get("end"),
        **bilingual("due_text", due.get("wording"), langs),
    }


def commitment_rows_flat(status: StatusReport, plan: Plan) -> list[dict[str, Any]]:
    langs = plan.header.languages
    rows = []
    for c in status["commitments"]:
        milestone: Mapping[str, Any] = c["milestone"] or {}
        rows.append(
            {
                "id": c["id"],
                "node": c["node"],
                **bilingual("ref", in_languages(plan, c["ref"]), langs, translated=True),
                **bilingual("text", c["text"], langs, translated=True),
                **_due(c, langs),
                **bilingual("owner", c["owner"], langs),
                "milestone_series": milestone.get("series") or "",
                "milestone_value": milestone.get("value"),
                "milestone_comparator": milestone.get("comparator") or "",
                "milestone_year": milestone.get("year"),
                "status": c["status"],
                "evidence_count": len(c["evidence"]),
                "deciding_evidence": ";".join(str(n + 1) for n in c["deciding_evidence"]),
            }
        )
    return rows


def evidence_rows(status: StatusReport, langs: Sequence[str]) -> list[dict[str, Any]]:
    """Evidence on each commitment (``number`` counts from 1 within the commitment)."""
    return [
        {
            "commitment": c["id"],
            "number": n + 1,
            "date": e["date"],
            "outcome": e["outcome"],
            **bilingual("summary", e["summary"], langs),
            "source_agency": e["source"]["agency"],
            "source_title": e["source"]["title"],
            "source_url": e["source"]["url"],
            "release_date": e["release_date"],
            "flags": ";".join(e["flags"]),
            "deciding": n in c["deciding_evidence"],
        }
        for c in status["commitments"]
        for n, e in enumerate(c["evidence"])
    ]


def observation_rows(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every release of every figure known on ``as_of``, in the import format's columns."""
    return [
        observation_record(o)
        for o in ws.store.all_vintages(ws.plan.id, as_of=as_of, breakdowns=True)
    ]


def source_table(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    return [
        {
            "agency": s["agency"],
            "title": s["title"],
            "url": s["url"],
            "tier": s["tier"],
            "copy_url": s["copy_url"],
            "tables": ";".join(s["tables"]),
            "series": ";".join(s["series"]),
            "figures": s["figures"],
            "third_party": s["third_party"],
            "first_release": s["first_release"],
            "last_release": s["last_release"],
        }
        for s in source_rows(ws, as_of)
    ]


def peer_rows(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every peer economy's figure published by ``as_of``, with its provenance (context for the
    indicators; never part of an assessment)."""
    peers = plan_peers(ws)
    names = {e.id: e.name for e in peers.economies}
    langs = ws.plan.header.languages
    return [
        {"indicator": f.indicator, **_peer_figure(f, names, langs)}
        for indicator in ws.plan.indicators
        for f in peers.known(indicator.id, as_of)
    ]


def peer_context_rows(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """Every figure of the peers file's context measures (not plan indicators; the plan's own
    economy included) published by ``as_of``, with its provenance."""
    peers = plan_peers(ws)
    economies = ([peers.home] if peers.home is not None else []) + list(peers.economies)
    names = {e.id: e.name for e in economies}
    langs = ws.plan.header.languages
    return [
        {
            "measure": measure.id,
            **bilingual("measure_name", text(measure.name), langs),
            "shown_on": measure.shown_on,
            **_peer_figure(f, names, langs),
        }
        for measure in peers.context
        for f in peers.known(measure.id, as_of)
    ]


def _peer_figure(
    f: PeerFigure, names: Mapping[str, Text], langs: Sequence[str]
) -> dict[str, Any]:
    return {
        "economy": f.economy,
        **bilingual("economy_name", text(names[f.economy]), langs),
        "year": f.year,
        "value": f.value,
        "source_agency": f.source.agency,
        "source_title": f.source.title,
        "source_url": f.source.url,
        "source_table": f.source.table,
        "source_tier": f.source.tier,
        "source_copy_url": f.source.copy_url,
        "release_date": f.release_date.isoformat(),
        "note": f.note,
    }


def open_tables(
    ws: Workspace, as_of: dt.date | None = None, status: StatusReport | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The edition as flat tables, keyed by resource name (see docs/reports.md)."""
    status = status if status is not None else status_report(ws, as_of)
    langs = ws.plan.header.languages
    return {
        "plan_nodes": node_rows(ws),
        "series": series_rows(ws),
        "indicators": indicator_rows(status, langs),
        "indicator_values": value_rows(status),
        "observations": observation_rows(ws, as_of),
        "assessments": assessment_rows(status, langs),
        "commitments": commitment_rows_flat(status, ws.plan),
        "evidence": evidence_rows(status, langs),
        "sources": source_table(ws, as_of),
        "peers": peer_rows(ws, as_of),
        "peer_context": peer_context_rows(ws, as_of),
    }
