from __future__ import annotations

import pytest
from pydantic import ValidationError

from blueprint_tracker.domain.text import Text, normalise_lang


def test_text_reads_both_languages_and_falls_back_to_chinese() -> None:
    value = Text.model_validate({"zh-Hant": " 研發 ", "en": "R&D", "translated": True})
    assert (value.get("zh-Hant"), value.get("en"), value.get("fr")) == ("研發", "R&D", "研發")
    assert value.as_dict() == {"zh-Hant": "研發", "en": "R&D", "translated": True}


def test_blank_text_is_refused() -> None:
    with pytest.raises(ValidationError):
        Text.model_validate({"zh-Hant": "  ", "en": "x"})


@pytest.mark.parametrize(
    ("given", "lang"), [("zh", "zh-Hant"), ("zh_Hant_HK", "zh-Hant"), ("EN", "en"), ("en-GB", "en")]
)
def test_language_spellings(given: str, lang: str) -> None:
    assert normalise_lang(given) == lang


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="use zh-Hant or en"):
        normalise_lang("fr")
