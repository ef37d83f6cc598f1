"""Per-client login rate limit: password spraying across many accounts is refused, on SQLite
and on PostgreSQL (the failures are shared by every worker through the store)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.errors import PermissionDeniedError, RateLimitedError
from blueprint_tracker.services import accounts
from blueprint_tracker.services.workspace import Workspace, open_workspace

PASSWORD = "correct horse battery"
SPRAYER, OTHER = "203.0.113.9", "198.51.100.7"


@pytest.fixture
def ws(mini_plan: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", store_url)
    workspace = open_workspace(Settings())
    accounts.add_user(workspace, "ed", Role.EDITOR, PASSWORD)
    return workspace


def _spray(ws: Workspace, start: dt.datetime, times: int) -> None:
    for i in range(times):  # a different name each time: no single account gets locked
        with pytest.raises(PermissionDeniedError, match="wrong user name or password"):
            moment = start + dt.timedelta(seconds=i)
            accounts.authenticate(ws, f"guess{i}", "Winter2026!", SPRAYER, moment)


def test_twenty_failures_from_one_address_refuse_it_for_fifteen_minutes(ws: Workspace) -> None:
    start = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
    _spray(ws, start, accounts.CLIENT_MAX_FAILURES)
    later = start + dt.timedelta(minutes=1)
    with pytest.raises(RateLimitedError, match="try again after 09:15 UTC") as refused:
        accounts.authenticate(ws, "ed", PASSWORD, SPRAYER, later)  # even the right password
    assert refused.value.retry_after == start + accounts.CLIENT_WINDOW
    # another address, and the account itself, are not affected
    assert accounts.authenticate(ws, "ed", PASSWORD, OTHER, later).name == "ed"
    # once the oldest failures leave the window, the address may try again
    after = start + accounts.CLIENT_WINDOW + dt.timedelta(seconds=accounts.CLIENT_MAX_FAILURES)
    assert accounts.authenticate(ws, "ed", PASSWORD, SPRAYER, after).name == "ed"


def test_nineteen_failures_do_not_refuse_and_successes_do_not_count(ws: Workspace) -> None:
    start = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
    _spray(ws, start, accounts.CLIENT_MAX_FAILURES - 1)
    moment = start + dt.timedelta(minutes=2)
    for _ in range(3):
        assert accounts.authenticate(ws, "ed", PASSWORD, SPRAYER, moment).name == "ed"
    with pytest.raises(PermissionDeniedError) as last:
        accounts.authenticate(ws, "nobody", "x" * 12, SPRAYER, moment)
    assert not isinstance(last.value, RateLimitedError)  # the 20th failure is still answered
    with pytest.raises(RateLimitedError):
        accounts.authenticate(ws, "ed", PASSWORD, SPRAYER, moment)


def test_old_failures_are_pruned_after_a_day(ws: Workspace) -> None:
    start = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    _spray(ws, start, 5)
    ws.accounts.record_client_failure(OTHER, start + dt.timedelta(days=2), accounts.CLIENT_KEEP)
    count, _, _ = ws.accounts.client_failures(SPRAYER, start - dt.timedelta(days=30))
    assert count == 0
