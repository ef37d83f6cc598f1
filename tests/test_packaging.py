"""The wheel ships the bundled plan, its data and the migrations (package data)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_contains_the_plan_data_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("blueprint_tracker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    plan = "blueprint_tracker/plans/hk-itb-2022/"
    for name in ("plan.yaml", "series.yaml", "indicators.yaml", "commitments.yaml",
                 "evidence.csv", "observations.csv", "notes/data-notes.en.md",
                 "notes/data-notes.zh-Hant.md"):  # fmt: skip
        assert plan + name in names
    assert "blueprint_tracker/store/migrations/env.py" in names
    assert any(n.startswith("blueprint_tracker/store/migrations/versions/0001") for n in names)
