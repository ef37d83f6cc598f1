"""The engine's passes over the (series x years) values, in one place and two backends.

Each function scans every row once and returns one value per series: the last or first
observed column, the first observed column in a range of years, and the least-squares sums of
the trend method. The ``numpy`` backend works on whole arrays; the ``numba`` backend (the
``fast`` extra) runs one compiled loop per row, reading each value once and stopping early.
Both give bit-identical results: they pick the same columns, and the sums add the same
products in the same (column) order. Everything transcendental (log, power, the t
distribution) stays in numpy for both, on one value per series.

The backend is numba when it can be imported, unless ``BLUEPRINT_NUMBA=0``; ``use()`` sets it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
Found = tuple[BoolArray, IntArray, FloatArray]  # found, column, value (NaN when not found)
BACKENDS = ("numpy", "numba")
_state: dict[str, Any] = {}


def _np_last(values: FloatArray) -> tuple[BoolArray, IntArray, FloatArray]:
    observed = ~np.isnan(values)
    has_any = np.asarray(observed.any(axis=1), dtype=np.bool_)
    width = observed.shape[1]
    index = (width - 1 - np.argmax(observed[:, ::-1], axis=1)).astype(np.int64)
    return has_any, index, np.take_along_axis(values, index[:, None], axis=1)[:, 0]


def _np_first_in(
    values: FloatArray, years: FloatArray, low: FloatArray, high: FloatArray, closed: bool
) -> Found:
    y = years[None, :]
    with np.errstate(invalid="ignore"):
        upper = (y <= high[:, None]) if closed else (y < high[:, None])
        inside = ~np.isnan(values) & (y >= low[:, None]) & upper
    found = np.asarray(inside.any(axis=1), dtype=np.bool_)
    index = np.argmax(inside, axis=1).astype(np.int64)
    value = np.take_along_axis(values, index[:, None], axis=1)[:, 0]
    return found, index, np.where(found, value, np.nan)


def _np_fit_sums(values: FloatArray, y: FloatArray, years: FloatArray) -> tuple[FloatArray, ...]:
    """Least squares of y on the year over the observed cells, column by column (see module
    docstring); also the sum of the observed values."""
    observed = ~np.isnan(values)
    weight = observed.astype(np.float64)
    yy = np.where(observed, y, 0.0)
    rows, width = values.shape
    n, s_t, s_y, s_x = (np.zeros(rows) for _ in range(4))
    for j in range(width):
        w = weight[:, j]
        n += w
        s_t += w * years[j]
        s_y += w * yy[:, j]
        s_x += np.where(observed[:, j], values[:, j], 0.0)
    with np.errstate(all="ignore"):
        t_mean, y_mean = s_t / n, s_y / n
        sxx, sxy = np.zeros(rows), np.zeros(rows)
        for j in range(width):
            dt = weight[:, j] * (years[j] - t_mean)
            sxx += dt * dt
            sxy += dt * (yy[:, j] - y_mean)
        beta = sxy / sxx
        alpha = y_mean - beta * t_mean
        ss = np.zeros(rows)
        for j in range(width):
            resid = weight[:, j] * (yy[:, j] - alpha - beta * years[j])
            ss += resid * resid
    return n, t_mean, sxx, beta, alpha, ss, s_x


def _np_non_positive(values: FloatArray) -> BoolArray:
    with np.errstate(invalid="ignore"):
        return np.asarray((~np.isnan(values) & ~(values > 0)).any(axis=1), dtype=np.bool_)


NUMPY = SimpleNamespace(
    last=_np_last, first_in=_np_first_in, fit_sums=_np_fit_sums, non_positive=_np_non_positive
)


def _numba_backend() -> SimpleNamespace | None:
    try:
        from blueprint_tracker.compute.progress import _scan_numba
    except ImportError:
        return None
    return SimpleNamespace(
        last=_scan_numba.last,
        first_in=_scan_numba.first_in,
        fit_sums=_scan_numba.fit_sums,
        non_positive=_scan_numba.non_positive,
    )


def use(name: str | None) -> str:
    """Select the backend ("numpy", "numba", or None for the default); returns the one in use
    (numpy when numba is asked for but not installed)."""
    if name not in (None, *BACKENDS):
        raise ValueError(f"backend must be one of {BACKENDS}, not {name!r}")
    if name is None:
        name = "numpy" if os.environ.get("BLUEPRINT_NUMBA", "1") == "0" else "numba"
    chosen = _numba_backend() if name == "numba" else None
    _state["name"] = "numba" if chosen is not None else "numpy"
    _state["impl"] = chosen or NUMPY
    return str(_state["name"])


def backend() -> str:
    if "impl" not in _state:
        use(None)
    return str(_state["name"])


def _impl(name: str) -> Callable[..., Any]:
    if "impl" not in _state:
        use(None)
    function: Callable[..., Any] = getattr(_state["impl"], name)
    return function


def last_observed(values: FloatArray) -> tuple[BoolArray, IntArray, FloatArray]:
    """Whether each row has a value, the column of its last one (0 when none) and the value
    in that column."""
    result: tuple[BoolArray, IntArray, FloatArray] = _impl("last")(values)
    return result


def first_in(
    values: FloatArray, years: FloatArray, low: FloatArray, high: FloatArray, closed: bool
) -> Found:
    """Per row, the first observed column whose year is in [low, high] (`closed`) or
    [low, high); NaN bounds match nothing."""
    result: Found = _impl("first_in")(values, years, low, high, closed)
    return result


def fit_sums(values: FloatArray, y: FloatArray, years: FloatArray) -> tuple[FloatArray, ...]:
    """n, mean year, Sxx, slope, intercept, residual sum of squares and the sum of the
    observed values (y: the transformed values, used where observed)."""
    result: tuple[FloatArray, ...] = _impl("fit_sums")(values, y, years)
    return result


def non_positive(values: FloatArray) -> BoolArray:
    """Whether any observed value of each row is <= 0."""
    result: BoolArray = _impl("non_positive")(values)
    return result


def fused(method: str) -> Callable[..., Any] | None:
    """``run(method, batch, chunk)``: the whole `method` as compiled loops, when the backend is
    numba and one exists (else None)."""
    if backend() != "numba":
        return None
    from blueprint_tracker.compute.progress import _fused_numba

    if method not in _fused_numba.FUSED:
        return None
    runner: Callable[..., Any] = _fused_numba.run
    return runner
