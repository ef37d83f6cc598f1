"""Settings from environment variables prefixed ``BLUEPRINT_``; nothing is read at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_path
from pydantic import BaseModel, ConfigDict, Field, model_validator

BUNDLED_PLANS = Path(__file__).parent / "plans"
DEFAULT_PLAN = "hk-itb-2022"
ENV_PREFIX = "BLUEPRINT_"
MIN_SECRET_KEY = 32
#: words of placeholder keys that must never protect a real server (e.g. "change-me")
PLACEHOLDER_WORDS = ("changeme", "change-me", "change_me", "example", "default", "placeholder")
MIN_DISTINCT = 10  # a random 32-character key has about 25 different characters


def _default_data_dir() -> Path:
    return user_data_path("blueprint-tracker", appauthor=False)


class Settings(BaseModel):
    """Where the data lives and which plan is served.

    ``BLUEPRINT_DATA_DIR`` holds the default SQLite file; ``BLUEPRINT_DATABASE_URL`` overrides it
    (e.g. ``postgresql+psycopg://user@host/db``); ``BLUEPRINT_PLAN`` is a bundled plan id or a
    path to a plan folder.
    """

    model_config = ConfigDict(extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    plan: str = DEFAULT_PLAN
    lang: str = ""  # BLUEPRINT_LANG; empty: the plan's first language
    # Server mode: accounts, editing and review in the browser. It needs a secret key of
    # at least 32 characters (BLUEPRINT_SECRET_KEY); the server refuses to start without one.
    server_mode: bool = False
    secret_key: str | None = None
    # argon2 parameters: RFC 9106's low-memory profile; "cheapest" is for test suites only
    password_profile: Literal["RFC_9106_LOW_MEMORY", "CHEAPEST"] = "RFC_9106_LOW_MEMORY"

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, data: Any) -> Any:
        """A field not given is read from ``BLUEPRINT_<FIELD>`` (in any case), when the
        settings are made, never at import. (A plain model, not pydantic-settings: that package
        alone costs every CLI command ~35 ms of imports.)"""
        given = dict(data) if isinstance(data, Mapping) else {}
        environment = {
            key.upper(): value
            for key, value in os.environ.items()
            if key.upper().startswith(ENV_PREFIX)
        }
        for name in cls.model_fields:
            key = f"{ENV_PREFIX}{name.upper()}"
            if name not in given and key in environment:
                given[name] = environment[key]
        return given

    def secret_key_problem(self) -> str | None:
        """Why the secret key cannot protect a server (None when it can); checked by the
        server before it starts and by the web application it builds."""
        key = self.secret_key or ""
        if not key:
            return "BLUEPRINT_SECRET_KEY is not set"
        if len(key) < MIN_SECRET_KEY:
            return (
                f"BLUEPRINT_SECRET_KEY has {len(key)} characters; it needs at least "
                f"{MIN_SECRET_KEY}"
            )
        if any(word in key.lower() for word in PLACEHOLDER_WORDS) or len(set(key)) < MIN_DISTINCT:
            return "BLUEPRINT_SECRET_KEY is a placeholder or too repetitive; generate a random one"
        return None

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'blueprint.sqlite3'}"

    def plan_path(self) -> Path:
        candidate = Path(self.plan)
        if candidate.is_dir():
            return candidate
        return BUNDLED_PLANS / self.plan
