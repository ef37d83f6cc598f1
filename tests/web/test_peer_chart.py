"""The peer chart: one line per economy, broken where an economy has no figure for a year."""

from __future__ import annotations

from typing import Any

from blueprint_tracker.present.peer_charts import peer_chart


def _page(over_time: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "indicator": {"unit": {"en": "%", "zh-Hant": "%"}},
        "peers": {"compared": True, "latest": [], "over_time": over_time, **extra},
    }


def _point(economy: str, year: int, value: float, home: bool = False) -> dict[str, Any]:
    return {"economy": economy, "name": {"en": economy}, "year": year, "value": value, "home": home}


def test_a_year_without_a_figure_breaks_the_line_instead_of_bridging_it() -> None:
    spec = peer_chart(
        _page([_point("HKG", 2019, 0.9, True), _point("SZX", 2019, 4.9), _point("SZX", 2021, 5.5)]),
        "en",
        lambda s: s,
    )
    assert spec is not None
    rows = [(r["economy"], r["year"], r["value"]) for r in spec["data"]["values"]]
    # Shenzhen has 2019 and 2021: 2020 is a gap drawn as a break (null), never a value
    assert rows == [("HKG", 2019, 0.9), ("SZX", 2019, 4.9), ("SZX", 2020, None), ("SZX", 2021, 5.5)]
    assert "invalid" not in spec["mark"]  # Vega-Lite's default breaks paths at null


def test_a_context_measure_is_charted_when_the_indicator_is_not_compared() -> None:
    points = [_point("SGP", 2022, 8781.7)]
    context = {"unit": {"en": "per million people"}, "latest": [], "over_time": points}
    page = {"indicator": {"unit": {"en": "%"}}, "peers": {"compared": False, "context": [context]}}
    spec = peer_chart(page, "en", lambda s: s)
    assert spec is not None and spec["encoding"]["y"]["title"] == "per million people"
    assert peer_chart({"indicator": {}, "peers": {"compared": False}}, "en", lambda s: s) is None
