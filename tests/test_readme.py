"""The README's commands work as written."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands(name: str) -> list[list[str]]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [
        shlex.split(line.partition("#")[0])[1:]
        for line in lines
        if line.startswith(f"blueprint {name} ")
    ]


def test_the_readme_import_command_works_from_the_checkout(
    data_dir: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    [command] = _readme_commands("import")
    monkeypatch.chdir(ROOT)
    result = cli(*command, "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["rows_read"] > 0
    # the example's figures are real ones the bundled plan already holds
    assert report["rows_already_stored"] == report["rows_read"]


def test_the_readme_documents_every_exit_code() -> None:
    from blueprint_tracker import errors

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.BlueprintError)
    }
    for code in sorted(codes | {0, 2}):
        assert f"\n| {code} |" in readme, code
