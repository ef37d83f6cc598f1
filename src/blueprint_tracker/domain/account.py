"""People who edit and review, and what each role may do."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Role(StrEnum):
    """Roles in increasing power: each may do what the ones before it may."""

    VIEWER = "viewer"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


class User(BaseModel):
    """An account (never with its password hash)."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str = Field(pattern=r"^[A-Za-z0-9_.@-]{2,64}$")
    role: Role
    disabled: bool = False
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
