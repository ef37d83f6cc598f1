"""A plan folder as an Open SDG data repository: data CSVs with their breakdowns, indicator
configuration with the progress settings, translations in every plan language."""

from __future__ import annotations

import csv
import io
from typing import Any

import yaml

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.compute.indicator_values import by_series_year, compute_indicator
from blueprint_tracker.domain.indicator import Indicator, ProgressSetting, SeriesDef
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.domain.text import Text
from blueprint_tracker.formats.opensdg import layout


def _yaml(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def _year(period: str) -> str:
    """``2015/16`` → ``2015-2016`` (Open SDG's year range); other periods as they are."""
    if "/" in period:
        first, second = period.split("/")
        return f"{first}-{first[:2]}{second}"
    return period


def _series_of(plan: Plan, indicator: Indicator) -> list[SeriesDef]:
    wanted = [indicator.formula, *(s.series for s in indicator.progress if s.series)]
    base = f"{indicator.formula.split('__')[0]}__"
    return [s for s in plan.series if s.id in wanted or s.id.startswith(base)]


def _latest(observations: list[Observation]) -> list[Observation]:
    """The latest release of each figure, in the order the figures first appear."""
    newest: dict[tuple[str, str, str], Observation] = {}
    for o in observations:
        key = (o.series, o.period, o.dimension_key)
        if key not in newest or o.release_date >= newest[key].release_date:
            newest[key] = o
    return list(newest.values())


def _columns(series: list[SeriesDef], rows: list[Observation]) -> list[str]:
    head = [layout.YEAR]
    for column in (layout.SERIES, layout.UNITS):
        if any(column in s.selection for s in series):
            head.append(column)
    for s in series:
        head += [d for d in s.dimensions if d not in head]
    for o in rows:
        head += [d for d in o.dimensions if d not in head]
    if any(o.note for o in rows):
        head.append(layout.FOOTNOTE)
    return [*head, layout.VALUE]


def _value(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def data_csv(series: list[SeriesDef], rows: list[Observation]) -> str:
    by_id = {s.id: s for s in series}
    columns = _columns(series, rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for o in rows:
        cells = {**by_id[o.series].selection, **o.dimensions}
        cells.update({layout.YEAR: _year(o.period), layout.VALUE: _value(o.value)})
        cells[layout.FOOTNOTE] = o.note
        writer.writerow([cells.get(c, "") for c in columns])
    return buffer.getvalue()


def _option(plan: Plan, indicator: Indicator, setting: ProgressSetting) -> dict[str, Any]:
    option: dict[str, Any] = {}
    definition = plan.series_def(setting.series) if setting.series else None
    if definition is not None:
        selection = definition.selection
        option.update({k: selection[c] for k, c in (("series", layout.SERIES),
                       ("unit", layout.UNITS)) if c in selection})  # fmt: skip
    option["direction"] = "positive" if setting.direction == "increase" else "negative"
    for key in ("target", "target_year", "base_year", "limit"):
        value = getattr(setting, key)
        if value is not None:
            option[key] = value
    if setting.breakdown:
        option["disaggregation"] = [{"field": k, "value": v} for k, v in setting.breakdown.items()]
    return option


def indicator_meta(
    plan: Plan, indicator: Indicator, rows: list[Observation], extra: dict[str, Any]
) -> dict[str, Any]:
    file_id = layout.file_id_of(indicator.id)
    first = plan.header.languages[0]
    meta: dict[str, Any] = {
        "indicator_number": indicator.id,
        "indicator_name": f"global_indicators.{file_id}-title",
        "computation_units": indicator.unit.get(first) if indicator.unit.languages() else "",
    }
    status = extra.get("indicators", {}).get(indicator.id, {}).get("reporting_status")
    if status:
        meta["reporting_status"] = status
    if rows:
        source = rows[-1].source
        meta.update(
            source_organisation_1=source.agency,
            source_url_1=source.url,
            source_url_text_1=source.title,
            source_release_date_1=rows[-1].release_date,
        )
    if indicator.definition_note is not None:
        meta["data_footnote"] = indicator.definition_note.get(first)
    settings = indicator.progress or [
        ProgressSetting(
            direction=indicator.direction, target=m.value, target_year=m.year,
            base_year=plan.header.baseline_year,
        )
        for m in indicator.milestones
    ]  # fmt: skip
    if settings:
        meta["auto_progress_calculation"] = True
        meta["progress_calculation_options"] = [_option(plan, indicator, s) for s in settings]
    return meta


def _translations(plan: Plan) -> dict[str, str]:
    nodes = plan.nodes_by_id()
    files: dict[str, str] = {}
    for lang in plan.header.languages:
        goals: dict[str, Any] = {}
        targets: dict[str, Any] = {}
        indicators: dict[str, Any] = {}
        for indicator in plan.indicators:
            parts = layout.file_id_of(indicator.id).split("-")
            goal, target = parts[0], "-".join(parts[:2])
            _title(goals, goal, nodes.get(goal.lower()), lang)
            _title(targets, target, nodes.get(target.replace("-", ".").lower()), lang)
            indicators[layout.file_id_of(indicator.id)] = {"title": indicator.name.get(lang)}
        general = {level.id: level.name.get(lang) for level in plan.header.levels}
        base = f"{layout.TRANSLATIONS_DIR}/{lang}"
        files[f"{base}/global_goals.yml"] = _yaml(goals)
        files[f"{base}/global_targets.yml"] = _yaml(targets)
        files[f"{base}/global_indicators.yml"] = _yaml(indicators)
        files[f"{base}/general.yml"] = _yaml(general)
    return files


def _title(table: dict[str, Any], key: str, node: Any, lang: str) -> None:
    if node is not None and isinstance(node.title, Text):
        table[key] = {"title": node.title.get(lang)}


def computed_csv(indicator: Indicator, latest: list[Observation]) -> tuple[str, list[Observation]]:
    """An indicator defined by a formula over several series: its computed values (the total
    lines' latest releases), with the formula as each row's footnote."""
    index = by_series_year(o for o in latest if not o.dimensions)
    values = compute_indicator(parse_formula(indicator.formula), index, indicator.fallback)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([layout.YEAR, layout.FOOTNOTE, layout.VALUE])
    for v in values:
        note = indicator.formula if v.basis == "formula" else v.inputs[0].series
        writer.writerow([v.year, note, _value(v.value)])
    newest = sorted((o for v in values for o in v.inputs), key=lambda o: o.release_date)
    return buffer.getvalue(), newest


def _single_series(indicator: Indicator) -> bool:
    return len(parse_formula(indicator.formula).names) == 1 and indicator.fallback is None


def repository_files(
    plan: Plan, observations: list[Observation], extra: dict[str, Any]
) -> dict[str, str]:
    """File name → contents of the Open SDG repository for ``plan``."""
    latest = _latest(observations)
    files = {layout.CONFIG_FILE: _yaml({"languages": list(plan.header.languages)})}
    files.update(_translations(plan))
    for indicator in plan.indicators:
        file_id = layout.file_id_of(indicator.id)
        if _single_series(indicator):
            series = _series_of(plan, indicator)
            ids = {s.id for s in series}
            rows = [o for o in latest if o.series in ids]
            data = data_csv(series, rows) if rows else ""
        else:
            data, rows = computed_csv(indicator, latest)
            data = data if rows else ""
        files[f"indicator-config/{file_id}.yml"] = _yaml(
            indicator_meta(plan, indicator, rows, extra)
        )
        if data:
            files[layout.data_file(file_id)] = data
    return files
