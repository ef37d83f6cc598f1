"""Engine results as an Arrow table: one row per series, the method's numbers as columns."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
import pyarrow as pa

from blueprint_tracker import i18n
from blueprint_tracker.assess import FLAG_KEYS, YEAR_KEYS, numbers_of
from blueprint_tracker.compute.explain import explain
from blueprint_tracker.compute.progress._batch import Result
from blueprint_tracker.compute.progress.engine import BOOL_KEYS, result_keys
from blueprint_tracker.domain.assessment import (
    COMPARATOR_ORDER,
    STATUS_ORDER,
    Method,
    MilestoneSpec,
)
from blueprint_tracker.tables.options import SeriesOptions

LANGUAGES = i18n.KEYS


@cache
def _statuses() -> pa.Array:
    return pa.array([status.value for status in STATUS_ORDER], type=pa.string())


def status_array(codes: np.ndarray[Any, Any]) -> pa.DictionaryArray:
    """Status codes (int8 indices, -1 = none) as a dictionary-encoded string column."""
    mask = codes < 0
    indices = pa.array(np.where(mask, 0, codes).astype(np.int8), mask=mask if mask.any() else None)
    return pa.DictionaryArray.from_arrays(indices, _statuses())


def number_array(key: str, values: np.ndarray[Any, Any]) -> pa.Array:
    """One number column: whole years as int32, flags and booleans as bool, the rest float64;
    null where the number does not apply."""
    if key in BOOL_KEYS:
        return pa.array(values, type=pa.bool_())
    mask = np.isnan(values)
    if key in YEAR_KEYS:
        return pa.array(np.where(mask, 0, values).astype(np.int32), mask=mask)
    if key in FLAG_KEYS:
        return pa.array(values == 1.0, mask=mask)
    return pa.array(values, mask=mask)


def columns_of(method: str, bootstrap: int) -> tuple[str, ...]:
    return result_keys(method, bootstrap)


def result_table(
    ids: pa.Array | pa.ChunkedArray, result: Result, method: str, bootstrap: int
) -> pa.Table:
    columns: dict[str, Any] = {
        "series_id": ids,
        "status": status_array(result["status"]),
        "trend_flag": status_array(result["trend_flag"]),
    }
    for key in columns_of(method, bootstrap):
        columns[key] = number_array(key, result[key])
    return pa.table(columns)


def explanations(
    result: Result, found: SeriesOptions, method: str, languages: Sequence[str]
) -> dict[str, pa.Array]:
    """The one-sentence explanation of every series in each language (slow: on request)."""
    v = found.values
    texts: dict[str, list[str]] = {lang: [] for lang in languages}
    for row in range(result["status"].size):
        target = v["target"][row]
        milestone = MilestoneSpec(
            target=None if np.isnan(target) else float(target),
            target_year=None if np.isnan(v["target_year"][row]) else int(v["target_year"][row]),
            comparator=COMPARATOR_ORDER[int(v["comparator"][row])],
            tolerance=float(v["tolerance"][row]),
        )
        status = STATUS_ORDER[int(result["status"][row])]
        words = explain(Method(method), status, milestone, numbers_of(result, row, method))
        for lang in languages:
            texts[lang].append(i18n.word(lang, words))
    return {lang: pa.array(texts[lang], type=pa.string()) for lang in languages}


def column_name(lang: str) -> str:
    return "explanation_" + lang.replace("-", "_").lower()


def empty_table(
    method: str, bootstrap: int, id_type: pa.DataType, languages: Sequence[str] = ()
) -> pa.Table:
    """The result of no series: the same columns (and every status code as a category)."""
    nothing = np.zeros(0)
    columns: dict[str, Any] = {
        "series_id": pa.array([], type=id_type),
        "status": status_array(np.zeros(0, dtype=np.int8)),
        "trend_flag": status_array(np.zeros(0, dtype=np.int8)),
    }
    for key in columns_of(method, bootstrap):
        columns[key] = number_array(key, nothing.astype(bool) if key in BOOL_KEYS else nothing)
    for lang in languages:
        columns[column_name(lang)] = pa.array([], type=pa.string())
    return pa.table(columns)
