"""Turn pydantic validation errors into Problems that name the file and the path in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from blueprint_tracker.errors import Problem

M = TypeVar("M", bound=BaseModel)


def location(parts: Sequence[str | int]) -> str:
    """``("nodes", 3, "title", "en")`` → ``nodes[3].title.en``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(error: Any) -> str:
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field"
    return str(error["msg"])


def problems_from(
    exc: ValidationError, file: str, prefix: Sequence[str | int] = ()
) -> list[Problem]:
    return [
        Problem(file, location([*prefix, *error["loc"]]), _message(error)) for error in exc.errors()
    ]


@dataclass
class ItemIndex:
    """Where each item stood in its list, and the ids of items that failed validation.

    Cross-checks use it to name an item by its original position, and to stay silent about
    links to an item whose own problem has already been reported.
    """

    positions: dict[str, dict[str, int]] = field(default_factory=dict)
    invalid: dict[str, set[str]] = field(default_factory=dict)

    def where(self, key: str, item_id: str) -> str:
        position = self.positions.get(key, {}).get(item_id)
        return (
            f"{key}[{position}] (id {item_id})" if position is not None else f"{key} (id {item_id})"
        )

    def known_invalid(self, key: str, item_id: str) -> bool:
        return item_id in self.invalid.get(key, set())


def validate_items(
    model: type[M], items: Any, file: str, key: str, index: ItemIndex | None = None
) -> tuple[list[M], list[Problem]]:
    """Validate each item of a list on its own, so that one bad item hides no other problem."""
    if items is None:
        return [], []
    if not isinstance(items, list):
        return [], [Problem(file, key, "must be a list")]
    index = index if index is not None else ItemIndex()
    positions = index.positions.setdefault(key, {})
    invalid = index.invalid.setdefault(key, set())
    valid: list[M] = []
    problems: list[Problem] = []
    for position, item in enumerate(items):
        item_id = str(item["id"]) if isinstance(item, dict) and "id" in item else None
        if item_id is not None:
            positions.setdefault(item_id, position)
        try:
            valid.append(model.model_validate(item))
        except ValidationError as exc:
            if item_id is not None:
                invalid.add(item_id)
            label = f" (id {item_id})" if item_id is not None else ""
            for problem in problems_from(exc, file, (key, position)):
                where = problem.location.replace(
                    f"{key}[{position}]", f"{key}[{position}]{label}", 1
                )
                problems.append(Problem(file, where, problem.message))
    return valid, problems
