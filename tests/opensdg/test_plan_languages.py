"""Plan languages from data: an en/es plan is served in English and Spanish; Spanish has no
interface catalogue, so its pages show English interface words with the plan's Spanish text
and say so. The Hong Kong plan keeps its two catalogued languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(imported: Path, tmp_path: Path) -> Iterator[TestClient]:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    app = create_app(Settings(data_dir=tmp_path / "web", plan=str(imported)))
    with TestClient(app) as test_client:
        yield test_client


NOTICE = "The interface words on this page are in English"


def test_a_plan_language_without_a_catalogue_shows_plan_text_and_says_so(client) -> None:
    page = client.get("/es/indicators/3.2.1/")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="es">' in html
    assert "Tasa de mortalidad infantil" in html  # the plan's own text, in Spanish
    assert "Desired direction" in html  # interface words fall back to English
    assert NOTICE in html and "translated into Español" in html


def test_a_catalogued_plan_language_has_no_notice_and_the_switch_offers_the_plan_languages(
    client,
) -> None:
    html = client.get("/en/").text
    assert NOTICE not in html
    assert "Child mortality rate" in client.get("/en/indicators/3.2.1/").text
    assert 'hreflang="es" data-lang-switch>Español</a>' in html
    assert "data-lang-switch>中文" not in html


def test_only_the_plan_languages_are_served(client) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/en/"
    assert client.get("/zh-hant/").status_code == 404
    assert client.get("/fr/").status_code == 404


def test_the_static_site_has_a_folder_per_plan_language(imported: Path, tmp_path: Path) -> None:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.export.site import build_site
    from blueprint_tracker.services.workspace import open_workspace

    ws = open_workspace(Settings(data_dir=tmp_path / "site-data", plan=str(imported)))
    out = tmp_path / "site"
    build_site(ws, out, publications=False)
    assert (out / "es" / "index.html").exists() and (out / "en" / "index.html").exists()
    assert not (out / "zh-hant").exists()
    root = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="es/index.html"' in root and ">Español</a>" in root
    page = (out / "es" / "indicators" / "1.2.1" / "index.html").read_text(encoding="utf-8")
    assert 'id="breakdown-form"' in page and "static/breakdowns.js" in page
    assert (out / "static" / "breakdowns.js").exists()


def test_units_follow_the_number_with_a_space_outside_chinese() -> None:
    from blueprint_tracker.domain.text import with_unit

    assert with_unit("95", "index", "es") == "95 index"
    assert with_unit("95", "%", "es") == "95%"
    assert with_unit("5,000", "港元", "zh-Hant") == "5,000港元"
    assert with_unit("5,000", "HK$", "en") == "HK$5,000"


def test_the_cli_speaks_the_plan_languages(imported: Path, cli) -> None:
    result = cli("status", "--lang", "es")
    assert result.code == 0, result.err
    assert "Tasa de mortalidad infantil" in result.out  # plan text in Spanish
    assert "Target achieved" in result.out  # interface words in English
    wrong = cli("status", "--lang", "fr")
    assert wrong.code == 2 and "use one of en, es" in wrong.err


def test_validate_names_a_text_missing_a_plan_language(imported: Path, cli) -> None:
    import yaml

    path = imported / "indicators.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    del document["indicators"][3]["name"]["es"]
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    result = cli("validate")
    assert result.code == 1
    assert "indicators.yaml: indicators[3] (id 3.2.1).name.es: is required but missing" in (
        result.out + result.err
    )
