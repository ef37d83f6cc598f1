"""Load a plan folder (plan.yaml, series.yaml, indicators.yaml, commitments.yaml, evidence.csv,
agencies.yaml, translations/<lang>.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from blueprint_tracker.domain.commitment import Commitment, Evidence
from blueprint_tracker.domain.indicator import Indicator, SeriesDef
from blueprint_tracker.domain.plan import Node, Plan, PlanHeader
from blueprint_tracker.domain.text import Text, language_order
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.evidence_csv import read_evidence
from blueprint_tracker.formats.plan_checks import check_plan
from blueprint_tracker.formats.plan_translations import read_translations
from blueprint_tracker.formats.problems import ItemIndex, problems_from, validate_items
from blueprint_tracker.formats.yaml_file import as_text_scalar, read_yaml
from blueprint_tracker.i18n import KEYS

PLAN_FILE = "plan.yaml"
SERIES_FILE = "series.yaml"
INDICATORS_FILE = "indicators.yaml"
COMMITMENTS_FILE = "commitments.yaml"
EVIDENCE_FILE = "evidence.csv"
AGENCIES_FILE = "agencies.yaml"


class _AgencyTable(BaseModel):
    """``agencies.yaml``: each agency's name as stored -> its name in every plan language."""

    model_config = ConfigDict(extra="forbid")

    agencies: dict[str, Text] = Field(default_factory=dict)


def _read_agencies(folder: Path, langs: list[str]) -> tuple[dict[str, Text], list[Problem]]:
    if not (folder / AGENCIES_FILE).exists():
        return {}, []
    document, problems = read_yaml(folder / AGENCIES_FILE)
    data, more = _mapping(document, AGENCIES_FILE)
    try:
        table = _AgencyTable.model_validate(data)
    except ValidationError as exc:
        return {}, problems + more + problems_from(exc, AGENCIES_FILE)
    missing = [
        Problem(AGENCIES_FILE, f"agencies.{name}.{lang}", "is required but missing")
        for name, names in table.agencies.items()
        for lang in langs
        if not names.has(lang)
    ]
    return table.agencies, problems + more + missing


def _mapping(document: Any, file: str) -> tuple[dict[str, Any], list[Problem]]:
    if document is None:
        return {}, []
    if not isinstance(document, dict):
        return {}, [Problem(file, "", "the document must be a mapping")]
    return document, []


def _read_header(document: Any, index: ItemIndex) -> tuple[PlanHeader | None, list[Problem]]:
    data, problems = _mapping(document, PLAN_FILE)
    if not data:
        return None, problems
    nodes, node_problems = validate_items(Node, data.get("nodes"), PLAN_FILE, "nodes", index)
    problems += node_problems
    try:
        header = PlanHeader.model_validate({"languages": list(KEYS), **data, "nodes": []})
    except ValidationError as exc:
        return None, problems + problems_from(exc, PLAN_FILE)
    return header.model_copy(update={"nodes": nodes}), problems


def _read_list(
    folder: Path, file: str, key: str, model: type[Any], index: ItemIndex
) -> tuple[list[Any], list[Problem]]:
    document, problems = read_yaml(folder / file)
    data, more = _mapping(document, file)
    items = data.get(key)
    if key == "commitments" and isinstance(items, list):
        items = [_normalise_commitment(item) for item in items]
    valid, item_problems = validate_items(model, items, file, key, index)
    return valid, problems + more + item_problems


def _normalise_commitment(item: Any) -> Any:
    if isinstance(item, dict) and "due" in item and item["due"] is not None:
        return {**item, "due": as_text_scalar(item["due"])}
    return item


def attach_evidence(commitments: list[Commitment], evidence: list[Evidence]) -> list[Commitment]:
    by_id: dict[str, list[Evidence]] = {}
    for entry in evidence:
        by_id.setdefault(entry.commitment, []).append(entry)
    return [
        c.model_copy(update={"evidence": tuple(sorted(by_id.get(c.id, []), key=lambda e: e.date))})
        for c in commitments
    ]


def declared_languages(document: Any) -> list[str]:
    """The languages ``plan.yaml`` declares (the language table's when it declares none)."""
    found = document.get("languages") if isinstance(document, dict) else None
    if isinstance(found, list) and found and all(isinstance(tag, str) for tag in found):
        return found
    return list(KEYS)


def load_plan_folder(folder: Path) -> tuple[Plan | None, list[Problem]]:
    """The plan in ``folder`` and every problem found in any of its files; every text keeps its
    languages in the plan's declared order."""
    if not folder.is_dir():
        return None, [Problem(str(folder), "", "is not a folder")]
    document, problems = read_yaml(folder / PLAN_FILE)
    with language_order(declared_languages(document)):
        return _load(folder, document, problems)


def _load(
    folder: Path, document: Any, problems: list[Problem]
) -> tuple[Plan | None, list[Problem]]:
    index = ItemIndex()
    header, more = _read_header(document, index)
    problems += more
    series, more = _read_list(folder, SERIES_FILE, "series", SeriesDef, index)
    problems += more
    indicators, more = _read_list(folder, INDICATORS_FILE, "indicators", Indicator, index)
    problems += more
    commitments, more = _read_list(folder, COMMITMENTS_FILE, "commitments", Commitment, index)
    problems += more
    evidence, more = read_evidence(folder / EVIDENCE_FILE, declared_languages(document))
    problems += more
    if header is None:
        return None, problems
    agencies, more = _read_agencies(folder, header.languages)
    problems += more
    translations, more = read_translations(folder, header.languages)
    problems += more
    plan = Plan(
        header=header.model_copy(update={"agencies": agencies, "translations": translations}),
        series=series,
        indicators=indicators,
        commitments=attach_evidence(commitments, evidence),
    )
    problems += check_plan(plan, evidence, index)
    return plan, problems
