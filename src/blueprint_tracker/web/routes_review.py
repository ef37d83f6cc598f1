"""The review queue (reviewers and up), the audit CSV, and the commitment item page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from blueprint_tracker.domain.account import Role
from blueprint_tracker.domain.change import Change, ChangeKind
from blueprint_tracker.errors import ConflictError, NotFoundError
from blueprint_tracker.present import registry
from blueprint_tracker.services import review
from blueprint_tracker.services.audit import audit_csv
from blueprint_tracker.services.indicators import observation_data
from blueprint_tracker.services.models import CommitmentRow, CommitmentsPage
from blueprint_tracker.services.review import EditRejectedError
from blueprint_tracker.services.workspace import Workspace
from blueprint_tracker.web.audit_view import side_by_side
from blueprint_tracker.web.auth import check_csrf, require_role
from blueprint_tracker.web.responses import csv_response
from blueprint_tracker.web.server_pages import render_page, server_context
from blueprint_tracker.web.state import page_cache

Comment = Annotated[str, Form(max_length=2000)]
Short = Annotated[str, Form(max_length=200)]


def _flat_observation(ws: Workspace, item_id: int) -> dict[str, Any] | None:
    found = ws.store.get(ws.plan.id, item_id)
    if found is None:
        return None
    data: dict[str, Any] = dict(observation_data(found))
    source = data.pop("source")
    return {**data, **{f"source_{k}": v for k, v in source.items()}}


def _status_of(request: Request, commitment: str) -> dict[str, Any]:
    row = next((c for c in _commitments(request) if c["id"] == commitment), None)
    return {"status": row["status"]} if row else {}


def _before(request: Request, change: Change) -> dict[str, Any] | None:
    """The item as it stands now, to compare with the proposal."""
    ws, p = request.app.state.ws, change.payload
    if change.kind is ChangeKind.CORRECTION or p.get("item_kind") == "observation":
        return _flat_observation(ws, int(p["item_id"]))
    if p.get("item_kind") == "evidence":
        rows = ws.review.evidence(ws.plan.id)
        return next((dict(r) for r in rows if r["id"] == int(p["item_id"])), None)
    if change.kind is ChangeKind.COMMITMENT_STATUS:
        return _status_of(request, str(p.get("commitment")))
    return None


def _entry(request: Request, change: Change) -> dict[str, Any]:
    before = _before(request, change)
    after = {k: v for k, v in change.payload.items() if k not in ("item_kind",)}
    return {"change": change, "rows": side_by_side(before, after), "has_before": bool(before)}


def _queue_page(request: Request, slug: str, status: int = 200, **extra: Any) -> Response:
    ctx = server_context(request, slug, "review")
    entries = [_entry(request, c) for c in review.queue(request.app.state.ws)]
    html = render_page(
        "review.html",
        ctx,
        ctx.gettext("Review queue"),
        entries=entries,
        problems=extra.pop("problems", {}),
        comments=extra.pop("comments", {}),
        **extra,
    )
    return HTMLResponse(html, status_code=status)


def _commitments(request: Request) -> list[CommitmentRow]:
    data: CommitmentsPage = page_cache(request).page(registry.page("commitments"))
    return data["commitments"]


def _store_evidence(ws: Workspace, commitment: str) -> list[dict[str, Any]]:
    return [dict(r) for r in ws.review.evidence(ws.plan.id) if r["commitment"] == commitment]


def review_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/{slug}/review/", response_class=HTMLResponse)
    def queue(request: Request, slug: str) -> Response:
        server_context(request, slug, "review")
        require_role(request, Role.REVIEWER)
        return _queue_page(request, slug)

    @router.post("/{slug}/review/{change_id}/", response_class=HTMLResponse)
    def decide(
        request: Request,
        slug: str,
        change_id: int,
        comment: Comment = "",
        decision: Short = "",
        csrf_token: Short = "",
    ) -> Response:
        server_context(request, slug, "review")
        user = require_role(request, Role.REVIEWER)
        check_csrf(request, csrf_token)
        if decision not in ("approve", "reject"):
            raise NotFoundError(f"no decision {decision!r}: approve or reject")
        try:
            review.decide(request.app.state.ws, user, change_id, decision == "approve", comment)
        except EditRejectedError:
            problems = {change_id: ["comment"]}
            return _queue_page(request, slug, 422, problems=problems, comments={change_id: comment})
        except ConflictError as exc:
            return _queue_page(request, slug, 409, conflict=str(exc))
        page_cache(request).invalidate()
        return RedirectResponse(f"/{slug}/review/?decided={change_id}", status_code=303)

    @router.get("/audit.csv")
    def audit(request: Request) -> Response:
        require_role(request, Role.REVIEWER)
        return csv_response(audit_csv(request.app.state.ws), "audit")

    @router.get("/{slug}/commitments/{commitment_id}/", response_class=HTMLResponse)
    def commitment(request: Request, slug: str, commitment_id: str) -> Response:
        ctx = server_context(request, slug, "commitment", commitment_id)
        row = next((c for c in _commitments(request) if c["id"] == commitment_id), None)
        if row is None:
            raise NotFoundError(f"no commitment has the id {commitment_id!r}")
        stored = _store_evidence(request.app.state.ws, commitment_id) if ctx.account else []
        html = render_page("commitment.html", ctx, row["id"], c=row, stored=stored)
        return HTMLResponse(html)

    return router
