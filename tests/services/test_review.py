"""Server mode on SQLite and PostgreSQL: accounts, review queue, conflicts, audit, backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.errors import (
    ConflictError,
    InputError,
    PermissionDeniedError,
    ProblemsError,
    RateLimitedError,
)
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.audit import audit_csv, audit_rows
from blueprint_tracker.services.backup import restore_backup, write_backup
from blueprint_tracker.services.indicators import indicator_table
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace

PASSWORD = "correct horse battery"
FIGURE = {
    "series": "gerd", "period": "2021", "value": "27827", "unit": "HK$ million", "flags": "",
    "source_agency": "C&SD", "source_title": "Innovation Activities 2021",
    "source_url": "https://x.gov/gerd2021", "source_table": "207",
    "release_date": "2022-12-20", "note": "",
}  # fmt: skip
GDP = {**FIGURE, "series": "gdp", "value": "2861600", "source_url": "https://x.gov/gdp2021"}
EVIDENCE = {
    "commitment": "c-places", "date": "2025-06-30", "outcome": "completed",
    "summary_zh": "學額增至7,200個", "summary_en": "Places reached 7,200",
    "source_agency": "UGC", "source_title": "Press release", "source_url": "https://x.gov/ugc",
    "release_date": "2025-07-02",
}  # fmt: skip


def user(ws: Workspace, name: str):
    return accounts.authenticate(ws, name, PASSWORD)


def test_passwords_are_argon2_hashes_and_repeated_failures_are_slowed_not_locked(
    ws: Workspace,
) -> None:
    _, stored = ws.accounts.by_name("ed")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    start = dt.datetime.now(dt.UTC)
    for i in range(5):
        with pytest.raises(PermissionDeniedError, match="wrong user name or password"):
            accounts.authenticate(ws, "ed", "wrong password!!", now=start + dt.timedelta(seconds=i))
    with pytest.raises(RateLimitedError, match="try again in 1 s"):  # slowed down, not locked
        accounts.authenticate(ws, "ed", PASSWORD, now=start + dt.timedelta(seconds=4))
    assert accounts.authenticate(ws, "ed", PASSWORD, now=start + dt.timedelta(seconds=6)).name
    assert accounts.authenticate(ws, "rev", PASSWORD).role is Role.REVIEWER


def test_sessions_log_in_and_out(ws: Workspace) -> None:
    login = accounts.login(ws, "ed", PASSWORD)
    assert accounts.session_for(ws, login.token).user.name == "ed"
    assert accounts.session_for(ws, "forged") is None
    accounts.logout(ws, login.token)
    assert accounts.session_for(ws, login.token) is None


def test_weak_passwords_and_duplicate_names_are_refused(ws: Workspace) -> None:
    with pytest.raises(InputError, match="at least 12"):
        accounts.add_user(ws, "new", "editor", "short")
    with pytest.raises(InputError, match="already exists"):
        accounts.add_user(ws, "ed", "editor", PASSWORD)
    with pytest.raises(InputError, match="unknown role"):
        accounts.add_user(ws, "new", "boss", PASSWORD)


def test_anonymous_and_viewers_cannot_edit_and_nothing_is_written(ws: Workspace) -> None:
    with pytest.raises(PermissionDeniedError) as anonymous:
        review.propose(ws, None, "observation", FIGURE, "new release", 0)
    assert anonymous.value.authenticated is False
    with pytest.raises(PermissionDeniedError) as viewer:
        review.propose(ws, user(ws, "viewer"), "observation", FIGURE, "new release", 0)
    assert viewer.value.authenticated is True
    change = review.propose(ws, user(ws, "ed"), "observation", FIGURE, "new release", 0)
    with pytest.raises(PermissionDeniedError, match="reviewer"):
        review.decide(ws, user(ws, "ed2"), change.id, True, "looks fine")
    assert [(r["actor"], r["action"]) for r in audit_rows(ws)] == [("ed", "propose")]
    assert len(review.queue(ws)) == 1


def test_an_unapproved_figure_is_not_public_until_approved(ws: Workspace) -> None:
    for payload in (FIGURE, GDP):
        review.propose(ws, user(ws, "ed"), "observation", payload, "2021 release", 0)
    [row] = indicator_table(ws)
    assert row["latest"]["year"] == 2020  # pending edits are invisible
    for change in review.queue(ws):
        review.decide(ws, user(ws, "rev"), change.id, True, "checked against the release")
    [row] = indicator_table(ws)
    assert row["latest"]["year"] == 2021
    assert review.queue(ws) == []


def test_a_rejected_edit_never_appears(ws: Workspace) -> None:
    change = review.propose(ws, user(ws, "ed"), "observation", FIGURE, "2021 release", 0)
    review.decide(ws, user(ws, "rev"), change.id, False, "wrong table")
    assert [o.period for o in ws.store.latest("mini", ["gerd"])] == ["2014", "2020"]
    with pytest.raises(ConflictError, match="already rejected"):
        review.decide(ws, user(ws, "rev"), change.id, True, "changed my mind")


def test_bad_fields_are_all_reported_and_nothing_is_queued(ws: Workspace) -> None:
    bad = {**FIGURE, "value": "lots", "source_url": "", "release_date": "2099-01-01"}
    with pytest.raises(ProblemsError) as caught:
        review.propose(ws, user(ws, "ed"), "observation", bad, "new", 0)
    assert {p.location for p in caught.value.problems} == {"value", "source_url", "release_date"}
    with pytest.raises(ProblemsError, match="reason"):
        review.propose(ws, user(ws, "ed"), "observation", FIGURE, "  ", 0)
    assert review.queue(ws) == []


def test_two_editors_on_one_item_the_second_gets_a_conflict(ws: Workspace) -> None:
    base = review.version(ws, "evidence", EVIDENCE)
    first = review.propose(ws, user(ws, "ed"), "evidence", EVIDENCE, "UGC release", base)
    theirs = {**EVIDENCE, "summary_en": "Places rose to 7,200 in 2024/25"}
    with pytest.raises(ConflictError, match="changed by someone else") as caught:
        review.propose(ws, user(ws, "ed2"), "evidence", theirs, "my wording", base)
    assert "Your text was kept" in str(caught.value)
    second = review.propose(ws, user(ws, "ed2"), "evidence", theirs, "my wording", base + 1)
    assert [c.id for c in review.queue(ws)] == [first.id, second.id]
    assert first.payload["summary_en"] != second.payload["summary_en"]  # both texts kept


def test_approved_evidence_decides_the_commitment_and_is_audited(ws: Workspace) -> None:
    when = dt.date(2026, 1, 1)
    before = {c["id"]: c["status"] for c in status_report(ws, when)["commitments"]}
    assert before["c-places"] == "OVERDUE"
    change = review.propose(ws, user(ws, "ed"), "commitment_status", EVIDENCE, "UGC says so", 0)
    review.decide(ws, user(ws, "rev"), change.id, True, "release checked")
    after = {c["id"]: c["status"] for c in status_report(ws, when)["commitments"]}
    assert after["c-places"] == "DONE"
    trail = audit_rows(ws, "commitment_status", "commitment:c-places")
    assert [(r["actor"], r["action"]) for r in trail] == [("ed", "propose"), ("rev", "approved")]
    assert trail[0]["reason"] == "UGC says so" and "Places reached 7,200" in trail[0]["after"]
    assert "release checked" in audit_csv(ws)


def test_a_correction_withdraws_the_old_figure_and_keeps_it(ws: Workspace) -> None:
    [old] = [o for o in ws.store.latest("mini", ["gdp"]) if o.period == "2020"]
    payload = {**GDP, "period": "2020", "value": "2669100", "release_date": "2022-02-25",
               "item_id": str(old.id)}  # fmt: skip
    change = review.propose(ws, user(ws, "ed"), "correction", payload, "typo in 2020 GDP", 0)
    review.decide(ws, user(ws, "rev"), change.id, True, "fixed")
    [new] = [o for o in ws.store.latest("mini", ["gdp"]) if o.period == "2020"]
    assert new.value == 2669100 and new.id != old.id
    assert ws.store.count("mini") == 6  # the wrong figure is still stored, withdrawn
    kinds = [(r["action"], r["item_kind"]) for r in audit_rows(ws)]
    assert ("withdraw", "observation") in kinds and ("add", "observation") in kinds


def test_the_audit_trail_cannot_be_edited(ws: Workspace) -> None:
    change = review.propose(ws, user(ws, "ed"), "observation", FIGURE, "2021 release", 0)
    assert change.id
    with pytest.raises(DBAPIError, match="append-only"), ws.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone else'"))
    with pytest.raises(DBAPIError, match="append-only"), ws.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
    assert [r["actor"] for r in audit_rows(ws)] == ["ed"]


def test_backup_then_restore_is_lossless(ws: Workspace, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    change = review.propose(ws, user(ws, "ed"), "commitment_status", EVIDENCE, "UGC", 0)
    review.decide(ws, user(ws, "rev"), change.id, True, "ok")
    review.propose(ws, user(ws, "ed"), "observation", FIGURE, "pending one", 0)
    counts = write_backup(ws, tmp_path / "backup.zip")
    assert counts["users"] == 4 and counts["changes"] == 2 and counts["evidence"] == 1
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    empty = Settings()
    from blueprint_tracker.services.workspace import Workspace as W
    from blueprint_tracker.services.workspace import load_plan
    from blueprint_tracker.store.accounts import AccountStore
    from blueprint_tracker.store.observations import open_store
    from blueprint_tracker.store.review import ReviewStore

    store = open_store(empty.resolved_database_url())
    restored = W(
        settings=empty,
        base_plan=load_plan(empty.plan_path()),
        plan_dir=empty.plan_path(),
        store=store,
        accounts=AccountStore(store.engine),
        review=ReviewStore(store.engine),
    )
    assert restore_backup(restored, tmp_path / "backup.zip") == counts
    when = dt.date(2026, 1, 1)
    assert status_report(restored, when) == status_report(ws, when)
    assert audit_rows(restored) == audit_rows(ws)
    assert [c.model_dump() for c in review.queue(restored)] == [
        c.model_dump() for c in review.queue(ws)
    ]
    with pytest.raises(PermissionDeniedError):  # no passwords travel in a backup
        accounts.authenticate(restored, "ed", PASSWORD)
    with pytest.raises(InputError, match="empty store"):
        restore_backup(restored, tmp_path / "backup.zip")


def test_audit_csv_cells_cannot_run_as_spreadsheet_formulas(ws: Workspace) -> None:
    review.propose(ws, user(ws, "ed"), "observation", FIGURE, '=HYPERLINK("http://x")', 0)
    assert "'=HYPERLINK" in audit_csv(ws)
