"""Texts a page shows that the plan's catalogues (``translations/<lang>.yaml``) do not give in
one of the plan's languages: observation notes, source titles, tables and units, agency names that
``agencies.yaml`` lacks, and the ``ref`` of nodes and commitments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.scripts import written_in
from blueprint_tracker.domain.series import Observation

#: (file, field, text)
Shown = tuple[str, str, str]


def _observation_texts(observations: Sequence[Observation], agencies: set[str]) -> Iterable[Shown]:
    for o in observations:
        yield ("observations.csv", "note", o.note)
        yield ("observations.csv", "source_title", o.source.title)
        yield ("observations.csv", "source_table", o.source.table)
        if any(ch.isalpha() for ch in o.unit):  # "%" reads the same in every language
            yield ("observations.csv", "unit", o.unit)
        if o.source.agency not in agencies:
            yield ("observations.csv", "source_agency", o.source.agency)


def _plan_texts(plan: Plan, agencies: set[str]) -> Iterable[Shown]:
    for node in plan.header.nodes:
        yield ("plan.yaml", "ref", node.ref)
    for c in plan.commitments:
        yield ("commitments.yaml", "ref", c.ref)
        for e in c.evidence:
            yield ("evidence.csv", "source_title", e.source_title)
            if e.source_agency not in agencies:
                yield ("evidence.csv", "source_agency", e.source_agency)


def untranslated(plan: Plan, observations: Sequence[Observation]) -> list[dict[str, str]]:
    """One entry per (language, distinct text) a page would show untranslated, with the file
    and field it first comes from."""
    agencies = set(plan.header.agencies)
    shown = [*_plan_texts(plan, agencies), *_observation_texts(observations, agencies)]
    gaps: dict[tuple[str, str], dict[str, str]] = {}
    for lang in plan.header.languages:
        catalogue = plan.header.translations.get(lang, {})
        for file, field, text in shown:
            if not text or text in catalogue or written_in(text, lang, field == "note"):
                continue
            gap = {"lang": lang, "file": file, "field": field, "text": text}
            gaps.setdefault((lang, text), gap)
    return list(gaps.values())
