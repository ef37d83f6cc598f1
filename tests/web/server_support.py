"""Helpers for the server-mode tests: an app on a given store, users, logged-in clients."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from blueprint_tracker.config import Settings
from blueprint_tracker.services import accounts
from blueprint_tracker.services.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINI_PLAN = FIXTURES / "mini-plan"
PASSWORD = "correct horse battery"
USERS = {"ed": "editor", "ed2": "editor", "rev": "reviewer", "viewer": "viewer"}
EVIDENCE = {
    "date": "2025-06-30",
    "outcome": "completed",
    "summary_zh": "學額增至7,200個",
    "summary_en": "Places reached 7,200",
    "source_agency": "UGC",
    "source_title": "Press release",
    "source_url": "https://x.gov/ugc",
    "release_date": "2025-07-02",
    "reason": "UGC release",
}
FIGURE = {
    "value": "27827",
    "unit": "HK$ million",
    "source_agency": "C&SD",
    "source_title": "Innovation Activities 2021",
    "source_url": "https://x.gov/gerd2021",
    "source_table": "207",
    "release_date": "2022-12-20",
    "note": "",
    "reason": "2021 release",
}
OBSERVATION_FORM = "/en/edit/observation/?series=gerd&period=2021&indicator=1.1"


def server_settings(data_dir: Path, store_url: str | None, **extra: Any) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=store_url,
        plan=str(MINI_PLAN),
        server_mode=True,
        secret_key=secrets.token_urlsafe(40),
        password_profile="CHEAPEST",
        **extra,
    )


def add_users(ws: Workspace) -> None:
    for name, role in USERS.items():
        accounts.add_user(ws, name, role, PASSWORD)


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found is not None, f"no hidden field {name}"
    return found.group(1)


def login(client: Any, name: str, lang: str = "en") -> str:
    """Log ``client`` in as ``name``; return the session's CSRF token."""
    page = client.get(f"/{lang}/login/")
    response = client.post(
        f"/{lang}/login/",
        data={"name": name, "password": PASSWORD, "csrf_token": hidden(page.text, "csrf_token")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return hidden(client.get(f"/{lang}/").text, "csrf_token")


def form(client: Any, url: str) -> dict[str, str]:
    """The hidden fields (CSRF token, version) of the form at ``url``."""
    html = client.get(url).text
    return {"csrf_token": hidden(html, "csrf_token"), "version": hidden(html, "version")}


def propose(client: Any, url: str, data: dict[str, str]) -> Any:
    return client.post(url, data={**form(client, url), **data}, follow_redirects=False)


def state(ws: Workspace) -> dict[str, Any]:
    """Everything an edit could write: figures, queue, evidence, withdrawals, audit."""
    return {
        "figures": ws.store.count(ws.plan.id),
        "changes": len(ws.review.changes(ws.plan.id, None)),
        "stamp": ws.review.state_stamp(ws.plan.id),
        "audit": len(ws.review.audit()),
    }
