"""The pages, each declared once: its name, where it lives, how its data is built, the type of
that data and how it is rendered.

The server's HTML routes and their JSON twins, the static site's pages and twins, and every
link between pages (``urls.page_path``) are made from this table. A page answers as HTML at its
folder (``en/indicators/1.1/``) and as JSON at the twin ``…/index.json`` (and, on the server,
``…/?format=json``), as datasette does. The JSON is the page's data checked against its type in
``services.models``: the same document the API and the static site's ``api/v1`` files hold.

Adding a page: a builder in ``services/pages/``, its type in ``services/models.py``, a
template and a view in ``present/views.py``, and one ``Page`` below (see docs/architecture.md).

``DOCUMENTS`` lists every JSON document of the API (``/api/v1/…``, written by the static site as
``api/v1/….json``): the page-backed ones name their page; the others are data a reader already
sees on a page, or that no reader needs as a page of its own (each says why beside it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from typing_extensions import TypedDict

from blueprint_tracker.errors import InputError
from blueprint_tracker.present.assets import localised_content
from blueprint_tracker.present.labels import N_
from blueprint_tracker.services import models, pages
from blueprint_tracker.services import search as search_service
from blueprint_tracker.services.feed import updates
from blueprint_tracker.services.vocabulary import status_vocabulary
from blueprint_tracker.services.workspace import Workspace

Query = Mapping[str, str]
#: (workspace, the page's id argument or None, the request's query, as-of date) -> page data
Build = Callable[[Workspace, str | None, Query, dt.date | None], Any]

if TYPE_CHECKING:
    from blueprint_tracker.present.views import PageContext


class MethodologyPage(TypedDict):
    """The methodology page's text (Markdown), by language."""

    content: dict[str, str]


@dataclass(frozen=True)
class Page:
    name: str
    folder: str  # under the language slug; "{arg}" stands for the page's id ("" = the home page)
    title: str  # English message id
    build: Build
    model: Any  # the page data's type (services.models)
    view: str  # the function of ``present.views`` that renders it: view(data, ctx) -> HTML
    ids: Callable[[Workspace], Iterable[str]] | None = None  # every id, for pages with "{arg}"
    nav: bool = False

    @property
    def has_arg(self) -> bool:
        return "{arg}" in self.folder

    def route(self, arg_name: str = "arg") -> str:
        """The server's path pattern under ``/{slug}/``, e.g. ``indicators/{arg}/``."""
        folder = self.folder.replace("{arg}", "{" + arg_name + "}")
        return folder + "/" if folder else ""

    def args(self, ws: Workspace) -> list[str | None]:
        return list(self.ids(ws)) if self.ids is not None else [None]

    def html(self, data: Any, ctx: PageContext) -> str:
        from blueprint_tracker.present import views  # views link pages through this table

        html: str = getattr(views, self.view)(data, ctx)
        return html


def _int_or_none(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise InputError(f"due_year: {value!r} is not a year")
    return int(value)


def commitment_filter(query: Query) -> pages.CommitmentFilter:
    """The commitments page's filters from its query (empty values mean no filter)."""
    return pages.CommitmentFilter(
        (query.get("status") or "").strip().upper() or None,  # "overdue" as well as "OVERDUE"
        query.get("under") or None,
        query.get("owner") or None,
        _int_or_none(query.get("due_year")),
    )


def _methodology() -> MethodologyPage:
    return {"content": {lang: localised_content("methodology", lang) for lang in pages.LANG_KEYS}}


def _search(ws: Workspace, query: Query, as_of: dt.date | None) -> models.SearchResults:
    return search_service.search(ws, query.get("q") or "", as_of=as_of)


def _indicator_ids(ws: Workspace) -> list[str]:
    return [i.id for i in ws.plan.indicators]


def _commitment_ids(ws: Workspace) -> list[str]:
    return [c.id for c in ws.plan.commitments]


def _arg(arg: str | None) -> str:
    return arg or ""


PAGES: tuple[Page, ...] = (
    Page(
        "overview", "", N_("Overview"),
        lambda ws, _arg_, _q, as_of: pages.overview_page(ws, as_of),
        models.OverviewPage, "overview_html", nav=True,
    ),
    Page(
        "plan", "plan", N_("Plan"),
        lambda ws, _arg_, _q, as_of: pages.plan_page(ws, as_of),
        models.PlanPage, "plan_html", nav=True,
    ),
    Page(
        "indicator", "indicators/{arg}", N_("Indicator"),
        lambda ws, arg, _q, as_of: pages.indicator_page(ws, _arg(arg), as_of),
        models.IndicatorPage, "indicator_html", ids=_indicator_ids,
    ),
    Page(  # the indicator's verdict and chart alone, for other sites to frame
        "embed", "embed/indicators/{arg}", N_("Indicator"),
        lambda ws, arg, _q, as_of: pages.indicator_page(ws, _arg(arg), as_of),
        models.IndicatorPage, "embed_html", ids=_indicator_ids,
    ),
    Page(
        "commitments", "commitments", N_("Commitments"),
        lambda ws, _arg_, q, as_of: pages.commitments_page(ws, as_of, commitment_filter(q)),
        models.CommitmentsPage, "commitments_html", nav=True,
    ),
    Page(
        "commitment", "commitments/{arg}", N_("Commitment"),
        lambda ws, arg, _q, as_of: pages.commitment_page(ws, _arg(arg), as_of),
        models.CommitmentPage, "commitment_html", ids=_commitment_ids,
    ),
    Page(
        "methodology", "methodology", N_("Methodology"),
        lambda _ws, _arg_, _q, _as_of: _methodology(),
        MethodologyPage, "methodology_page_html", nav=True,
    ),
    Page(
        "data", "data", N_("Data"),
        lambda ws, _arg_, _q, as_of: pages.data_page(ws, as_of),
        models.DataPage, "data_html", nav=True,
    ),
    Page(
        "search", "search", N_("Search"),
        lambda ws, _arg_, q, as_of: _search(ws, q, as_of),
        models.SearchResults, "search_page_html", nav=True,
    ),
)  # fmt: skip



#: (workspace, the document's id or None, as-of date) -> the document (no page of its own)
BuildDocument = Callable[[Workspace, str | None, dt.date | None], Any]


@dataclass(frozen=True)
class Document:
    """A JSON document of the API: ``/api/v1/<kind>`` or, with ``ids``, ``/api/v1/<kind>/{id}``
    (the static site writes ``api/v1/….json``), of type ``model``. It is a page's data
    (``page``, the same builder, type and cache entry) or built by ``build``."""

    kind: str
    model: Any  # the document's type (services.models): its named OpenAPI schema
    page: str | None = None
    build: BuildDocument | None = None
    ids: Callable[[Workspace], Iterable[str]] | None = None  # every id, for one-per-id kinds
    static: bool = True  # the static site writes it (search needs a query: server only)

    @property
    def path(self) -> str:
        """Under ``/api/v1/``, ``{arg}`` standing for the id: ``indicators/{arg}``."""
        return self.kind + ("/{arg}" if self.ids is not None else "")

    def args(self, ws: Workspace) -> list[str | None]:
        return list(self.ids(ws)) if self.ids is not None else [None]

    def data(self, ws: Workspace, arg: str | None = None, as_of: dt.date | None = None) -> Any:
        """The document for ``arg`` on ``as_of``, through the workspace's one cache (a page's
        document is its page's cache entry)."""
        if self.page is not None:
            return ws.cache.page(page(self.page), arg, (), as_of)
        build = self.build
        if build is None:
            raise ValueError(f"document {self.path!r} has neither a page nor a builder")
        return ws.cache.remember(("document", self.path, arg, as_of), lambda: build(ws, arg, as_of))


def _node_ids(ws: Workspace) -> list[str]:
    return [node.id for node in ws.plan.header.nodes]


DOCUMENTS: tuple[Document, ...] = (
    Document("plan", models.PlanPage, page="plan"),
    Document("overview", models.OverviewPage, page="overview"),
    Document("indicators", models.IndicatorPage, page="indicator", ids=_indicator_ids),
    Document("commitments", models.CommitmentsPage, page="commitments"),
    Document("search", models.SearchResults, page="search", static=False),
    # No page of their own:
    # the indicators as one list: readers see it as the overview's scorecard
    Document(
        "indicators", models.IndicatorsPage,
        build=lambda ws, _arg_, as_of: pages.indicators_list(ws, as_of),
    ),
    # a node is a section of the plan page (its anchor, plan/#<id>) with its roll-up
    Document(
        "nodes", models.NodePage,
        build=lambda ws, arg, as_of: pages.node_page(ws, _arg(arg), as_of), ids=_node_ids,
    ),
    # the publications behind the figures: the data page's "Sources" section
    Document(
        "sources", models.SourcesPage,
        build=lambda ws, _arg_, as_of: pages.sources_page(ws, as_of),
    ),
    # what was released in the year before the date: the Atom feed (updates.xml) and the
    # overview's changes show it
    Document("updates", models.Updates, build=lambda ws, _arg_, as_of: updates(ws, as_of)),
    # each status code's words, icon and tone: every page shows them beside its statuses
    Document(
        "statuses", models.StatusVocabulary,
        build=lambda _ws, _arg_, _as_of: status_vocabulary(),
    ),
)  # fmt: skip


BY_NAME: dict[str, Page] = {page.name: page for page in PAGES}
PAGE_NAMES = tuple(BY_NAME)
NAV_PAGES = tuple(page.name for page in PAGES if page.nav)


def page(name: str) -> Page:
    if name not in BY_NAME:
        raise ValueError(f"unknown page {name!r}")
    return BY_NAME[name]


def document(kind: str, *, one_per_id: bool = False) -> Document:
    """The API document ``kind`` (``one_per_id``: the ``kind/{id}`` one)."""
    for found in DOCUMENTS:
        if found.kind == kind and (found.ids is not None) == one_per_id:
            return found
    raise ValueError(f"unknown document {kind!r}")


def page_json(spec: Page, data: Any) -> Any:
    """The page's JSON twin: its data checked against its type, JSON-ready."""
    return models.page_json(spec.model, data)
