"""`blueprint status` and `blueprint assess`."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest


def test_status_json_has_every_indicator_and_both_milestones(mini_plan: Path, cli) -> None:
    report = cli("status", "--json").json()
    assert [(i["id"], [m["year"] for m in i["milestones"]]) for i in report["indicators"]] == [
        ("1.1", [2025, 2030])
    ]
    assert report["headline_method"] == "escap"


def test_status_table_in_both_languages(mini_plan: Path, cli) -> None:
    en = cli("status", "--lang", "en", "--as-of", "2026-01-01").out
    assert "eurostat" in en and "Insufficient data" in en and "Overdue" in en
    zh = cli("status", "--as-of", "2026-01-01").out
    assert "數據不足" in zh and "已逾期" in zh and "逾期完成" in zh


def test_status_rejects_an_unknown_method(mini_plan: Path, cli) -> None:
    result = cli("status", "--method", "best")
    assert result.code == 2 and "unknown method 'best'" in result.err


def test_assess_reads_a_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("year,value\n2015,100\n2018,110\n2020,121\n", encoding="utf-8")
    result = cli("assess", str(path), "--target", "200", "--target-year", "2030", "--json")
    assert result.code == 0
    data = result.json()
    assert set(data) == {"status", "method", "numbers", "explanation"}
    assert data["method"] == "eurostat"
    # t0 = 2015, t1 = 2020: actual 1.1^(2/5)... = (121/100)^(1/5) - 1
    assert data["numbers"]["cagr_actual"] == pytest.approx((121 / 100) ** (1 / 5) - 1)


def test_assess_reads_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("year,value\n2016,5\n2020,9\n"))
    result = cli(
        "assess",
        "-",
        "--method",
        "escap",
        "--base-year",
        "2016",
        "--target",
        "10",
        "--target-year",
        "2025",
        "--projection",
        "linear",
        "--json",
    )
    # linear: slope 1/yr, projection 9 + 5 = 14 >= 10: anticipated progress (14-5)/(10-5) = 1.8
    assert result.json()["status"] == "ON_TRACK"
    assert result.json()["numbers"]["anticipated_progress"] == pytest.approx(1.8)


def test_assess_reports_bad_rows_and_bad_options(cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("year,value\n2015,100\ntwenty,5\n2017,x\n", encoding="utf-8")
    result = cli("assess", str(path))
    assert result.code == 1  # the data is wrong (as for import), not the command line
    assert "row 3" in result.err and "row 4" in result.err and "Traceback" not in result.err
    path.write_text("year,value\n2015,100\n2018,110\n", encoding="utf-8")
    result = cli("assess", str(path), "--direction", "up")
    assert result.code == 2 and "direction must be" in result.err
    result = cli("assess", str(path), "--target", "5")
    assert result.code == 2 and "a target needs a target_year" in result.err
    assert cli("assess", str(tmp_path / "none.csv")).code == 2
