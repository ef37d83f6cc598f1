"""``blueprint assess-table``: CSV or Parquet in, Parquet or CSV out, errors by row and column."""

from __future__ import annotations

from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from blueprint_tracker.assess import assess_series

CSV = (
    "series_id,year,value,target,target_year\n"
    "gerd,2014,0.74,2.0,2030\ngerd,2016,0.79,2.0,2030\ngerd,2018,0.86,2.0,2030\n"
    "gerd,2020,0.99,2.0,2030\nusers,2015,100,,\nusers,2018,90,,\nusers,2020,80,,\n"
)
GERD = {2014: 0.74, 2016: 0.79, 2018: 0.86, 2020: 0.99}


@pytest.fixture
def table_csv(tmp_path: Path) -> Path:
    path = tmp_path / "series.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_csv_in_file_out_with_json_summary(table_csv: Path, cli, suffix: str) -> None:
    out = table_csv.with_name("result" + suffix)
    result = cli("assess-table", str(table_csv), "--method", "eurostat", "--direction",
                 "increase", "-o", str(out), "--json")  # fmt: skip
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["series"] == 2 and summary["rows"] == 7
    expected = assess_series(GERD, method="eurostat", direction="increase", target=2.0,
                             target_year=2030)  # fmt: skip
    rows = (pq.read_table(out) if suffix == ".parquet" else pacsv.read_csv(out)).to_pylist()
    assert [r["series_id"] for r in rows] == ["gerd", "users"]
    assert rows[0]["status"] == expected.status.value
    assert rows[0]["ratio"] == pytest.approx(expected.numbers["ratio"], rel=1e-15)
    assert summary["statuses"] == {expected.status.value: 1, rows[1]["status"]: 1}


def test_parquet_in_with_explanations(table_csv: Path, tmp_path: Path, cli) -> None:
    source = tmp_path / "series.parquet"
    pq.write_table(pacsv.read_csv(table_csv), source)
    out = tmp_path / "out.parquet"
    result = cli("assess-table", str(source), "-m", "statcan", "--direction", "increase",
                 "--explanation", "en", "-o", str(out), "--lang", "en")  # fmt: skip
    assert result.code == 0, result.err
    assert "2 series (7 rows) assessed into" in result.out
    row = pq.read_table(out).to_pylist()[0]
    expected = assess_series(GERD, method="statcan", direction="increase", target=2.0,
                             target_year=2030)  # fmt: skip
    assert row["explanation_en"] == expected.explanation["en"]


def test_a_bad_row_names_file_row_and_column_and_writes_nothing(tmp_path: Path, cli) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("series_id,year,value\na,2018,1\na,2018,2\nb,2019,x\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    result = cli("assess-table", str(source), "-m", "trend", "--direction", "increase",
                 "-o", str(out))  # fmt: skip
    assert result.code == 2
    assert f"{source}: row 3, column value: 'x' is not a number" in " ".join(result.err.split())
    assert not out.exists() and not list(tmp_path.glob(".out.parquet.partial*"))
    result = cli("assess-table", str(tmp_path / "none.csv"), "-m", "trend", "-o", str(out))
    assert result.code == 2 and "no such file" in result.err
    result = cli("assess-table", str(source), "-m", "oecd", "-o", str(out))
    assert result.code == 2 and "method must be one of" in result.err
    result = cli("assess-table", str(source), "-m", "trend", "-o", str(tmp_path / "out.xlsx"))
    assert result.code == 2 and ".csv or .parquet" in result.err
