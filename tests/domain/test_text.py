from __future__ import annotations

import pytest
from pydantic import ValidationError

from blueprint_tracker.domain.text import Text


def test_text_reads_both_languages_and_falls_back_to_chinese() -> None:
    value = Text.model_validate({"zh-Hant": " 研發 ", "en": "R&D", "translated": True})
    assert (value.get("zh-Hant"), value.get("en"), value.get("fr")) == ("研發", "R&D", "研發")
    assert value.as_dict() == {"zh-Hant": "研發", "en": "R&D", "translated": True}


def test_blank_text_is_refused() -> None:
    with pytest.raises(ValidationError):
        Text.model_validate({"zh-Hant": "  ", "en": "x"})
