"""The status words as data: each code's one label in every language, icon and tone (the API
and the static site publish it so that other front ends word statuses as the pages do)."""

from __future__ import annotations

from typing import Literal

from blueprint_tracker import i18n
from blueprint_tracker.compute.commitments import CommitmentStatus
from blueprint_tracker.compute.vocabulary import STATUS_LABELS, UNKNOWN, StatusLabel
from blueprint_tracker.domain.text import Phrase
from blueprint_tracker.services import models


def _word(code: str, label: StatusLabel) -> models.StatusWord:
    kind: Literal["assessment", "commitment"] = (
        "commitment" if code in set(CommitmentStatus) else "assessment"
    )
    return {"code": code, "kind": kind, "label": i18n.words(Phrase(label.word)),
            "icon": label.icon, "tone": label.tone}  # fmt: skip


def status_vocabulary() -> models.StatusVocabulary:
    """Every status code with its label in each language, icon and tone."""
    return {
        "statuses": [_word(str(code), label) for code, label in STATUS_LABELS.items()],
        "not_assessed": _word("", UNKNOWN),
    }
