"""Special targets (METHODS.md section 6): a milestone whose year has passed.

Comparators ("about" with a tolerance, "not less than", "at most") are handled by
:func:`blueprint_tracker.compute.progress._batch.meets`; ratio targets are assessed on one
canonical share by the indicator's formula (see docs/methods-notes.md).
"""

from __future__ import annotations

import numpy as np

from blueprint_tracker.compute.progress._batch import (
    Batch,
    CodeArray,
    Latest,
    Result,
    code,
    has_target,
    meets,
    value_at_year,
)
from blueprint_tracker.domain.assessment import Status


def milestone_passed(batch: Batch, obs: Latest) -> Result:
    """Whether the milestone year has passed with data for it, and its final value.

    Passed means: there is an observation for the target year T and the evaluation year (when
    given) is after T. The final value is x_T.
    """
    final = value_at_year(batch, obs, batch.target_year)
    after = np.isnan(batch.evaluation_year) | (batch.evaluation_year > batch.target_year)
    passed = has_target(batch) & ~np.isnan(final) & after
    return {"milestone_passed": passed, "final_value": np.where(passed, final, np.nan)}


def settle(status: CodeArray, batch: Batch, passed: Result) -> CodeArray:
    """TARGET_MET / TARGET_MISSED by the final value where the milestone has passed."""
    if not passed["milestone_passed"].any():  # most milestones lie ahead
        return status.astype(np.int8)
    met = meets(passed["final_value"], batch)
    verdict = np.where(met, code(Status.TARGET_MET), code(Status.TARGET_MISSED))
    return np.where(passed["milestone_passed"], verdict, status).astype(np.int8)
