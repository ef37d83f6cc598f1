"""The open-data package: valid Frictionless, both languages, and re-importable observations."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate

from blueprint_tracker.config import Settings
from blueprint_tracker.formats.observations_file import COLUMNS, read_observations
from blueprint_tracker.present.reports.datapackage import DESCRIPTOR, write_datapackage
from blueprint_tracker.present.reports.package_schema import RESOURCES
from blueprint_tracker.services.reports import open_tables
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace, file_sha256, open_workspace
from blueprint_tracker.store.observations import open_store

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data = tmp_path_factory.mktemp("package-data")
    return open_workspace(Settings(data_dir=data, database_url=None, plan="hk-itb-2022"))


@pytest.fixture(scope="module")
def package(ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_datapackage(ws, tmp_path_factory.mktemp("package"), AS_OF)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_package_validates_with_zero_errors(package: Path) -> None:
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0
    assert report.stats["tasks"] == len(RESOURCES)


def test_descriptor_lists_every_resource_with_its_schema(package: Path) -> None:
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert package.name == DESCRIPTOR
    assert descriptor["edition"] == AS_OF.isoformat()
    names = [r["name"] for r in descriptor["resources"]]
    assert names == [r.name for r in RESOURCES]
    assert {
        "plan_nodes",
        "indicators",
        "observations",
        "assessments",
        "commitments",
        "evidence",
    } <= set(names)
    for resource in descriptor["resources"]:
        header = next(csv.reader((package.parent / resource["path"]).open(encoding="utf-8")))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert resource["rows"] == len(_rows(package.parent / resource["path"]))


def test_schema_fields_match_the_service_rows(ws: Workspace) -> None:
    tables = open_tables(ws, AS_OF)
    for resource in RESOURCES:
        for row in tables[resource.name]:
            assert list(row) == resource.field_names(), resource.name


def test_text_columns_in_both_languages(ws: Workspace, package: Path) -> None:
    nodes = _rows(package.parent / "plan_nodes.csv")
    assert len(nodes) == len(ws.plan.header.nodes)
    assert all(n["title_zh_hant"] and n["title_en"] for n in nodes)
    indicators = {r["id"]: r for r in _rows(package.parent / "indicators.csv")}
    for indicator in ws.plan.indicators:
        assert indicators[indicator.id]["name_zh_hant"] == indicator.name.get("zh-Hant")
        assert indicators[indicator.id]["name_en"] == indicator.name.get("en")
    assessments = _rows(package.parent / "assessments.csv")
    assert all(a["explanation_zh_hant"] and a["explanation_en"] for a in assessments)


def test_references_in_both_languages_the_english_marked_ours(package: Path) -> None:
    """The plan stores a commitment's reference in Chinese; translations/en.yaml gives its
    English, so the English column is English and flagged as our translation."""
    rows = {r["id"]: r for r in _rows(package.parent / "commitments.csv")}
    raise_plus = rows["c-raise-plus"]
    assert raise_plus["ref_zh_hant"] == "第四章 4.1 策略（一） 目標02 建議 i"
    assert raise_plus["ref_en"] == "Chapter 4, 4.1, Strategy (1), Goal 02, Recommendation i"
    assert raise_plus["ref_en_translated"] == "true"
    nodes = {r["id"]: r for r in _rows(package.parent / "plan_nodes.csv")}
    assert nodes["d1"]["ref_en"] == "Chapter 3, Direction (1)"


def test_observations_use_the_import_columns(package: Path) -> None:
    header = next(csv.reader((package.parent / "observations.csv").open(encoding="utf-8")))
    assert tuple(header) == COLUMNS


def _without_ids(value: Any) -> Any:
    """Store row ids differ between stores; everything else must be equal."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id" or not isinstance(v, int)}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_reimporting_observations_into_an_empty_store_reproduces_every_assessment(
    ws: Workspace, package: Path, tmp_path: Path
) -> None:
    path = package.parent / "observations.csv"
    observations, problems = read_observations(path, {s.id for s in ws.plan.series})
    assert problems == []
    store = open_store(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert store.count(ws.plan.id) == 0
    store.add(ws.plan.id, observations, path.name, file_sha256(path))
    fresh = dataclasses.replace(ws, store=store)  # the same plan over the new store
    assert store.count(ws.plan.id) == len(ws.store.all_vintages(ws.plan.id, as_of=AS_OF))
    before, after = status_report(ws, AS_OF), status_report(fresh, AS_OF)
    assert _without_ids(after["indicators"]) == _without_ids(before["indicators"])
    assert after["counts"] == before["counts"] and after["rollup"] == before["rollup"]


def test_as_of_leaves_out_later_releases(ws: Workspace, tmp_path: Path) -> None:
    early = dt.date(2021, 1, 1)
    descriptor = write_datapackage(ws, tmp_path / "early", early)
    rows = _rows(descriptor.parent / "observations.csv")
    assert rows and all(r["release_date"] <= early.isoformat() for r in rows)
    evidence = _rows(descriptor.parent / "evidence.csv")
    assert all(e["release_date"] <= early.isoformat() for e in evidence)


def test_cli_export(mini_plan: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "open"), "--as-of", "2026-01-01", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert Path(data["descriptor"]).is_file()
    assert [r["name"] for r in data["resources"]] == [r.name for r in RESOURCES]
    assert validate(data["descriptor"]).valid
