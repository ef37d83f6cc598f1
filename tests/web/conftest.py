"""Web fixtures: one app per module on a temporary data folder with the bundled plan."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    axe_source,
    free_port,
    running,
    serve_command,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def asset_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache folder for the generated Vega bundle for the whole run."""
    previous = os.environ.get("BLUEPRINT_CACHE_DIR")
    folder = Path(previous) if previous else tmp_path_factory.mktemp("asset-cache")
    os.environ["BLUEPRINT_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("BLUEPRINT_CACHE_DIR", None)


@pytest.fixture(scope="module")
def web_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web-data")


@pytest.fixture(scope="module")
def app(web_data_dir: Path):  # type: ignore[no-untyped-def]
    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    return create_app(Settings(data_dir=web_data_dir, plan="hk-itb-2022"))


@pytest.fixture(scope="module")
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


# --- the browser tests' server, browser and axe (shared by the browser test modules) ----------


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, asset_cache: Path) -> dict[str, str]:
    variables = dict(os.environ)
    variables["BLUEPRINT_DATA_DIR"] = str(tmp_path_factory.mktemp("serve-data"))
    variables["BLUEPRINT_CACHE_DIR"] = str(asset_cache)
    variables.pop("BLUEPRINT_DATABASE_URL", None)
    variables["BLUEPRINT_PLAN"] = "hk-itb-2022"
    return variables


@pytest.fixture(scope="module")
def server(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(serve_command(port), f"{base}/zh-hant/", env):
        httpx.get(f"{base}/static/vendor/vega-bundle.js", timeout=120)  # warm the bundle
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def axe() -> str:
    source = axe_source()
    if source is None:
        pytest.skip("axe-core could not be installed with npm")
    return source
