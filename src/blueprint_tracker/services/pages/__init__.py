"""Page data for the dashboard, the JSON API, the static site and the reports, one module per
page; each builder returns its page's type from ``services.models``.

- ``statuses``: the edition date, the data version, the status report indexed by id
- ``indicators``: the indicator list and the indicator page
- ``changes``: what changed since the last edition
- ``plan``: the overview, the plan tree and one node
- ``commitments``: the commitments tracker and its filters
- ``data``: sources, series coverage, gaps, notes, the observation rows
"""

from blueprint_tracker.services.pages.changes import CHANGES_WINDOW_DAYS, change_kind, changes_since
from blueprint_tracker.services.pages.commitments import (
    CommitmentFilter,
    commitment_list,
    commitment_page,
    commitments_page,
)
from blueprint_tracker.services.pages.data import (
    data_notes,
    data_page,
    observation_rows,
    sources_page,
)
from blueprint_tracker.services.pages.indicators import (
    headline_status,
    indicator_card,
    indicator_cards,
    indicator_page,
    indicators_list,
    milestone_statuses,
)
from blueprint_tracker.services.pages.plan import node_page, overview_page, plan_page
from blueprint_tracker.services.pages.statuses import (
    HEADLINE_METHODS,
    LANG_KEYS,
    Statuses,
    data_version,
    edition_date,
    load_statuses,
    status_report,
)

__all__ = [
    "CHANGES_WINDOW_DAYS",
    "HEADLINE_METHODS",
    "LANG_KEYS",
    "CommitmentFilter",
    "Statuses",
    "change_kind",
    "changes_since",
    "commitment_list",
    "commitment_page",
    "commitments_page",
    "data_notes",
    "data_page",
    "data_version",
    "edition_date",
    "headline_status",
    "indicator_card",
    "indicator_cards",
    "indicator_page",
    "indicators_list",
    "load_statuses",
    "milestone_statuses",
    "node_page",
    "observation_rows",
    "overview_page",
    "plan_page",
    "sources_page",
    "status_report",
]
