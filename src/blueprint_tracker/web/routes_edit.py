"""Editing in the browser (server mode, editors and up): every edit is a proposal for review.

Each form carries the item's version and the session's CSRF token. A proposal on an item that
changed meanwhile gets a 409 page with the user's text kept; bad fields get a 422 page with
every problem next to its field.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from blueprint_tracker.domain.account import Role
from blueprint_tracker.errors import ConflictError, InputError, Problem
from blueprint_tracker.present.labels import N_
from blueprint_tracker.services import review
from blueprint_tracker.services.review import EditRejectedError
from blueprint_tracker.web.auth import check_csrf, require_role
from blueprint_tracker.web.edit_forms import (
    EditSpec,
    correction_spec,
    evidence_spec,
    form_problems,
    merge_problems,
    observation_spec,
    withdrawal_spec,
)
from blueprint_tracker.web.server_pages import lang_of, render_page, server_context

MAX_FORM_FIELDS = 40
SpecFor = Callable[[], EditSpec]
NO_VERSION = N_("The form has lost the item's version: open the form again.")


def _render(
    request: Request,
    slug: str,
    spec: EditSpec,
    values: dict[str, str],
    status: int = 200,
    **extra: Any,
) -> Response:
    ctx = server_context(request, slug, "edit")
    version = extra.pop("version", None)
    if version is None:
        version = request.app.state.ws.review.version(request.app.state.ws.plan.id, spec.target)
    html = render_page(
        "edit.html",
        ctx,
        ctx.gettext(spec.title),
        spec=spec,
        values=values,
        version=version,
        # one key per filled-in form: a resubmission after a lost reply adds nothing
        idempotency_key=values.get("idempotency_key") or secrets.token_urlsafe(24),
        problems=extra.pop("problems", {}),
        **extra,
    )
    return HTMLResponse(html, status_code=status)


def _values(form: FormData) -> dict[str, str]:
    if len(form) > MAX_FORM_FIELDS:
        raise InputError("the form has too many fields")
    values = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
    values["flags"] = ";".join(str(v) for v in form.getlist("flags") if str(v))
    return values


def _version(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def _others(request: Request, spec: EditSpec, since: int) -> list[Any]:
    """The changes made to the item after the version the user started from."""
    ws = request.app.state.ws
    changes: list[Any] = ws.review.changes(ws.plan.id, None, spec.target)
    return changes[since:]


def _service_problems(request: Request, spec: EditSpec, payload: dict[str, Any]) -> list[Problem]:
    try:
        review.version(request.app.state.ws, spec.kind, payload)
    except EditRejectedError as exc:
        return exc.problems
    except InputError as exc:
        return [Problem("form", "form", str(exc))]
    return []


async def _submit(request: Request, slug: str, spec_for: SpecFor) -> Response:
    lang_of(request, slug)
    user = require_role(request, Role.EDITOR)
    form = await request.form()
    check_csrf(request, str(form.get("csrf_token") or ""))
    spec, values = spec_for(), _values(form)
    payload, reason = spec.payload(values), values.get("reason", "")
    base = _version(values.get("version", ""))
    found = form_problems(spec, values)
    if base is None:
        found["form"] = [NO_VERSION]
    if found:
        problems = merge_problems(found, _service_problems(request, spec, payload))
        return _render(request, slug, spec, values, 422, problems=problems)
    ws = request.app.state.ws
    try:
        key = values.get("idempotency_key") or None
        change = review.propose(ws, user, spec.kind, payload, reason, base or 0, key)
    except EditRejectedError as exc:
        return _render(request, slug, spec, values, 422, problems=merge_problems({}, exc.problems))
    except ConflictError as exc:
        others = _others(request, spec, base or 0)
        return _render(request, slug, spec, values, 409, conflict=str(exc), others=others)
    return RedirectResponse(f"/{slug}/{spec.back}?proposed={change.id}", status_code=303)


def _show(request: Request, slug: str, spec_for: SpecFor) -> Response:
    lang_of(request, slug)
    require_role(request, Role.EDITOR)
    spec = spec_for()
    return _render(request, slug, spec, dict(spec.initial))


def _pair(path: str, router: APIRouter, make: Callable[..., SpecFor]) -> None:
    """GET shows the form, POST proposes the edit; ``make`` builds the spec from the path."""

    async def post(request: Request, slug: str) -> Response:
        return await _submit(request, slug, make(request))

    def get(request: Request, slug: str) -> Response:
        return _show(request, slug, make(request))

    router.add_api_route(path, get, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route(path, post, methods=["POST"], response_class=HTMLResponse)


def _int(value: str) -> int:
    if not value.isdigit() or len(value) > 12:
        raise InputError(f"{value!r} is not the number of a stored item")
    return int(value)


def _specs(request: Request) -> dict[str, Any]:
    """The workspace, path and query parameters, and the indicator page to go back to."""
    q = request.query_params
    back = (q.get("indicator") or "")[:64] or None
    return {"ws": request.app.state.ws, "p": request.path_params, "q": q, "back": back}


def edit_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def observation(request: Request) -> SpecFor:
        s = _specs(request)
        series, period = (s["q"].get("series") or "")[:64], (s["q"].get("period") or "")[:20]
        return lambda: observation_spec(s["ws"], series, period, s["back"])

    def correction(request: Request) -> SpecFor:
        s = _specs(request)
        return lambda: correction_spec(s["ws"], _int(s["p"]["item_id"]), s["back"])

    def withdrawal(request: Request) -> SpecFor:
        s = _specs(request)
        kind, item = s["p"]["item_kind"], s["p"]["item_id"]
        return lambda: withdrawal_spec(s["ws"], kind, _int(item), s["back"])

    def evidence(request: Request) -> SpecFor:
        s = _specs(request)
        return lambda: evidence_spec(s["ws"], s["p"]["commitment"][:64], status=False)

    def status(request: Request) -> SpecFor:
        s = _specs(request)
        return lambda: evidence_spec(s["ws"], s["p"]["commitment"][:64], status=True)

    _pair("/{slug}/edit/observation/", router, observation)
    _pair("/{slug}/edit/correction/{item_id}/", router, correction)
    _pair("/{slug}/edit/withdraw/{item_kind}/{item_id}/", router, withdrawal)
    _pair("/{slug}/edit/evidence/{commitment}/", router, evidence)
    _pair("/{slug}/edit/status/{commitment}/", router, status)
    return router
