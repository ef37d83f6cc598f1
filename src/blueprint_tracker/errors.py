"""One error hierarchy. Each boundary (CLI, API) turns these into a message once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input: where it is and why."""

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return f"{where}: {self.message}"


class BlueprintError(Exception):
    """Base of every error the application raises on purpose."""

    exit_code = 1
    code = "error"


class NotFoundError(BlueprintError):
    """An id (node, indicator, commitment, series) that does not exist."""

    exit_code = 2
    code = "not_found"


class ConfigError(BlueprintError):
    """Settings that cannot work (bad database URL, unwritable directory)."""

    exit_code = 3
    code = "config"


class ConflictError(BlueprintError):
    """Someone else changed the item first (optimistic locking); nothing was overwritten."""

    exit_code = 4
    code = "conflict"


class PermissionDeniedError(BlueprintError):
    """The user is not allowed to do this (401 when not logged in, 403 when the role is short)."""

    exit_code = 5
    code = "forbidden"

    def __init__(self, message: str, *, authenticated: bool = True) -> None:
        super().__init__(message)
        self.authenticated = authenticated


class RateLimitedError(PermissionDeniedError):
    """Too many failed logins from one client address (``scope="address"``) or with one name
    (``scope="name"``): refused until ``retry_after``."""

    code = "too_many_requests"

    def __init__(self, message: str, retry_after: object, scope: str = "address") -> None:
        super().__init__(message, authenticated=False)
        self.retry_after = retry_after
        self.scope = scope


class InputError(BlueprintError):
    """A bad argument or parameter given by the user."""

    exit_code = 2
    code = "bad_input"


@dataclass
class ProblemsError(BlueprintError):
    """Input with one or more problems; `problems` lists every one of them."""

    summary: str
    problems: list[Problem] = field(default_factory=list)
    code = "invalid"

    def __post_init__(self) -> None:
        super().__init__(self.summary)

    def __str__(self) -> str:
        lines = [self.summary, *(f"  - {p}" for p in self.problems)]
        return "\n".join(lines)


class PlanInvalidError(ProblemsError):
    """A plan folder that does not validate."""

    code = "plan_invalid"


class ImportRejectedError(ProblemsError):
    """An observation file with bad rows; nothing was written."""

    code = "import_rejected"


class TableRejectedError(ProblemsError, ValueError):
    """A table for bulk assessment with bad rows or arguments; nothing was written."""

    code = "table_rejected"
    exit_code = 2
