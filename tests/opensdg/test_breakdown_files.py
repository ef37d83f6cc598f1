"""Breakdowns in the import format: `blueprint import` reads the `dimensions` column, a bad one
is named with its row and column, and the key text round-trips."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from blueprint_tracker.domain.series import dimension_key, parse_dimension_key

HEADER = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note,dimensions\n"
)
ROW = "gdp,2021,{value},,,C&SD,GDP,https://example.gov/gdp,,2022-02-25,,{dims}\n"


def test_blueprint_import_keeps_breakdowns_and_names_a_bad_one(
    mini_plan: Path, tmp_path: Path, cli
) -> None:
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + ROW.format(value=1, dims="") + ROW.format(value=2, dims='"{""Sex"":""Female""}"'),
        encoding="utf-8",
    )
    result = cli("import", str(good), "--json")
    assert result.code == 0, result.err
    assert result.json()["rows_added"] == 2
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ROW.format(value=3, dims="Sex=Female"), encoding="utf-8")
    result = cli("import", str(bad))
    assert result.code == 1
    assert "bad.csv: row 2, column dimensions" in result.err


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)


@given(st.dictionaries(names, names, max_size=4))
def test_a_breakdown_key_round_trips(dimensions: dict[str, str]) -> None:
    assert parse_dimension_key(dimension_key(dimensions)) == dimensions
    assert dimension_key(dict(reversed(list(dimensions.items())))) == dimension_key(dimensions)
