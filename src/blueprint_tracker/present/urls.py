"""Where each page lives, and relative links between pages (for the server and static files).

Every link is relative to the current page, so the same templates work under any prefix, from
a plain static server and from ``file://`` (where a static site links to ``…/index.html``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from blueprint_tracker.i18n import slug_of
from blueprint_tracker.present import registry
from blueprint_tracker.present.registry import NAV_PAGES as NAV_PAGES
from blueprint_tracker.present.registry import PAGE_NAMES as PAGE_NAMES


def page_path(lang: str, name: str, arg: str | None = None) -> str:
    """The page's folder path from the site root, e.g. ``en/indicators/1.1/``."""
    folder = registry.page(name).folder.replace("{arg}", quote(arg or "", safe=".-_"))
    return f"{slug_of(lang)}/" + (f"{folder}/" if folder else "")


def twin_path(lang: str, name: str, arg: str | None = None) -> str:
    """The page's JSON twin, e.g. ``en/indicators/1.1/index.json``."""
    return page_path(lang, name, arg) + "index.json"


def api_path(kind: str, arg: str | None = None, static: bool = False) -> str:
    """A JSON document: ``api/v1/indicators/1.1`` (``.json`` added on a static site)."""
    path = f"api/v1/{kind}" + (f"/{quote(arg, safe='.-_')}" if arg else "")
    return path + ".json" if static else path


def feed_path(lang: str) -> str:
    """The language's updates feed (Atom), e.g. ``en/feed.xml``."""
    return f"{slug_of(lang)}/feed.xml"


def download_path(name: str) -> str:
    return f"downloads/{name}"


def relative(current: str, target: str) -> str:
    """Link from the page folder ``current`` to the root-relative ``target``."""
    base = posixpath.dirname(current.rstrip("/") + "/x") if current else "."
    trailing = target.endswith("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    if trailing:
        rel = "./" if rel == "." else rel + "/"
    return rel


@dataclass(frozen=True)
class Linker:
    """Builds the links of one rendered page."""

    lang: str
    current: str  # the page's folder path, e.g. "en/indicators/1.1/"
    static: bool = False
    as_of: str | None = None  # kept on page links by the server (a static site is fixed)
    query: tuple[tuple[str, str], ...] = ()  # the page's own query (q, filters): kept on a switch

    def _query(self, extra: dict[str, str] | None = None) -> str:
        params: dict[str, str] = {}
        if self.as_of and not self.static:
            params["as_of"] = self.as_of
        params.update(extra or {})
        return "?" + urlencode(params) if params else ""

    def page(self, name: str, arg: str | None = None, lang: str | None = None) -> str:
        target = page_path(lang or self.lang, name, arg)
        link = relative(self.current, target)
        if self.static:
            return link + "index.html"
        return link + self._query()

    def switch(self, lang: str) -> str:
        """The same page in another language (the current path with its language slug)."""
        _slug, _, rest = self.current.partition("/")
        target = f"{slug_of(lang)}/{rest}"
        link = relative(self.current, target)
        if self.static:
            return link + "index.html"
        return link + self._query({k: v for k, v in self.query if k != "as_of"})

    def asset(self, path: str) -> str:
        return relative(self.current, f"static/{path}")

    def api(self, kind: str, arg: str | None = None) -> str:
        link = relative(self.current, api_path(kind, arg, self.static))
        return link if self.static else link + self._query()

    def feed(self, lang: str | None = None) -> str:
        return relative(self.current, feed_path(lang or self.lang))

    def download(self, name: str) -> str:
        link = relative(self.current, download_path(name))
        return link if self.static else link + self._query()

    def anchor(self, name: str, fragment: str, arg: str | None = None) -> str:
        return f"{self.page(name, arg)}#{fragment}"
