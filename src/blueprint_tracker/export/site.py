"""The static site: every page in both languages, the JSON documents and the downloads.

Links are relative (``…/index.html``), so the folder works from any static web server and
from ``file://``. Every page carries the edition's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blueprint_tracker.i18n import KEYS, gettext, html_lang, language_name, slug_of, translations
from blueprint_tracker.present import downloads, registry, views
from blueprint_tracker.present.assets import STATIC_DIR, VEGA_BUNDLE, vega_bundle
from blueprint_tracker.present.feed import atom_feed
from blueprint_tracker.present.labels import status_label
from blueprint_tracker.present.render import environment
from blueprint_tracker.present.reports.pdf_charts import chart_card_png
from blueprint_tracker.present.reports.publications import names, write_publications
from blueprint_tracker.present.urls import (
    Linker,
    api_path,
    download_path,
    feed_path,
    page_path,
    twin_path,
)
from blueprint_tracker.services import models, pages
from blueprint_tracker.services import search as search_service
from blueprint_tracker.services.workspace import Workspace

Progress = Callable[[int, int, str], None]


@dataclass
class SiteData:
    """The page data of one edition, computed once and rendered in both languages."""

    edition: str
    as_of: dt.date | None
    site: models.PlanHeader
    overview: models.OverviewPage
    plan: models.PlanPage
    indicator_pages: dict[str, models.IndicatorPage]
    commitments: models.CommitmentsPage
    data: models.DataPage
    commitment_pages: dict[str, models.CommitmentPage] = field(default_factory=dict)
    index: list[models.SearchItem] = field(default_factory=list)
    #: every page of the registry by (name, id): its data, rendered in each language
    pages: dict[tuple[str, str | None], Any] = field(default_factory=dict)
    base_url: str = ""  # where the site will be published, for absolute og:url/og:image


def collect(ws: Workspace, as_of: dt.date | None) -> SiteData:
    built = {
        (spec.name, arg): spec.build(ws, arg, {}, as_of)
        for spec in registry.PAGES
        for arg in spec.args(ws)
    }
    overview: models.OverviewPage = built[("overview", None)]
    return SiteData(
        edition=pages.edition_date(as_of).isoformat(),
        as_of=as_of,
        site=overview["plan"],
        overview=overview,
        plan=built[("plan", None)],
        indicator_pages={i.id: built[("indicator", i.id)] for i in ws.plan.indicators},
        commitments=built[("commitments", None)],
        data=built[("data", None)],
        index=search_service.search_index(ws, as_of),
        commitment_pages={c.id: built[("commitment", c.id)] for c in ws.plan.commitments},
        pages=built,
    )


def _context(data: SiteData, lang: str, page: str, arg: str | None = None) -> views.PageContext:
    return views.PageContext(
        lang=lang,
        link=Linker(lang, page_path(lang, page, arg), static=True),
        site=data.site,
        edition=data.edition,
        page=page,
        as_of=None,
        static=True,
        base_url=data.base_url,
    )


def _badge(entry: Mapping[str, Any], lang: str) -> dict[str, Any]:
    label = status_label(entry["status"])
    word = str(translations(lang).gettext(label.word))
    return {"year": entry["year"], "code": entry["status"], "word": word,
            "icon": label.icon, "tone": label.tone}  # fmt: skip


def _in(value: Mapping[str, Any] | None, lang: str) -> str:
    return str((value or {}).get(lang, ""))


def _search_entries(data: SiteData, lang: str) -> list[dict[str, Any]]:
    link = Linker(lang, page_path(lang, "search"), static=True)
    entries = []
    for item in data.index:
        if item["kind"] in ("indicator", "commitment"):
            href = link.page(item["kind"], item["id"])
        else:
            href = link.anchor("plan", item["id"])
        entries.append(
            {
                "kind": item["kind"],
                "id": item["id"],
                # an indicator goes by its number in the plan (2.1), as on the server's page
                "title": (f"{item['id']} " if item["kind"] == "indicator" else "")
                + _in(item["title"], lang),
                "level": _in(item.get("level"), lang),
                "href": href,
                "text": item["folded"],
                "badges": [_badge(s, lang) for s in item["statuses"]],
            }
        )
    return entries


def _search_chars(data: SiteData) -> dict[str, str]:
    texts = [
        str(v) for item in data.index for key in ("title", "body")
        for v in (item[key] or {}).values() if isinstance(v, str)
    ]  # fmt: skip
    return search_service.char_map(texts)


def html_pages(data: SiteData, lang: str) -> list[tuple[str, Callable[[], str]]]:
    """(path, render) for every page of one language, in the registry's order."""
    result: list[tuple[str, Callable[[], str]]] = []
    for (name, arg), page in data.pages.items():
        spec = registry.page(name)
        ctx = _context(data, lang, name, arg)
        render = functools.partial(spec.html, page, ctx)
        if name == "search":  # offline: the page searches an index it carries
            render = functools.partial(
                views.search_html, None, ctx, _search_entries(data, lang), _search_chars(data)
            )
        result.append((page_path(lang, name, arg) + "index.html", render))
    return result


def twin_files(data: SiteData, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every page's JSON twin (``…/index.json``) in each language's folder."""
    return [
        (twin_path(lang, name, arg), _json(page, registry.page(name).model))
        for lang in languages
        for (name, arg), page in data.pages.items()
    ]


def _json(value: Any, kind: Any = None) -> str:
    """A JSON document; a page's through its type, as the API sends it."""
    if kind is not None:
        value = models.page_json(kind, value)
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


def data_files(data: SiteData, observations: list[models.ObservationData]) -> list[tuple[str, str]]:
    files = [
        (download_path("observations.csv"), downloads.observations_csv(observations)),
        (
            download_path("commitments.csv"),
            downloads.commitments_csv(data.commitments, data.site["languages"]),
        ),
        ("edition.json", _json({"edition": data.edition, "as_of": data.edition})),
    ]
    for indicator_id, page in data.indicator_pages.items():
        files.append(
            (download_path(f"indicators/{indicator_id}.csv"), downloads.indicator_csv(page))
        )
    return files


def document_files(ws: Workspace, data: SiteData) -> list[tuple[str, str]]:
    """Every API document the registry declares for the static site (``api/v1/….json``)."""
    files = []
    for document in registry.DOCUMENTS:
        if not document.static:
            continue
        for arg in document.args(ws):
            if document.page is not None:  # built with the pages already
                body = data.pages[(document.page, arg)]
            else:
                body = document.data(ws, arg, data.as_of)
            files.append((api_path(document.kind, arg, static=True), _json(body, document.model)))
    return files


def _write(root: Path, relative: str, body: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def _copy_assets(root: Path) -> None:
    shutil.copytree(STATIC_DIR, root / "static", dirs_exist_ok=True)
    target = root / "static" / VEGA_BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(vega_bundle(), target)


def _root_page(data: SiteData, languages: tuple[str, ...]) -> str:
    """The site's front door: the plan's title and a link in each of its languages."""
    template = environment(languages[0]).get_template("root.html")
    entries = [
        {
            "slug": slug_of(lang),
            "hreflang": html_lang(lang),
            "name": language_name(lang),
            "title": data.site["title"].get(lang) or data.site["title"].get(languages[0]),
            "edition": gettext(lang, "Edition"),
        }
        for lang in languages
    ]
    return template.render(languages=entries, edition=data.edition)


def _write_chart_cards(root: Path, data: SiteData, languages: tuple[str, ...]) -> None:
    for lang in languages:
        for indicator_id, page in data.indicator_pages.items():
            target = root / page_path(lang, "indicator", indicator_id) / "chart.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(chart_card_png(page, lang))


def build_site(
    ws: Workspace,
    directory: Path,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
    publications: bool = True,
    base_url: str = "",
) -> dict[str, Any]:
    """Write the whole site for the edition ``as_of`` (today when None) into ``directory``,
    with the PDF and Excel reports and the data package unless ``publications`` is False.
    ``base_url`` (the address the site will be published at) makes card links absolute."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    data = collect(ws, as_of)
    data.base_url = base_url
    languages = tuple(ws.plan.header.languages) or KEYS
    renders = [item for lang in languages for item in html_pages(data, lang)]
    files = data_files(data, pages.observation_rows(ws, as_of)) + twin_files(data, languages)
    files += document_files(ws, data)
    feed = registry.document("updates").data(ws, None, as_of)
    files += [
        (feed_path(lang), atom_feed(feed, lang, static=True, site=data.site)) for lang in languages
    ]
    total = len(renders) + len(files) + 2 + (len(names(languages)) if publications else 0)
    done = 0

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    _copy_assets(root)
    step("static")
    for relative, render in renders:
        _write(root, relative, render())
        step(relative)
    for relative, body in files:
        _write(root, relative, body)
        step(relative)
    _write(root, "index.html", _root_page(data, languages))
    step("index.html")
    written = write_publications(ws, root / "downloads", as_of, step) if publications else []
    if publications:  # the chart images of the pages' og:/Twitter cards
        _write_chart_cards(root, data, languages)
    return {
        "directory": str(root),
        "edition": data.edition,
        "pages": len(renders) + 1,
        "files": len(files),
        "downloads": [f"downloads/{name}" for name in written],
    }
