"""Problems found in a table: collected (up to a limit), then raised together."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint_tracker.errors import Problem, TableRejectedError

MAX_LISTED = 20


@dataclass
class TableProblems:
    """Every problem of the current chunk; :meth:`raise_if_any` raises them as one error."""

    file: str = "table"
    found: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, problem: Problem, *, fatal: bool = False) -> None:
        if len(self.found) < MAX_LISTED:
            self.found.append(problem)
        else:
            self.more += 1
        if fatal:
            self.raise_if_any()

    def extend(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def raise_if_any(self) -> None:
        if not self.found:
            return
        listed = list(self.found)
        extra = f" (the first {len(listed)} are listed)" if self.more else ""
        count = len(listed) + self.more
        summary = f"{self.file}: {count} problem{'s' if count != 1 else ''} in the table{extra}"
        raise TableRejectedError(summary, listed)
