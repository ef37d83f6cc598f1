"""Read a YAML file into plain data, reporting a syntax error with its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from blueprint_tracker.errors import Problem

# libyaml's loader when PyYAML was built with it: the same documents, several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """The document in ``path`` (None if absent or broken) and the problems found reading it."""
    if not path.exists():
        return None, [Problem(path.name, "", "file is missing")]
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER), []
    except UnicodeDecodeError as exc:
        return None, [Problem(path.name, "", f"not UTF-8 text ({exc.reason})")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(path.name, where, f"YAML syntax error: {reason}")]


def as_text_scalar(value: Any) -> Any:
    """YAML reads ``2023`` as an int and ``2024-06-30`` as a date; a due date is text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value
