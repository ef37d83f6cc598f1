"""HTML for each page type from its page data (used by the server and the static site)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from blueprint_tracker.i18n import translations
from blueprint_tracker.present import registry
from blueprint_tracker.present.assets import localised_content
from blueprint_tracker.present.charts import (
    breakdown_chart,
    chart_rows,
    chart_summary,
    indicator_chart,
)
from blueprint_tracker.present.peer_charts import peer_chart, peer_summary
from blueprint_tracker.present.render import render
from blueprint_tracker.present.urls import Linker, relative
from blueprint_tracker.services.models import (
    CommitmentPage,
    CommitmentsPage,
    DataPage,
    IndicatorPage,
    OverviewPage,
    PlanHeader,
    PlanPage,
    SearchResults,
)

PAGE_TITLES = {page.name: page.title for page in registry.PAGES}  # English message ids


@dataclass(frozen=True)
class PageContext:
    """What every page needs besides its own data."""

    lang: str
    link: Linker
    site: PlanHeader  # the plan's header: title, vision, publisher, ...
    edition: str  # ISO date of the edition (the as-of date, or today)
    page: str
    as_of: str | None = None
    static: bool = False
    server: bool = False  # server mode: login link, account bar, editing
    account: Any = None  # the logged-in user (web.auth.Account) or None
    extras: dict[str, Any] = field(default_factory=dict)  # server-mode additions to a page
    base_url: str = ""  # the site's absolute root ("https://host/prefix/") when known, else ""

    def gettext(self, message: str) -> str:
        return str(translations(self.lang).gettext(message))

    def absolute(self, name: str = "") -> str:
        """``name`` in the current page's folder as an absolute URL, or relative without a base."""
        if not self.base_url:
            return name
        return self.base_url.rstrip("/") + "/" + self.link.current.lstrip("/") + name

    def path(self, target: str) -> str:
        """A relative link to a root-relative server path, e.g. ``en/review/``."""
        return relative(self.link.current, target)


def _render(template: str, ctx: PageContext, title: str, **data: Any) -> str:
    return render(
        template, ctx.lang, ctx.link, ctx=ctx, title=title, page_titles=PAGE_TITLES, **data
    )


def overview_html(data: OverviewPage, ctx: PageContext) -> str:
    return _render("overview.html", ctx, ctx.gettext("Overview"), d=data)


def plan_html(data: PlanPage, ctx: PageContext) -> str:
    return _render("plan.html", ctx, ctx.gettext("Plan"), d=data)


def _indicator_view(template: str, data: IndicatorPage, ctx: PageContext, **extra: Any) -> str:
    indicator = data["indicator"]
    name = str((indicator.get("name") or {}).get(ctx.lang, indicator["id"]))
    return _render(
        template,
        ctx,
        f"{indicator['id']} {name}",
        d=data,
        spec=indicator_chart(data, ctx.lang, ctx.gettext),
        summary=chart_summary(data, ctx.lang, ctx.gettext),
        **extra,
    )


def indicator_html(data: IndicatorPage, ctx: PageContext) -> str:
    return _indicator_view(
        "indicator.html",
        data,
        ctx,
        breakdown=breakdown_chart(data, ctx.lang, ctx.gettext),
        rows=chart_rows(data),
        peer_spec=peer_chart(data, ctx.lang, ctx.gettext),
        peer_summary=peer_summary(data, ctx.lang, ctx.gettext),
    )


def embed_html(data: IndicatorPage, ctx: PageContext) -> str:
    """The verdict and chart of one indicator for another site's frame (``/embed/…``)."""
    return _indicator_view("embed.html", data, ctx)


def commitments_html(data: CommitmentsPage, ctx: PageContext) -> str:
    return _render("commitments.html", ctx, ctx.gettext("Commitments"), d=data)


def commitment_html(data: CommitmentPage, ctx: PageContext) -> str:
    c: Mapping[str, Any] = data["commitment"]
    title = str((c.get("title") or c.get("text") or {}).get(ctx.lang, c["id"]))
    return _render("commitment.html", ctx, title, c=c, path=data["path"], stored=[])


def methodology_html(ctx: PageContext) -> str:
    return _render(
        "methodology.html",
        ctx,
        ctx.gettext("Methodology"),
        methods=localised_content("methodology", ctx.lang),
    )


def data_html(data: DataPage, ctx: PageContext) -> str:
    return _render("data.html", ctx, ctx.gettext("Data"), d=data)


def methodology_page_html(_data: Any, ctx: PageContext) -> str:
    """The methodology page (its text comes from the content files in ``ctx.lang``)."""
    return methodology_html(ctx)


def search_page_html(data: SearchResults, ctx: PageContext) -> str:
    """The search page with the results of its query (just the form without one)."""
    return search_html(data if data["query"] else None, ctx)


def search_html(
    data: SearchResults | None,
    ctx: PageContext,
    index: list[dict[str, Any]] | None = None,
    chars: dict[str, str] | None = None,
) -> str:
    return _render("search.html", ctx, ctx.gettext("Search"), d=data, index=index, chars=chars)


def error_html(ctx: PageContext, status: int, message: str) -> str:
    return _render("error.html", ctx, ctx.gettext("Error"), status=status, message=message)
