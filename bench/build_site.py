"""Static site build time: every page in both languages, the JSON and the downloads.

Usage: python bench/build_site.py [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from blueprint_tracker.config import Settings
from blueprint_tracker.export.site import build_site
from blueprint_tracker.present.assets import vega_bundle
from blueprint_tracker.services.workspace import open_workspace


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as folder:
        ws = open_workspace(Settings(data_dir=Path(folder) / "data"))
        start = time.perf_counter()
        vega_bundle()
        bundle = time.perf_counter() - start
        start = time.perf_counter()
        result = build_site(ws, Path(folder) / "site", args.as_of)
        elapsed = time.perf_counter() - start
        files = sum(1 for p in (Path(folder) / "site").rglob("*") if p.is_file())
        print(
            f"built {result['pages']} pages + {result['files']} data files ({files} files) "
            f"in {elapsed:.2f} s (Vega bundle ready in {bundle:.2f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
