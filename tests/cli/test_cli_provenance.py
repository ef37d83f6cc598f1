"""Provenance on the bundled plan: source tiers in `blueprint sources`, and what was known on a
date when the formula's inputs were not yet public (the plan's own table as a fallback)."""

from __future__ import annotations

from pathlib import Path

from blueprint_tracker.domain.series import TIERS


def test_indicators_as_of_mid_2023_show_the_blueprints_own_2020_value(data_dir: Path, cli) -> None:
    table = cli("indicators", "--as-of", "2023-06-30", "--json").json()
    per_capita = next(i for i in table if i["id"] == "1.2")
    latest = per_capita["latest"]
    # Year-end population for 2020 is held only from a 2024 source, so the formula cannot give
    # 2020 on that day; the Blueprint published 3,575 for 2020 on 22 Dec 2022.
    assert (latest["year"], latest["display"], latest["basis"]) == (2020, "3,575", "plan_table")
    [source] = [o["source"] for o in latest["inputs"]]
    assert source["tier"] == "official_statement"
    assert source["url"].startswith("https://www.itib.gov.hk/")
    assert latest["released"] == "2022-12-22"
    # Today the same year comes out of the formula, from the official figures.
    now = next(i for i in cli("indicators", "--json").json() if i["id"] == "1.2")
    value_2020 = next(v for v in now["values"] if v["year"] == 2020)
    assert value_2020["basis"] == "formula" and value_2020["display"] == "3,575"


def test_before_the_plan_was_published_its_table_is_not_known(data_dir: Path, cli) -> None:
    table = cli("indicators", "--as-of", "2022-12-21", "--json").json()
    per_capita = next(i for i in table if i["id"] == "1.2")
    assert all(v["basis"] != "plan_table" for v in per_capita["values"])


def test_sources_list_every_source_with_its_tier(data_dir: Path, cli) -> None:
    rows = cli("sources", "--json").json()
    assert rows and all(r["tier"] in TIERS for r in rows)
    copies = [r for r in rows if "710-86001" in r["title"]]
    assert copies and all(r["tier"] == "official_table_copy" for r in copies)
    assert all(r["copy_url"].startswith("https://github.com/") for r in copies)
    text = cli("sources", "--lang", "en").out
    assert "official table, read from a copy" in text and "media report" in text


def test_show_1_1_puts_hong_kong_beside_its_peers_each_with_a_source(data_dir: Path, cli) -> None:
    peers = cli("show", "1.1", "--json").json()["item"]["peers"]
    assert peers["compared"] is True
    latest = {row["economy"]: row for row in peers["latest"]}
    assert latest["HKG"]["home"] is True and latest["HKG"]["year"] >= 2024
    for economy in ("SGP", "KOR", "CHN", "OECD"):
        row = latest[economy]
        assert row["year"] is not None and row["source"]["url"].startswith("http")
        assert row["source"]["tier"] in TIERS
    # Singapore's latest year is the World Bank's WDI file (UNESCO UIS data), read from a copy
    sgp = latest["SGP"]
    assert (sgp["year"], sgp["value"], sgp["display"]) == (2022, 1.80821, "1.81")
    assert sgp["source"]["tier"] == "official_table_copy"
    assert sgp["source"]["url"] == "https://data.worldbank.org/indicator/GB.XPD.RSDV.GD.ZS"
    assert sgp["source"]["copy_url"].startswith("https://github.com/")
    # Shenzhen is listed, from reports of official statements (never shown as an official table)
    szx = latest["SZX"]
    assert (szx["year"], szx["value"]) == (2024, 6.67) and szx["source"]["tier"] == "media_report"
    assert peers["gaps"] == []
    years = {(r["economy"], r["year"]) for r in peers["over_time"]}
    # every year from 2014 for the three economies in the WDI file; Shenzhen only where stated
    assert {(e, y) for e in ("SGP", "KOR", "CHN") for y in range(2014, 2023)} <= years
    assert {y for e, y in years if e == "SZX"} == {2019, 2021, 2024}


def test_a_revised_peer_figure_is_shown_as_it_was_known_on_each_date(data_dir: Path, cli) -> None:
    def korea_2022(as_of: str) -> float:
        peers = cli("show", "1.1", "--json", "--as-of", as_of).json()["item"]["peers"]
        key = ("KOR", 2022)
        [value] = [p["value"] for p in peers["over_time"] if (p["economy"], p["year"]) == key]
        return value

    assert korea_2022("2024-06-30") == 5.21  # as the ministry first published it (Dec 2023)
    assert korea_2022("2025-06-30") == 4.85  # revised for the Bank of Korea's new GDP base year
    assert korea_2022("2026-11-30") == 4.84753  # the World Bank's WDI file of July 2026


def test_show_1_3_gaps_are_gaps_and_shenzhen_share_is_as_stated(data_dir: Path, cli) -> None:
    peers = cli("show", "1.3", "--json").json()["item"]["peers"]
    latest = {row["economy"]: row for row in peers["latest"]}
    assert (latest["SZX"]["year"], latest["SZX"]["value"]) == (2021, 94)
    korea = latest["KOR"]
    assert (korea["year"], korea["value"], korea["source"]["tier"]) == (2023, 79.2, "media_report")
    assert (latest["OECD"]["year"], latest["OECD"]["value"]) == (2019, 71)  # the OECD's own page
    assert latest["OECD"]["source"]["tier"] == "official_release"
    # no source stating Singapore's business share was found: a gap, not an estimate
    assert peers["gaps"] == ["SGP"]


def test_peers_follow_the_as_of_date_and_never_change_a_status(data_dir: Path, cli) -> None:
    early = cli("show", "1.1", "--json", "--as-of", "2020-06-30").json()["item"]["peers"]
    known = {r["economy"]: r["value"] for r in early["latest"] if not r.get("home") and r["year"]}
    # mid-2020: the NCSES tables of January 2020 (2017 figures) were out; the OECD's revision of
    # August 2020 (2017: 2.34), the WDI file and the Shenzhen reports came later
    assert known == {"SGP": 1.95, "KOR": 4.55, "CHN": 2.15, "OECD": 2.37}
    late = cli("show", "1.1", "--json", "--as-of", "2020-12-31").json()["item"]["peers"]
    oecd = {p["year"]: p["value"] for p in late["over_time"] if p["economy"] == "OECD"}
    assert oecd == {2015: 2.4, 2016: 2.34, 2017: 2.34, 2018: 2.38}
    left_out = cli("show", "1.2", "--json").json()["item"]["peers"]
    assert left_out["compared"] is False and left_out["why"]["en"]


def test_show_3_2_gives_researchers_per_million_on_one_definition_as_context(
    data_dir: Path, cli
) -> None:
    peers = cli("show", "3.2", "--json").json()["item"]["peers"]
    # 3.2 itself (I&T practitioners) is not compared ...
    assert peers["compared"] is False and "UNESCO" in peers["why"]["en"]
    # ... but researchers per million people, one table for Hong Kong and the peers, is context
    [measure] = peers["context"]
    assert measure["id"] == "researchers-per-million"
    latest = {row["economy"]: row for row in measure["latest"]}
    home = latest["HKG"]
    assert home["home"] is True and (home["year"], home["display"]) == (2024, "5,874")
    for economy in ("HKG", "SGP", "KOR", "CHN"):
        source = latest[economy]["source"]
        assert source["tier"] == "official_table_copy"
        assert source["url"] == "https://data.worldbank.org/indicator/SP.POP.SCIE.RD.P6"
    assert set(measure["gaps"]) == {"SZX", "OECD"}
    hk_years = sorted(p["year"] for p in measure["over_time"] if p["economy"] == "HKG")
    assert hk_years == list(range(2014, 2025))
