"""The plan's structure: levels, nodes, vision, mission and development goals."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from blueprint_tracker.domain.assessment import HeadlineRule
from blueprint_tracker.domain.commitment import Commitment
from blueprint_tracker.domain.indicator import Indicator, SeriesDef
from blueprint_tracker.domain.text import LANG_TAG, Text
from blueprint_tracker.domain.web_address import OptionalWebAddress

ID_PATTERN = r"^[a-z0-9][a-z0-9.\-]*$"
ID_RE = re.compile(ID_PATTERN)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Level(_Model):
    id: str = Field(pattern=ID_PATTERN)
    name: Text


class MissionItem(_Model):
    id: str = Field(pattern=ID_PATTERN)
    text: Text


class DevelopmentGoal(_Model):
    id: str = Field(pattern=ID_PATTERN)
    year: int = Field(ge=1900, le=2200)
    text: Text


class Node(_Model):
    id: str = Field(pattern=ID_PATTERN)
    level: str
    parent: str | None = None
    ref: str = ""
    title: Text
    body: Text | None = None


class PlanHeader(_Model):
    """What ``plan.yaml`` says of the plan itself (everything but the other files)."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    publisher: Text
    published: dt.date
    source_url: OptionalWebAddress = ""
    baseline_year: int = Field(ge=1900, le=2200)
    headline: HeadlineRule = Field(default_factory=HeadlineRule)
    #: the plan's languages, the source first (a plan folder that declares none: the language
    #: table's, ``i18n.KEYS``)
    languages: list[str] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)
    vision: Text
    mission: list[MissionItem] = Field(default_factory=list)
    development_goals: list[DevelopmentGoal] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    #: agency names as observations store them -> the name in each language (agencies.yaml)
    agencies: dict[str, Text] = Field(default_factory=dict)
    #: plan text catalogues (translations/<lang>.yaml): language -> {text as stored -> words}
    translations: dict[str, dict[str, str]] = Field(default_factory=dict)

    @field_validator("languages")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        bad = [tag for tag in value if not LANG_TAG.match(tag)]
        if bad:
            raise ValueError(f"not language tags: {', '.join(bad)}")
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value


class Plan(_Model):
    """A whole plan: header, tree, series, indicators and commitments."""

    header: PlanHeader
    series: list[SeriesDef] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.header.id

    def level_ids(self) -> list[str]:
        return [level.id for level in self.header.levels]

    def nodes_by_id(self) -> dict[str, Node]:
        return {node.id: node for node in self.header.nodes}

    def children(self, node_id: str | None) -> list[Node]:
        return [node for node in self.header.nodes if node.parent == node_id]

    def ancestors(self, node_id: str) -> list[Node]:
        """The chain of parents of a node, nearest first."""
        index = self.nodes_by_id()
        chain: list[Node] = []
        current = index.get(node_id)
        while current is not None and current.parent is not None:
            parent = index.get(current.parent)
            if parent is None or parent in chain:
                break
            chain.append(parent)
            current = parent
        return chain

    def count_by_level(self) -> dict[str, int]:
        counts = {level: 0 for level in self.level_ids()}
        for node in self.header.nodes:
            counts[node.level] = counts.get(node.level, 0) + 1
        return counts

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def commitment(self, commitment_id: str) -> Commitment | None:
        return next((c for c in self.commitments if c.id == commitment_id), None)

    def series_def(self, series_id: str) -> SeriesDef | None:
        return next((s for s in self.series if s.id == series_id), None)
