"""`blueprint opensdg import`: an Open SDG data repository becomes a plan folder."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from tests.opensdg.conftest import RELEASED


def _rows(plan: Path) -> list[dict[str, str]]:
    with (plan / "observations.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_import_is_a_valid_plan_in_the_repository_languages(imported: Path, cli) -> None:
    assert cli("validate").code == 0
    tree = cli("plan", "--json").json()
    levels = {n["id"]: (n["level"], n["parent"]) for n in tree["nodes"]}
    assert levels["4"] == ("goal", None)
    assert levels["4.1"] == ("target", "4")
    assert levels["4.1.1"] == ("indicator", "4.1")
    assert {n["level"] for n in tree["nodes"]} == {"goal", "target", "indicator"}
    goal = next(n for n in tree["nodes"] if n["id"] == "3")
    assert goal["title"]["en"].startswith("Ensure healthy lives")
    assert goal["title"]["es"].startswith("Garantizar una vida sana")


def test_names_come_from_translations_or_the_metadata(imported: Path, cli) -> None:
    shown = cli("show", "3.2.1", "--json").json()["item"]
    assert shown["title"]["es"] == "Tasa de mortalidad infantil"
    national = cli("show", "4.2.1", "--json").json()["item"]
    assert (
        national["title"]["en"]
        == national["title"]["es"]
        == ("A national indicator name written in the metadata")
    )


def test_series_and_units_columns_become_series_and_breakdowns_stay_on_figures(
    imported: Path,
) -> None:
    rows = _rows(imported)
    child = {(r["series"], r["period"], r["dimensions"]): float(r["value"]) for r in rows}
    assert child[("s_3_2_1", "2021", "")] == 10  # Neonatal: the first series in the file
    assert child[("s_3_2_1__2", "2021", "")] == 24  # Under-five
    assert child[("s_3_2_1__2", "2021", '{"Sex":"Female"}')] == 22
    three = json.loads(
        next(r["dimensions"] for r in rows if r["series"] == "s_4_1_1" and r["dimensions"])
    )
    assert set(three) == {"Sex", "Location", "Education level"}
    maternal = {r["unit"] for r in rows if r["series"] == "s_3_1_1__2"}
    assert maternal == {"Number"}
    assert all(r["release_date"] == RELEASED for r in rows)


def test_year_ranges_count_in_their_first_year_and_footnotes_become_notes(imported: Path) -> None:
    rows = [r for r in _rows(imported) if r["series"] == "s_4_1_1" and not r["dimensions"]]
    assert [r["period"] for r in rows] == ["2015/16", "2017/18", "2019/20"]
    assert [r["note"] for r in rows] == ["", "Provisional results", ""]


def test_sources_come_from_the_metadata(imported: Path) -> None:
    row = next(r for r in _rows(imported) if r["series"] == "s_1_2_1")
    assert (row["source_agency"], row["source_title"], row["source_url"]) == (
        "National Statistics Office",
        "Household survey 2020",
        "https://stats.example.org/poverty",
    )


def test_progress_settings_become_milestones_and_settings(imported: Path) -> None:
    indicators = {i["id"]: i for i in _indicators(imported)}
    assert indicators["3.2.1"]["milestones"] == [{"year": 2030, "value": 25.0, "comparator": "<="}]
    assert indicators["3.2.1"]["formula"] == "s_3_2_1__2"  # the selected series is the headline
    assert [p.get("series") for p in indicators["3.2.1"]["progress"]] == ["s_3_2_1__2", "s_3_2_1"]
    assert indicators["3.1.1"]["progress"] == [{"series": "s_3_1_1", "limit": 10.0}]
    assert indicators["1.2.2"]["progress"] == [{"direction": "increase"}]  # no target
    assert "progress" not in indicators["4.2.1"]  # auto_progress_calculation: false


def _indicators(plan: Path) -> list[dict]:
    import yaml

    return yaml.safe_load((plan / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]


def test_a_broken_file_is_skipped_and_every_problem_named(
    repo: Path, tmp_path: Path, data_dir: Path, cli: Callable
) -> None:
    (repo / "data" / "indicator_3-3-1.csv").write_text(
        "Year,Sex,Value\n2015,,12\n20x6,,13\n2017,,abc\n", encoding="utf-8"
    )
    (repo / "indicator-config" / "4-2-1.yml").write_text("indicator_name: [unclosed\n")
    config = repo / "indicator-config" / "1-2-1.yml"
    config.write_text(
        config.read_text().replace("    base_year: 2015\n", "    base_year: 2015\n"
                                   "    progress_thresholds: {high: 1}\n")
    )  # fmt: skip
    plan = tmp_path / "plan"
    result = cli("opensdg", "import", str(repo), "--to", str(plan), "--json")
    assert result.code == 1
    report = result.json()
    assert "data/indicator_3-3-1.csv" in report["skipped"]
    assert "indicator-config/4-2-1.yml" in report["skipped"]
    problems = "\n".join(report["problems"])
    assert "data/indicator_3-3-1.csv: row 3, column Year: '20x6' is not a year" in problems
    assert "data/indicator_3-3-1.csv: row 4, column Value: 'abc' is not a number" in problems
    assert "indicator-config/4-2-1.yml: line 2" in problems
    assert (
        "indicator-config/1-2-1.yml: progress_calculation_options[0].progress_thresholds: "
        "configured thresholds are not carried" in problems
    )
    # without --source-url, figures whose metadata names no source web address are skipped too
    assert "indicator-config/1-2-2.yml: source_url_1: the figures need a source web address" in (
        problems
    )
    assert "data/indicator_1-2-1.csv" not in report["skipped"]  # its metadata names its source
    assert (plan / "plan.yaml").exists()


def test_an_existing_plan_folder_is_not_overwritten(
    repo: Path, tmp_path: Path, data_dir: Path, cli: Callable
) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "mine.txt").write_text("keep")
    result = cli("opensdg", "import", str(repo), "--to", str(plan))
    assert result.code == 2 and "already exists" in result.err
    assert [p.name for p in plan.iterdir()] == ["mine.txt"]
