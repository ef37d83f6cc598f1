"""Server mode through the ASGI test client, on SQLite and a real PostgreSQL server: login,
roles, CSRF, editing with review, conflicts, audit trail, headers, escaping, backup/restore."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.server_support import (
    EVIDENCE,
    FIGURE,
    OBSERVATION_FORM,
    add_users,
    form,
    hidden,
    login,
    propose,
    server_settings,
    state,
)

from blueprint_tracker.config import Settings
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import Workspace
from blueprint_tracker.web.app import create_app

EVIDENCE_FORM = "/en/edit/evidence/c-places/"
STATUS_FORM = "/en/edit/status/c-places/"
EDIT_PATHS = [
    OBSERVATION_FORM,
    "/en/edit/correction/1/?indicator=1.1",
    "/en/edit/withdraw/observation/1/?indicator=1.1",
    EVIDENCE_FORM,
    STATUS_FORM,
]
REVIEW_PATHS = ["/en/review/", "/audit.csv"]


@pytest.fixture
def app(tmp_path: Path, store_url: str) -> Any:
    application = create_app(server_settings(tmp_path / "data", store_url))
    add_users(application.state.ws)
    return application


@pytest.fixture
def ws(app: Any) -> Workspace:
    workspace: Workspace = app.state.ws
    return workspace


def client_for(app: Any, name: str | None = None, **options: Any) -> TestClient:
    client = TestClient(app, **options)
    if name:
        login(client, name)
    return client


@pytest.fixture
def anonymous(app: Any) -> Iterator[TestClient]:
    yield client_for(app)


# --- public mode ---------------------------------------------------------------------------


def test_public_mode_has_no_login_or_editing_routes(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, plan=server_settings(tmp_path, None).plan)
    client = TestClient(create_app(settings))
    for path in [*EDIT_PATHS, *REVIEW_PATHS, "/en/login/"]:
        assert client.get(path).status_code == 404, path
    # a commitment has a public page, but without the evidence form
    public = client.get("/en/commitments/c-places/")
    assert public.status_code == 200
    assert "csrf_token" not in public.text and "/edit/" not in public.text
    assert client.post(EVIDENCE_FORM, data=EVIDENCE).status_code in (404, 405)
    assert client.post("/en/login/", data={"name": "x"}).status_code in (404, 405)
    assert "Log in" not in client.get("/en/").text


def test_server_mode_refuses_a_missing_short_or_default_secret_key(tmp_path: Path) -> None:
    from blueprint_tracker.errors import ConfigError

    for key in (None, "short", "change-me" * 4, "a" * 40):
        settings = server_settings(tmp_path, None).model_copy(update={"secret_key": key})
        with pytest.raises(ConfigError, match="BLUEPRINT_SECRET_KEY"):
            create_app(settings)


# --- who may do what ------------------------------------------------------------------------


def test_anonymous_and_viewers_get_401_and_403_on_every_editing_endpoint(
    app: Any, ws: Workspace
) -> None:
    before = state(ws)
    viewer, editor = client_for(app, "viewer"), client_for(app, "ed")
    csrf = hidden(viewer.get("/en/").text, "csrf_token")
    for path in EDIT_PATHS:
        assert client_for(app).get(path).status_code == 401, path
        assert client_for(app).post(path, data=EVIDENCE).status_code == 401, path
        assert viewer.get(path).status_code == 403, path
        assert viewer.post(path, data={**EVIDENCE, "csrf_token": csrf}).status_code == 403
    for path in REVIEW_PATHS:
        assert client_for(app).get(path).status_code == 401, path
        assert editor.get(path).status_code == 403, path
    decide = {"comment": "ok", "decision": "approve", "csrf_token": csrf}
    assert client_for(app).post("/en/review/1/", data=decide).status_code == 401
    assert viewer.post("/en/review/1/", data=decide).status_code == 403
    assert state(ws) == before


def test_form_posts_without_or_with_a_wrong_csrf_token_are_refused(app: Any, ws: Workspace) -> None:
    editor = client_for(app, "ed")
    before = state(ws)
    version = form(editor, EVIDENCE_FORM)["version"]
    for token in (None, "", "forged-" + secrets.token_urlsafe(16)):
        data = {**EVIDENCE, "version": version, **({"csrf_token": token} if token else {})}
        assert editor.post(EVIDENCE_FORM, data=data).status_code == 403
    # a token from another session is wrong too
    other = hidden(client_for(app, "ed2").get("/en/").text, "csrf_token")
    data = {**EVIDENCE, "version": version, "csrf_token": other}
    assert editor.post(EVIDENCE_FORM, data=data).status_code == 403
    assert state(ws) == before
    no_token = {"name": "ed", "password": "x"}
    assert client_for(app).post("/en/login/", data=no_token).status_code == 403
    assert editor.post("/en/logout/", data={}).status_code == 403
    assert "Logged in as ed" in editor.get("/en/").text  # still logged in


# --- login ----------------------------------------------------------------------------------


def test_login_sets_a_safe_cookie_and_the_nav_shows_the_user(app: Any) -> None:
    client = client_for(app)
    assert "Log in" in client.get("/en/").text
    page = client.get("/en/login/")
    data = {"name": "ed", "password": "correct horse battery"}
    response = client.post(
        "/en/login/",
        data={**data, "csrf_token": hidden(page.text, "csrf_token")},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    assert "bp_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback
    assert "Logged in as ed (editor)" in client.get("/en/").text
    assert "已登入：ed（編輯）" in client.get("/zh-hant/").text
    csrf = hidden(client.get("/en/").text, "csrf_token")
    assert client.post("/en/logout/", data={"csrf_token": csrf}).status_code == 200
    assert "Log in" in client.get("/en/").text


def test_over_https_the_cookie_is_secure_and_hsts_is_sent(app: Any) -> None:
    client = TestClient(app, base_url="https://testserver")
    page = client.get("/en/login/")
    assert "max-age" in page.headers["strict-transport-security"]
    data = {"name": "ed", "password": "correct horse battery"}
    response = client.post(
        "/en/login/",
        data={**data, "csrf_token": hidden(page.text, "csrf_token")},
        follow_redirects=False,
    )
    assert "Secure" in response.headers["set-cookie"]


def test_a_forwarded_proto_header_is_not_trusted_by_the_app(app: Any) -> None:
    client = client_for(app)
    page = client.get("/en/login/", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in page.headers


def _failed_logins(client: TestClient, name: str, times: int) -> None:
    for _ in range(times):
        token = hidden(client.get("/en/login/").text, "csrf_token")
        wrong = {"name": name, "password": "wrong password!", "csrf_token": token}
        response = client.post("/en/login/", data=wrong)
        assert response.status_code == 401 and "Wrong user name or password" in response.text


def _login_answer(client: TestClient, name: str, lang: str = "en") -> tuple[int, str, str]:
    token = hidden(client.get(f"/{lang}/login/").text, "csrf_token")
    right = {"name": name, "password": "correct horse battery", "csrf_token": token}
    response = client.post(f"/{lang}/login/", data=right)
    problem = re.search(r'id="login-error">(.*?)</p>', response.text)
    return (
        response.status_code,
        problem.group(1) if problem else "",
        response.headers.get("retry-after", ""),
    )


def test_five_wrong_passwords_slow_the_name_down_the_same_way_whether_it_exists(
    app: Any,
) -> None:
    for name in ("ed", "nobody"):
        _failed_logins(client_for(app), name, 5)
    known, unknown = _login_answer(client_for(app), "ed"), _login_answer(client_for(app), "nobody")
    assert known[0] == unknown[0] == 429
    assert known[1] == unknown[1] and "Too many failed logins with this name" in known[1]
    assert 1 <= int(known[2]) <= 120 and 1 <= int(unknown[2]) <= 120  # seconds, not a lock
    assert "此名稱登入失敗次數過多" in _login_answer(client_for(app), "ed", "zh-hant")[1]
    # a disabled account answers like an unknown name
    accounts.set_disabled(app.state.ws, "viewer")
    disabled, missing = (
        _login_answer(client_for(app), "viewer"),
        _login_answer(client_for(app), "ghost"),
    )
    assert disabled == missing and disabled[0] == 401


def test_many_failed_logins_from_one_address_get_429_with_retry_after(app: Any) -> None:
    client = client_for(app)
    for i in range(20):  # password spraying: a different account name each time
        token = hidden(client.get("/en/login/").text, "csrf_token")
        guess = {"name": f"guess{i}", "password": "Winter2026!", "csrf_token": token}
        assert client.post("/en/login/", data=guess).status_code == 401
    token = hidden(client.get("/en/login/").text, "csrf_token")
    right = {"name": "ed", "password": "correct horse battery", "csrf_token": token}
    response = client.post("/en/login/", data=right)
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 15 * 60
    assert "Too many failed logins from your address" in response.text
    token = hidden(client.get("/zh-hant/login/").text, "csrf_token")
    response = client.post("/zh-hant/login/", data={**right, "csrf_token": token})
    assert response.status_code == 429 and "你的網絡位址登入失敗次數過多" in response.text


def test_a_login_never_redirects_to_another_site(app: Any) -> None:
    client = client_for(app)
    token = hidden(client.get("/en/login/").text, "csrf_token")
    data = {
        "name": "ed",
        "password": "correct horse battery",
        "csrf_token": token,
        "next": "//evil.example/",
    }
    response = client.post("/en/login/", data=data, follow_redirects=False)
    assert response.headers["location"] == "/en/"


# --- editing --------------------------------------------------------------------------------


def test_bad_fields_get_422_with_every_problem_next_to_its_field(app: Any, ws: Workspace) -> None:
    editor = client_for(app, "ed")
    bad = {
        **FIGURE,
        "value": "lots",
        "source_url": "javascript:alert(1)",
        "source_table": "",
        "release_date": "2099-01-01",
        "reason": " ",
    }
    response = propose(editor, OBSERVATION_FORM, bad)
    assert response.status_code == 422
    flagged = set(re.findall(r'id="problems-(\w+)"', response.text))
    assert flagged == {"value", "source_url", "source_table", "release_date", "reason"}
    assert 'value="lots"' in response.text  # the user's text is kept
    evidence = {**EVIDENCE, "outcome": "done", "summary_en": "", "date": "soon"}
    response = propose(editor, EVIDENCE_FORM, evidence)
    assert response.status_code == 422
    assert set(re.findall(r'id="problems-(\w+)"', response.text)) == {
        "outcome",
        "summary_en",
        "date",
    }
    assert review.queue(ws) == []


def test_a_stale_version_gets_409_and_keeps_both_texts(app: Any, ws: Workspace) -> None:
    first, second = client_for(app, "ed"), client_for(app, "ed2")
    mine = form(first, EVIDENCE_FORM)
    theirs = form(second, EVIDENCE_FORM)
    ok = first.post(EVIDENCE_FORM, data={**EVIDENCE, **mine}, follow_redirects=False)
    assert ok.status_code == 303 and "proposed=" in ok.headers["location"]
    text = "Places rose to 7,200 in the 2024/25 school year"
    data = {**EVIDENCE, **theirs, "summary_en": text, "reason": "my wording"}
    conflict = second.post(EVIDENCE_FORM, data=data)
    assert conflict.status_code == 409
    assert "changed by someone else" in conflict.text and 'id="conflict"' in conflict.text
    assert f">{text}</textarea>" in conflict.text  # my text is kept in the form
    assert "Places reached 7,200" in conflict.text  # and theirs is shown
    assert [c.payload["summary_en"] for c in review.queue(ws)] == ["Places reached 7,200"]
    again = hidden(conflict.text, "version")  # the re-rendered form has the new version
    resubmit = {**data, "version": again}
    assert second.post(EVIDENCE_FORM, data=resubmit, follow_redirects=False).status_code == 303
    assert [c.payload["summary_en"] for c in review.queue(ws)] == ["Places reached 7,200", text]


def test_every_kind_of_edit_goes_through_the_queue(app: Any, ws: Workspace) -> None:
    editor, reviewer = client_for(app, "ed"), client_for(app, "rev")
    [old] = [o for o in ws.store.latest("mini", ["gdp"]) if o.period == "2020"]
    correction = f"/en/edit/correction/{old.id}/?indicator=1.1"
    page = editor.get(correction).text
    assert 'value="2669000"' in page  # the stored figure, to correct
    edits = [
        (OBSERVATION_FORM, FIGURE),
        (
            correction,
            {**FIGURE, "value": "2669100", "release_date": "2022-02-25", "reason": "typo"},
        ),
        (EVIDENCE_FORM, EVIDENCE),
    ]
    for url, data in edits:
        assert propose(editor, url, data).status_code == 303, url
    kinds = [c.kind.value for c in review.queue(ws)]
    assert kinds == ["observation", "correction", "evidence"]
    queue = reviewer.get("/en/review/").text
    assert queue.count('class="change"') == 3
    assert "2669000" in queue and "2669100" in queue and 'class="changed"' in queue
    csrf = hidden(queue, "csrf_token")
    for change in review.queue(ws):
        data = {"comment": "checked", "decision": "approve", "csrf_token": csrf}
        response = reviewer.post(f"/en/review/{change.id}/", data=data, follow_redirects=False)
        assert response.status_code == 303
    assert review.queue(ws) == []
    [new] = [o for o in ws.store.latest("mini", ["gdp"]) if o.period == "2020"]
    assert new.value == 2669100
    withdraw = f"/en/edit/withdraw/observation/{new.id}/?indicator=1.1"
    assert propose(editor, withdraw, {"reason": "wrong table"}).status_code == 303
    [stored] = ws.review.evidence("mini")
    withdraw_evidence = f"/en/edit/withdraw/evidence/{stored['id']}/"
    assert propose(editor, withdraw_evidence, {"reason": "duplicate"}).status_code == 303
    assert propose(editor, STATUS_FORM, EVIDENCE).status_code == 303
    kinds = [c.kind.value for c in review.queue(ws)]
    assert kinds == ["withdrawal", "withdrawal", "commitment_status"]


def test_a_decision_needs_a_comment_and_a_decided_edit_cannot_be_decided_again(
    app: Any, ws: Workspace
) -> None:
    assert propose(client_for(app, "ed"), EVIDENCE_FORM, EVIDENCE).status_code == 303
    reviewer = client_for(app, "rev")
    csrf = hidden(reviewer.get("/en/review/").text, "csrf_token")
    [change] = review.queue(ws)
    url = f"/en/review/{change.id}/"
    empty = reviewer.post(url, data={"comment": " ", "decision": "reject", "csrf_token": csrf})
    assert empty.status_code == 422 and f'id="problems-{change.id}"' in empty.text
    done = {"comment": "wrong source", "decision": "reject", "csrf_token": csrf}
    assert reviewer.post(url, data=done, follow_redirects=False).status_code == 303
    again = reviewer.post(url, data={**done, "decision": "approve"})
    assert again.status_code == 409 and "already rejected" in again.text
    assert ws.review.evidence("mini") == []


# --- only approved content is public ----------------------------------------------------------

MARK_VALUE = "31415926"
MARK_TEXT = "UNAPPROVED-MARKER-7Q"
PUBLIC = [
    "/en/",
    "/en/plan/",
    "/en/indicators/1.1/",
    "/en/commitments/",
    "/en/data/",
    "/zh-hant/indicators/1.1/",
    "/zh-hant/commitments/",
    "/en/commitments/c-places/",
    "/api/v1/indicators/1.1",
    "/api/v1/indicators",
    "/api/v1/commitments",
    "/api/v1/overview",
    "/api/v1/sources",
    "/downloads/observations.csv",
    "/downloads/commitments.csv",
    "/downloads/indicators/1.1.csv",
]


def _public_text(app: Any, tmp_path: Path) -> str:
    from blueprint_tracker.export.site import build_site

    client = client_for(app)
    parts = []
    for path in PUBLIC:
        response = client.get(path)
        assert response.status_code == 200, path
        parts.append(response.text)
    site = tmp_path / f"site-{secrets.token_hex(4)}"
    build_site(app.state.ws, site, publications=False)
    parts += [
        p.read_text(encoding="utf-8")
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".csv")
    ]
    return "\n".join(parts)


def test_an_unapproved_edit_never_appears_on_pages_api_downloads_or_the_static_site(
    app: Any, ws: Workspace, tmp_path: Path
) -> None:
    editor = client_for(app, "ed")
    figure = {**FIGURE, "value": MARK_VALUE, "source_title": MARK_TEXT}
    assert propose(editor, OBSERVATION_FORM, figure).status_code == 303
    evidence = {**EVIDENCE, "summary_en": MARK_TEXT, "summary_zh": MARK_TEXT}
    assert propose(editor, EVIDENCE_FORM, evidence).status_code == 303
    text = _public_text(app, tmp_path)
    assert MARK_TEXT not in text and MARK_VALUE not in text
    # a logged-in editor sees the pending edit in the audit trail, never in the figures
    page = editor.get("/en/indicators/1.1/").text
    assert MARK_VALUE in page.split('id="audit-trail"')[1]
    assert MARK_VALUE not in page.split('id="audit-trail"')[0]
    reviewer = client_for(app, "rev")
    csrf = hidden(reviewer.get("/en/review/").text, "csrf_token")
    for change in review.queue(ws):
        data = {"comment": "ok", "decision": "approve", "csrf_token": csrf}
        reviewer.post(f"/en/review/{change.id}/", data=data)
    text = _public_text(app, tmp_path)
    assert MARK_TEXT in text and "31,415,926" in text  # the same checks see approved content


# --- audit trail ------------------------------------------------------------------------------


def test_item_pages_show_their_audit_trail_to_logged_in_users_and_it_exports_as_csv(
    app: Any, ws: Workspace
) -> None:
    editor, reviewer = client_for(app, "ed"), client_for(app, "rev")
    assert propose(editor, EVIDENCE_FORM, {**EVIDENCE, "reason": "UGC says so"}).status_code == 303
    csrf = hidden(reviewer.get("/en/review/").text, "csrf_token")
    [change] = review.queue(ws)
    data = {"comment": "release checked", "decision": "approve", "csrf_token": csrf}
    reviewer.post(f"/en/review/{change.id}/", data=data)
    page = editor.get("/en/commitments/c-places/").text
    trail = page.split('id="audit-trail"')[1]
    assert trail.count("<tr data-action") == 3  # propose, approved, add
    assert "UGC says so" in trail and "release checked" in trail and ">rev<" in trail
    assert "Places reached 7,200" in page.split('id="evidence-list"')[1]
    assert 'id="audit-trail"' not in client_for(app).get("/en/commitments/c-places/").text
    csv = reviewer.get("/audit.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("id,at,actor,action")
    assert "release checked" in csv.text
    assert editor.get("/audit.csv").status_code == 403


# --- security ---------------------------------------------------------------------------------


def test_every_response_has_the_security_headers(app: Any) -> None:
    client = client_for(app, "ed")
    for path in [
        "/en/",
        "/en/login/",
        EVIDENCE_FORM,
        "/api/v1/plan",
        "/static/site.css",
        "/en/nope/",
        "/downloads/commitments.csv",
    ]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] and headers["permissions-policy"]


def test_pages_have_no_inline_script() -> None:
    templates = Path(__file__).resolve().parents[2] / "src/blueprint_tracker/present/templates"
    for path in templates.glob("*.html"):
        for tag in re.findall(r"<script[^>]*>", path.read_text(encoding="utf-8")):
            assert "src=" in tag or 'type="application/json"' in tag, (path.name, tag)
        assert not re.search(r"\son[a-z]+=", path.read_text(encoding="utf-8")), path.name


XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
SQLI = "'; DROP TABLE observations; -- \" OR 1=1"


def test_script_and_sql_in_every_text_field_are_stored_as_text_and_shown_escaped(
    app: Any, ws: Workspace
) -> None:
    editor, reviewer = client_for(app, "ed"), client_for(app, "rev")
    text_fields = ("summary_zh", "summary_en", "source_agency", "source_title", "reason")
    evidence = {**EVIDENCE, **{k: f"{XSS} {SQLI} {k}" for k in text_fields}}
    evidence["source_url"] = f"https://x.gov/?q={XSS}"
    assert propose(editor, EVIDENCE_FORM, evidence).status_code == 303
    figure = {
        **FIGURE,
        **{
            k: f"{XSS} {SQLI}"
            for k in ("unit", "source_agency", "source_title", "source_table", "note", "reason")
        },
    }
    assert propose(editor, OBSERVATION_FORM, figure).status_code == 303
    queue = reviewer.get("/en/review/").text
    assert "<script>alert" not in queue and "&lt;script&gt;alert(&#34;xss&#34;)" in queue
    csrf = hidden(queue, "csrf_token")
    for change in review.queue(ws):
        data = {"comment": f"{XSS} {SQLI}", "decision": "approve", "csrf_token": csrf}
        assert reviewer.post(f"/en/review/{change.id}/", data=data).status_code == 200
    for client, path in [
        (reviewer, "/en/commitments/"),
        (reviewer, "/en/commitments/c-places/"),
        (reviewer, "/en/indicators/1.1/"),
        (client_for(app), "/en/commitments/"),
        (client_for(app), "/en/indicators/1.1/"),
    ]:
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html, path
    assert ws.store.count("mini") == 6 and len(ws.review.evidence("mini")) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/en/search/?q={}",
        "/en/?as_of={}",
        "/en/commitments/?status={}",
        "/en/commitments/?owner={}",
        "/en/commitments/?under={}",
        "/en/commitments/?due_year={}",
        "/en/indicators/{}/",
        "/en/commitments/{}/",
        "/api/v1/search?q={}",
        "/api/v1/indicators/{}",
        "/api/v1/commitments?status={}",
        "/en/edit/observation/?series={}&period=2021",
        "/en/edit/observation/?series=gerd&period={}",
        "/en/edit/correction/{}/",
        "/en/edit/withdraw/{}/1/",
        "/en/edit/evidence/{}/",
        "/en/login/?next={}",
    ],
)
def test_script_and_sql_in_every_parameter_are_escaped_or_rejected(app: Any, path: str) -> None:
    editor = client_for(app, "ed")
    before = state(app.state.ws)
    for payload in (XSS, SQLI):
        response = editor.get(path.format(payload))
        assert response.status_code in (200, 404, 422), (path, response.status_code)
        if response.headers["content-type"].startswith("application/json"):
            response.json()  # data, never markup: a browser does not run it (nosniff)
            continue
        assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert state(app.state.ws) == before


def test_no_sql_is_built_by_string_formatting() -> None:
    source = Path(__file__).resolve().parents[2] / "src/blueprint_tracker"
    pattern = re.compile(
        r"""(text|execute|exec_driver_sql)\(\s*(f["']|["'][^"']*["']\s*(%|\.format))""", re.I
    )
    offenders = [
        f"{path.relative_to(source)}:{number}"
        for path in source.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


# --- backup and restore -----------------------------------------------------------------------

PAGE_TYPES = [
    "",
    "plan/",
    "indicators/1.1/",
    "commitments/",
    "methodology/",
    "data/",
    "search/?q=R%26D",
    "commitments/c-places/",
]


def test_backup_then_restore_reproduces_every_public_page(
    app: Any, ws: Workspace, tmp_path: Path
) -> None:
    from blueprint_tracker.services.backup import restore_backup, write_backup
    from blueprint_tracker.services.workspace import load_plan
    from blueprint_tracker.store.accounts import AccountStore
    from blueprint_tracker.store.observations import open_store
    from blueprint_tracker.store.review import ReviewStore

    editor, reviewer = client_for(app, "ed"), client_for(app, "rev")
    propose(editor, EVIDENCE_FORM, EVIDENCE)
    propose(editor, OBSERVATION_FORM, FIGURE)
    csrf = hidden(reviewer.get("/en/review/").text, "csrf_token")
    first = review.queue(ws)[0]
    reviewer.post(
        f"/en/review/{first.id}/", data={"comment": "ok", "decision": "approve", "csrf_token": csrf}
    )
    write_backup(ws, tmp_path / "backup.zip")
    settings = ws.settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path / 'restored.sqlite3'}"}
    )
    store = open_store(settings.resolved_database_url())
    restored = Workspace(
        settings,
        load_plan(settings.plan_path()),
        settings.plan_path(),
        store,
        AccountStore(store.engine),
        ReviewStore(store.engine),
    )
    restore_backup(restored, tmp_path / "backup.zip")
    original, copy = client_for(app), TestClient(create_app(workspace=restored))
    for slug in ("en", "zh-hant"):
        for page in PAGE_TYPES:
            a, b = original.get(f"/{slug}/{page}"), copy.get(f"/{slug}/{page}")
            assert a.status_code == b.status_code == 200, page
            assert a.text == b.text, f"/{slug}/{page}"
    assert copy.get("/api/v1/commitments").json() == original.get("/api/v1/commitments").json()


def test_a_reviewer_cannot_decide_their_own_proposal_on_the_page(app: Any, ws: Workspace) -> None:
    reviewer = client_for(app, "rev")
    assert propose(reviewer, OBSERVATION_FORM, FIGURE).status_code == 303
    change = review.queue(ws)[0]
    page = reviewer.get("/en/review/").text
    section = page[page.index(f'id="change-{change.id}"') :]
    assert "another reviewer decides it (two-person rule)" in section
    assert f"/review/{change.id}/" not in section  # no approve/reject form for it
    data = {"comment": "fine", "decision": "approve", "csrf_token": hidden(page, "csrf_token")}
    refused = reviewer.post(f"/en/review/{change.id}/", data=data, follow_redirects=False)
    assert refused.status_code == 403
    assert review.queue(ws)[0].status.value == "pending"
    accounts.add_user(ws, "boss", "admin", "correct horse battery")
    other = client_for(app, "boss")
    token = hidden(other.get("/en/review/").text, "csrf_token")
    data = {"comment": "checked", "decision": "approve", "csrf_token": token}
    assert (
        other.post(f"/en/review/{change.id}/", data=data, follow_redirects=False).status_code == 303
    )


def test_a_form_sent_twice_after_a_lost_reply_adds_one_proposal(app: Any, ws: Workspace) -> None:
    editor = client_for(app, "ed")
    html = editor.get(OBSERVATION_FORM).text
    data = {
        "csrf_token": hidden(html, "csrf_token"),
        "version": hidden(html, "version"),
        "idempotency_key": hidden(html, "idempotency_key"),
        **FIGURE,
    }
    first = editor.post(OBSERVATION_FORM, data=data, follow_redirects=False)
    again = editor.post(OBSERVATION_FORM, data=data, follow_redirects=False)  # the retry
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert len(review.queue(ws)) == 1
    assert hidden(editor.get(OBSERVATION_FORM).text, "idempotency_key") != data["idempotency_key"]


def test_forms_take_ascii_decimals_and_periods_within_the_plan(app: Any, ws: Workspace) -> None:
    editor = client_for(app, "ed")
    form_2022 = OBSERVATION_FORM.replace("2021", "2022")
    for value in ("1_000", "１２３", "1e308"):
        response = propose(editor, form_2022, {**FIGURE, "value": value})
        assert response.status_code == 422 and 'id="problems-value"' in response.text, value
    outside = editor.get("/en/edit/observation/?series=gerd&period=1990&indicator=1.1")
    assert outside.status_code == 422 and "outside the plan" in outside.text
    early = propose(editor, EVIDENCE_FORM, {**EVIDENCE, "date": "2019-05-01"})
    assert early.status_code == 422 and "before the plan" in early.text
    assert review.queue(ws) == []
