"""`year,value` series files: every bad row named by file, row and field; nothing half-read."""

from __future__ import annotations

import pytest

from blueprint_tracker.errors import InputError, ProblemsError
from blueprint_tracker.formats.series_csv import read_series_csv


def test_reads_points_and_the_row_of_each_year() -> None:
    read = read_series_csv(b"\xef\xbb\xbfyear, value\n2016,1.5\n\n2018,2\n", "s.csv")
    assert read.points == {2016: 1.5, 2018: 2.0}
    assert read.rows == {2016: 2, 2018: 4}  # the blank line 3 still counts


def test_every_bad_row_is_named_with_its_field() -> None:
    data = b"year,value\n2016,1\n2018,1.2\n2018,1.5\nx,1.7\n2019,\n2020,inf\n"
    with pytest.raises(ProblemsError) as caught:
        read_series_csv(data, "s.csv")
    assert [(p.file, p.location) for p in caught.value.problems] == [
        ("s.csv", "row 4, field year"),
        ("s.csv", "row 5, field year"),
        ("s.csv", "row 6, field value"),
        ("s.csv", "row 7, field value"),
    ]
    assert "already given on row 3" in caught.value.problems[0].message


def test_non_utf8_names_the_row_of_the_bad_byte() -> None:
    with pytest.raises(ProblemsError) as caught:
        read_series_csv("year,value\n2016,1\n2018,ü\n".encode("latin-1"), "s.csv")
    [problem] = caught.value.problems
    assert problem.location == "row 3" and "not UTF-8" in problem.message


def test_a_file_without_the_header_is_refused() -> None:
    with pytest.raises(InputError, match="year,value"):
        read_series_csv(b"when,amount\n2016,1\n", "s.csv")
