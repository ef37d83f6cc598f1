"""Breakdowns in the store: a figure's key includes its dimension values; none is the total."""

from __future__ import annotations

import datetime as dt

import pytest

from blueprint_tracker.domain.series import Observation, Source
from blueprint_tracker.errors import ImportRejectedError
from blueprint_tracker.store.observations import Store, open_store

SOURCE = Source(agency="NSO", title="Survey", url="https://stats.example.org/s")


def obs(value: float, released: str, **dims: str) -> Observation:
    return Observation(
        series="poverty",
        period="2020",
        value=value,
        source=SOURCE,
        release_date=dt.date.fromisoformat(released),
        dimensions=dims,
    )


@pytest.fixture
def store(store_url: str) -> Store:
    return open_store(store_url)


def test_the_total_and_each_breakdown_are_separate_figures(store: Store) -> None:
    batch = store.add(
        "p", [obs(15, "2021-03-01"), obs(16, "2021-03-01", Sex="Female"),
              obs(14, "2021-03-01", Sex="Male")], "f.csv", "a",
    )  # fmt: skip
    assert batch.rows_added == 3
    assert [(o.value, o.dimensions) for o in store.latest("p")] == [(15, {})]
    every = store.latest("p", breakdowns=True)
    assert sorted((o.dimensions.get("Sex", ""), o.value) for o in every) == [
        ("", 15), ("Female", 16), ("Male", 14),
    ]  # fmt: skip


def test_breakdowns_have_vintages_and_as_of(store: Store) -> None:
    store.add("p", [obs(16, "2021-03-01", Sex="Female", Age="15-24")], "a.csv", "a")
    store.add("p", [obs(17, "2022-03-01", Age="15-24", Sex="Female")], "b.csv", "b")
    latest = store.latest("p", breakdowns=True)
    assert [(o.value, o.dimensions) for o in latest] == [(17, {"Age": "15-24", "Sex": "Female"})]
    then = store.latest("p", as_of=dt.date(2021, 12, 31), breakdowns=True)
    assert [o.value for o in then] == [16]
    assert [o.value for o in store.all_vintages("p", breakdowns=True)] == [16, 17]
    assert store.all_vintages("p") == []  # no total line was ever published


def test_a_conflicting_breakdown_figure_names_the_breakdown(store: Store) -> None:
    store.add("p", [obs(16, "2021-03-01", Sex="Female")], "a.csv", "a")
    store.add("p", [obs(16, "2021-03-01", Sex="Female"), obs(15, "2021-03-01")], "b.csv", "b")
    with pytest.raises(ImportRejectedError) as caught:
        store.add("p", [obs(99, "2021-03-01", Sex="Female")], "c.csv", "c")
    assert "poverty 2020, Sex Female: 99 conflicts with 16" in caught.value.problems[0].message
