"""Dates far outside any plan (``as_of=9999-12-31``, ``0001-01-01``) are bad input: 422 in the
API's error shape (an error page for HTML pages), never a 500; and every response, errors and
unexpected failures included, carries the security headers."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

PAGES = ["/en/", "/zh-hant/plan/", "/en/indicators/1.1/", "/en/commitments/", "/en/data/",
         "/en/methodology/", "/en/search/?q=gdp"]  # fmt: skip
MACHINE = ["/api/v1/overview", "/api/v1/plan", "/api/v1/indicators/1.1", "/api/v1/commitments",
           "/api/v1/updates", "/en/feed.xml", "/downloads/observations.csv",
           "/downloads/indicators/1.1.csv", "/downloads/commitments.csv",
           "/downloads/report-en.pdf"]  # fmt: skip
DATES = ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"]


def _with(path: str, day: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}as_of={day}"


def _assert_headers(response: Any) -> None:
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("day", DATES)
def test_out_of_range_dates_get_422_in_the_error_shape(client: TestClient, day: str) -> None:
    for path in MACHINE:
        response = client.get(_with(path, day))
        assert response.status_code == 422, (path, response.status_code)
        error = response.json()["error"]
        assert error["code"] == "bad_parameter" and "out of range" in error["message"], path
        assert "1900-01-01" in error["message"] and "2200-12-31" in error["message"]
        _assert_headers(response)
    for path in PAGES:
        response = client.get(_with(path, day))
        assert response.status_code == 422, (path, response.status_code)
        assert response.headers["content-type"].startswith("text/html")
        assert "<nav" in response.text and "out of range" in response.text, path
        _assert_headers(response)


def test_the_range_ends_are_answered(client: TestClient) -> None:
    for day in ("1900-01-01", "2200-12-31"):
        assert client.get(_with("/api/v1/overview", day)).status_code == 200
    assert client.get(_with("/api/v1/overview", "20241231")).status_code == 422


def test_a_blank_date_is_no_date_on_a_page_and_bad_input_in_the_api(client: TestClient) -> None:
    """One reading of ``as_of`` (services.as_of): a form's empty field shows today's page;
    a program that sends an empty date is told so, in the one message."""
    assert client.get("/en/indicators/1.1/?as_of=").status_code == 200
    for path in ("/api/v1/overview", "/api/v1/indicators/1.1"):
        response = client.get(_with(path, ""))
        assert response.status_code == 422, path
        assert response.json()["error"]["message"] == (
            "as_of: empty; give a date YYYY-MM-DD or leave it out"
        )


def test_an_unexpected_failure_is_a_500_with_headers_and_no_details(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.state.ws.cache, "remember", broken)
    client = TestClient(app, raise_server_exceptions=False)
    api = client.get("/api/v1/overview")
    assert api.status_code == 500
    assert api.json() == {"error": {"code": "internal", "message": "internal error"}}
    _assert_headers(api)
    page = client.get("/en/plan/")
    assert page.status_code == 500 and "secret internals" not in page.text
    _assert_headers(page)
