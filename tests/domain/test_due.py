"""Due dates keep their precision and end where METHODS.md section 7 says."""

from __future__ import annotations

import datetime as dt

import pytest

from blueprint_tracker.domain.due import parse_due


@pytest.mark.parametrize(
    ("text", "precision", "end"),
    [
        ("2023", "year", "2023-12-31"),
        ("2024-H1", "half", "2024-06-30"),
        ("2024-H2", "half", "2024-12-31"),
        ("2024-Q1", "quarter", "2024-03-31"),
        ("2024-02", "month", "2024-02-29"),
        ("2023-02", "month", "2023-02-28"),
        ("2024-12-31", "day", "2024-12-31"),
        ("2024/25", "school_year", "2025-08-31"),
        ("1999/00", "school_year", "2000-08-31"),
        ("FY2024/25", "financial_year", "2025-03-31"),
    ],
)
def test_each_form_ends_on_the_right_day(text: str, precision: str, end: str) -> None:
    due = parse_due(text)
    assert due.precision == precision
    assert due.end == dt.date.fromisoformat(end)
    assert due.start <= due.end


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2024-13", "2024-Q5", "2024-H0", "2024/26", "FY2024/24", "mid-2024", ""]
)
def test_impossible_or_unknown_forms_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="due date"):
        parse_due(text)
