"""Figures and evidence proposed in forms, on SQLite and PostgreSQL: ASCII decimals only within
the series' sane range, periods within the plan's span, evidence dates not before the plan's
baseline; and an idempotency key makes a retried proposal add nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.services.test_review import EVIDENCE, FIGURE, user

from blueprint_tracker.errors import ConflictError, InputError
from blueprint_tracker.services import review
from blueprint_tracker.services.audit import audit_rows
from blueprint_tracker.services.edit_checks import check_period, plan_years
from blueprint_tracker.services.workspace import Workspace

KEY = "k3y-0f-0ne-f0rm-submission"


def _problems(ws: Workspace, kind: str, payload: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(review.EditRejectedError) as refused:
        review.propose(ws, user(ws, "ed"), kind, payload, "a reason", 0)
    return {p.location: p.message for p in refused.value.problems}


@pytest.mark.parametrize(
    "value",
    ["1_000", "１２３４５", "27827e0", "1e308", "inf", "nan", "27 827", "27,827", "0x10", "--5"],
)
def test_a_form_takes_plain_ascii_decimals_only(ws: Workspace, value: str) -> None:
    assert "value" in _problems(ws, "observation", {**FIGURE, "value": value})
    assert review.queue(ws) == []


def test_a_value_far_beyond_the_series_is_refused(ws: Workspace) -> None:
    largest = max(o.value for o in ws.store.latest("mini", ["gerd"]))  # 26554
    problems = _problems(ws, "observation", {**FIGURE, "value": str(int(largest * 10_001))})
    assert "times the largest figure stored for gerd" in problems["value"]
    assert review.propose(ws, user(ws, "ed"), "observation", {**FIGURE, "value": "27827.5"},
                          "ok", 0).payload["value"] == "27827.5"  # fmt: skip


@pytest.mark.parametrize("period", ["1990", "2099", "2150/51"])
def test_a_period_outside_the_plan_is_refused(ws: Workspace, period: str) -> None:
    first, last = plan_years(ws, "gerd")
    assert (first, last) == (2010, 2030)  # baseline 2020 - 10; the last target year
    problems = _problems(ws, "observation", {**FIGURE, "period": period})
    assert "outside the plan's span (2010 to 2030)" in problems["period"]
    with pytest.raises(InputError, match="outside the plan's span"):
        check_period(ws, "gerd", period)


def test_evidence_dates_are_not_before_the_baseline(ws: Workspace) -> None:
    early = {**EVIDENCE, "date": "2019-12-31", "release_date": "2019-12-31"}
    problems = _problems(ws, "evidence", early)
    assert "before the plan's baseline (2020-01-01)" in problems["date"]
    assert "before the plan's baseline" in problems["release_date"]
    assert review.queue(ws) == []


def test_a_retried_proposal_with_the_same_key_adds_nothing(ws: Workspace) -> None:
    editor = user(ws, "ed")
    first = review.propose(ws, editor, "observation", FIGURE, "2021 release", 0, KEY)
    again = review.propose(ws, editor, "observation", FIGURE, "2021 release", 0, KEY)
    assert again.id == first.id and len(review.queue(ws)) == 1
    assert [r["action"] for r in audit_rows(ws)] == ["propose"]
    with pytest.raises(ConflictError):  # without the key, the same form is a stale version
        review.propose(ws, editor, "observation", FIGURE, "2021 release", 0)
    with pytest.raises(InputError, match="idempotency_key"):
        review.propose(ws, editor, "observation", GDP_2021, "r", 0, "short")


GDP_2021 = {**FIGURE, "series": "gdp", "value": "2861600"}


def test_import_files_refuse_separators_and_full_width_digits(
    mini_plan: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    path = tmp_path / "figures.csv"
    rows = [
        "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
        "release_date,note",
        "gerd,2021,27_827,HK$ million,,C&SD,T,https://x.gov/a,207,2022-12-20,",
        "gdp,2021,２８６１６００,HK$ million,,C&SD,T,https://x.gov/b,030,2022-12-20,",
        "gdp,2022,1e400,HK$ million,,C&SD,T,https://x.gov/c,030,2023-12-20,",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.code != 0
    text = " ".join(result.err.split())
    for row in (2, 3, 4):
        assert f"row {row}, column value" in text
    assert "is not a number" in text and "out of range" in text
