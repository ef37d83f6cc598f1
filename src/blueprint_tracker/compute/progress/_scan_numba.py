"""The numba backend of :mod:`blueprint_tracker.compute.progress._scan` (the ``fast`` extra):
one compiled loop per row, the same comparisons and the same order of additions as numpy."""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

from blueprint_tracker.compute.progress._scan import BoolArray, FloatArray, Found, IntArray

_jit = numba.njit(cache=True, nogil=True, error_model="numpy")


@_jit
def _last(values: Any, has_any: Any, index: Any, out: Any) -> None:  # pragma: no cover
    rows, width = values.shape
    for i in range(rows):
        has_any[i] = False
        index[i] = 0
        out[i] = values[i, 0]
        for j in range(width - 1, -1, -1):
            if not np.isnan(values[i, j]):
                has_any[i] = True
                index[i] = j
                out[i] = values[i, j]
                break


@_jit
def _first_in(
    values: Any, years: Any, low: Any, high: Any, closed: bool, found: Any, index: Any, out: Any
) -> None:  # pragma: no cover - compiled
    rows, width = values.shape
    for i in range(rows):
        found[i] = False
        index[i] = 0
        out[i] = np.nan
        lo, hi = low[i], high[i]
        for j in range(width):
            year = years[j]
            upper = year <= hi if closed else year < hi
            if not upper and year > hi:
                break
            if year >= lo and upper and not np.isnan(values[i, j]):
                found[i] = True
                index[i] = j
                out[i] = values[i, j]
                break


@_jit
def _fit_sums(values: Any, y: Any, years: Any, out: Any) -> None:  # pragma: no cover
    rows, width = values.shape
    for i in range(rows):
        n = s_t = s_y = s_x = 0.0
        for j in range(width):
            v = values[i, j]
            w = 0.0 if np.isnan(v) else 1.0
            yy = y[i, j] if w == 1.0 else 0.0
            n += w
            s_t += w * years[j]
            s_y += w * yy
            s_x += v if w == 1.0 else 0.0
        t_mean, y_mean = s_t / n, s_y / n
        sxx = sxy = 0.0
        for j in range(width):
            w = 0.0 if np.isnan(values[i, j]) else 1.0
            yy = y[i, j] if w == 1.0 else 0.0
            dt = w * (years[j] - t_mean)
            sxx += dt * dt
            sxy += dt * (yy - y_mean)
        beta = sxy / sxx
        alpha = y_mean - beta * t_mean
        ss = 0.0
        for j in range(width):
            w = 0.0 if np.isnan(values[i, j]) else 1.0
            yy = y[i, j] if w == 1.0 else 0.0
            resid = w * (yy - alpha - beta * years[j])
            ss += resid * resid
        out[0, i], out[1, i], out[2, i], out[3, i] = n, t_mean, sxx, beta
        out[4, i], out[5, i], out[6, i] = alpha, ss, s_x


@_jit
def _non_positive(values: Any, out: Any) -> None:  # pragma: no cover - compiled
    rows, width = values.shape
    for i in range(rows):
        out[i] = False
        for j in range(width):
            v = values[i, j]
            if not np.isnan(v) and not v > 0:
                out[i] = True
                break


def last(values: FloatArray) -> tuple[BoolArray, IntArray, FloatArray]:
    rows = values.shape[0]
    has_any, index = np.empty(rows, dtype=np.bool_), np.empty(rows, dtype=np.int64)
    out = np.empty(rows)
    _last(np.ascontiguousarray(values), has_any, index, out)
    return has_any, index, out


def first_in(
    values: FloatArray, years: FloatArray, low: FloatArray, high: FloatArray, closed: bool
) -> Found:
    rows = values.shape[0]
    found, index = np.empty(rows, dtype=np.bool_), np.empty(rows, dtype=np.int64)
    out = np.empty(rows)
    _first_in(np.ascontiguousarray(values), years, np.asarray(low, dtype=np.float64),
              np.asarray(high, dtype=np.float64), closed, found, index, out)  # fmt: skip
    return found, index, out


def fit_sums(values: FloatArray, y: FloatArray, years: FloatArray) -> tuple[FloatArray, ...]:
    rows = values.shape[0]
    out = np.empty((7, rows))
    _fit_sums(np.ascontiguousarray(values), np.ascontiguousarray(y), years, out)
    return tuple(out)


def non_positive(values: FloatArray) -> BoolArray:
    out = np.empty(values.shape[0], dtype=np.bool_)
    _non_positive(np.ascontiguousarray(values), out)
    return out
