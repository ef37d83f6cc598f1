"""Progress as Open SDG computes it, per configured selection, on the imported fixture.

Expected statuses and scores are worked out by hand from sdg-build's ``ProgressMeasure.py``
rules (thresholds 0.95/0.6/0 with a target, 0.015/0.005/0 without; the limit coefficient
1 - ((2L - b)/L)^4.44; the base year moves to the next year with data) and checked against the
line-by-line port in tests/compute/opensdg_reference.py.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from tests.compute.test_statcan import REF

from blueprint_tracker.compute.progress.opensdg_overall import overall
from blueprint_tracker.domain.series import dimension_key

HAND = {
    # 1.2.1: base 2015 = 20, latest 2020 = 15, target 10 by 2030, decrease:
    # (0.75^(1/5) - 1) / |0.5^(1/15) - 1| = 1.2381 ≥ 0.95; score 7.1429 v - 4.2857
    ("1.2.1", "s_1_2_1"): ("substantial_progress", 7.1429 * 1.238117 - 4.2857, 2015),
    # 1.2.1, the Sex = Female line (disaggregation): base 2015 = 21, latest 2020 = 16, target 10:
    # (16/21)^(1/5) - 1 = -0.052934 over |(10/21)^(1/15) - 1| = 0.048259 → 1.09688
    ("1.2.1", 's_1_2_1{"Sex":"Female"}'): ("substantial_progress", 7.1429 * 1.09688 - 4.2857, 2015),
    # 1.2.2: no target, increase, base 2015 absent → 2016 = 100, latest 2021 = 95:
    # 0.95^(1/5) - 1 = -0.010206 < 0; score 125 v - 2.5
    ("1.2.2", "s_1_2_2"): ("deterioration", 125 * (0.95**0.2 - 1) - 2.5, 2016),
    # 3.1.1 (Units = Rate): no target, decrease, limit 10, base 12, latest 11.4:
    # v = 1 - 0.95^(1/5) = 0.010206; coefficient 1 - 0.8^4.44 = 0.62872 makes high 0.009431,
    # so substantial (without the limit, moderate); score 500 v / c - 5
    ("3.1.1", "s_3_1_1"): (
        "substantial_progress",
        500 * (1 - 0.95**0.2) / (1 - 0.8**4.44) - 5,
        2015,
    ),
    # 3.2.1 Under-five: latest 24 ≤ target 25 → achieved first (score 5)
    ("3.2.1", "s_3_2_1__2"): ("target_achieved", 5.0, 2015),
    # 3.2.1 Neonatal: latest 10 ≤ target 11 → achieved
    ("3.2.1", "s_3_2_1"): ("target_achieved", 5.0, 2015),
    # 4.1.1: year ranges in their first year; base 2015 = 80, latest 2019 = 82, target 100:
    # (1.025^(1/4) - 1) / (1.25^(1/15) - 1) = 0.41316; score 4.1667 v - 2.5
    ("4.1.1", "s_4_1_1"): ("limited_progress", 4.1667 * 0.413155 - 2.5, 2015),
    # 4.1.2: one figure (2020): base moves to 2020 = latest year → not available
    ("4.1.2", "s_4_1_2"): ("not_available", None, 2020),
}
OVERALL = {
    "1.2.1": "substantial_progress", "1.2.2": "deterioration", "3.1.1": "substantial_progress",
    "3.2.1": "target_achieved", "4.1.1": "limited_progress", "4.1.2": "not_available",
}  # fmt: skip


@pytest.fixture
def report(imported: Path, cli) -> dict[str, Any]:
    result = cli("status", "--json")
    assert result.code == 0, result.err
    return result.json()


def _readings(report: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (i["id"], p["series"] + dimension_key(p["breakdown"])): p
        for i in report["indicators"]
        for p in i["progress"]
    }


def test_each_configured_selection_gets_open_sdgs_status_and_score(report: dict) -> None:
    readings = _readings(report)
    assert set(readings) == set(HAND)
    for key, (status, score, base_year) in HAND.items():
        statcan = readings[key]["assessments"]["statcan"]
        assert statcan["status"] == status, key
        assert statcan["numbers"]["base_year"] == base_year, key
        if score is None:
            assert statcan["numbers"]["score"] is None, key
        else:
            assert statcan["numbers"]["score"] == pytest.approx(score, abs=1e-3), key


def test_the_readings_equal_the_parity_port(report: dict, imported: Path) -> None:
    ref = REF
    import yaml

    indicators = yaml.safe_load((imported / "indicators.yaml").read_text())["indicators"]
    settings = {
        (i["id"], p.get("series", i["formula"]) + dimension_key(p.get("breakdown", {}))): p
        for i in indicators
        for p in i.get("progress", [])
    }
    for key, reading in _readings(report).items():
        setting = settings[key]
        line = (reading["series"], dimension_key(reading["breakdown"]))
        values = {int(v["period"][:4]): v["value"] for v in _values(imported, *line)}
        config = {
            "direction": "positive" if setting.get("direction") == "increase" else "negative",
            **{
                k: setting[k]
                for k in ("target", "target_year", "base_year", "limit")
                if k in setting
            },
        }
        status, score = ref.series_progress(values, config)
        statcan = reading["assessments"]["statcan"]
        assert statcan["status"] == status, key
        if score is None:
            assert statcan["numbers"]["score"] is None
        else:
            # our scores use the exact slopes (50/7, 25/6) of which Open SDG prints 7.1429, 4.1667
            assert math.isclose(statcan["numbers"]["score"], score, abs_tol=1e-3), key


def _values(plan: Path, series: str, breakdown: str) -> list[dict[str, Any]]:
    import csv

    with (plan / "observations.csv").open(encoding="utf-8") as handle:
        return [
            {"period": r["period"], "value": float(r["value"])}
            for r in csv.DictReader(handle)
            if r["series"] == series and r["dimensions"] == breakdown
        ]


def test_the_indicator_reading_is_the_mean_score_and_the_other_methods_run_beside(
    report: dict,
) -> None:
    by_id = {i["id"]: i for i in report["indicators"]}
    for indicator_id, status in OVERALL.items():
        assert by_id[indicator_id]["progress_overall"]["status"] == status, indicator_id
    assert by_id["4.2.1"]["progress_overall"] is None  # progress not configured
    for reading in by_id["4.1.1"]["progress"]:
        assert set(reading["assessments"]) == {"eurostat", "statcan", "escap", "trend"}
    assert by_id["3.1.1"]["progress"][0]["selection"] == {"Units": "Rate per 100000"}


def test_mean_score_rules() -> None:
    assert overall([(5.0, True), (1.0, False)]) == (3.0, "substantial_progress")
    assert overall([(5.0, True), (5.0, True)]) == (5.0, "target_achieved")
    assert overall([(None, False), (-3.0, False)]) == (-3.0, "deterioration")
    assert overall([(-1.0, False)]) == (-1.0, "limited_progress")
    assert overall([(0.0, False)]) == (0.0, "moderate_progress")
    assert overall([(None, False)]) == (None, "not_available")


def test_the_status_command_lists_every_configured_reading(imported: Path, cli) -> None:
    out = cli("status", "--lang", "en").out
    assert "Configured progress (Open SDG)" in out
    lines = [line for line in out.splitlines() if "3.1.1" in line or "1.2.2" in line]
    assert any("Units: Rate per 100000" in x and "no target (limit 10)" in x for x in lines)
    assert any("1.2.2" in x and "Deterioration" in x and "2016" in x for x in lines)
