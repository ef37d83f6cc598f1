"""Every text of a plan is written in every language the plan declares (``plan.yaml``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.text import Text, UnitText
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.problems import ItemIndex, location

Path = tuple[str | int, ...]
_SKIP = {"evidence", "nodes"}  # evidence lives in evidence.csv; nodes are walked one by one


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, Text]]:
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name not in _SKIP:
                yield from _texts(getattr(value, name), (*path, field.alias or name))
    elif isinstance(value, list | tuple):
        for position, item in enumerate(value):
            yield from _texts(item, (*path, position))


def _missing(file: str, where: str, path: Path, text: Text, langs: list[str]) -> list[Problem]:
    if isinstance(text, UnitText) and not text.languages():
        return []
    suffix = location(path)
    at = f"{where}.{suffix}" if where and suffix else where or suffix
    return [
        Problem(file, f"{at}.{lang}", "is required but missing")
        for lang in langs
        if not text.has(lang)
    ]


def _items(
    file: str, key: str, items: list[Any], langs: list[str], index: ItemIndex
) -> list[Problem]:
    problems: list[Problem] = []
    for item in items:
        where = index.where(key, item.id)
        for path, text in _texts(item, ()):
            problems += _missing(file, where, path, text, langs)
    return problems


def check_languages(plan: Plan, index: ItemIndex) -> list[Problem]:
    """A problem for each text that lacks one of the plan's languages."""
    langs = plan.header.languages
    problems = [
        p
        for path, text in _texts(plan.header, ())
        for p in _missing("plan.yaml", "", path, text, langs)
    ]
    problems += _items("plan.yaml", "nodes", plan.header.nodes, langs, index)
    problems += _items("series.yaml", "series", plan.series, langs, index)
    problems += _items("indicators.yaml", "indicators", plan.indicators, langs, index)
    problems += _items("commitments.yaml", "commitments", plan.commitments, langs, index)
    return problems
