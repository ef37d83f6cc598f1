"""A text the plan stores in one language (a ``ref``, a note, a source title) in each of the
plan's languages, from its catalogues (``translations/<lang>.yaml``)."""

from __future__ import annotations

from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.services.models import LangText


def in_languages(plan: Plan, stored: str) -> LangText:
    """``stored`` in every plan language: the catalogue's words, else as stored; ``translated``
    when any language's words come from a catalogue (our translation)."""
    words: dict[str, str | bool] = {}
    translated = False
    for lang in plan.header.languages:
        found = plan.header.translations.get(lang, {}).get(stored)
        translated = translated or found is not None
        words[lang] = found or stored
    words["translated"] = translated
    return words
