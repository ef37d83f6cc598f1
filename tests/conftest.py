"""Shared fixtures: a temporary data folder, the mini plan, and a CLI runner."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
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


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the settings at an empty data folder for this test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(folder))
    monkeypatch.delenv("BLUEPRINT_DATABASE_URL", raising=False)
    monkeypatch.delenv("BLUEPRINT_PLAN", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
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
    from blueprint_tracker.cli.app import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
