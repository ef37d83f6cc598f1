"""A process killed with SIGKILL in the middle of an import or an approval leaves the store as it
was, on SQLite and on a real PostgreSQL server.

"The middle" is made deterministic without any hook in the application: the child process
registers SQLAlchemy engine events (test code only) that notice the operation's first write and
then, at the moment the transaction would commit — every row written, nothing committed — write
a marker file and sleep. The test waits for the marker, sends SIGKILL, reopens the store and
compares everything an import or approval could have written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import Workspace, open_workspace

PASSWORD = "correct horse battery"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAUSE = """
import os, sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.engine import Engine

armed = []

@event.listens_for(Engine, "before_cursor_execute")
def notice(conn, cursor, statement, parameters, context, executemany):
    if os.environ["PAUSE_WHEN"] in statement:
        armed.append(statement)

@event.listens_for(Engine, "commit")
def pause(conn):
    if armed:
        Path(os.environ["PAUSE_MARKER"]).write_text("inside the open transaction")
        time.sleep(300)
"""
IMPORT = (
    PAUSE
    + """
from blueprint_tracker.main.app import main
sys.exit(main(["import", sys.argv[1]]))
"""
)
APPROVE = (
    PAUSE
    + """
from blueprint_tracker.config import Settings
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import open_workspace
ws = open_workspace(Settings())
reviewer = accounts.authenticate(ws, "rev", sys.argv[2])
review.decide(ws, reviewer, int(sys.argv[1]), True, "approved, then killed")
"""
)
NEW_FIGURES = """series,period,value,unit,flags,source_agency,source_title,source_url,source_table,release_date,note
gerd,2021,27827,HK$ million,,C&SD,Innovation Activities 2021,https://x.gov/gerd2021,207,2022-12-20,
gdp,2021,2861600,HK$ million,,C&SD,GDP 2021,https://x.gov/gdp2021,030,2022-02-25,
"""  # noqa: E501
FIGURE = {
    "series": "gerd",
    "period": "2022",
    "value": "29000",
    "unit": "HK$ million",
    "flags": "",
    "source_agency": "C&SD",
    "source_title": "Innovation Activities 2022",
    "source_url": "https://x.gov/gerd2022",
    "source_table": "207",
    "release_date": "2023-12-20",
    "note": "",
}


@pytest.fixture
def env(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    variables = {
        "BLUEPRINT_DATABASE_URL": store_url,
        "BLUEPRINT_PLAN": str(FIXTURES / "mini-plan"),
        "BLUEPRINT_DATA_DIR": str(tmp_path / "data"),
        "BLUEPRINT_PASSWORD_PROFILE": "CHEAPEST",
    }
    for key, value in variables.items():
        monkeypatch.setenv(key, value)
    return {**os.environ, **variables}


def snapshot(ws: Workspace) -> dict[str, Any]:
    """Everything an import or an approval writes, read through a fresh connection."""
    return {
        "figures": [o.model_dump() for o in ws.store.all_vintages(ws.plan.id)],
        "count": ws.store.count(ws.plan.id),
        "batches": [b.sha256 for b in ws.store.batches(ws.plan.id)],
        "changes": [(c.id, c.status.value) for c in ws.review.changes(ws.plan.id)],
        "evidence": [dict(r) for r in ws.review.evidence(ws.plan.id)],
        "audit": ws.review.audit(),
    }


def kill_in_transaction(
    code: str, args: list[str], env: dict[str, str], when: str, marker: Path
) -> None:
    """Run ``code`` until it pauses inside its transaction, then SIGKILL it."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env={**env, "PAUSE_WHEN": when, "PAUSE_MARKER": str(marker)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        if child.poll() is not None:
            raise AssertionError(f"the child ended early: {child.stderr.read().decode()}")  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the child never reached its transaction"
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL


def test_kill_9_in_the_middle_of_an_import_leaves_the_store_as_before(
    env: dict[str, str], tmp_path: Path
) -> None:
    ws = open_workspace(Settings())
    before = snapshot(ws)
    ws.store.engine.dispose()
    csv = tmp_path / "new.csv"
    csv.write_text(NEW_FIGURES, encoding="utf-8")
    kill_in_transaction(IMPORT, [str(csv)], env, "INSERT INTO observations", tmp_path / "m1")
    reopened = open_workspace(Settings())
    assert snapshot(reopened) == before
    # the store is not left locked or damaged: the same import now succeeds
    from blueprint_tracker.services.imports import import_file

    assert import_file(reopened, csv)["rows_added"] == 2
    assert reopened.store.count("mini") == before["count"] + 2


def test_kill_9_in_the_middle_of_an_approval_leaves_the_store_as_before(
    env: dict[str, str], tmp_path: Path
) -> None:
    ws = open_workspace(Settings())
    accounts.add_user(ws, "ed", Role.EDITOR, PASSWORD)
    accounts.add_user(ws, "rev", Role.REVIEWER, PASSWORD)
    editor = accounts.authenticate(ws, "ed", PASSWORD)
    change = review.propose(ws, editor, "observation", FIGURE, "2022 release", 0)
    before = snapshot(ws)
    ws.store.engine.dispose()
    args = [str(change.id), PASSWORD]
    kill_in_transaction(APPROVE, args, env, "UPDATE changes", tmp_path / "m2")
    reopened = open_workspace(Settings())
    after = snapshot(reopened)
    assert after == before
    assert after["changes"] == [(change.id, "pending")]
    reviewer = accounts.authenticate(reopened, "rev", PASSWORD)
    review.decide(reopened, reviewer, change.id, True, "approved for real")
    assert reopened.store.count("mini") == before["count"] + 1
    assert [r["action"] for r in reopened.review.audit()][-2:] == ["approved", "add"]
