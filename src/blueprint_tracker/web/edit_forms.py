"""The editing forms of server mode: their fields, what they change, and the checks the browser
form needs beyond the services' own (every problem is reported next to its field)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from blueprint_tracker.domain.change import ChangeKind
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.domain.web_address import web_address_problem
from blueprint_tracker.errors import InputError, NotFoundError, Problem
from blueprint_tracker.formats.evidence_csv import summary_fields
from blueprint_tracker.present.labels import FLAGS, N_, OUTCOMES, TIERS
from blueprint_tracker.services.edit_checks import check_period
from blueprint_tracker.services.workspace import Workspace

MAX_TEXT = 500
MAX_LONG = 5000
PERIOD = re.compile(r"^[0-9]{4}([/-][0-9A-Za-z]{1,4})?$")
REQUIRED = N_("This field is required.")
BAD_URL = N_("Use an address that starts with https:// or http://.")
BAD_DATE = N_("Use a date in the form YYYY-MM-DD.")
TOO_LONG = N_("This text is too long.")
BAD_CHOICE = N_("Choose one of the listed values.")


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # msgid
    kind: str = "text"  # text | textarea | date | url | select | flags
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()  # (value, msgid)
    language: str = ""  # a text in one plan language: the label names it (%(language)s)


def _source(with_table: bool) -> tuple[Field, ...]:
    fields = [
        Field("source_agency", N_("Source agency")),
        Field("source_title", N_("Publication title")),
        Field("source_url", N_("Source address (URL)"), "url"),
    ]
    if with_table:
        fields.append(Field("source_table", N_("Table")))
        fields.append(
            # left empty, a figure counts as third-party (formats.observations_file)
            Field(
                "source_tier",
                N_("Source tier"),
                "select",
                required=False,
                choices=tuple(TIERS.items()),
            )
        )
        fields.append(Field("source_copy_url", N_("Read from (copy)"), "url", required=False))
    fields.append(Field("release_date", N_("Release date"), "date"))
    return tuple(fields)


OBSERVATION_FIELDS = (
    Field("value", N_("Value")),
    Field("unit", N_("Unit"), required=False),
    Field("flags", N_("Flags"), "flags", required=False, choices=tuple(FLAGS.items())),
    *_source(with_table=True),
    Field("note", N_("Note"), "textarea", required=False),
)
SUMMARY_IN = N_("Summary in %(language)s")


def evidence_fields(languages: Sequence[str]) -> tuple[Field, ...]:
    """The evidence form: a summary box per plan language (``summary_<suffix>``)."""
    return (
        Field("date", N_("Date of the event"), "date"),
        Field("outcome", N_("Outcome"), "select", choices=tuple(OUTCOMES.items())),
        *(
            Field(name, SUMMARY_IN, "textarea", language=lang)
            for lang, name in summary_fields(languages).items()
        ),
        *_source(with_table=False),
    )


@dataclass(frozen=True)
class EditSpec:
    """One form: the kind of change, its fields, the item it changes and where to go back."""

    kind: ChangeKind
    title: str  # msgid
    fields: tuple[Field, ...]
    fixed: dict[str, str]  # payload values set by the URL, not typed
    target: str  # the item, as the review queue names it
    back: str  # the item's page, relative to the language folder (e.g. "indicators/1.1/")
    #: (label msgid, value) shown; a value is text, or {language: text} shown in the page's
    about: list[tuple[str, Any]] = field(default_factory=list)
    initial: dict[str, str] = field(default_factory=dict)

    def payload(self, values: dict[str, str]) -> dict[str, Any]:
        return {**{f.name: values.get(f.name, "") for f in self.fields}, **self.fixed}


def _check(f: Field, value: str) -> str | None:
    if not value:
        return REQUIRED if f.required else None
    if len(value) > (MAX_LONG if f.kind == "textarea" else MAX_TEXT):
        return TOO_LONG
    if f.kind == "url" and web_address_problem(value):
        return BAD_URL
    if f.kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return BAD_DATE
    if f.kind == "select" and value not in {v for v, _ in f.choices}:
        return BAD_CHOICE
    if f.kind == "flags" and any(v not in FLAGS for v in value.split(";")):
        return BAD_CHOICE
    return None


def form_problems(spec: EditSpec, values: dict[str, str]) -> dict[str, list[str]]:
    """The browser form's own checks: required fields, lengths, URL schemes, dates, choices."""
    found: dict[str, list[str]] = {}
    for f in (*spec.fields, Field("reason", N_("Reason"), "textarea")):
        why = _check(f, values.get(f.name, ""))
        if why:
            found[f.name] = [why]
    return found


def merge_problems(found: dict[str, list[str]], problems: list[Problem]) -> dict[str, list[str]]:
    """Add the services' problems, by field (a field the form already flagged keeps its own)."""
    merged = {k: list(v) for k, v in found.items()}
    flagged = set(found)
    for p in problems:
        name = field_of(p.location)
        if name not in flagged:
            merged.setdefault(name, []).append(p.message)
    return merged


def field_of(location: str) -> str:
    """The form field a service problem is about (the services name payload fields)."""
    return location or "form"


def plain(value: float) -> str:
    """A figure as typed: 2669000, not 2.669e+06."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _observation(ws: Workspace, item_id: int) -> Observation:
    found = ws.store.get(ws.plan.id, item_id)
    if found is None:
        raise NotFoundError(f"there is no figure {item_id}")
    return found


def _indicator_back(ws: Workspace, indicator: str | None) -> str:
    if indicator and ws.plan.indicator(indicator) is not None:
        return f"indicators/{indicator}/"
    return "review/"


def _observation_values(o: Observation) -> dict[str, str]:
    return {
        "value": plain(o.value),
        "unit": o.unit,
        "flags": ";".join(o.flags),
        "source_agency": o.source.agency,
        "source_title": o.source.title,
        "source_url": o.source.url,
        "source_table": o.source.table or "",
        "source_tier": o.source.tier,
        "source_copy_url": o.source.copy_url,
        "release_date": o.release_date.isoformat(),
        "note": o.note,
    }


def observation_spec(ws: Workspace, series: str, period: str, indicator: str | None) -> EditSpec:
    if ws.plan.series_def(series) is None:
        raise InputError(f"series: unknown series {series!r}")
    if not PERIOD.match(period):
        raise InputError(f"period: {period!r} is not a period such as 2024 or 2024/25")
    check_period(ws, series, period)
    known = ws.store.latest(ws.plan.id, [series])
    unit = known[-1].unit if known else ""
    return EditSpec(
        kind=ChangeKind.OBSERVATION,
        title=N_("Propose a figure"),
        fields=OBSERVATION_FIELDS,
        fixed={"series": series, "period": period},
        target=f"series:{series}:{period}",
        back=_indicator_back(ws, indicator),
        about=[(N_("Series"), series), (N_("Period"), period)],
        initial={"unit": unit},
    )


def correction_spec(ws: Workspace, item_id: int, indicator: str | None) -> EditSpec:
    old = _observation(ws, item_id)
    return EditSpec(
        kind=ChangeKind.CORRECTION,
        title=N_("Propose a correction"),
        fields=OBSERVATION_FIELDS,
        fixed={"series": old.series, "period": old.period, "item_id": str(item_id)},
        target=f"observation:{item_id}",
        back=_indicator_back(ws, indicator),
        about=[
            (N_("Series"), old.series),
            (N_("Period"), old.period),
            (N_("Stored value"), plain(old.value)),
        ],
        initial=_observation_values(old),
    )


def withdrawal_spec(ws: Workspace, item_kind: str, item_id: int, back: str | None) -> EditSpec:
    if item_kind == "observation":
        old = _observation(ws, item_id)
        fixed = {"series": old.series, "period": old.period}
        about = [
            (N_("Series"), old.series),
            (N_("Period"), old.period),
            (N_("Stored value"), plain(old.value)),
        ]
        where = _indicator_back(ws, back)
    elif item_kind == "evidence":
        row = next((r for r in ws.review.evidence(ws.plan.id) if r["id"] == item_id), None)
        if row is None:
            raise NotFoundError(f"there is no evidence entry {item_id}")
        fixed = {"commitment": row["commitment"]}
        about = [(N_("Commitment"), row["commitment"]), (N_("Evidence"), row["summary"])]
        where = f"commitments/{row['commitment']}/"
    else:
        raise NotFoundError(f"nothing of the kind {item_kind!r} can be withdrawn")
    return EditSpec(
        kind=ChangeKind.WITHDRAWAL,
        title=N_("Propose a withdrawal"),
        fields=(),
        fixed={**fixed, "item_kind": item_kind, "item_id": str(item_id)},
        target=f"{item_kind}:{item_id}",
        back=where,
        about=about,
    )


def evidence_spec(ws: Workspace, commitment: str, status: bool) -> EditSpec:
    found = ws.plan.commitment(commitment)
    if found is None:
        raise NotFoundError(f"no commitment has the id {commitment!r}")
    return EditSpec(
        kind=ChangeKind.COMMITMENT_STATUS if status else ChangeKind.EVIDENCE,
        title=N_("Propose a commitment status") if status else N_("Add commitment evidence"),
        fields=evidence_fields(ws.plan.header.languages),
        fixed={"commitment": commitment},
        target=f"commitment:{commitment}",
        back=f"commitments/{commitment}/",
        about=[
            (
                N_("Commitment"),
                {
                    lang: f"{commitment}: {words}"
                    for lang, words in found.text.texts(ws.plan.header.languages).items()
                },
            )
        ],
    )
