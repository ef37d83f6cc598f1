"""Shared fixtures: a temporary data folder, the mini plan, and a CLI runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server for the whole session (skipped only if none can be had)."""
    from tests.support.postgres import server

    try:
        with server() as url:
            yield url
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL server: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same store tests on a real SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'nested' / 'store.sqlite3'}"
        return
    from tests.support.postgres import fresh_database

    with fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the settings at an empty data folder for this test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(folder))
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)
    monkeypatch.delenv("BLUEPRINT_PLAN", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    # real argon2 hashes, with the library's cheapest parameters so that tests stay fast
    monkeypatch.setenv("BLUEPRINT_PASSWORD_PROFILE", "CHEAPEST")
    return folder


@pytest.fixture
def mini_plan(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small test plan, selected as the workspace's plan."""
    folder = tmp_path / "mini-plan"
    shutil.copytree(FIXTURES / "mini-plan", folder)
    monkeypatch.setenv("BLUEPRINT_PLAN", str(folder))
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``blueprint`` in-process through its error boundary."""
    from blueprint_tracker.main.app import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
