"""The updates feed as Atom (RFC 4287), one per language, at ``/{lang}/feed.xml``.

Links are relative to the feed's own location, so the same document works from the server and
from a static site (``static=True`` links to ``…/index.html``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.i18n import slug_of
from blueprint_tracker.present.dates import long_date
from blueprint_tracker.present.plan_text import agency_words, plain_words
from blueprint_tracker.present.urls import page_path, relative
from blueprint_tracker.services.models import Updates

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    node.text = text
    return node


def _t(value: Mapping[str, Any] | None, lang: str) -> str:
    return i18n.pick(value, lang)


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _link(lang: str, name: str, arg: str | None, static: bool) -> str:
    # the feed sits in the language's folder (en/feed.xml): links are relative to that folder
    link = relative(page_path(lang, "overview"), page_path(lang, name, arg))
    return link + "index.html" if static else link


def _figure_title(entry: Mapping[str, Any], lang: str) -> str:
    _ = i18n.translations(lang).gettext
    values = {"value": entry["display"], "year": entry["year"], "previous": entry["previous"]}
    if entry["change"] == "revised":
        what = _("revised value %(value)s for %(year)s (was %(previous)s)") % values
    elif entry["change"] == "confirmed":
        what = _("value %(value)s for %(year)s unchanged by a later release") % values
    else:
        what = _("new value %(value)s for %(year)s") % values
    return i18n.labelled(lang, f"{entry['indicator']} {_t(entry['name'], lang)}", what)


def _source(source: Mapping[str, Any], lang: str, site: Mapping[str, Any]) -> str:
    """An evidence source in ``lang``: the agency through agencies.yaml, the title through the
    plan's text catalogues (else as stored)."""
    agency = agency_words(source["agency"], lang, site)
    title = plain_words(source["title"], lang, site.get("translations"))
    return f"{agency}{i18n.gettext(lang, ', ')}{title}"


def _entry(
    feed: ET.Element,
    entry: Mapping[str, Any],
    lang: str,
    plan: str,
    static: bool,
    site: Mapping[str, Any],
) -> None:
    _ = i18n.translations(lang).gettext
    node = _add(feed, "entry")
    _add(node, "id", f"urn:blueprint-tracker:{plan}:{slug_of(lang)}:{entry['id']}")
    _add(node, "updated", _stamp(entry["date"]))
    if entry["kind"] == "figure":
        title = _figure_title(entry, lang)
        href = _link(lang, "indicator", entry["indicator"], static)
        summary = title
    else:
        label = f"{_('Commitment')} {entry['commitment']}"
        title = i18n.labelled(lang, label, _t(entry["summary"], lang))
        href = f"{_link(lang, 'commitments', None, static)}#{entry['commitment']}"
        summary = f"{_t(entry['text'], lang)} — {_source(entry['source'], lang, site)}"
    _add(node, "title", title)
    _add(node, "link", href=href)
    _add(node, "summary", summary)


def atom_feed(
    data: Updates, lang: str, static: bool = False, site: Mapping[str, Any] | None = None
) -> str:
    """The feed document for ``services.feed.updates(...)`` in ``lang``; ``site`` the plan header
    (its agency names and text catalogues put sources in ``lang``)."""
    _ = i18n.translations(lang).gettext
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: i18n.html_lang(lang)})
    _add(feed, "id", f"urn:blueprint-tracker:{data['plan']}:{slug_of(lang)}:updates")
    _add(feed, "title", f"{_t(data['title'], lang)} — {_('Updates')}")
    subtitle = _("Figures and evidence released between %(since)s and %(until)s.")
    days = {"since": long_date(data["since"], lang), "until": long_date(data["until"], lang)}
    _add(feed, "subtitle", subtitle % days)
    entries = data["entries"]
    _add(feed, "updated", _stamp(entries[0]["date"] if entries else data["until"]))
    _add(_add(feed, "author"), "name", "Blueprint Tracker")
    _add(feed, "link", rel="alternate", href=_link(lang, "overview", None, static))
    for entry in entries:
        _entry(feed, entry, lang, data["plan"], static, site or {})
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body
