"""An Open SDG repository imported as a plan folder, selected as the workspace's plan."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1] / "fixtures" / "opensdg" / "repo"
RELEASED = "2025-06-30"
SOURCE_URL = "https://stats.example.org/sdg"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the fixture repository (tests may break it)."""
    folder = tmp_path / "repo"
    shutil.copytree(REPO, folder)
    return folder


@pytest.fixture
def imported(repo: Path, tmp_path: Path, data_dir: Path, cli: Callable, monkeypatch) -> Path:
    """The fixture repository imported and selected as the plan."""
    plan = tmp_path / "plan"
    result = cli(
        "opensdg", "import", str(repo), "--to", str(plan), "--release-date", RELEASED,
        "--source-url", SOURCE_URL,
    )  # fmt: skip
    assert result.code == 0, result.err + result.out
    monkeypatch.setenv("BLUEPRINT_PLAN", str(plan))
    return plan
