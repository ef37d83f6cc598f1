"""One language table: everything else about a language is read from ``i18n.LANGUAGES``."""

from __future__ import annotations

import pytest

from blueprint_tracker import i18n
from blueprint_tracker.domain.text import Amount, Phrase


def test_keys_slugs_locales_and_html_lang_come_from_the_table() -> None:
    keys = tuple(key for key, _, _ in i18n.LANGUAGES.values())
    assert keys == i18n.KEYS
    for slug, (key, locale, html) in i18n.LANGUAGES.items():
        assert (i18n.SLUGS[key], i18n.babel_locale(key), i18n.html_lang(key)) == (
            slug, locale, html,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("given", "lang"), [("zh", "zh-Hant"), ("zh_Hant_HK", "zh-Hant"), ("EN", "en"), ("en-GB", "en")]
)
def test_language_spellings(given: str, lang: str) -> None:
    assert i18n.normalise_lang(given) == lang


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match="use zh-Hant or en"):
        i18n.normalise_lang("fr")


def test_a_phrase_is_worded_in_every_language_with_its_arguments() -> None:
    amount = Amount("5,000", {"zh-Hant": "港元", "en": "HK$"})
    target = Phrase("about %(target)s", {"target": amount})
    phrase = Phrase(
        "%(subject)s cannot be assessed: %(reason)s",
        {"subject": {"zh-Hant": "研發開支", "en": "R&D spending"},
         "reason": Phrase("it needs at least three values")},
        sentence=True,
    )  # fmt: skip
    assert i18n.words(target) == {"zh-Hant": "約5,000港元", "en": "about HK$5,000"}
    assert i18n.words(phrase) == {
        "zh-Hant": "未能評估研發開支：需要至少三個數值",
        "en": "R&D spending cannot be assessed: it needs at least three values",
    }
