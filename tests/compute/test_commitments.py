"""Commitment status (METHODS.md section 7), due dates at their own precision."""

from __future__ import annotations

import datetime as dt

import pytest

from blueprint_tracker.compute.commitments import (
    CommitmentStatus as S,
)
from blueprint_tracker.compute.commitments import (
    EvidenceItem,
    commitment_status,
    due_period_end,
)

D = dt.date


@pytest.mark.parametrize(
    ("due", "end"),
    [
        ("2025", D(2025, 12, 31)),
        ("2024-H1", D(2024, 6, 30)),
        ("2024-H2", D(2024, 12, 31)),
        ("2024-Q1", D(2024, 3, 31)),
        ("2024-Q3", D(2024, 9, 30)),
        ("2024-02", D(2024, 2, 29)),
        ("2023-02", D(2023, 2, 28)),
        ("2024-12-31", D(2024, 12, 31)),
        ("2024/25", D(2025, 8, 31)),
        ("FY2024/25", D(2025, 3, 31)),
        ("1999/00", D(2000, 8, 31)),
    ],
)
def test_due_period_end(due: str, end: dt.date) -> None:
    assert due_period_end(due) == end


@pytest.mark.parametrize(
    "due", ["2024-02-30", "2024-H3", "2024-Q5", "2024-13", "2024/26", "FY2024/24", "mid-2024", ""]
)
def test_impossible_due_dates_raise(due: str) -> None:
    with pytest.raises(ValueError):
        due_period_end(due)


def item(day: str, outcome: str, released: str) -> EvidenceItem:
    return EvidenceItem(day, outcome, D.fromisoformat(released), ref=f"{day}:{outcome}")  # type: ignore[arg-type]


def test_done_on_the_last_day_of_mid_year() -> None:
    on_time = item("2024-06-30", "completed", "2024-07-02")
    late = item("2024-07-01", "completed", "2024-07-02")
    result = commitment_status("2024-H1", "by", [on_time], D(2024, 8, 1))
    assert (result.status, result.decided_by) == (S.DONE, (on_time,))
    assert commitment_status("2024-H1", "by", [late], D(2024, 8, 1)).status is S.DONE_LATE


def test_school_and_financial_year_precision() -> None:
    aug = item("2025-08-31", "completed", "2025-09-01")
    sep = item("2025-09-01", "completed", "2025-09-02")
    assert commitment_status("2024/25", "by", [aug], D(2026, 1, 1)).status is S.DONE
    assert commitment_status("2024/25", "by", [sep], D(2026, 1, 1)).status is S.DONE_LATE
    april = item("2025-04-01", "completed", "2025-04-02")
    assert commitment_status("FY2024/25", "by", [april], D(2026, 1, 1)).status is S.DONE_LATE


def test_partial_evidence_date_counts_as_end_of_its_period() -> None:
    june = item("2024-06", "completed", "2024-07-15")
    assert commitment_status("2024-H1", "by", [june], D(2024, 8, 1)).status is S.DONE
    assert commitment_status("2024-05-31", "by", [june], D(2024, 8, 1)).status is S.DONE_LATE


def test_only_evidence_released_by_the_evaluation_date_counts() -> None:
    done = item("2024-05-01", "completed", "2024-09-01")
    before = commitment_status("2024-H1", "by", [done], D(2024, 8, 1))
    after = commitment_status("2024-H1", "by", [done], D(2024, 9, 1))
    assert (before.status, before.decided_by) == (S.OVERDUE, ())
    assert after.status is S.DONE


def test_overdue_names_the_latest_evidence() -> None:
    going = item("2024-03-01", "in_progress", "2024-03-05")
    result = commitment_status("2024-H1", "by", [going], D(2024, 7, 1))
    assert (result.status, result.decided_by) == (S.OVERDUE, (going,))


def test_in_progress_and_not_started_before_the_due_date() -> None:
    going = item("2024-03-01", "in_progress", "2024-03-05")
    idle = item("2024-04-01", "not_started", "2024-04-05")
    delayed = item("2024-04-10", "delayed", "2024-04-12")
    evaluation = D(2024, 5, 1)
    assert commitment_status("2025", "by", [going], evaluation).status is S.IN_PROGRESS
    assert commitment_status("2025", "by", [going, idle], evaluation).status is S.NOT_STARTED
    assert commitment_status("2025", "by", [idle, delayed], evaluation).status is S.IN_PROGRESS


def test_no_evidence_when_nothing_was_released_for_a_year() -> None:
    old = item("2022-01-01", "in_progress", "2022-01-05")
    assert commitment_status("2027", "by", [old], D(2023, 1, 5)).status is S.IN_PROGRESS
    result = commitment_status("2027", "by", [old], D(2023, 1, 6))
    assert (result.status, result.decided_by) == (S.NO_EVIDENCE, (old,))
    assert commitment_status("2027", "by", [], D(2023, 1, 6)).status is S.NO_EVIDENCE
    assert commitment_status("2027", "by", [old], D(2023, 6, 1), stale_after_days=730).status is (
        S.IN_PROGRESS
    )


def test_from_commitments_are_done_once_started_in_time() -> None:
    started = item("2023-05-01", "in_progress", "2023-05-02")
    late = item("2024-02-01", "in_progress", "2024-02-02")
    assert commitment_status("2023", "from", [started], D(2024, 1, 1)).status is S.DONE
    assert commitment_status("2023", "from", [late], D(2024, 3, 1)).status is S.DONE_LATE
    assert commitment_status("2023", "from", [], D(2024, 3, 1)).status is S.OVERDUE


def test_in_period_and_undated_commitments() -> None:
    done = item("2023-09-01", "completed", "2023-09-02")
    assert commitment_status("2023", "in", [done], D(2024, 1, 1)).status is S.DONE
    result = commitment_status(None, "by", [done], D(2030, 1, 1))
    assert (result.status, result.due_end) == (S.DONE, None)
    assert commitment_status(None, "by", [], D(2030, 1, 1)).status is S.NO_EVIDENCE


def test_not_pursued_when_the_latest_evidence_says_it_was_dropped() -> None:
    started = item("2023-03-01", "in_progress", "2023-03-02")
    dropped = item("2024-02-01", "not_pursued", "2024-02-05")
    result = commitment_status("2023", "by", [started, dropped], D(2024, 6, 1))
    assert (result.status, result.decided_by) == (S.NOT_PURSUED, (dropped,))
    # before the announcement was released the commitment was simply overdue
    assert commitment_status("2023", "by", [started, dropped], D(2024, 2, 1)).status is S.OVERDUE


def test_work_resumed_after_being_dropped_is_no_longer_not_pursued() -> None:
    dropped = item("2023-05-01", "not_pursued", "2023-05-02")
    resumed = item("2024-01-10", "in_progress", "2024-01-11")
    assert commitment_status("2026", "by", [dropped, resumed], D(2024, 3, 1)).status is (
        S.IN_PROGRESS
    )


def test_modified_promise_is_not_counted_overdue_against_its_original_date() -> None:
    changed = item("2023-10-01", "modified", "2023-10-02")
    later = item("2024-05-01", "in_progress", "2024-05-03")
    result = commitment_status("2023", "by", [changed, later], D(2024, 6, 1))
    assert (result.status, result.decided_by) == (S.MODIFIED, (changed,))


def test_delivery_outranks_a_modification() -> None:
    changed = item("2023-10-01", "modified", "2023-10-02")
    done = item("2024-05-01", "completed", "2024-05-03")
    assert commitment_status("2024", "by", [changed, done], D(2024, 6, 1)).status is S.DONE
