"""`blueprint show` and `blueprint sources` for people, in the chosen language: the plan's
references, agencies, source titles and notes through agencies.yaml and translations/ (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

CJK = re.compile(r"[\u3400-\u9fff]")


def test_show_a_commitment_in_english_has_no_chinese_left(data_dir: Path, cli) -> None:
    result = cli("show", "c-raise-plus", "--lang", "en")
    assert result.code == 0
    assert "Chapter 4, 4.1, Strategy (1), Goal 02, Recommendation i" in result.out
    assert "agency: DotDotNews" in result.out
    assert CJK.findall(result.out) == []


def test_sources_in_english_and_in_chinese(data_dir: Path, cli) -> None:
    en = cli("sources", "--lang", "en")
    assert en.code == 0 and CJK.findall(en.out) == []
    assert "Hong Kong Innovation and Technology Development Blueprint, Strategy 6" in en.out
    zh = cli("sources")
    assert zh.code == 0 and "\u653f\u5e9c\u7d71\u8a08\u8655" in zh.out  # C&SD's Chinese name
