"""The Babel catalogues hold every word a reader sees: every message id translated
(``missing``), placeholders kept, and Chinese punctuation full-width."""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from blueprint_tracker.i18n import po_path
from blueprint_tracker.i18n.extract import missing, ui_strings

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
HAN = r"[\u3400-\u9fff]"
HALF_WIDTH_NEXT_TO_CHINESE = re.compile(rf"{HAN}\s*[,:;()!?]|[,:;(!?]\s*{HAN}")


def _zh_catalogue() -> Catalog:
    with po_path("zh_Hant_HK").open("rb") as handle:
        return read_po(handle, locale="zh_Hant_HK")


def test_every_message_id_has_a_chinese_translation() -> None:
    assert len(ui_strings()) > 400
    assert missing("zh-Hant") == []


def test_translations_keep_every_placeholder() -> None:
    wrong = [
        message.id
        for message in _zh_catalogue()
        if message.id and isinstance(message.id, str) and message.string
        and sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string))
    ]  # fmt: skip
    assert wrong == []


def test_chinese_uses_full_width_punctuation() -> None:
    wrong = [
        str(message.string)
        for message in _zh_catalogue()
        if isinstance(message.string, str) and HALF_WIDTH_NEXT_TO_CHINESE.search(message.string)
    ]
    assert wrong == []
