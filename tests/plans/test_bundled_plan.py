"""The bundled Hong Kong plan: its structure, and the Blueprint's table out of the formulas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.config import BUNDLED_PLANS, Settings
from blueprint_tracker.services.indicators import indicator_values
from blueprint_tracker.services.validation import validate_plan
from blueprint_tracker.services.workspace import Workspace, open_workspace

PLAN_DIR = BUNDLED_PLANS / "hk-itb-2022"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data = tmp_path_factory.mktemp("bundled")
    return open_workspace(Settings(data_dir=data, plan="hk-itb-2022"))


def test_the_bundled_plan_validates_with_the_blueprint_counts() -> None:
    report = validate_plan(PLAN_DIR)
    assert report["problems"] == []
    summary = report["summary"]
    assert summary["levels"] == {"direction": 4, "strategy": 8, "goal": 16, "recommendation": 42}
    # The table of development-vision reference indicators has eight rows:
    # 1.1-1.3 (R&D), 2.1-2.2 (start-ups), 3.1-3.2 (talent) and 4.1 (industry).
    assert summary["indicators"] == 8
    assert summary["commitments"] >= 35


def test_at_least_35_commitments_are_dated(workspace: Workspace) -> None:
    dated = [c for c in workspace.plan.commitments if c.due is not None]
    assert len(dated) >= 35
    assert all(c.node in workspace.plan.nodes_by_id() for c in workspace.plan.commitments)


def test_directions_group_strategies_as_in_chapter_3(workspace: Workspace) -> None:
    parents = {n.id: n.parent for n in workspace.plan.header.nodes if n.level == "strategy"}
    assert parents == {"s1": "d1", "s2": "d1", "s3": "d1", "s4": "d1", "s5": "d2", "s6": "d3",
                       "s7": "d4", "s8": "d4"}  # fmt: skip


def test_every_text_has_both_languages_and_translations_are_marked(workspace: Workspace) -> None:
    for node in workspace.plan.header.nodes:
        assert node.title.has("zh-Hant") and node.title.has("en")
    assert any(n.title.translated for n in workspace.plan.header.nodes)


def test_every_indicator_milestone_is_for_2025_and_2030(workspace: Workspace) -> None:
    for indicator in workspace.plan.indicators:
        assert [m.year for m in indicator.milestones] == [2025, 2030], indicator.id


def _published_cases() -> list[tuple[str, int, float]]:
    from blueprint_tracker.formats.plan_folder import load_plan_folder

    plan, _ = load_plan_folder(PLAN_DIR)
    assert plan is not None
    return [(i.id, year, value) for i in plan.indicators for year, value in i.published.items()]


@pytest.mark.parametrize(("indicator_id", "year", "published"), _published_cases())
def test_formulas_reproduce_the_blueprint_table(
    workspace: Workspace, indicator_id: str, year: int, published: float
) -> None:
    indicator = workspace.plan.indicator(indicator_id)
    assert indicator is not None
    values = {v.year: v for v in indicator_values(workspace, indicator)}
    computed = values.get(year)
    assert computed is not None, f"{indicator_id} {year}: no value from the bundled data"
    assert computed.basis == "formula"
    assert round(computed.value, indicator.decimals) == pytest.approx(published)


def test_per_capita_reproduces_2020_only_with_year_end_population(workspace: Workspace) -> None:
    """Why indicator 1.2 divides by the year-end population (its definition note says so)."""
    latest = {(o.series, o.period): o.value for o in workspace.store.latest("hk-itb-2022")}
    gerd = latest[("gerd", "2020")] * 1e6
    assert round(gerd / latest[("population_yearend", "2020")]) == 3575
    assert round(gerd / latest[("population_midyear", "2020")]) != 3575
    indicator = workspace.plan.indicator("1.2")
    assert indicator is not None and "population_yearend" in indicator.formula


def test_every_bundled_observation_has_provenance() -> None:
    from blueprint_tracker.formats.observations_file import read_observations

    observations, problems = read_observations(PLAN_DIR / "observations.csv")
    assert problems == []
    today = dt.date.today()
    for o in observations:
        assert o.source.url.startswith("http") and o.source.agency and o.source.title
        assert o.release_date <= today


def test_no_release_gives_two_values_for_one_period() -> None:
    from blueprint_tracker.formats.observations_file import read_observations

    observations, _ = read_observations(PLAN_DIR / "observations.csv")
    seen: dict[tuple[str, str, dt.date], float] = {}
    for o in observations:
        key = (o.series, o.period, o.release_date)
        assert seen.setdefault(key, o.value) == o.value, key


def test_fresh_install_shows_recent_values(workspace: Workspace) -> None:
    latest = {}
    for indicator in workspace.plan.indicators:
        values = indicator_values(workspace, indicator)
        latest[indicator.id] = values[-1].year if values else None
    assert latest["1.1"] >= 2024
    assert latest["2.1"] >= 2025


def test_data_notes_exist_in_both_languages() -> None:
    for lang in ("en", "zh-Hant"):
        text = (PLAN_DIR / "notes" / f"data-notes.{lang}.md").read_text(encoding="utf-8")
        assert len(text) > 1000


def test_every_commitment_has_a_short_distinct_title_in_both_languages(
    workspace: Workspace,
) -> None:
    commitments = workspace.plan.commitments
    titles = {
        lang: [c.title.get(lang) for c in commitments if c.title] for lang in ("zh-Hant", "en")
    }
    for lang, names in titles.items():
        assert len(names) == len(commitments), f"{lang}: a commitment has no title"
        assert len(set(names)) == len(names), f"{lang}: two commitments share a title"
    for c in commitments:
        assert c.title is not None
        zh, en = c.title.get("zh-Hant"), c.title.get("en")
        assert len(zh) <= 30 and len(en) <= 80, c.id
        # a name, not a cut-off quote: no leading conjunction, no trailing clause punctuation
        assert not en.lower().startswith(("and ", "or ", "to ", "in ")), c.id
        assert not zh.endswith(("，", "；", "。", "、")) and not en.endswith((",", ";", ".")), c.id


def _figure_unit(value: float) -> float:
    """The last significant place of a figure as written (26,554 → 1; 16,700 → 100; 0.99 → 0.01)."""
    text = repr(value).removesuffix(".0")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    digits = text.lstrip("-")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 1)


def test_every_source_has_a_tier_and_no_official_figure_rests_on_a_repost() -> None:
    import csv

    from blueprint_tracker.domain.series import TIERS
    from blueprint_tracker.formats.observations_file import read_observations

    with (PLAN_DIR / "observations.csv").open(encoding="utf-8") as handle:
        stated = [row["source_tier"] for row in csv.DictReader(handle)]
    assert stated and all(tier in TIERS for tier in stated)  # stated on every row, not defaulted
    observations, _ = read_observations(PLAN_DIR / "observations.csv")
    assert all(o.source.tier in TIERS for o in observations)
    official = [o for o in observations if o.source.official]
    for o in observations:
        if o.source.tier == "official_table_copy":
            assert o.source.copy_url.startswith("http") and o.source.table, o
        if o.source.official:
            continue
        same = [
            f
            for f in official
            if (f.series, f.period) == (o.series, o.period)
            and abs(f.value - o.value) <= _figure_unit(o.value) / 2
        ]
        assert same == [], f"{o.series} {o.period} {o.value} rests on {o.source.url}"


def test_the_copies_keep_both_vintages_where_they_differ(workspace: Workspace) -> None:
    vintages = {(o.series, o.period, o.value) for o in workspace.store.all_vintages("hk-itb-2022")}
    assert {("gerd_pct_gdp", "2019", 0.92), ("gerd_pct_gdp", "2019", 0.93)} <= vintages
    assert {("gdp_current", "2014", 2258200), ("gdp_current", "2014", 2260005)} <= vintages
    for series, period, value in [
        ("population_yearend", "2016", 7378100),
        ("population_midyear", "2017", 7393200),
        ("population_yearend", "2017", 7414800),
        ("population_midyear", "2018", 7452600),
        ("population_yearend", "2018", 7487700),
    ]:
        assert (series, period, value) in vintages


def test_commitment_dates_follow_the_blueprints_wording(workspace: Workspace) -> None:
    from blueprint_tracker.services.status import status_report

    commitments = {c.id: c for c in workspace.plan.commitments}
    # "合資格外來人才如在2022年10月19日或以後在港置業": who qualifies, not a due date.
    refund = commitments["c-talent-stamp-duty-refund"]
    assert refund.due is None
    # "將於2023年開展" and "將於2023年推出": in 2023, not from 2023.
    assert commitments["c-cnipa-priority-exam"].due_kind == "in"
    assert commitments["c-raise-plus"].due_kind == "in"
    goals = [c for c in commitments.values() if c.id.startswith(("c-dg2027", "c-dg2032"))]
    assert len(goals) == 10
    assert all(c.ref.startswith("發展目標一節") and "非第四章" in c.ref for c in goals)
    statuses = {c["id"]: c["status"] for c in status_report(workspace)["commitments"]}
    assert statuses["c-talent-stamp-duty-refund"] == "DONE"  # not "Done late"


def test_peers_are_context_only_statuses_do_not_read_them(tmp_path: Path) -> None:
    import shutil

    from blueprint_tracker.services.status import status_report

    def statuses(plan_dir: Path) -> dict[str, object]:
        ws = open_workspace(Settings(data_dir=tmp_path / plan_dir.name, plan=str(plan_dir)))
        report = status_report(ws, dt.date(2026, 11, 30))
        return {i["id"]: i["milestones"] for i in report["indicators"]}

    without = tmp_path / "without-peers"
    shutil.copytree(PLAN_DIR, without)
    (without / "peers.yaml").unlink()
    assert statuses(PLAN_DIR) == statuses(without)


def test_csv_downloads_carry_the_tier_and_import_again(
    workspace: Workspace, tmp_path: Path
) -> None:
    import csv
    import io

    from blueprint_tracker.formats.observations_file import read_observations
    from blueprint_tracker.present.downloads import indicator_csv, observations_csv
    from blueprint_tracker.services.pages import indicator_page
    from blueprint_tracker.services.pages.data import observation_rows

    text = observations_csv(observation_rows(workspace))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(dt.date.fromisoformat(r["release_date"]) for r in rows)
    copies = [r for r in rows if r["source_tier"] == "official_table_copy"]
    assert copies and all(r["source_copy_url"].startswith("https://") for r in copies)
    path = tmp_path / "observations.csv"
    path.write_text(text, encoding="utf-8")
    again, problems = read_observations(path)
    assert problems == [] and len(again) == len(rows)
    assert {o.source.tier for o in again} == {r["source_tier"] for r in rows}
    values = list(csv.DictReader(io.StringIO(indicator_csv(indicator_page(workspace, "1.3")))))
    year_2014 = next(r for r in values if r["year"] == "2014")
    assert year_2014["basis"] == "formula"
    assert year_2014["source_tiers"] == "official_table_copy;official_table_copy"
