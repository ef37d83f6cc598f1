"""An Open SDG data repository as a plan: goals → targets → indicators, series, progress."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from blueprint_tracker.domain.indicator import (
    Indicator,
    Milestone,
    ProgressSetting,
    SeriesDef,
)
from blueprint_tracker.domain.plan import Level, Node, Plan, PlanHeader
from blueprint_tracker.domain.series import Observation, Source
from blueprint_tracker.domain.text import Text, UnitText
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.opensdg import layout
from blueprint_tracker.formats.opensdg.read_repository import IndicatorFile, Repository, Row

LEVEL_WORDS = {"goal": "Goal", "target": "Target", "indicator": "Indicator"}
KEY_RE = re.compile(r"^[A-Za-z_]+\.[\w-]+$")


@dataclass(frozen=True)
class ImportOptions:
    plan_id: str
    title: str
    publisher: str
    release_date: dt.date
    source_url: str


@dataclass
class Mapped:
    """The plan, its figures, what the repository said that the plan does not hold, problems."""

    plan: Plan
    observations: list[Observation]
    extra: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _text(repo: Repository, keys: list[str], fallback: str) -> Text:
    """The words for each language: the first translation key found, else ``fallback``."""
    values = {}
    for lang in repo.languages:
        found = next((w for k in keys if (w := repo.translate(k, lang))), None)
        values[lang] = found or fallback
    return Text.model_validate(values)


def _literal(repo: Repository, words: str) -> Text:
    return Text.model_validate(dict.fromkeys(repo.languages, words))


def _unit(repo: Repository, words: str) -> UnitText:
    return UnitText.model_validate(dict.fromkeys(repo.languages, words) if words else {})


def _name(repo: Repository, item: IndicatorFile) -> Text:
    given = item.meta.get("indicator_name")
    default_key = f"global_indicators.{item.file_id}-title"
    if isinstance(given, str) and given.strip():
        if KEY_RE.match(given.strip()):
            return _text(repo, [given.strip(), default_key], item.file_id)
        return _literal(repo, given.strip())
    return _text(repo, [default_key], layout.indicator_id_of(item.file_id))


def _combos(item: IndicatorFile) -> list[tuple[str, str]]:
    combos: list[tuple[str, str]] = []
    for row in item.rows:
        if (row.series, row.unit) not in combos:
            combos.append((row.series, row.unit))
    return combos or [("", "")]


def series_id(file_id: str, position: int) -> str:
    base = "s_" + re.sub(r"[^a-z0-9]+", "_", file_id.lower())
    return base if position == 0 else f"{base}__{position + 1}"


def _source(item: IndicatorFile, options: ImportOptions) -> tuple[Source, dt.date]:
    meta = item.meta
    agency = str(meta.get("source_organisation_1") or options.publisher).strip()
    title = str(meta.get("source_url_text_1") or meta.get("source_title_1") or "").strip()
    url = str(meta.get("source_url_1") or options.source_url).strip()
    title = title or f"{agency}: {layout.data_file(item.file_id)}"
    released = meta.get("source_release_date_1")
    day = released if isinstance(released, dt.date) else options.release_date
    return Source(agency=agency, title=title, url=url), min(day, dt.date.today())


class _Indicator:
    """One indicator file mapped: its series, figures and progress settings."""

    def __init__(self, repo: Repository, item: IndicatorFile, options: ImportOptions) -> None:
        self.repo, self.item, self.options = repo, item, options
        self.indicator_id = layout.indicator_id_of(item.file_id)
        self.name = _name(repo, item)
        self.units = str(item.meta.get("computation_units") or "").strip()
        self.combos = _combos(item)
        self.ids = {combo: series_id(item.file_id, n) for n, combo in enumerate(self.combos)}
        self.problems: list[Problem] = []
        self.where = f"{self._meta_file()}"

    def _meta_file(self) -> str:
        return f"indicator-config/{self.item.file_id}.yml"

    def series(self) -> list[SeriesDef]:
        return [self._series_def(combo) for combo in self.combos]

    def _series_def(self, combo: tuple[str, str]) -> SeriesDef:
        label, unit = combo
        name = self.name
        if label:
            name = Text.model_validate({k: f"{v} — {label}" for k, v in _plain(name).items()})
        selection = {k: v for k, v in ((layout.SERIES, label), (layout.UNITS, unit)) if v}
        return SeriesDef(
            id=self.ids[combo],
            name=name,
            unit=_unit(self.repo, unit or self.units),
            dimensions=list(self.item.dimensions),
            selection=selection,
        )

    def observations(self) -> list[Observation]:
        if not self.item.rows:
            return []
        source, released = _source(self.item, self.options)
        return [self._observation(row, source, released) for row in self.item.rows]

    def _observation(self, row: Row, source: Source, released: dt.date) -> Observation:
        return Observation(
            series=self.ids[(row.series, row.unit)],
            period=row.period,
            value=row.value,
            unit=row.unit or self.units,
            source=source,
            release_date=released,
            note=row.footnote,
            dimensions=row.dimensions,
        )

    def settings(self) -> list[ProgressSetting]:
        if self.item.meta.get("auto_progress_calculation") is not True:
            return []
        options = self.item.meta.get("progress_calculation_options") or [{}]
        if not isinstance(options, list):
            self.problems.append(
                Problem(self.where, "progress_calculation_options", "must be a list")
            )
            return []
        return [s for n, o in enumerate(options) if (s := self._setting(n, o)) is not None]

    def _setting(self, position: int, option: Any) -> ProgressSetting | None:
        where = f"progress_calculation_options[{position}]"
        if not isinstance(option, dict):
            self.problems.append(Problem(self.where, where, "must be a mapping"))
            return None
        if option.get("progress_thresholds"):
            self.problems.append(
                Problem(self.where, f"{where}.progress_thresholds", "configured thresholds are "
                        "not carried: Open SDG's defaults are used")
            )  # fmt: skip
        try:
            return ProgressSetting(
                series=self._selected(option, where),
                direction="increase" if option.get("direction") == "positive" else "decrease",
                target=_number(option.get("target")),
                target_year=int(option.get("target_year", layout.DEFAULT_TARGET_YEAR)),
                base_year=int(option.get("base_year", layout.DEFAULT_BASE_YEAR)),
                limit=_number(option.get("limit")),
                breakdown=_breakdown(option.get("disaggregation")),
            )
        except (TypeError, ValueError) as exc:
            self.problems.append(Problem(self.where, where, str(exc).splitlines()[0]))
            return None

    def _selected(self, option: dict[str, Any], where: str) -> str | None:
        wanted = {k: str(option[k]) for k in ("series", "unit") if option.get(k) is not None}
        if not wanted:
            return None
        for (label, unit), sid in self.ids.items():
            if wanted.get("series", label) == label and wanted.get("unit", unit) == unit:
                return sid
        self.problems.append(
            Problem(self.where, where, f"no data for the selection {wanted}; the headline is used")
        )
        return None

    def indicator(self, settings: list[ProgressSetting]) -> Indicator:
        headline = next((s.series for s in settings if s.series), None) or self.ids[self.combos[0]]
        milestones = [
            Milestone(
                year=s.target_year,
                value=s.target,
                comparator=">=" if s.direction == "increase" else "<=",
            )
            for s in settings
            if s.target is not None and (s.series or headline) == headline and not s.breakdown
        ]
        note = str(self.item.meta.get("data_footnote") or "").strip()
        return Indicator(
            id=self.indicator_id,
            name=self.name,
            unit=_unit(self.repo, self.units or self.combos[0][1]),
            direction=settings[0].direction if settings else "increase",
            formula=headline,
            measures=[self.indicator_id.lower()],
            milestones=sorted(milestones, key=lambda m: m.year),
            definition_note=_literal(self.repo, note) if note else None,
            progress=settings,
        )


def _plain(text: Text) -> dict[str, str]:
    return {k: v for k, v in text.as_dict().items() if isinstance(v, str)}


def _breakdown(value: Any) -> dict[str, str]:
    """Open SDG's ``disaggregation: [{field: Sex, value: Female}]`` as ``{"Sex": "Female"}``."""
    if not value:
        return {}
    if not isinstance(value, list) or not all(
        isinstance(d, dict) and d.get("field") and d.get("value") is not None for d in value
    ):
        raise ValueError("disaggregation must be a list of {field, value}")
    return {str(d["field"]): str(d["value"]) for d in value}


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def _duplicates(mapped: _Indicator) -> list[Problem]:
    seen: dict[tuple[str, str, str], int] = {}
    problems = []
    name = layout.data_file(mapped.item.file_id)
    for row in mapped.item.rows:
        key = (mapped.ids[(row.series, row.unit)], row.period, str(sorted(row.dimensions.items())))
        if key in seen:
            problems.append(
                Problem(name, f"row {row.line}", f"the same figure as row {seen[key]} "
                        "(year, series, units and breakdown)")
            )  # fmt: skip
        seen.setdefault(key, row.line)
    return problems


def _levels(repo: Repository) -> list[Level]:
    return [
        Level(id=level, name=_text(repo, [f"general.{level}", f"general.{level}s"], word))
        for level, word in LEVEL_WORDS.items()
    ]


def _tree(repo: Repository, mapped: list[_Indicator]) -> list[Node]:
    nodes: dict[str, Node] = {}
    for m in mapped:
        parts = m.item.file_id.lower().split("-")
        goal, target = parts[0], f"{parts[0]}.{parts[1]}"
        if goal not in nodes:
            title = _text(repo, [f"global_goals.{goal}-title"], goal)
            nodes[goal] = Node(id=goal, level="goal", ref=goal, title=title)
        if target not in nodes:
            key = f"global_targets.{parts[0]}-{parts[1]}-title"
            nodes[target] = Node(
                id=target, level="target", parent=goal, ref=target, title=_text(repo, [key], target)
            )
        node_id = m.indicator_id.lower()
        nodes[node_id] = Node(
            id=node_id, level="indicator", parent=target, ref=m.indicator_id, title=m.name
        )
    return list(nodes.values())


def _usable(item: IndicatorFile, options: ImportOptions) -> Problem | None:
    if len(item.file_id.split("-")) < 3:
        return Problem(layout.data_file(item.file_id), "", "an indicator id needs goal, target "
                       "and number (e.g. 1-2-1)")  # fmt: skip
    if item.rows and not (item.meta.get("source_url_1") or options.source_url):
        return Problem(
            f"indicator-config/{item.file_id}.yml", "source_url_1", "the figures need a source "
            "web address: give source_url_1 or --source-url",
        )  # fmt: skip
    return None


def map_repository(repo: Repository, options: ImportOptions) -> Mapped:
    """The plan the repository describes, with every problem found on the way."""
    problems = list(repo.problems)
    skipped = list(repo.skipped)
    mapped: list[_Indicator] = []
    for item in repo.indicators:
        problem = _usable(item, options)
        if problem is None:
            candidate = _Indicator(repo, item, options)
            duplicates = _duplicates(candidate)
            if not duplicates:
                mapped.append(candidate)
                continue
            problems += duplicates
        else:
            problems.append(problem)
        skipped.append(layout.data_file(item.file_id))
    indicators = [m.indicator(m.settings()) for m in mapped]
    for m in mapped:
        problems += m.problems
    header = PlanHeader(
        id=options.plan_id,
        title=_literal(repo, options.title),
        publisher=_literal(repo, options.publisher),
        published=options.release_date,
        source_url=options.source_url,
        baseline_year=layout.DEFAULT_BASE_YEAR,
        languages=list(repo.languages),
        levels=_levels(repo),
        vision=_literal(repo, options.title),
        nodes=_tree(repo, mapped),
    )
    plan = Plan(
        header=header,
        series=[s for m in mapped for s in m.series()],
        indicators=indicators,
    )
    extra = {
        "indicators": {
            m.indicator_id: {"reporting_status": m.item.meta.get("reporting_status")}
            for m in mapped
            if m.item.meta.get("reporting_status")
        }
    }
    observations = [o for m in mapped for o in m.observations()]
    return Mapped(plan, observations, extra, problems, skipped)
