"""The wheel ships the bundled plan, its data, the migrations, the templates, static assets and
content of the presentation layer, and the catalogues (package data)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from blueprint_tracker import __version__

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_contains_the_plan_data_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("blueprint_tracker-*.whl")
    assert wheel.name.startswith(f"blueprint_tracker-{__version__}-")  # one version, the package's
    names = set(zipfile.ZipFile(wheel).namelist())
    plan = "blueprint_tracker/plans/hk-itb-2022/"
    for name in ("plan.yaml", "series.yaml", "indicators.yaml", "commitments.yaml",
                 "evidence.csv", "observations.csv", "notes/data-notes.en.md",
                 "notes/data-notes.zh-Hant.md", "translations/zh-Hant.yaml"):  # fmt: skip
        assert plan + name in names
    assert "blueprint_tracker/store/migrations/env.py" in names
    assert any(n.startswith("blueprint_tracker/store/migrations/versions/0001") for n in names)
    present = "blueprint_tracker/present/"
    for name in ("templates/base.html", "templates/indicator.html", "static/site.css",
                 "static/site.js", "static/print.css", "content/methodology.md",
                 "content/methodology.zh-Hant.md"):  # fmt: skip
        assert present + name in names
    assert "blueprint_tracker/i18n/locale/zh_Hant_HK/LC_MESSAGES/messages.po" in names
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    # the program is built by the composition root, which alone knows cli, web and export
    assert "blueprint = blueprint_tracker.main.app:run" in scripts
    assert "blueprint_tracker/main/app.py" in names and "blueprint_tracker/__main__.py" in names
