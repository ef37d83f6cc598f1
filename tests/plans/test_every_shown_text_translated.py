"""The bundled plan: every text a page shows (notes, source titles and tables, agencies, refs) is
in each plan language, from the data itself, agencies.yaml or translations/<lang>.yaml (issue 13).
A row added with a Chinese-only title or an English-only agency fails here until it has words in
the other language."""

from __future__ import annotations

from blueprint_tracker.config import BUNDLED_PLANS
from blueprint_tracker.services.validation import validate_plan


def test_blueprint_validate_finds_no_untranslated_text_in_the_bundled_plan() -> None:
    report = validate_plan(BUNDLED_PLANS / "hk-itb-2022")
    assert report["valid"], report["problems"]
    assert report["summary"]["untranslated"] == {"zh-Hant": 0, "en": 0}
    assert report["untranslated"] == []
