"""Loading and validating a plan folder: every problem is reported, with file and place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from blueprint_tracker.formats.plan_folder import load_plan_folder


def _edit(folder: Path, file: str, change) -> None:
    path = folder / file
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    _, problems = load_plan_folder(folder)
    return [str(p) for p in problems]


def test_the_mini_plan_loads_without_problems(mini_plan: Path) -> None:
    plan, problems = load_plan_folder(mini_plan)
    assert problems == []
    assert plan is not None
    assert plan.count_by_level() == {"pillar": 2, "action": 2}
    assert [c.id for c in plan.commitments if c.evidence] == ["c-online", "c-launch"]


def test_an_unknown_parent_is_reported(mini_plan: Path) -> None:
    _edit(mini_plan, "plan.yaml", lambda d: d["nodes"][2].update(parent="p9"))
    assert _messages(mini_plan) == ["plan.yaml: nodes[2] (id p1-a1).parent: unknown parent 'p9'"]


def test_a_duplicate_id_is_reported(mini_plan: Path) -> None:
    _edit(mini_plan, "plan.yaml", lambda d: d["nodes"][3].update(id="p1-a1"))
    assert "plan.yaml: nodes (id p1-a1): duplicate id: used 2 times" in _messages(mini_plan)


def test_a_formula_naming_an_unknown_series_is_reported(mini_plan: Path) -> None:
    _edit(
        mini_plan,
        "indicators.yaml",
        lambda d: d["indicators"][0].update(formula="gerd / gpd * 100"),
    )
    assert _messages(mini_plan) == [
        "indicators.yaml: indicators[0] (id 1.1).formula: names unknown series 'gpd'"
    ]


def test_a_formula_with_code_in_it_is_refused(mini_plan: Path) -> None:
    _edit(
        mini_plan,
        "indicators.yaml",
        lambda d: d["indicators"][0].update(formula="__import__('os').getcwd()"),
    )
    [message] = _messages(mini_plan)
    assert "is not allowed" in message and "indicators[0] (id 1.1).formula" in message


@pytest.mark.parametrize("due", ["2024-02-30", "2024-H3", "2024/26", "mid-2024"])
def test_an_impossible_due_date_is_reported(mini_plan: Path, due: str) -> None:
    _edit(mini_plan, "commitments.yaml", lambda d: d["commitments"][1].update(due=due))
    [message] = _messages(mini_plan)
    assert message.startswith("commitments.yaml: commitments[1] (id c-online).due: due date")


def test_a_missing_chinese_text_is_reported(mini_plan: Path) -> None:
    _edit(mini_plan, "plan.yaml", lambda d: d["nodes"][0]["title"].pop("zh-Hant"))
    assert _messages(mini_plan) == [
        "plan.yaml: nodes[0] (id p1).title.zh-Hant: is required but missing"
    ]


def test_a_missing_english_text_is_reported(mini_plan: Path) -> None:
    _edit(mini_plan, "indicators.yaml", lambda d: d["indicators"][0]["name"].pop("en"))
    assert _messages(mini_plan) == [
        "indicators.yaml: indicators[0] (id 1.1).name.en: is required but missing"
    ]


def test_a_milestone_without_a_year_is_reported(mini_plan: Path) -> None:
    _edit(mini_plan, "indicators.yaml", lambda d: d["indicators"][0]["milestones"][1].pop("year"))
    assert _messages(mini_plan) == [
        "indicators.yaml: indicators[0] (id 1.1).milestones[1].year: is required but missing"
    ]


def test_every_problem_is_reported_at_once(mini_plan: Path) -> None:
    def break_plan(d):
        d["nodes"][2]["parent"] = "nowhere"
        d["nodes"][3]["id"] = "p1-a1"
        d["nodes"][1]["title"]["en"] = ""

    _edit(mini_plan, "plan.yaml", break_plan)
    _edit(mini_plan, "indicators.yaml", lambda d: d["indicators"][0].update(formula="x / gdp"))
    _edit(mini_plan, "commitments.yaml", lambda d: d["commitments"][0].update(due="2023-13"))
    messages = _messages(mini_plan)
    assert len(messages) == 6, messages
    assert "plan.yaml: nodes[2] (id p1-a1).parent: unknown parent 'nowhere'" in messages
    assert "plan.yaml: nodes (id p1-a1): duplicate id: used 2 times" in messages
    assert "plan.yaml: nodes[1] (id p2).title.en: Value error, text must not be empty" in messages
    assert "indicators.yaml: indicators[0] (id 1.1).formula: names unknown series 'x'" in messages
    # the renamed node leaves its commitment pointing nowhere: reported, not hidden
    assert "commitments.yaml: commitments[0] (id c-places).node: unknown node 'p2-a1'" in messages
    assert any(
        "commitments[0] (id c-places).due: due date '2023-13' is impossible" in m for m in messages
    )


def test_a_yaml_syntax_error_names_the_line(mini_plan: Path) -> None:
    (mini_plan / "series.yaml").write_text("series:\n  - {id: gerd\n", encoding="utf-8")
    messages = _messages(mini_plan)
    assert any(m.startswith("series.yaml: line 3") and "YAML syntax error" in m for m in messages)


def test_a_parent_at_the_same_level_is_refused(mini_plan: Path) -> None:
    _edit(mini_plan, "plan.yaml", lambda d: d["nodes"][1].update(parent="p1"))
    assert _messages(mini_plan) == [
        "plan.yaml: nodes[1] (id p2).parent: parent 'p1' is not at a higher level"
    ]


def test_evidence_for_an_unknown_commitment_is_reported(mini_plan: Path) -> None:
    with (mini_plan / "evidence.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "c-nope,2024-01-01,completed,完成,Done,Bureau,PR,https://x.gov/1,2024-01-02,\n"
        )
    assert _messages(mini_plan) == ["evidence.csv: entry 3 (c-nope): unknown commitment 'c-nope'"]


def test_agencies_yaml_gives_each_agency_its_names(mini_plan: Path) -> None:
    (mini_plan / "agencies.yaml").write_text(
        "agencies:\n  Census and Statistics Department:\n"
        "    zh-Hant: \u653f\u5e9c\u7d71\u8a08\u8655\n    en: Census and Statistics Department\n",
        encoding="utf-8",
    )
    plan, problems = load_plan_folder(mini_plan)
    assert problems == [] and plan is not None
    assert plan.header.agencies["Census and Statistics Department"].has("zh-Hant")


def test_an_agency_missing_a_language_is_reported(mini_plan: Path) -> None:
    (mini_plan / "agencies.yaml").write_text(
        "agencies:\n  Census and Statistics Department:\n"
        "    en: Census and Statistics Department\n",
        encoding="utf-8",
    )
    messages = _messages(mini_plan)
    assert any("agencies.yaml" in m and "Census and Statistics Department.zh-Hant" in m
               for m in messages), messages


def test_an_unknown_key_in_agencies_yaml_is_reported(mini_plan: Path) -> None:
    (mini_plan / "agencies.yaml").write_text("agency:\n  X:\n    en: X\n", encoding="utf-8")
    assert any("agencies.yaml" in m and "agency" in m for m in _messages(mini_plan))
