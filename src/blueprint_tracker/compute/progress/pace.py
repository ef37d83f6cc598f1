"""Required pace, "what would it take" (METHODS.md section 5)."""

from __future__ import annotations

from blueprint_tracker.compute.progress._batch import Batch, Latest, Result, cagr, slope


def required_pace(batch: Batch, obs: Latest) -> Result:
    """Annual growth needed from the latest value to reach the target by the target year:
    compound (when both values are > 0) and linear; NaN once the target year is reached."""
    remaining = batch.target_year - obs.t1
    return {
        "required_cagr_from_latest": cagr(obs.x1, batch.target, remaining),
        "required_slope_from_latest": slope(obs.x1, batch.target, remaining),
    }
