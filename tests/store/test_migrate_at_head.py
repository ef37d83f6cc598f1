"""Opening a store whose schema is already current does not load Alembic (CLI start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from blueprint_tracker.store.engine import MIGRATIONS, head_revision

OPEN = """
import json, sys
from blueprint_tracker.store.observations import open_store
open_store(sys.argv[1])
print(json.dumps({"alembic": "alembic" in sys.modules}))
"""


def test_the_head_read_from_the_files_is_alembics() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert [head_revision()] == ScriptDirectory.from_config(config).get_heads()


def _opened(url: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", OPEN, url],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    return bool(json.loads(done.stdout.strip().splitlines()[-1])["alembic"])


def test_a_new_store_is_migrated_and_a_current_one_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert _opened(url) is True  # empty: Alembic creates the schema
    assert _opened(url) is False  # at the head already: one query, no Alembic
