"""``assess_frame``: a long table of series in, one row per series out, chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from blueprint_tracker.assess import AssessmentInputError, _check_bootstrap, _check_options
from blueprint_tracker.compute.progress._batch import make_batch
from blueprint_tracker.compute.progress.bootstrap import DEFAULT_SEED
from blueprint_tracker.compute.progress.engine import assess_batch
from blueprint_tracker.errors import TableRejectedError
from blueprint_tracker.tables.chunks import ID, Chunk, check_unique, in_memory, streamed
from blueprint_tracker.tables.convert import from_arrow, pieces, to_arrow
from blueprint_tracker.tables.matrix import dense
from blueprint_tracker.tables.options import (
    DEFAULTS,
    OPTION_COLUMNS,
    engine_parameters,
    scalar_defaults,
)
from blueprint_tracker.tables.options import series_options as options_of
from blueprint_tracker.tables.output import (
    LANGUAGES,
    column_name,
    empty_table,
    explanations,
    result_table,
)
from blueprint_tracker.tables.problems import TableProblems

__all__ = ["FrameRequest", "assess_frame", "iter_assess"]


@dataclass(frozen=True)
class FrameRequest:
    """The checked arguments of one bulk assessment."""

    method: str
    defaults: dict[str, float]
    bootstrap: int = 0
    seed: int = DEFAULT_SEED
    languages: tuple[str, ...] = ()
    file: str = "table"


def _languages(explanation: bool | str | None) -> tuple[str, ...]:
    if explanation in (None, False):
        return ()
    if explanation is True or explanation == "both":
        return LANGUAGES
    if explanation in LANGUAGES:
        return (str(explanation),)
    languages = ", ".join(repr(lang) for lang in LANGUAGES)
    raise AssessmentInputError(f"explanation must be {languages} or True, not {explanation!r}")


def request(
    method: str,
    *,
    bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
    explanation: bool | str | None = None,
    file: str = "table",
    **options: Any,
) -> FrameRequest:
    """Check the arguments (a bad one raises :class:`AssessmentInputError` at once)."""
    unknown = sorted(set(options) - set(OPTION_COLUMNS))
    if unknown:
        raise AssessmentInputError(f"unknown option {unknown[0]!r}")
    given = {**DEFAULTS, **{k: v for k, v in options.items() if v is not None}}
    _check_options(method, str(given["projection"]).strip().lower(), given["window"],
                   given["min_span"], given["tolerance"])  # fmt: skip
    _check_bootstrap(method, bootstrap, seed)
    return FrameRequest(method, scalar_defaults(options), bootstrap, seed,
                        _languages(explanation), file)  # fmt: skip


def _assess_chunk(chunk: Chunk, req: FrameRequest, problems: TableProblems) -> pa.Table:
    years, values = dense(chunk, problems)
    found = options_of(chunk, req.defaults, problems)
    batch = make_batch(years, values, **engine_parameters(found))
    result = assess_batch(req.method, batch, bootstrap=req.bootstrap, seed=req.seed)
    ids = chunk.table.column(ID).take(pa.array(chunk.starts[:-1]))
    table = result_table(ids, result, req.method, req.bootstrap)
    if req.languages:
        for lang, texts in explanations(result, found, req.method, req.languages).items():
            table = table.append_column(column_name(lang), texts)
    return table


def iter_assess(
    parts: Iterator[pa.Table], req: FrameRequest, *, held: bool = False
) -> Iterator[tuple[pa.Table, int]]:
    """Arrow results chunk by chunk, each with the number of input rows it consumed. `held`:
    `parts` is one table in memory (regrouped by series_id if need be), else a stream whose
    series' rows are together."""
    problems = TableProblems(req.file)
    if held:
        chunks: Iterator[Chunk] = (c for part in parts for c in in_memory(part, problems))
    else:
        chunks = streamed(parts, problems)
    seen: list[pa.Array] = []
    for chunk in chunks:  # after a bad chunk, the rest are still checked (every problem listed)
        try:
            out = _assess_chunk(chunk, req, TableProblems(req.file))
        except TableRejectedError as exc:
            problems.extend(exc.problems)
            continue
        if not problems.found:
            if not held:
                seen.append(out.column(ID).combine_chunks())
            yield out, chunk.table.num_rows
    problems.raise_if_any()
    check_unique(seen, problems)


def assess_frame(
    table: Any,
    *,
    method: str,
    direction: str | int | None = None,
    target: float | None = None,
    target_year: int | None = None,
    comparator: str | None = None,
    base_year: int | None = None,
    limit: float | None = None,
    tolerance: float | None = None,
    evaluation_year: int | None = None,
    projection: str | None = None,
    window: int | None = None,
    min_span: int | None = None,
    bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
    explanation: bool | str | None = None,
) -> Any:
    """Assess every series of a long table with `method`; one row per series comes back.

    `table` is a pandas, Polars or Arrow table (or an iterable of them, or an Arrow
    ``RecordBatchReader``, read chunk by chunk) with the columns ``series_id``, ``year`` and
    ``value`` (empty or NaN: no observation that year), and optionally any of the per-series
    option columns ``direction``, ``target``, ``target_year``, ``comparator``, ``base_year``,
    ``limit``, ``tolerance``, ``evaluation_year``, ``projection``, ``window``, ``min_span``
    (the same value on every row of a series; empty takes the keyword argument). The keyword
    arguments are those of :func:`blueprint_tracker.assess_series` and apply to every series
    without its own value. A stream must keep each series' rows together; one table in
    memory is regrouped if need be.

    The result is the same kind of table as the input: ``series_id``, ``status`` (the status
    code), ``trend_flag`` and the method's numbers (null where a number does not apply), in
    the input's order (a table whose series' rows are scattered comes back sorted by
    ``series_id``). ``explanation`` (a catalogued language, or True
    for every one) adds the one-sentence explanation, which is slow. Bad input raises
    :class:`blueprint_tracker.errors.TableRejectedError` listing the rows and columns.
    """
    req = request(method, bootstrap=bootstrap, seed=seed, explanation=explanation,
                  direction=direction, target=target, target_year=target_year,
                  comparator=comparator, base_year=base_year, limit=limit, tolerance=tolerance,
                  evaluation_year=evaluation_year, projection=projection, window=window,
                  min_span=min_span)  # fmt: skip
    parts, kind, held = pieces(table)
    outputs = [part for part, _ in iter_assess(parts, req, held=held)]
    if not outputs:
        schema = to_arrow(table).schema if held else pa.schema([])
        id_type = schema.field(ID).type if ID in schema.names else pa.string()
        return from_arrow(empty_table(method, bootstrap, id_type, req.languages), kind)
    return from_arrow(pa.concat_tables(outputs), kind)
