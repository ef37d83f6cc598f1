"""Validate a plan folder: every problem, or a summary of what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blueprint_tracker.domain.series import Observation
from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.plan_folder import load_plan_folder
from blueprint_tracker.services.translation_gaps import untranslated
from blueprint_tracker.services.workspace import BUNDLED_OBSERVATIONS


def validate_plan(path: Path) -> dict[str, Any]:
    """``{"valid": bool, "problems": [...], "summary": {...}}`` for the plan folder at ``path``."""
    plan, problems = load_plan_folder(path)
    observations: list[Observation] = []
    if plan is not None and (path / BUNDLED_OBSERVATIONS).exists():
        observations, more = read_observations(
            path / BUNDLED_OBSERVATIONS, {s.id for s in plan.series}
        )
        problems = problems + more
    summary: dict[str, Any] = {}
    gaps: list[dict[str, str]] = []
    if plan is not None:
        gaps = untranslated(plan, observations)
        summary = {
            "plan": plan.id,
            "levels": plan.count_by_level(),
            "indicators": len(plan.indicators),
            "series": len(plan.series),
            "commitments": len(plan.commitments),
            "evidence": sum(len(c.evidence) for c in plan.commitments),
            "observations": len(observations),
            "untranslated": {
                lang: sum(1 for gap in gaps if gap["lang"] == lang)
                for lang in plan.header.languages
            },
        }
    return {
        "path": str(path),
        "valid": not problems,
        "problems": [
            {"file": p.file, "location": p.location, "message": p.message} for p in problems
        ],
        "summary": summary,
        # warnings, not problems: texts shown on pages with no translation into a plan language
        "untranslated": gaps,
    }
