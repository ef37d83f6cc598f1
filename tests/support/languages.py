"""Reading a page as a screen reader would: which text stands in which language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang") or ""))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not CJK.search(data) or any(tag in ("script", "style") for tag, _ in self.stack):
            return
        langs = [lang for _, lang in self.stack if lang]
        if not (langs and langs[-1].lower().startswith("zh")):
            self.outside.append(data.strip())


def chinese_outside_chinese_elements(page: str) -> list[str]:
    """Text with a CJK character whose nearest ``lang`` is not Chinese (``zh``...)."""
    reader = _Reader()
    reader.feed(page)
    return reader.outside
