"""What server mode adds to pages: the account bar, the item's audit trail, and the page
context of the server-only pages (login, editing, review)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import HTTPException, Request

from blueprint_tracker.domain.account import Role
from blueprint_tracker.i18n import KEYS, lang_of_slug, slug_of
from blueprint_tracker.present.labels import N_
from blueprint_tracker.present.render import render
from blueprint_tracker.present.urls import Linker
from blueprint_tracker.present.views import PAGE_TITLES, PageContext
from blueprint_tracker.web.audit_view import (
    commitment_trail,
    indicator_series,
    series_trail,
    side_by_side,
)
from blueprint_tracker.web.auth import current_account, server_mode

#: coded words shown in server pages (roles, kinds of change, statuses, audit actions)
WORDS = (
    N_("viewer"),
    N_("editor"),
    N_("reviewer"),
    N_("admin"),
    N_("observation"),
    N_("evidence"),
    N_("commitment_status"),
    N_("correction"),
    N_("withdrawal"),
    N_("pending"),
    N_("approved"),
    N_("rejected"),
    N_("propose"),
    N_("add"),
    N_("withdraw"),
)


def lang_of(request: Request, slug: str) -> str:
    """The language of a page slug among the plan's languages (404 for another)."""
    languages = request.app.state.site.get("languages") or KEYS
    lang = lang_of_slug(slug, languages)
    if lang is None:
        use = " or ".join(slug_of(lang) for lang in languages)
        raise HTTPException(404, f"no language {slug!r}: use {use}")
    return lang


def _flash(request: Request) -> dict[str, str]:
    """The edit or decision just made (from the redirect's query string)."""
    found = {}
    for key in ("proposed", "decided"):
        value = request.query_params.get(key, "")
        if value.isdigit() and len(value) < 12:
            found[key] = value
    return found


def _trail(request: Request, page: str, arg: str | None) -> list[dict[str, Any]] | None:
    ws = request.app.state.ws
    if page == "indicator" and arg:
        return series_trail(ws, indicator_series(ws, arg))
    if page == "commitment" and arg:
        return commitment_trail(ws, arg)
    return None


def server_parts(request: Request, page: str, arg: str | None = None) -> dict[str, Any]:
    """PageContext fields for a page in server mode ({} in public mode).

    The audit trail shows proposals that are not public yet, so only logged-in users see it.
    """
    if not server_mode(request):
        return {}
    account = current_account(request)
    extras: dict[str, Any] = {"flash": _flash(request)}
    if account is not None:
        extras["trail"] = _trail(request, page, arg)
        extras["side_by_side"] = side_by_side
    return {"server": True, "account": account, "extras": extras}


def server_context(request: Request, slug: str, page: str, arg: str | None = None) -> PageContext:
    """The context of a server-only page (its links are relative to its own path)."""
    lang = lang_of(request, slug)
    current = request.url.path.lstrip("/")
    return PageContext(
        lang=lang,
        link=Linker(lang, current),
        site=request.app.state.site,
        edition=dt.date.today().isoformat(),
        page=page,
        **server_parts(request, page, arg),
    )


def render_page(template: str, ctx: PageContext, title: str, **data: Any) -> str:
    return render(
        template,
        ctx.lang,
        ctx.link,
        ctx=ctx,
        title=title,
        page_titles=PAGE_TITLES,
        roles=[r.value for r in Role],
        **data,
    )
