"""Every page answers as JSON at its twin (``…/index.json`` and ``?format=json``): the page's
data, the same document the API gives, in both languages' folders."""

from __future__ import annotations

import pytest

from blueprint_tracker.present import registry
from blueprint_tracker.services import models

PAGES_WITH_API = [  # (page folder and query, the API document with the same data)
    ("", "/api/v1/overview"),
    ("plan/", "/api/v1/plan"),
    ("indicators/1.1/", "/api/v1/indicators/1.1"),
    ("commitments/", "/api/v1/commitments"),
    ("commitments/?status=DONE", "/api/v1/commitments?status=DONE"),
    ("search/?q=data", "/api/v1/search?q=data"),
]


def _twin(page: str) -> str:
    folder, _, query = page.partition("?")
    return folder + "index.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize(("page", "api"), PAGES_WITH_API)
def test_a_page_twin_is_the_api_document(client, page: str, api: str) -> None:
    expected = client.get(api).json()
    for slug in ("zh-hant", "en"):
        twin = client.get(f"/{slug}/{_twin(page)}")
        assert twin.status_code == 200
        assert twin.headers["content-type"].startswith("application/json")
        assert twin.json() == expected
        joiner = "&" if "?" in page else "?"
        assert client.get(f"/{slug}/{page}{joiner}format=json").json() == expected


def test_every_registered_page_has_a_twin(client) -> None:
    commitment = client.get("/api/v1/commitments").json()["commitments"][0]["id"]
    ids = {"indicator": "1.1", "embed": "1.1", "commitment": commitment}
    for spec in registry.PAGES:
        assert not spec.has_arg or spec.name in ids, f"give the test an id for {spec.name}"
        folder = spec.folder.replace("{arg}", ids.get(spec.name, ""))
        url = f"/en/{folder}/index.json" if folder else "/en/index.json"
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.json(), url
    methodology = client.get("/zh-hant/methodology/index.json").json()
    assert set(methodology["content"]) == {"zh-Hant", "en"}
    assert methodology["content"]["en"] != methodology["content"]["zh-Hant"]
    page = client.get(f"/en/commitments/{commitment}/index.json").json()
    assert page["commitment"]["id"] == commitment


def test_twins_follow_as_of_and_refuse_unknown_ids_as_json(client) -> None:
    early = client.get("/en/indicators/1.1/index.json?as_of=2023-01-31").json()
    assert early == client.get("/api/v1/indicators/1.1?as_of=2023-01-31").json()
    assert early["as_of"] == "2023-01-31"
    missing = client.get("/en/indicators/9.9/index.json")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    bad = client.get("/en/plan/index.json?as_of=someday")
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "bad_parameter"


def test_an_api_only_document_is_the_registry_builders_data(app, client) -> None:
    """The server answers an API-only document with what its registry entry builds (the same
    data the static site writes), through the one cache: asked twice, built once."""
    ws = app.state.ws
    for document in registry.DOCUMENTS:
        if document.page is not None:
            continue
        arg = next(iter(document.args(ws)))
        url = f"/api/v1/{document.kind}" + (f"/{arg}" if arg else "")
        data = document.data(ws, arg)
        assert client.get(url).json() == models.page_json(document.model, data), url
        assert document.data(ws, arg) is data, url
