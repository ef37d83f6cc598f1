"""What every page shares: the edition date, the data version and the status report by id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from blueprint_tracker import i18n
from blueprint_tracker.services.cache import data_version as data_version
from blueprint_tracker.services.models import CommitmentStatus as CommitmentStatusRow
from blueprint_tracker.services.models import Counts, IndicatorStatus, StatusReport
from blueprint_tracker.services.status import status_report as build_status_report
from blueprint_tracker.services.workspace import Workspace

LANG_KEYS = i18n.KEYS
HEADLINE_METHODS = ("escap", "eurostat", "statcan", "trend")


def edition_date(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


def status_report(ws: Workspace, as_of: dt.date | None = None) -> StatusReport:
    """The assessment report, built once per workspace, date, day and data version (a page
    shows several parts of one report, and a static build shows every part)."""
    report: StatusReport = ws.cache.remember(
        ("status-report", as_of), lambda: build_status_report(ws, as_of)
    )
    return report


@dataclass(frozen=True)
class Statuses:
    """The status report indexed by id (empty when no report is available)."""

    report: StatusReport | None

    def indicator(self, indicator_id: str) -> IndicatorStatus | None:
        rows = self.report["indicators"] if self.report else []
        return next((row for row in rows if row["id"] == indicator_id), None)

    def commitment(self, commitment_id: str) -> CommitmentStatusRow | None:
        rows = self.report["commitments"] if self.report else []
        return next((row for row in rows if row["id"] == commitment_id), None)

    def rollup(self, node_id: str) -> Counts | None:
        return self.report["rollup"].get(node_id) if self.report else None

    def counts(self) -> Counts | None:
        return self.report["counts"] if self.report else None

    def headline_method(self) -> str:
        return (self.report["headline_method"] if self.report else "") or HEADLINE_METHODS[0]


def load_statuses(ws: Workspace, as_of: dt.date | None) -> Statuses:
    return Statuses(status_report(ws, as_of))
