"""The Babel catalogues hold every word a reader sees: no Chinese in the code, every message
id translated (``missing``), placeholders kept, and Chinese punctuation full-width."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import blueprint_tracker
from blueprint_tracker.i18n import po_path
from blueprint_tracker.i18n.extract import missing, ui_strings

PACKAGE = Path(blueprint_tracker.__file__).parent
#: CJK radicals, punctuation, kana, ideographs and full-width forms
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
#: The one file allowed CJK characters, and why: typesetting data, never shown as words. The
#: PDF's line breaker must know Chinese punctuation that may not start or end a line and the
#: unit characters that stay with their number ("2030年" must not break before "年").
TYPESETTING = {"present/reports/line_breaks.py"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
HAN = r"[\u3400-\u9fff]"
HALF_WIDTH_NEXT_TO_CHINESE = re.compile(rf"{HAN}\s*[,:;()!?]|[,:;(!?]\s*{HAN}")


def _zh_catalogue() -> Catalog:
    with po_path("zh_Hant_HK").open("rb") as handle:
        return read_po(handle, locale="zh_Hant_HK")


def test_no_chinese_literal_in_the_code() -> None:
    """Words a reader sees live in the catalogues or the plan's data, never in a .py file: not
    in a string, a docstring or a comment (only the typesetting rules are allowed)."""
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in TYPESETTING
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if CJK.search(line)
    ]
    assert found == []


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
