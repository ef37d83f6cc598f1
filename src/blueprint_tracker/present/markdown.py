"""Markdown (methods, data notes) to HTML with markdown-it (tables on, raw HTML off)."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


_ANCHOR = re.compile(r"<h([1-6])>(.*?) \{#([a-z][a-z0-9-]*)\}</h\1>")


def render_markdown(source: str) -> str:
    """HTML from markdown; a heading ending in ``{#name}`` gets that id (a link target)."""
    html = str(_parser().render(source or ""))
    html = _ANCHOR.sub(r'<h\1 id="\3">\2</h\1>', html)
    # tables get a scroll wrapper so a narrow screen can read them
    html = html.replace("<table>", '<div class="table-wrap" tabindex="0"><table>')
    return html.replace("</table>", "</table></div>")
