"""Accounts and review on SQLite and PostgreSQL: the two-person rule, sessions that end with a
password change or a disabled account, role changes, and failures that slow a name down (the
same way for every name, known or not) without ever locking anyone out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.services.test_review import FIGURE, PASSWORD

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.errors import NotFoundError, PermissionDeniedError, RateLimitedError
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import Workspace, open_workspace

START = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def ws(mini_plan: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", store_url)
    workspace = open_workspace(Settings())
    for name, role in (("ed", Role.EDITOR), ("rev", Role.REVIEWER), ("rev2", Role.REVIEWER)):
        accounts.add_user(workspace, name, role, PASSWORD)
    return workspace


def test_nobody_decides_their_own_proposal(ws: Workspace) -> None:
    rev = accounts.authenticate(ws, "rev", PASSWORD)
    own = review.propose(ws, rev, "observation", FIGURE, "my own figure", 0)
    for approve in (True, False):
        with pytest.raises(PermissionDeniedError, match="two-person rule"):
            review.decide(ws, rev, own.id, approve, "looks fine to me")
    assert review.queue(ws)[0].status.value == "pending" and ws.store.count("mini") == 5
    # the store itself refuses it, whatever the caller checked before
    with pytest.raises(PermissionDeniedError, match="your own proposal"):
        ws.review.decide(own.id, "rev", True, "direct", lambda conn, change: [])
    other = accounts.authenticate(ws, "rev2", PASSWORD)
    assert review.decide(ws, other, own.id, True, "checked").status.value == "approved"
    assert ws.store.count("mini") == 6


def test_a_new_password_ends_every_session_of_that_user_only(ws: Workspace) -> None:
    first, second = accounts.login(ws, "ed", PASSWORD), accounts.login(ws, "ed", PASSWORD)
    other = accounts.login(ws, "rev", PASSWORD)
    user, ended = accounts.set_password(ws, "ed", "a brand new passphrase")
    assert user.name == "ed" and ended == 2
    assert accounts.session_for(ws, first.token) is None
    assert accounts.session_for(ws, second.token) is None
    assert accounts.session_for(ws, other.token) is not None
    with pytest.raises(PermissionDeniedError):
        accounts.authenticate(ws, "ed", PASSWORD)
    assert accounts.authenticate(ws, "ed", "a brand new passphrase").name == "ed"


def test_disable_role_and_revoke_sessions(ws: Workspace) -> None:
    login = accounts.login(ws, "ed", PASSWORD)
    _, ended = accounts.set_disabled(ws, "ed")
    assert ended == 1 and accounts.session_for(ws, login.token) is None
    with pytest.raises(PermissionDeniedError, match="wrong user name or password"):
        accounts.authenticate(ws, "ed", PASSWORD)
    accounts.set_disabled(ws, "ed", False)
    login = accounts.login(ws, "ed", PASSWORD)
    assert accounts.set_role(ws, "ed", "reviewer").role is Role.REVIEWER
    found = accounts.session_for(ws, login.token)
    assert found is not None and found.user.role is Role.REVIEWER  # at the next request
    _, live = accounts.sessions(ws, "ed")
    assert len(live) == 1 and live[0]["expires_at"] > dt.datetime.now(dt.UTC)
    _, revoked = accounts.sessions(ws, "ed", revoke=True)
    assert len(revoked) == 1 and accounts.session_for(ws, login.token) is None
    assert accounts.sessions(ws, "ed")[1] == []
    with pytest.raises(NotFoundError):
        accounts.set_role(ws, "ghost", "editor")


def _fail(ws: Workspace, name: str, at: dt.datetime) -> str:
    with pytest.raises(PermissionDeniedError) as refused:
        accounts.authenticate(ws, name, "wrong password!!", "192.0.2.1", at)
    return str(refused.value)


def test_failures_slow_a_name_down_identically_whether_it_exists(ws: Workspace) -> None:
    answers: dict[str, list[str]] = {}
    for name in ("ed", "no-such-user"):
        answers[name] = [_fail(ws, name, START + dt.timedelta(minutes=i)) for i in range(7)]
        last = START + dt.timedelta(minutes=6)  # 7 failures in 15 minutes: wait 2**2 s
        for after in (0, 1):
            with pytest.raises(RateLimitedError) as slowed:
                at = last + dt.timedelta(seconds=after)
                accounts.authenticate(ws, name, PASSWORD, None, at)  # even the right password
            answers[name].append(str(slowed.value))
    assert answers["ed"] == answers["no-such-user"]
    assert answers["ed"][-2:] == [
        "too many failed logins with this name: try again in 4 s",
        "too many failed logins with this name: try again in 3 s",
    ]
    assert set(answers["ed"][:-2]) == {"wrong user name or password"}
    assert accounts.authenticate(ws, "ed", PASSWORD, None, last + dt.timedelta(seconds=4)).name


def test_a_stranger_cannot_lock_the_owner_out(ws: Workspace) -> None:
    moment = START
    for i in range(40):  # a stranger from ever new addresses, as fast as allowed
        with pytest.raises(PermissionDeniedError):
            accounts.authenticate(ws, "ed", "guess", f"198.51.100.{i}", moment)
        moment += accounts.account_delay(i + 1)
    assert accounts.account_delay(40) == accounts.ACCOUNT_MAX_DELAY == dt.timedelta(minutes=2)
    owner = accounts.authenticate(ws, "ed", PASSWORD, "203.0.113.5", moment)
    assert owner.name == "ed"
