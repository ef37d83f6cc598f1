"""The CLI's error boundary: JSON errors with --json, documented exit codes, --version, assess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SERIES = "year,value\n2016,1\n2018,1.2\n2020,1.5\n2022,1.7\n"


def _error(result) -> dict:
    assert result.out == ""  # data goes to stdout, errors to stderr
    return json.loads(result.err)["error"]


def test_version(cli) -> None:
    from blueprint_tracker import __version__

    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"blueprint {__version__}"


@pytest.mark.parametrize(
    ("args", "code", "kind"),
    [
        (("show", "9.9", "--json"), 2, "not_found"),
        (("indicators", "--as-of", "2020-13-01", "--json"), 2, "usage"),
        (("indicators", "--no-such-option", "--json"), 2, "usage"),
        (("plan", "--level", "branch", "--json"), 2, "bad_input"),
        (("status", "--method", "best", "--json"), 2, "bad_input"),
        (("report", "-o", "x.doc", "--json"), 2, "bad_input"),
    ],
)
def test_errors_are_json_with_json(mini_plan: Path, cli, args, code, kind) -> None:
    result = cli(*args)
    error = _error(result)
    assert result.code == code and error["code"] == kind and error["message"]


def test_bad_rows_are_json_problems_with_exit_code_1(mini_plan: Path, cli, tmp_path: Path) -> None:
    bad = tmp_path / "figures.csv"
    bad.write_text("series,period\nnope,2020\n", encoding="utf-8")
    imported = cli("import", str(bad), "--json")
    series = tmp_path / "series.csv"
    series.write_text("year,value\n2016,1\n2016,2\n", encoding="utf-8")
    assessed = cli("assess", str(series), "--json")
    for result in (imported, assessed):
        error = _error(result)
        assert result.code == 1 and error["problems"]
        assert {"file", "location", "message"} <= set(error["problems"][0])


def test_assess_on_a_non_utf8_file_names_the_row(data_dir: Path, cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("year,value\n2016,1\n2018,1,5 €\n".encode("cp1252"))
    result = cli("assess", str(path), "--lang", "en")
    assert result.code == 1 and "Traceback" not in result.err
    assert "row 3" in result.err and "not UTF-8" in result.err


def test_assess_refuses_duplicate_years_naming_row_and_field(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("year,value\n2016,1\n2018,1.2\n2018,1.5\n", encoding="utf-8")
    error = _error(cli("assess", str(path), "--json"))
    [problem] = error["problems"]
    assert problem["location"] == "row 4, field year"
    assert problem["message"] == "year 2018 is already given on row 3"


def test_assess_target_year_before_the_data(data_dir: Path, cli, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(SERIES, encoding="utf-8")
    result = cli("assess", str(path), "--target", "2", "--target-year", "2015")
    assert result.code == 2 and "too few years" not in result.err
    assert "--target-year 2015 is before the data" in result.err and "starts in 2016" in result.err


def test_assess_comparator_follows_a_decreasing_direction(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    path = tmp_path / "s.csv"
    path.write_text("year,value\n2016,20\n2018,17\n2020,15\n2022,13\n", encoding="utf-8")
    result = cli("assess", str(path), "--direction", "decrease", "--target", "10",
                 "--target-year", "2030", "--json")  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["status"] in {"ON_TRACK", "SIGNIFICANT_PROGRESS", "MODERATE_PROGRESS",
                                       "ACCELERATE", "INSUFFICIENT_PROGRESS"}  # fmt: skip


def test_a_path_that_cannot_be_written_is_an_error_not_a_traceback(
    mini_plan: Path, cli, tmp_path: Path
) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("", encoding="utf-8")
    for args in (("backup", str(tmp_path / "no" / "such" / "b.zip")), ("export", str(a_file))):
        result = cli(*args, "--json")
        error = _error(result)
        assert result.code == 2 and error["code"] == "bad_input", args
        assert error["message"].startswith(str(tmp_path)), error
        plain = cli(*args)
        assert plain.code == 2 and plain.err.startswith("error: ") and "Traceback" not in plain.err


def test_a_date_out_of_range_is_a_usage_error(mini_plan: Path, cli) -> None:
    for args in (("indicators", "--as-of", "9999-12-31"), ("status", "--as-of", "0001-01-01")):
        result = cli(*args, "--json")
        error = _error(result)
        assert result.code == 2 and error["code"] == "usage"
        assert "out of range" in error["message"] and "1900-01-01 to 2200-12-31" in error["message"]
