"""Imports through the CLI on SQLite and PostgreSQL: all rows or none, repeats add nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.store.observations import open_store

HEADER = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note\n"
)
GOOD = "gerd,2021,27827,HK$ million,,C&SD,GERD 2022,https://x.gov/g,207,2023-12-21,\n"
BAD = "gerd,2022,lots,HK$ million,,C&SD,GERD 2022,https://x.gov/g,207,2023-12-21,\n"


@pytest.fixture
def on_backend(mini_plan: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", store_url)
    return store_url


def test_bundled_figures_are_seeded_once(on_backend: str, cli) -> None:
    assert cli("indicators", "--json").code == 0
    assert cli("indicators", "--json").code == 0
    store = open_store(on_backend)
    assert store.count("mini") == 5 and len(store.batches("mini")) == 1


def test_a_bad_file_leaves_the_store_as_it_was(on_backend: str, cli, tmp_path: Path) -> None:
    cli("indicators", "--json")
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    result = cli("import", str(path))
    assert result.code == 1 and "row 3, column value" in result.err
    assert open_store(on_backend).count("mini") == 5


def test_a_good_file_once_then_nothing(on_backend: str, cli, tmp_path: Path) -> None:
    path = tmp_path / "good.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    assert cli("import", str(path), "--json").json()["rows_added"] == 1
    assert cli("import", str(path), "--json").json()["rows_added"] == 0
    assert open_store(on_backend).count("mini") == 6


def test_a_figure_removed_from_the_bundled_file_is_withdrawn(
    on_backend: str, mini_plan: Path, cli
) -> None:
    assert [r["latest"]["year"] for r in cli("indicators", "--json").json()] == [2020]
    path = mini_plan / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "gerd2020" not in line), encoding="utf-8")
    [row] = cli("indicators", "--json").json()
    assert row["latest"]["year"] == 2014  # GERD 2020 is gone from the bundled data
    store = open_store(on_backend)
    assert store.count("mini") == 5  # nothing was deleted: the row is withdrawn
    assert len(store.all_vintages("mini")) == 4
    assert len(store.all_vintages("mini", as_of=dt.date(2023, 1, 1))) == 5
