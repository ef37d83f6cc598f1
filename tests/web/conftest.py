"""Web fixtures: one app per module on a temporary data folder with the bundled plan."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
