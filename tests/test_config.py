"""Settings come from BLUEPRINT_ variables; importing the package does no work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint_tracker.config import BUNDLED_PLANS, Settings


def test_defaults_need_no_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BLUEPRINT_DATA_DIR", "BLUEPRINT_DATABASE_URL", "BLUEPRINT_PLAN"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.resolved_database_url().startswith("sqlite:///")
    assert settings.resolved_database_url().endswith("blueprint.sqlite3")
    assert settings.plan_path() == BUNDLED_PLANS / "hk-itb-2022"


def test_environment_variables(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path))
    assert Settings().resolved_database_url() == f"sqlite:///{tmp_path / 'blueprint.sqlite3'}"
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert Settings().resolved_database_url() == "postgresql+psycopg://u@h/db"


def test_importing_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = (
        "import blueprint_tracker, blueprint_tracker.main.app, blueprint_tracker.services."
        "workspace, blueprint_tracker.store.observations"
    )
    env = {"BLUEPRINT_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    if "PYTHONPATH" in os.environ:  # the checkout under test, not the installed one
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not data.exists()
    assert not any(tmp_path.iterdir()) or list(tmp_path.iterdir()) == []


def test_first_run_creates_the_database_under_the_data_dir(data_dir: Path, cli) -> None:
    assert cli("indicators", "--json").code == 0
    assert (data_dir / "blueprint.sqlite3").is_file()


def test_given_values_beat_the_environment_and_variables_are_parsed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BLUEPRINT_PLAN", str(tmp_path))
    monkeypatch.setenv("BLUEPRINT_SERVER_MODE", "true")
    monkeypatch.setenv("BLUEPRINT_PASSWORD_PROFILE", "CHEAPEST")
    settings = Settings()
    assert settings.plan_path() == tmp_path
    assert settings.server_mode is True and settings.password_profile == "CHEAPEST"
    assert Settings(plan="hk-itb-2022", server_mode=False).server_mode is False
    assert Settings(plan="hk-itb-2022").plan_path() == BUNDLED_PLANS / "hk-itb-2022"
    monkeypatch.setenv("BLUEPRINT_PASSWORD_PROFILE", "WEAKEST")
    with pytest.raises(ValueError, match="password_profile"):
        Settings()
