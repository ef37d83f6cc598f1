"""Edits wait for review: editors propose, reviewers approve or reject; everything is audited."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from blueprint_tracker.domain.account import Role, User
from blueprint_tracker.domain.change import Change, ChangeKind, ChangeStatus
from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.errors import InputError, NotFoundError, Problem, ProblemsError
from blueprint_tracker.formats.evidence_csv import AFTER, BEFORE, summary_fields
from blueprint_tracker.formats.observations_file import parse_observation_row
from blueprint_tracker.services.accounts import require
from blueprint_tracker.services.edit_checks import evidence_problems, figure_problems
from blueprint_tracker.services.workspace import Workspace
from blueprint_tracker.store import edits
from blueprint_tracker.store.review import Effect

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# the evidence file's columns that a form fills in directly
#: the evidence fields of a payload besides the commitment, the flags and the summaries
EVIDENCE_FIELDS = tuple(c for c in (*BEFORE, *AFTER) if c not in ("commitment", "flags"))


class EditRejectedError(ProblemsError):
    """A proposed edit with bad fields; nothing was queued."""

    code = "invalid_edit"


def _observation(ws: Workspace, payload: dict[str, Any]) -> Any:
    known = {s.id for s in ws.plan.series}
    observation, problems = parse_observation_row(payload, known)
    found = [Problem("form", col, why) for col, why in problems]
    if observation is not None:
        found += figure_problems(ws, observation)
    if found or observation is None:
        raise EditRejectedError("the figure cannot be accepted", found)
    return observation


def _field(loc: tuple[int | str, ...], summaries: dict[str, str]) -> str:
    """The payload field a validation error is about (``summary.es`` → ``summary_es``)."""
    if len(loc) == 2 and loc[0] == "summary" and str(loc[1]) in summaries:
        return summaries[str(loc[1])]
    return ".".join(map(str, loc))


def _evidence(ws: Workspace, commitment: str, payload: dict[str, Any]) -> Evidence:
    if ws.plan.commitment(commitment) is None:
        raise NotFoundError(f"no commitment has the id {commitment!r}")
    fields = summary_fields(ws.plan.header.languages)  # {language: "summary_<suffix>"}
    record = {
        "commitment": commitment,
        "summary": {lang: str(payload.get(name) or "") for lang, name in fields.items()},
        "flags": tuple(f for f in str(payload.get("flags") or "").split(";") if f),
        **{k: str(payload.get(k) or "").strip() for k in EVIDENCE_FIELDS},
    }
    try:
        evidence = Evidence.model_validate(record)
    except ValidationError as exc:
        problems = [Problem("form", _field(e["loc"], fields), e["msg"]) for e in exc.errors()]
        raise EditRejectedError("the evidence cannot be accepted", problems) from None
    found = evidence_problems(ws, evidence)
    if evidence.release_date > dt.date.today():
        found.append(Problem("form", "release_date", "is in the future"))
    if found:
        raise EditRejectedError("the evidence cannot be accepted", found)
    return evidence


def _target(ws: Workspace, kind: ChangeKind, payload: dict[str, Any]) -> str:
    """Check the payload for its kind and name the item it changes."""
    if kind is ChangeKind.OBSERVATION:
        o = _observation(ws, payload)
        return f"series:{o.series}:{o.period}"
    if kind in (ChangeKind.EVIDENCE, ChangeKind.COMMITMENT_STATUS):
        commitment = str(payload.get("commitment") or "")
        _evidence(ws, commitment, payload)
        return f"commitment:{commitment}"
    item_kind = "observation" if kind is ChangeKind.CORRECTION else str(payload.get("item_kind"))
    if item_kind not in ("observation", "evidence"):
        raise InputError("a withdrawal is of an 'observation' or an 'evidence' entry")
    item_id = _item_id(payload)
    if kind is ChangeKind.CORRECTION:
        if ws.store.get(ws.plan.id, item_id) is None:
            raise NotFoundError(f"there is no figure {item_id}")
        _observation(ws, payload)
    return f"{item_kind}:{item_id}"


def _item_id(payload: dict[str, Any]) -> int:
    try:
        return int(payload.get("item_id", ""))
    except (TypeError, ValueError):
        raise InputError("item_id must be the number of a stored item") from None


def version(ws: Workspace, kind: ChangeKind | str, payload: dict[str, Any]) -> int:
    """The version a form for this item must carry (how many changes it has had)."""
    return ws.review.version(ws.plan.id, _target(ws, ChangeKind(kind), payload))


def propose(
    ws: Workspace,
    user: User | None,
    kind: ChangeKind | str,
    payload: dict[str, Any],
    reason: str,
    base_version: int,
    idempotency_key: str | None = None,
) -> Change:
    """Queue an edit for review (editors and up); a stale ``base_version`` is a conflict.

    With an ``idempotency_key`` (the form's), a retry of a submission that was stored (its
    reply lost) returns the stored change and adds nothing."""
    editor = require(user, Role.EDITOR)
    if idempotency_key is not None and not IDEMPOTENCY_KEY.match(idempotency_key):
        raise InputError("idempotency_key: 16 to 64 letters, digits, - or _")
    if not reason.strip():
        raise EditRejectedError("every edit needs a reason", [Problem("form", "reason", "empty")])
    change_kind = ChangeKind(kind)
    target = _target(ws, change_kind, payload)
    return ws.review.propose(
        ws.plan.id,
        change_kind,
        target,
        payload,
        reason.strip(),
        editor.name,
        base_version,
        idempotency_key,
    )


def _effect(ws: Workspace) -> Effect:
    plan_id = ws.plan.id

    def apply(conn: Any, change: Change) -> list[dict[str, Any]]:
        payload = change.payload
        if change.kind is ChangeKind.OBSERVATION:
            new_id = edits.add_observation(conn, plan_id, _observation(ws, payload))
            return [{"action": "add", "kind": "observation", "key": str(new_id), "after": payload}]
        if change.kind in (ChangeKind.EVIDENCE, ChangeKind.COMMITMENT_STATUS):
            item = _evidence(ws, str(payload["commitment"]), payload)
            new_id = edits.add_evidence(conn, plan_id, item, change.id)
            return [{"action": "add", "kind": "evidence", "key": str(new_id), "after": payload}]
        item_kind = "observation" if change.kind is ChangeKind.CORRECTION else payload["item_kind"]
        before = edits.withdraw(
            conn, plan_id, item_kind, _item_id(payload), change.reason, change.id
        )
        entries = [
            {
                "action": "withdraw",
                "kind": item_kind,
                "key": str(_item_id(payload)),
                "before": before,
            }
        ]
        if change.kind is ChangeKind.CORRECTION:
            new_id = edits.add_observation(conn, plan_id, _observation(ws, payload))
            entries.append(
                {"action": "add", "kind": "observation", "key": str(new_id), "after": payload}
            )
        return entries

    return apply


def decide(ws: Workspace, user: User | None, change_id: int, approve: bool, comment: str) -> Change:
    """Approve (writing the change, all or nothing) or reject, with a comment (reviewers)."""
    reviewer = require(user, Role.REVIEWER)
    if not comment.strip():
        raise EditRejectedError("a decision needs a comment", [Problem("form", "comment", "empty")])
    return ws.review.decide(change_id, reviewer.name, approve, comment.strip(), _effect(ws))


def queue(ws: Workspace, status: ChangeStatus | None = ChangeStatus.PENDING) -> list[Change]:
    return ws.review.changes(ws.plan.id, status)
