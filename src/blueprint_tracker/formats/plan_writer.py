"""Write a plan (and its figures) as a plan folder that ``load_plan_folder`` reads back."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.formats.evidence_csv import evidence_columns
from blueprint_tracker.formats.observations_file import COLUMNS, observation_record


def _dump(model: BaseModel) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def _yaml(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def observations_csv(observations: Sequence[Observation]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for o in observations:
        writer.writerow(observation_record(o))
    return buffer.getvalue()


def _side_files(plan: Plan) -> dict[str, str]:
    """agencies.yaml and the plan text catalogues, when the plan has them."""
    files = {
        f"translations/{lang}.yaml": _yaml(entries)
        for lang, entries in plan.header.translations.items()
    }
    if plan.header.agencies:
        agencies = {name: _dump(names) for name, names in plan.header.agencies.items()}
        files["agencies.yaml"] = _yaml({"agencies": agencies})
    return files


def plan_files(plan: Plan, observations: Sequence[Observation]) -> dict[str, str]:
    """File name → contents of the plan folder."""
    header = plan.header.model_dump(
        mode="json", by_alias=True, exclude_defaults=True, exclude={"agencies", "translations"}
    )
    header.setdefault("languages", plan.header.languages)
    return {
        **_side_files(plan),
        "plan.yaml": _yaml(header),
        "series.yaml": _yaml({"series": [_dump(s) for s in plan.series]}),
        "indicators.yaml": _yaml({"indicators": [_dump(i) for i in plan.indicators]}),
        "commitments.yaml": _yaml(
            {
                "commitments": [
                    c.model_dump(
                        mode="json", by_alias=True, exclude_defaults=True, exclude={"evidence"}
                    )
                    for c in plan.commitments
                ]
            }
        ),
        "evidence.csv": ",".join(evidence_columns(plan.header.languages)) + "\n",
        "observations.csv": observations_csv(observations),
    }


def write_files(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
