"""Migration 0007: a store written before evidence summaries were kept per plan language keeps
every stored summary (its two columns become one ``{language: words}`` value), and the stored
evidence reads back into the workspace's plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from blueprint_tracker.store.engine import MIGRATIONS

ROW = {
    "plan_id": "hk-itb-2022",
    "commitment": "c-raise-plus",
    "date": "2024-09",
    "outcome": "in_progress",
    "summary_zh": "第二輪申請於2024年9月6日展開。",
    "summary_en": "The second round opened on 6 September 2024.",
    "source_agency": "Innovation and Technology Commission",
    "source_title": "RAISe+",
    "source_url": "https://www.itf.gov.hk/",
    "release_date": dt.date(2024, 9, 6),
    "flags": "",
    "recorded_at": dt.datetime(2024, 9, 7, tzinfo=dt.UTC),
}


def _config(engine: sa.Engine, connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _to(engine: sa.Engine, revision: str, down: bool = False) -> None:
    with engine.begin() as connection:
        config = _config(engine, connection)
        (command.downgrade if down else command.upgrade)(config, revision)


def test_stored_summaries_are_copied_per_language_and_back(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    _to(engine, "0006")
    table = sa.Table("evidence", sa.MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(table), [ROW])

    _to(engine, "0007")
    with engine.connect() as conn:
        [row] = conn.execute(sa.text("SELECT * FROM evidence")).mappings().all()
    assert "summary_zh" not in row and "summary_en" not in row
    assert json.loads(row["summary"]) == {"zh-Hant": ROW["summary_zh"], "en": ROW["summary_en"]}

    _to(engine, "0006", down=True)
    with engine.connect() as conn:
        [row] = conn.execute(sa.text("SELECT * FROM evidence")).mappings().all()
    assert (row["summary_zh"], row["summary_en"]) == (ROW["summary_zh"], ROW["summary_en"])


def test_a_migrated_store_serves_its_evidence(tmp_path: Path) -> None:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.workspace import open_workspace

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'data' / 'blueprint.sqlite3'}")
    (tmp_path / "data").mkdir()
    _to(engine, "0006")
    table = sa.Table("evidence", sa.MetaData(), autoload_with=engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(table), [ROW])
    engine.dispose()

    ws = open_workspace(Settings(data_dir=tmp_path / "data"))
    found = ws.plan.commitment("c-raise-plus")
    assert found is not None
    summaries = [e.summary for e in found.evidence]
    assert any(
        s.get("zh-Hant") == ROW["summary_zh"] and s.get("en") == ROW["summary_en"]
        for s in summaries
    )
