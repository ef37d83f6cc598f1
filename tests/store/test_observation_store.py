"""The observation store: append-only vintages, latest and as-of queries, one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.domain.series import Observation, Source
from blueprint_tracker.errors import ImportRejectedError
from blueprint_tracker.store.observations import Store, open_store

SOURCE = Source(agency="C&SD", title="GDP", url="https://example.gov/gdp", table="030")


def obs(period: str, value: float, released: str, series: str = "gdp") -> Observation:
    return Observation(
        series=series,
        period=period,
        value=value,
        source=SOURCE,
        release_date=dt.date.fromisoformat(released),
    )


@pytest.fixture
def store(store_url: str) -> Store:
    return open_store(store_url)


def test_opening_creates_the_file_and_its_folder(tmp_path: Path) -> None:
    open_store(f"sqlite:///{tmp_path / 'a' / 'b' / 'x.sqlite3'}")
    assert (tmp_path / "a" / "b" / "x.sqlite3").is_file()


def test_reopening_an_existing_store_keeps_its_data(store_url: str) -> None:
    open_store(store_url).add("p", [obs("2020", 1.0, "2021-01-01")], "f.csv", "sha")
    again = open_store(store_url)  # migrations run again and change nothing
    assert again.count("p") == 1


def test_a_revision_is_a_new_vintage_and_the_latest_wins(store: Store) -> None:
    store.add("p", [obs("2020", 100.0, "2021-02-26")], "first.csv", "a")
    store.add("p", [obs("2020", 98.0, "2022-02-25")], "second.csv", "b")
    assert [o.value for o in store.all_vintages("p")] == [100.0, 98.0]
    assert [o.value for o in store.latest("p")] == [98.0]


def test_as_of_sees_only_what_was_released_by_then(store: Store) -> None:
    store.add(
        "p",
        [
            obs("2020", 100.0, "2021-02-26"),
            obs("2020", 98.0, "2022-02-25"),
            obs("2021", 120.0, "2022-02-25"),
        ],
        "f.csv",
        "a",
    )
    assert [(o.period, o.value) for o in store.latest("p", as_of=dt.date(2021, 12, 31))] == [
        ("2020", 100.0)
    ]
    assert [(o.period, o.value) for o in store.latest("p", as_of=dt.date(2022, 2, 25))] == [
        ("2020", 98.0),
        ("2021", 120.0),
    ]
    assert store.latest("p", as_of=dt.date(2021, 2, 25)) == []


def test_adding_the_same_figures_again_adds_nothing(store: Store) -> None:
    items = [obs("2020", 100.0, "2021-02-26"), obs("2021", 110.0, "2022-02-25")]
    assert store.add("p", items, "f.csv", "a").rows_added == 2
    again = store.add("p", items, "f.csv", "a")
    assert (again.rows_read, again.rows_added) == (2, 0)
    assert store.count("p") == 2


def test_a_conflicting_value_for_the_same_release_writes_nothing(store: Store) -> None:
    store.add("p", [obs("2020", 100.0, "2021-02-26")], "f.csv", "a")
    with pytest.raises(ImportRejectedError) as caught:
        store.add(
            "p",
            [obs("2019", 90.0, "2021-02-26"), obs("2020", 101.0, "2021-02-26")],
            "g.csv",
            "b",
            locations=["row 2", "row 3"],
        )
    [problem] = caught.value.problems
    assert problem.location == "row 3, column value"
    assert "conflicts with 100" in problem.message
    assert store.count("p") == 1 and len(store.batches("p")) == 1


def test_plans_do_not_see_each_others_figures(store: Store) -> None:
    store.add("p", [obs("2020", 1.0, "2021-01-01")], "f.csv", "a")
    store.add("q", [obs("2020", 2.0, "2021-01-01")], "f.csv", "a")
    assert [o.value for o in store.latest("q")] == [2.0]


def test_series_filter(store: Store) -> None:
    store.add(
        "p", [obs("2020", 1.0, "2021-01-01"), obs("2020", 5.0, "2021-01-01", "gerd")], "f.csv", "a"
    )
    assert [o.series for o in store.latest("p", ["gerd"])] == ["gerd"]
