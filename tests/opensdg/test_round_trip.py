"""`blueprint opensdg export`: the plan back out as an Open SDG repository; the round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.opensdg.conftest import RELEASED, SOURCE_URL

from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.plan_folder import load_plan_folder


def _load(folder: Path):
    plan, problems = load_plan_folder(folder)
    assert problems == [] and plan is not None
    observations, bad = read_observations(folder / "observations.csv", {s.id for s in plan.series})
    assert bad == []
    return plan, observations


def test_importing_the_export_gives_the_same_plan(
    imported: Path, tmp_path: Path, cli: Callable
) -> None:
    out = tmp_path / "exported"
    result = cli("opensdg", "export", str(imported), "--to", str(out), "--json")
    assert result.code == 0, result.err
    assert result.json()["data_files"] == 7
    again = tmp_path / "again"
    result = cli(
        "opensdg", "import", str(out), "--to", str(again), "--plan-id", "repo",
        "--title", "Open SDG data: repo", "--release-date", RELEASED, "--source-url", SOURCE_URL,
    )  # fmt: skip
    assert result.code == 0, result.err
    first, second = _load(imported), _load(again)
    assert second[0] == first[0]
    assert second[1] == first[1]
    assert (again / "opensdg.yaml").read_text() == (imported / "opensdg.yaml").read_text()


def test_the_export_is_in_the_open_sdg_layout(
    imported: Path, tmp_path: Path, cli: Callable
) -> None:
    out = tmp_path / "exported"
    assert cli("opensdg", "export", str(imported), "--to", str(out)).code == 0
    data = (out / "data" / "indicator_4-1-1.csv").read_text().splitlines()
    assert data[0] == "Year,Sex,Location,Education level,COMMENT_OBS,Value"
    assert data[2] == "2017-2018,,,,Provisional results,81"
    assert (out / "data" / "indicator_3-2-1.csv").read_text().split("\n")[
        0
    ] == "Year,Series,Sex,Value"
    config = (out / "indicator-config" / "3-1-1.yml").read_text()
    assert "progress_calculation_options:\n- unit: Rate per 100000\n  direction: negative" in config
    assert "limit: 10.0" in config
    assert (
        "'4':\n  title: Garantizar una educación"
        in (out / "translations" / "es" / "global_goals.yml").read_text()
    )
    assert (out / "config_data.yml").read_text() == "languages:\n- en\n- es\n"


def test_a_plan_of_formulas_exports_its_computed_values_and_milestones(
    tmp_path: Path, cli: Callable
) -> None:
    import csv

    import yaml

    from blueprint_tracker.config import BUNDLED_PLANS

    out = tmp_path / "hk"
    result = cli(
        "opensdg", "export", str(BUNDLED_PLANS / "hk-itb-2022"), "--to", str(out), "--json"
    )
    assert result.code == 0, result.err
    assert result.json()["data_files"] == 8
    with (out / "data" / "indicator_1-1.csv").open(encoding="utf-8") as handle:
        rows = {r["Year"]: r for r in csv.DictReader(handle)}
    assert round(float(rows["2020"]["Value"]), 2) == 0.99  # the Blueprint's 2020 value
    assert rows["2020"]["COMMENT_OBS"] == "gerd / gdp_current * 100"
    meta = yaml.safe_load((out / "indicator-config" / "1-1.yml").read_text(encoding="utf-8"))
    options = meta["progress_calculation_options"]
    assert [(o["target_year"], o["target"], o["direction"]) for o in options] == [
        (2025, 1.3, "positive"), (2030, 2.0, "positive"),
    ]  # fmt: skip
    assert yaml.safe_load((out / "config_data.yml").read_text())["languages"] == ["zh-Hant", "en"]
