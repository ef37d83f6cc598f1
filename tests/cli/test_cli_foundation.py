"""The CLI on the mini plan: tree, indicators, show, commitments, import, validate."""

from __future__ import annotations

import shutil
from pathlib import Path

from blueprint_tracker.store.observations import open_store

HEADER = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note\n"
)


def test_plan_json_has_ids_levels_parents_and_both_texts(mini_plan: Path, cli) -> None:
    result = cli("plan", "--json")
    assert result.code == 0
    nodes = result.json()["nodes"]
    assert [(n["id"], n["level"], n["parent"]) for n in nodes] == [
        ("p1", "pillar", None),
        ("p1-a1", "action", "p1"),
        ("p2", "pillar", None),
        ("p2-a1", "action", "p2"),
    ]
    assert nodes[1]["title"] == {
        "zh-Hant": "增加研發開支",
        "en": "Spend more on R&D",
        "translated": True,
    }


def test_plan_level_limits_the_depth(mini_plan: Path, cli) -> None:
    assert [n["id"] for n in cli("plan", "--level", "pillar", "--json").json()["nodes"]] == [
        "p1",
        "p2",
    ]
    bad = cli("plan", "--level", "branch")
    assert bad.code == 2 and "unknown level 'branch'" in bad.err


def test_plan_tree_renders_chinese(mini_plan: Path, cli) -> None:
    result = cli("plan")
    assert result.code == 0
    assert "支柱 p1 研發" in result.out and "行動 p2-a1 培育人才" in result.out


def test_indicators_show_the_latest_value_with_its_vintages(mini_plan: Path, cli) -> None:
    [row] = cli("indicators", "--json").json()
    latest = row["latest"]
    assert latest["year"] == 2020
    assert round(latest["value"], 4) == round(26554 / 2669000 * 100, 4)
    assert [i["source"]["url"] for i in latest["inputs"]] == [
        "https://example.gov/gerd2020",
        "https://example.gov/gdp2020b",
    ]
    assert latest["flags"] == ["revised"]


def test_indicators_as_of_uses_the_vintage_known_then(mini_plan: Path, cli) -> None:
    [row] = cli("indicators", "--json", "--as-of", "2021-12-22").json()
    assert row["latest"]["year"] == 2014  # GERD 2020 came out on 2021-12-23
    [row] = cli("indicators", "--json", "--as-of", "2022-01-01").json()
    assert row["latest"]["year"] == 2020
    assert row["latest"]["inputs"][1]["value"] == 2675700  # GDP as first published
    [row] = cli("indicators", "--json", "--as-of", "2022-03-01").json()
    assert row["latest"]["inputs"][1]["value"] == 2669000  # GDP as revised


def test_indicators_table_in_english(mini_plan: Path, cli) -> None:
    out = cli("indicators", "--lang", "en").out
    assert "GERD as % of GDP" in out and "≥ 1.30" in out and "0.99" in out


def test_show_a_node_an_indicator_and_a_commitment(mini_plan: Path, cli) -> None:
    node = cli("show", "p1", "--json").json()
    assert node["kind"] == "node"
    assert node["item"]["children"] == ["p1-a1"] and node["item"]["indicators"] == ["1.1"]
    assert cli("show", "1.1", "--json").json()["kind"] == "indicator"
    commitment = cli("show", "c-online", "--json").json()["item"]
    assert commitment["due"]["end"] == "2024-06-30"
    assert commitment["path"] == ["p1", "p1-a1"]


def test_show_an_unknown_id_is_a_clear_error(mini_plan: Path, cli) -> None:
    result = cli("show", "nope")
    assert result.code == 2
    assert "no node, indicator or commitment has the id 'nope'" in result.err
    assert "Traceback" not in result.err


def test_commitments_due_before_keeps_precision(mini_plan: Path, cli) -> None:
    rows = cli("commitments", "--json", "--due-before", "2024-07-01").json()
    assert [r["id"] for r in rows] == ["c-launch", "c-online"]
    rows = cli("commitments", "--json").json()
    assert rows[-1]["due"]["end"] == "2025-08-31"  # 2024/25 school year


def test_commitments_as_of_hides_later_evidence(mini_plan: Path, cli) -> None:
    rows = {r["id"]: r for r in cli("commitments", "--json", "--as-of", "2024-01-01").json()}
    assert len(rows["c-launch"]["evidence"]) == 1 and rows["c-online"]["evidence"] == []


def test_bad_dates_are_usage_errors(mini_plan: Path, cli) -> None:
    result = cli("indicators", "--as-of", "yesterday")
    assert result.code == 2 and "is not a date YYYY-MM-DD" in result.err
    blank = cli("indicators", "--as-of", "", "--json")  # the API's message, as a usage error
    assert blank.code == 2 and "empty; give a date YYYY-MM-DD or leave it out" in blank.err


def test_import_adds_once_and_reports_repeats(mini_plan: Path, cli, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        HEADER + "gerd,2021,27827,HK$ million,,C&SD,GERD 2022,https://x.gov/g,207,2023-12-21,\n",
        encoding="utf-8",
    )
    first = cli("import", str(path), "--json").json()
    assert (first["rows_read"], first["rows_added"]) == (1, 1)
    second = cli("import", str(path), "--json").json()
    assert (second["rows_added"], second["rows_already_stored"]) == (0, 1)


def test_a_bad_file_writes_nothing_and_lists_every_bad_row(
    mini_plan: Path, data_dir: Path, cli, tmp_path: Path
) -> None:
    cli("indicators", "--json")  # creates and seeds the store
    store = open_store(f"sqlite:///{data_dir / 'blueprint.sqlite3'}")
    before = store.count("mini")
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "gerd,2021,27827,HK$ million,,C&SD,GERD 2022,https://x.gov/g,207,2023-12-21,\n"
        + "gerd,2022,lots,HK$ million,,C&SD,GERD 2022,https://x.gov/g,207,2023-12-21,\n"
        + "gdp,2022,3000000,HK$ million,,C&SD,,https://x.gov/g,030,2023-02-01,\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.code == 1
    assert "bad.csv: row 3, column value: 'lots' is not a number" in result.err
    assert "bad.csv: row 4, column source_title: is required but empty" in result.err
    assert "nothing was imported" in result.err
    assert store.count("mini") == before


def test_a_conflicting_revision_writes_nothing(
    mini_plan: Path, data_dir: Path, cli, tmp_path: Path
) -> None:
    path = tmp_path / "conflict.csv"
    path.write_text(
        HEADER
        + "gdp,2021,2800000,HK$ million,,C&SD,GDP,https://x.gov/g,030,2022-02-25,\n"
        + "gdp,2020,2669001,HK$ million,,C&SD,GDP,https://x.gov/g,030,2022-02-25,\n",
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.code == 1 and "row 3, column value" in result.err
    store = open_store(f"sqlite:///{data_dir / 'blueprint.sqlite3'}")
    assert [o.period for o in store.latest("mini", ["gdp"])] == ["2014", "2020"]


def test_import_of_a_missing_file(mini_plan: Path, cli) -> None:
    result = cli("import", "/no/such/file.csv")
    assert result.code == 2 and "no such file" in result.err


def test_validate_reports_every_problem_and_exits_1(mini_plan: Path, cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(mini_plan, broken)
    text = (broken / "plan.yaml").read_text(encoding="utf-8")
    (broken / "plan.yaml").write_text(text.replace("parent: p2,", "parent: p7,"), encoding="utf-8")
    text = (broken / "commitments.yaml").read_text(encoding="utf-8")
    (broken / "commitments.yaml").write_text(text.replace("2024-H1", "2024-H7"), encoding="utf-8")
    result = cli("validate", str(broken))
    assert result.code == 1
    assert "unknown parent 'p7'" in result.err and "'2024-H7' is impossible" in result.err
    report = cli("validate", str(broken), "--json")
    assert report.code == 1 and len(report.json()["problems"]) == 2


def test_validate_summary_for_a_good_plan(mini_plan: Path, cli) -> None:
    report = cli("validate", str(mini_plan), "--json")
    assert report.code == 0
    assert report.json()["summary"]["levels"] == {"pillar": 2, "action": 2}
