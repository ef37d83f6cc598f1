"""`blueprint sources` and `blueprint gaps` on the mini plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from blueprint_tracker.services.gaps import expected_latest_year


def test_sources_count_the_figures_each_supplies(mini_plan: Path, cli) -> None:
    rows = cli("sources", "--json").json()
    by_url = {r["url"]: r for r in rows}
    assert len(rows) == 5
    assert by_url["https://example.gov/gdp2020a"]["figures"] == 1
    assert by_url["https://example.gov/gdp"]["series"] == ["gdp"]
    assert sum(r["figures"] for r in rows) == 5


def test_sources_as_of_leaves_out_later_releases(mini_plan: Path, cli) -> None:
    rows = cli("sources", "--json", "--as-of", "2021-12-22").json()
    assert sum(r["figures"] for r in rows) == 3  # GERD 2020 came out on 2021-12-23


def test_gaps_list_missing_years_up_to_the_latest_expected_release(mini_plan: Path, cli) -> None:
    report = cli("gaps", "--json", "--as-of", "2022-01-01").json()
    [indicator] = report["indicators"]
    # GERD for year t is expected within 12 months of its end: on 2022-01-01 the latest is 2020.
    assert indicator["expected_latest"] == 2020
    assert [g["year"] for g in indicator["missing"]] == [2015, 2016, 2017, 2018, 2019]
    assert indicator["missing"][0]["missing_inputs"] == ["gerd", "gdp"]
    assert [c["id"] for c in report["commitments_without_evidence"]] == [
        "c-places",
        "c-online",
        "c-launch",  # their evidence was released after 2022-01-01
    ]
    later = cli("gaps", "--json").json()
    assert [c["id"] for c in later["commitments_without_evidence"]] == ["c-places"]


def test_gaps_in_the_terminal(mini_plan: Path, cli) -> None:
    out = cli("gaps", "--lang", "en", "--as-of", "2022-01-01").out
    assert "Commitments without evidence" in out and "c-places" in out and "2019" in out


def test_expected_latest_year_follows_the_release_lag() -> None:
    assert expected_latest_year(12, dt.date(2026, 11, 28)) == 2024
    assert expected_latest_year(12, dt.date(2026, 12, 31)) == 2025
    assert expected_latest_year(3, dt.date(2026, 3, 30)) == 2024
    assert expected_latest_year(3, dt.date(2026, 3, 31)) == 2025
