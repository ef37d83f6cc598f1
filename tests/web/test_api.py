"""The JSON API: every endpoint, unknown ids, bad parameters, one error shape, as-of views."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from blueprint_tracker.present import registry

ENDPOINTS = [
    "/api/v1/plan",
    "/api/v1/overview",
    "/api/v1/nodes/s1",
    "/api/v1/indicators",
    "/api/v1/indicators/1.1",
    "/api/v1/commitments",
    "/api/v1/sources",
    "/api/v1/search?q=creative",
    "/api/v1/updates",
    "/api/v1/statuses",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_answers_json(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()


def test_plan_has_the_tree_and_rollups(client) -> None:
    data = client.get("/api/v1/plan").json()
    assert data["counts"] == {"direction": 4, "strategy": 8, "goal": 16, "recommendation": 42}
    ids = {n["id"] for n in data["nodes"]}
    assert {"d1", "s1", "s8"} <= ids
    s1 = next(n for n in data["nodes"] if n["id"] == "s1")
    assert {"commitments", "indicators", "rollup"} <= set(s1)


def test_node_links_indicators_and_commitments(client) -> None:
    data = client.get("/api/v1/nodes/s1").json()
    assert data["id"] == "s1"
    assert "1.1" in data["indicators"]


def test_indicator_has_series_vintages_and_values(client) -> None:
    data = client.get("/api/v1/indicators/1.1").json()
    indicator = data["indicator"]
    assert indicator["id"] == "1.1"
    assert indicator["values"] and indicator["latest"]["year"] >= 2022
    assert {s["id"] for s in data["series"]} >= {"gerd", "gdp_current"}
    assert all("release_date" in v and "source" in v for v in data["vintages"])
    assert data["target_path"][-1] == {"year": 2030, "value": 2.0}


def test_indicator_has_assessments_when_the_status_service_exists(client) -> None:
    data = client.get("/api/v1/indicators/1.1").json()
    if not data["has_status"]:
        pytest.skip("services.status is not installed")
    statuses = data["indicator"]["statuses"]
    assert [m["year"] for m in statuses] == [2025, 2030]
    assert {"eurostat", "statcan", "escap", "trend"} <= set(statuses[0]["assessments"])
    assert statuses[0]["headline"]


def test_as_of_shows_what_was_known_then(client) -> None:
    today = client.get("/api/v1/indicators/1.1").json()["indicator"]["latest"]
    then = client.get("/api/v1/indicators/1.1?as_of=2023-06-30").json()["indicator"]["latest"]
    assert then["year"] < today["year"]
    assert then["released"] <= "2023-06-30"


def test_commitment_filters(client) -> None:
    everything = client.get("/api/v1/commitments").json()
    assert everything["total"] == len(everything["commitments"]) > 10
    year = everything["options"]["due_years"][0]
    by_year = client.get(f"/api/v1/commitments?due_year={year}").json()["commitments"]
    assert by_year and all(c["due_year"] == year for c in by_year)
    under = client.get("/api/v1/commitments?under=s1").json()["commitments"]
    assert under and all("s1" in c["path"] for c in under)
    if everything["has_status"]:
        status = everything["options"]["statuses"][0]
        rows = client.get(f"/api/v1/commitments?status={status}").json()["commitments"]
        assert rows and all(c["status"] == status for c in rows)


def test_commitment_status_filter_declares_its_codes(client) -> None:
    """The OpenAPI document lists the status codes the filter accepts, so a client (and the
    schemathesis test) knows a code outside them is refused."""
    spec = client.get("/api/v1/openapi.json").json()
    params = spec["paths"]["/api/v1/commitments"]["get"]["parameters"]
    status = next(p for p in params if p["name"] == "status")
    ref = next(s["$ref"] for s in status["schema"]["anyOf"] if "$ref" in s)
    codes = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]["enum"]
    assert {"DONE", "OVERDUE", "NOT_PURSUED", "MODIFIED"} <= set(codes)
    wrong = client.get("/api/v1/commitments?status=FINISHED")
    assert wrong.status_code == 422 and "status" in wrong.text


def test_sources_list_each_publication(client) -> None:
    sources = client.get("/api/v1/sources").json()["sources"]
    assert sources and all(s["url"] and s["figures"] > 0 for s in sources)


def test_search_finds_chinese_substrings(client) -> None:
    data = client.get("/api/v1/search", params={"q": "研發"}).json()
    assert data["total"] > 0
    assert any(r["kind"] == "indicator" and r["id"] == "1.1" for r in data["results"])
    english = client.get("/api/v1/search", params={"q": "GERD per capita"}).json()
    assert any(r["id"] == "1.2" for r in english["results"])


@pytest.mark.parametrize(
    "url",
    ["/api/v1/indicators/9.9", "/api/v1/nodes/nope", "/api/v1/commitments?under=nope"],
)
def test_unknown_ids_are_404_with_one_error_shape(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/indicators?as_of=2023-13-01",
        "/api/v1/plan?as_of=yesterday",
        "/api/v1/commitments?due_year=abc",
        "/api/v1/search",
        "/api/v1/search?q=",
    ],
)
def test_bad_parameters_are_422_with_one_error_shape(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "bad_parameter"
    assert body["error"]["message"]


def test_unknown_api_path_is_404_json(client) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_openapi_document(client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    paths = set(doc["paths"])
    assert {
        "/api/v1/plan",
        "/api/v1/nodes/{node_id}",
        "/api/v1/indicators",
        "/api/v1/indicators/{indicator_id}",
        "/api/v1/commitments",
        "/api/v1/sources",
        "/api/v1/search",
    } <= paths
    assert not any(p.startswith("/en") or p.startswith("/{slug}") for p in paths)
    error = doc["paths"]["/api/v1/indicators/{indicator_id}"]["get"]["responses"]["404"]
    assert "ErrorBody" in str(error)



def _resolve(doc: dict, schema: dict) -> dict:
    ref = schema.get("$ref", "")
    return doc["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema


def _open_objects(node: Any, where: str) -> Iterator[str]:
    """Places in a schema where an object says nothing of its content: neither properties nor
    a schema for its values (a typed map such as status -> count is fine)."""
    if isinstance(node, dict):
        described = node.get("properties") or isinstance(node.get("additionalProperties"), dict)
        if node.get("type") == "object" and not described:
            yield where
        for key, value in node.items():
            yield from _open_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _open_objects(value, f"{where}[{index}]")


def test_every_response_has_a_named_schema_with_properties(client) -> None:
    """Every response of every endpoint (the body and the error shapes) is a named object
    schema that lists its fields and refuses others, and so are the objects inside it (no open
    ``object`` anywhere in the document)."""
    doc = client.get("/api/v1/openapi.json").json()
    assert len(doc["paths"]) >= 10
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            assert operation["responses"], (method, path)
            for code, response in operation["responses"].items():
                schema = response["content"]["application/json"]["schema"]
                assert "$ref" in schema, (path, code)
                body = _resolve(doc, schema)
                assert body["type"] == "object" and body["properties"], (path, code)
                if code == "200":
                    assert body["additionalProperties"] is False, path
    assert list(_open_objects(doc, "")) == []
    page = doc["components"]["schemas"]["IndicatorPage"]
    card = _resolve(doc, page["properties"]["indicator"])
    assert {"id", "name", "values", "statuses", "stale"} <= set(card["properties"])
    value = _resolve(doc, card["properties"]["values"]["items"])
    assert {"year", "value", "released", "inputs"} <= set(value["properties"])
    reading = _resolve(doc, page["properties"]["progress"]["items"])
    assert {"series", "breakdown", "target", "assessments"} <= set(reading["properties"])


def test_the_api_serves_exactly_the_documents_the_registry_declares(client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    served = {}
    for path, operations in doc["paths"].items():
        schema = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        declared_path = re.sub(r"\{\w+\}", "{arg}", path.removeprefix("/api/v1/"))
        served[declared_path] = schema["$ref"].rsplit("/", 1)[-1]
    assert served == {d.path: d.model.__name__ for d in registry.DOCUMENTS}
    for document in registry.DOCUMENTS:
        if document.page is not None:  # a page's API document is its data, of its type
            assert registry.page(document.page).model is document.model, document.path


def test_downloads(client) -> None:
    csv_text = client.get("/downloads/indicators/1.1.csv").text
    assert csv_text.splitlines()[0].startswith("indicator,year,value")
    assert client.get("/downloads/observations.csv").text.startswith("series,period,value")
    assert client.get("/downloads/commitments.csv").status_code == 200
    assert client.get("/downloads/indicators/9.9.csv").status_code == 404


def test_updates_are_the_feed_as_json_and_follow_as_of(client) -> None:
    early = client.get("/api/v1/updates?as_of=2026-03-31").json()
    assert (early["since"], early["until"]) == ("2025-03-31", "2026-03-31")
    assert any(e.get("indicator") == "2.1" and e["year"] == 2025 for e in early["entries"])
    before = client.get("/api/v1/updates?as_of=2026-01-25").json()
    assert not any(e.get("indicator") == "2.1" and e["year"] == 2025 for e in before["entries"])


def test_statuses_give_each_code_the_words_and_tone_the_pages_show(client) -> None:
    vocabulary = client.get("/api/v1/statuses").json()
    by_code = {word["code"]: word for word in vocabulary["statuses"]}
    assert by_code["REVERSE"] == {
        "code": "REVERSE", "kind": "assessment", "icon": "▼", "tone": "bad",
        "label": {"zh-Hant": "需要扭轉趨勢", "en": "Trend needs reversing"},
    }  # fmt: skip
    assert by_code["NO_EVIDENCE"]["kind"] == "commitment"
    assert by_code["MOVING_AWAY"]["tone"] == by_code["TARGET_MISSED"]["tone"] == "bad"
    assert vocabulary["not_assessed"]["label"]["en"] == "Not assessed"
    # the same word as the explanation and the page's badge
    page = client.get("/zh-hant/").text
    assert all(word["label"]["zh-Hant"] for word in vocabulary["statuses"])
    shown = [w for w in vocabulary["statuses"] if f'data-status="{w["code"]}"' in page]
    assert shown and all(w["label"]["zh-Hant"] in page for w in shown)
