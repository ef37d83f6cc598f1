"""The status service: methods side by side on the plan's data, commitments, roll-ups, as-of."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.assess import assess_series
from blueprint_tracker.compute.progress.bootstrap import DEFAULT_DRAWS
from blueprint_tracker.config import Settings
from blueprint_tracker.errors import InputError
from blueprint_tracker.services.imports import import_file
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace, open_workspace

HEADER = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note\n"
)
MORE = {  # year: (GERD, GDP), released a year later
    2016: (19713.1, 2490700),
    2017: (22213, 2659384),
    2018: (24478.4, 2835161),
    2019: (26332.6, 2865679),
    2021: (27827, 2861600),
    2022: (30138, 2817700),
}


@pytest.fixture
def ws(mini_plan: Path, data_dir: Path) -> Workspace:
    return open_workspace(Settings())


def _import_more(ws: Workspace, tmp_path: Path) -> None:
    rows = [HEADER]
    for year, (gerd, gdp) in MORE.items():
        released = f"{year + 1}-12-20"
        rows.append(
            f"gerd,{year},{gerd},HK$ million,,C&SD,GERD,https://x.gov/g{year},207,{released},\n"
        )
        rows.append(
            f"gdp,{year},{gdp},HK$ million,,C&SD,GDP,https://x.gov/d{year},030,{released},\n"
        )
    path = tmp_path / "more.csv"
    path.write_text("".join(rows), encoding="utf-8")
    import_file(ws, path)


def test_every_milestone_gets_every_method(ws: Workspace) -> None:
    report = status_report(ws)
    [indicator] = report["indicators"]
    assert [m["year"] for m in indicator["milestones"]] == [2025, 2030]
    for milestone in indicator["milestones"]:
        assert set(milestone["assessments"]) == {"eurostat", "statcan", "escap", "trend"}
        for reading in milestone["assessments"].values():
            assert reading["explanation"]["zh-Hant"] and reading["explanation"]["en"]
    # two points only (2014, 2020): no method can judge, and none pretends to
    statuses = {a["status"] for m in indicator["milestones"] for a in m["assessments"].values()}
    assert statuses == {"INSUFFICIENT_DATA", "not_available"}


def test_the_service_agrees_with_a_direct_call_on_the_same_series(
    ws: Workspace, tmp_path: Path
) -> None:
    _import_more(ws, tmp_path)
    report = status_report(ws, as_of=dt.date(2026, 11, 28))
    [indicator] = report["indicators"]
    series = {v["year"]: v["value"] for v in indicator["values"]}
    assert sorted(series) == [2014, 2016, 2017, 2018, 2019, 2020, 2021, 2022]
    for milestone in indicator["milestones"]:
        for method, reading in milestone["assessments"].items():
            # trend's second reading: the seeded bootstrap, published with its draws
            extra = {"bootstrap": DEFAULT_DRAWS} if method == "trend" else {}
            direct = assess_series(
                series,
                direction="increase",
                method=method,
                target=milestone["target"],
                target_year=milestone["year"],
                base_year=2020,
                evaluation_year=2026,
                **extra,  # type: ignore[arg-type]
            )
            assert reading["status"] == direct.status.value, method
            assert reading["numbers"] == direct.numbers
            if method == "trend":
                assert reading["numbers"]["bootstrap_draws"] == DEFAULT_DRAWS


def test_as_of_uses_only_what_was_released_then(ws: Workspace, tmp_path: Path) -> None:
    _import_more(ws, tmp_path)
    early = status_report(ws, as_of=dt.date(2021, 1, 1))["indicators"][0]
    late = status_report(ws, as_of=dt.date(2024, 1, 1))["indicators"][0]
    assert early["latest"]["year"] == 2019 and late["latest"]["year"] == 2022


def test_commitment_statuses_follow_due_precision_and_evidence(ws: Workspace) -> None:
    statuses = {c["id"]: c["status"] for c in status_report(ws, dt.date(2026, 1, 1))["commitments"]}
    assert statuses == {
        "c-launch": "DONE",  # launched 2023-10-18, due in 2023
        "c-online": "DONE_LATE",  # done 2024-09-30, due by mid-2024
        "c-places": "OVERDUE",  # 2024/25 school year ended 2025-08-31, no evidence
    }
    before = {c["id"]: c["status"] for c in status_report(ws, dt.date(2024, 1, 1))["commitments"]}
    assert before == {"c-launch": "DONE", "c-online": "NO_EVIDENCE", "c-places": "NO_EVIDENCE"}


def test_rollups_are_counts_never_averages(ws: Workspace) -> None:
    report = status_report(ws, dt.date(2026, 1, 1))
    assert report["rollup"]["p1"]["commitments"] == {"DONE": 1, "DONE_LATE": 1}
    assert report["rollup"]["p2"]["commitments"] == {"OVERDUE": 1}
    assert report["rollup"]["p1"]["indicators"] == {"INSUFFICIENT_DATA": 2}
    assert report["rollup"]["p2"]["indicators"] == {}
    assert report["counts"]["commitments"] == {"DONE": 1, "DONE_LATE": 1, "OVERDUE": 1}


def test_stale_flag_follows_the_release_calendar(ws: Workspace) -> None:
    # GERD for 2020 out in Dec 2021; 2021 expected by end-2022: stale from Feb 2023
    assert status_report(ws, dt.date(2022, 6, 1))["indicators"][0]["stale"] is False
    assert status_report(ws, dt.date(2023, 2, 1))["indicators"][0]["stale"] is True


def test_one_method_only_and_an_unknown_method(ws: Workspace) -> None:
    report = status_report(ws, method="escap")
    assert report["methods"] == ["escap"]
    assert set(report["indicators"][0]["milestones"][0]["assessments"]) == {"escap"}
    with pytest.raises(InputError, match="unknown method 'best'"):
        status_report(ws, method="best")


def test_eurostat_has_the_long_term_reading_as_a_second_reading(
    ws: Workspace, tmp_path: Path
) -> None:
    _import_more(ws, tmp_path)
    [indicator] = status_report(ws, as_of=dt.date(2026, 11, 28))["indicators"]
    series = {v["year"]: v["value"] for v in indicator["values"]}
    milestone = indicator["milestones"][1]
    long_term = milestone["assessments"]["eurostat"]["long_term"]
    direct = assess_series(
        series,
        direction="increase",
        method="eurostat",
        target=2.0,
        target_year=2030,
        base_year=2020,
        evaluation_year=2026,
        window=15,
        min_span=10,
    )
    assert long_term["status"] == direct.status.value
    assert long_term["numbers"]["t0"] == 2014  # the earliest year in the 15-year window
    assert milestone["assessments"]["eurostat"]["numbers"]["t0"] == 2017  # 5-year window


def _headline_rule(plan: Path, rule: str) -> None:
    path = plan / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("baseline_year: 2020\n", f"baseline_year: 2020\nheadline: {rule}\n"),
        encoding="utf-8",
    )


def test_each_milestone_headline_follows_the_rule_the_plan_declares(
    mini_plan: Path, data_dir: Path, tmp_path: Path
) -> None:
    _headline_rule(mini_plan, "{rule: primary, method: eurostat, fallback: [escap]}")
    ws = open_workspace(Settings())
    _import_more(ws, tmp_path)
    report = status_report(ws, as_of=dt.date(2024, 6, 1))
    assert report["headline_rule"]["method"] == "eurostat"
    milestone = report["indicators"][0]["milestones"][0]
    assert milestone["headline"]["method"] == "eurostat"
    assert milestone["headline"]["status"] == milestone["assessments"]["eurostat"]["status"]
    assert milestone["headline"]["disagree"] == milestone["disagree"]


def test_agreement_rule_headline_says_when_methods_split(
    mini_plan: Path, data_dir: Path, tmp_path: Path
) -> None:
    _headline_rule(mini_plan, "{rule: agreement, method: escap}")
    ws = open_workspace(Settings())
    _import_more(ws, tmp_path)
    report = status_report(ws, as_of=dt.date(2024, 6, 1))
    milestones = [m for row in report["indicators"] for m in row["milestones"]]
    for m in milestones:
        assert m["headline"]["split"] == m["disagree"]
        assert (m["headline"]["status"] is None) == m["disagree"]


def _nested_brackets(text: str) -> bool:
    depth = 0
    for char in text:
        if char in "（(":
            depth += 1
            if depth > 1:
                return True
        elif char in "）)":
            depth = max(depth - 1, 0)
    return False


def test_no_explanation_nests_brackets(tmp_path: Path) -> None:
    """A unit with a qualifier ("%（私營機構所佔）") must not end up inside another bracket."""
    ws = open_workspace(Settings(data_dir=tmp_path, database_url=None, plan="hk-itb-2022"))
    report = status_report(ws, dt.date(2026, 11, 28))
    texts = [
        text
        for row in report["indicators"]
        for milestone in row["milestones"]
        for reading in milestone["assessments"].values()
        for text in reading["explanation"].values()
    ]
    assert any("私營機構所佔" in text for text in texts)  # the case that nested before
    assert [text for text in texts if _nested_brackets(text)] == []
