"""Reading a plan's peers.yaml: economies, sourced figures, and every bad reference reported."""

from __future__ import annotations

from pathlib import Path

from blueprint_tracker.formats.peers_file import load_peers

SOURCE = "{agency: OECD, title: MSTI, url: 'https://example.org/msti', tier: official_release}"


def _figure(indicator: str, economy: str, source: str = SOURCE) -> str:
    return (
        f"  - {{indicator: '{indicator}', economy: {economy}, year: 2019, value: 1.9, "
        f"release_date: 2021-03-01, source: {source}}}\n"
    )


def _write(folder: Path, figures: str) -> Path:
    (folder / "peers.yaml").write_text(
        "economies:\n  - {id: SGP, name: {zh-Hant: 新加坡, en: Singapore}}\n"
        "indicators:\n  - {id: '1.1'}\n"
        f"figures:\n{figures}",
        encoding="utf-8",
    )
    return folder


def test_a_plan_without_peers_has_none(tmp_path: Path) -> None:
    peers, problems = load_peers(tmp_path, {"1.1"})
    assert problems == [] and peers.figures == ()


def test_figures_keep_their_source_and_tier(tmp_path: Path) -> None:
    row = _figure("1.1", "SGP")
    peers, problems = load_peers(_write(tmp_path, row), {"1.1"})
    assert problems == []
    [figure] = peers.known("1.1")
    assert (figure.economy, figure.year, figure.value) == ("SGP", 2019, 1.9)
    assert figure.source.tier == "official_release"
    import datetime as dt

    assert peers.known("1.1", dt.date(2021, 2, 28)) == []  # not yet published on that day


def test_unknown_economies_indicators_and_tiers_are_reported(tmp_path: Path) -> None:
    rows = _figure("1.1", "XXX") + _figure("9.9", "SGP")
    _, problems = load_peers(_write(tmp_path, rows), {"1.1"})
    assert [(p.location, p.message) for p in problems] == [
        ("figures[0]", "unknown economy 'XXX'"),
        ("figures[1]", "indicator '9.9' is not listed as compared"),
    ]
    bad_tier = SOURCE.replace("official_release", "blog")
    row = _figure("1.1", "SGP", bad_tier)
    _, problems = load_peers(_write(tmp_path, row), {"1.1"})
    assert problems and problems[0].file == "peers.yaml" and "source.tier" in problems[0].location



def test_every_bundled_peer_figure_has_a_source_with_a_tier() -> None:
    from blueprint_tracker.config import BUNDLED_PLANS
    from blueprint_tracker.domain.series import TIERS

    folder = BUNDLED_PLANS / "hk-itb-2022"
    indicators = {"1.1", "1.2", "1.3", "3.2"}
    peers, problems = load_peers(folder, indicators)
    assert problems == [] and peers.figures
    for figure in peers.figures:
        source = figure.source
        assert source.tier in TIERS and source.agency and source.title
        assert source.url.startswith("http")
        # an agency's table read from a copy names the copy as well
        assert (source.tier == "official_table_copy") == bool(source.copy_url)
    economies = {f.economy for f in peers.figures}
    assert {"SGP", "KOR", "CHN", "SZX", "OECD"} <= economies


def _write_context(folder: Path, context: str, figures: str) -> Path:
    (folder / "peers.yaml").write_text(
        "home: {id: HKG, name: {zh-Hant: 香港, en: Hong Kong}}\n"
        "economies:\n  - {id: SGP, name: {zh-Hant: 新加坡, en: Singapore}}\n"
        "indicators:\n  - {id: '1.1'}\n"
        "not_compared:\n  - {id: '3.2', why: {zh-Hant: 不同定義。, en: Another definition.}}\n"
        f"context:\n{context}"
        f"figures:\n{figures}",
        encoding="utf-8",
    )
    return folder


RESEARCHERS = (
    "  - {id: researchers, shown_on: '3.2', unit: {zh-Hant: 人, en: per million people},\n"
    "     name: {zh-Hant: 研究人員, en: Researchers per million people}}\n"
)


def test_a_context_measure_takes_figures_for_the_home_economy_too(tmp_path: Path) -> None:
    rows = _figure("researchers", "HKG") + _figure("researchers", "SGP")
    peers, problems = load_peers(_write_context(tmp_path, RESEARCHERS, rows), {"1.1", "3.2"})
    assert problems == []
    [measure] = peers.context
    assert (measure.id, measure.shown_on) == ("researchers", "3.2")
    assert {f.economy for f in peers.known("researchers")} == {"HKG", "SGP"}


def test_context_measures_and_home_figures_are_checked(tmp_path: Path) -> None:
    # the plan's own economy has no figures of its own for an indicator: they are the indicator's
    bad_context = RESEARCHERS.replace("'3.2'", "'9.9'") + RESEARCHERS.replace(
        "id: researchers", "id: '3.2'"
    )
    rows = _figure("1.1", "HKG") + _figure("elsewhere", "SGP")
    _, problems = load_peers(_write_context(tmp_path, bad_context, rows), {"1.1", "3.2"})
    assert [(p.location, p.message) for p in problems] == [
        ("context[0]", "unknown indicator '9.9'"),
        ("context[1]", "'3.2' is an indicator of the plan"),
        ("figures[0]", "unknown economy 'HKG'"),
        ("figures[1]", "indicator 'elsewhere' is not listed as compared"),
    ]
