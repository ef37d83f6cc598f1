"""The composition root: one ``blueprint`` program from the CLI's commands, the server and the
file builders (which never import each other)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.web.server import listen_url

RANDOM_KEY = "Xq3v9LmT2pW8rZk4Yb7Nf1Hs6Dc0Gj5Ae"


def test_help_lists_the_cli_commands_and_the_front_ends_in_one_program(cli) -> None:
    listed = cli("--help")
    assert listed.code == 0
    commands = re.findall(r"^\W (\S+) {2,}\S", listed.out, re.MULTILINE)
    for command in ("plan", "indicators", "status", "report", "serve", "build-site", "opensdg"):
        assert command in commands, (command, commands)
    assert commands.index("audit") < commands.index("serve") < commands.index("report")


def test_serve_in_server_mode_without_a_good_key_stops_before_opening_the_store(
    data_dir: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEPRINT_SERVER_MODE", "1")
    for key in ("", "short", "change-me" * 4):
        monkeypatch.setenv("BLUEPRINT_SECRET_KEY", key)
        refused = cli("serve", "--port", "0")
        assert refused.code == 3, refused.err
        assert "server mode cannot start" in refused.err and "token_urlsafe" in refused.err
        assert "BLUEPRINT_SECRET_KEY" in refused.err
    assert not (data_dir / "blueprint.sqlite3").exists()


def test_the_secret_key_check_belongs_to_the_settings() -> None:
    assert Settings(secret_key=None).secret_key_problem() == "BLUEPRINT_SECRET_KEY is not set"
    assert "at least 32" in (Settings(secret_key="k" * 10).secret_key_problem() or "")
    assert "placeholder" in (Settings(secret_key="x" * 40).secret_key_problem() or "")
    assert Settings(secret_key=RANDOM_KEY).secret_key_problem() is None


def test_listen_url_names_an_address_a_browser_can_open() -> None:
    assert listen_url("0.0.0.0", 8000) == "http://127.0.0.1:8000/"
    assert listen_url("::", 80) == "http://[::1]:80/"
    assert listen_url("::1", 8080) == "http://[::1]:8080/"
    assert listen_url("example.org", 8000) == "http://example.org:8000/"


def test_python_dash_m_runs_the_same_program(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "blueprint_tracker", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "build-site" in done.stdout and "serve" in done.stdout


def test_build_site_writes_the_static_site_through_the_export_front_end(
    mini_plan: Path, cli, tmp_path: Path
) -> None:
    folder = tmp_path / "site"
    built = cli("build-site", str(folder), "--no-reports", "--json")
    assert built.code == 0, built.err
    summary = json.loads(built.out)
    assert summary["pages"] > 0 and summary["directory"] == str(folder)
    assert (folder / "en" / "index.html").is_file() and (folder / "en" / "index.json").is_file()


def test_build_site_refuses_a_base_url_that_is_not_http_and_writes_nothing(
    mini_plan: Path, cli, tmp_path: Path
) -> None:
    refused = cli("build-site", str(tmp_path / "site"), "--base-url", "ftp://example.org/")
    assert refused.code == 2 and "--base-url" in refused.err
    assert not (tmp_path / "site").exists()


def test_a_script_installed_before_the_composition_root_says_how_to_update(data_dir) -> None:
    old_script = "import sys; from blueprint_tracker.cli.app import run; sys.exit(run())"
    done = subprocess.run(
        [sys.executable, "-c", old_script, "status", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "python3 -m blueprint_tracker status --json" in done.stderr
