"""Markdown (methods, data notes) to HTML with markdown-it (tables on, raw HTML off)."""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def render_markdown(source: str) -> str:
    html = str(_parser().render(source or ""))
    # tables get a scroll wrapper so a narrow screen can read them
    html = html.replace("<table>", '<div class="table-wrap" tabindex="0"><table>')
    return html.replace("</table>", "</table></div>")
