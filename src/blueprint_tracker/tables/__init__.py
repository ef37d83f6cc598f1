"""Bulk assessment of long tables (pandas, Polars, Arrow): chunks of whole series through the
vectorised engine, one row per series out. The public entry point is
:func:`blueprint_tracker.tables.frame.assess_frame` (also ``blueprint_tracker.assess_frame``).

Nothing here is imported by ``import blueprint_tracker``; pyarrow is needed only when used
(the ``frames`` extra).
"""
