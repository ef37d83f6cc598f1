"""Which script a stored text is written in: enough to tell Chinese text from text in a
language written in another script, for the plan text catalogues (``translations/<lang>.yaml``)."""

from __future__ import annotations

import re

#: CJK punctuation, ideographs, compatibility ideographs and full-width forms
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
HAS_CJK = re.compile(f"[{CJK}]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


def is_chinese(lang: str) -> bool:
    """Whether ``lang`` (a BCP 47 tag) is a Chinese language tag (zh, zh-Hant, zh-Hant-HK)."""
    return lang.lower().split("-")[0] == "zh"


def written_in(text: str, lang: str, free_text: bool = False) -> bool:
    """Whether ``text`` reads as written for a reader of ``lang``: for Chinese, text with a CJK
    character; for any other language, text without one, or, for free text (a note that may
    quote a Chinese source verbatim), text with at least as many Latin letters as CJK ones."""
    cjk = len(HAS_CJK.findall(text))
    if is_chinese(lang):
        return cjk > 0
    return cjk == 0 or (free_text and len(LATIN.findall(text)) >= cjk)
