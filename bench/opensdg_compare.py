"""Open SDG's own progress code (open-sdg/sdg-build ``sdg/ProgressMeasure.py``, from a checkout
the user supplies) against our ``statcan`` method on the same series: speed and status parity.

Used by ``bench/assess_frame.py --opensdg DIR``. If the ``sdg`` package cannot be imported whole
(it needs sdg-build's own dependencies), ``ProgressMeasure.py`` is loaded by itself with a
minimal stand-in for its ``Loggable`` base class (logging only; the maths is untouched), and
the output says so.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import sys
import time
import types
from collections import Counter
from pathlib import Path
from typing import Any


class _Loggable:
    """Stand-in for sdg.Loggable: Open SDG's warnings are dropped."""

    def __init__(self, logging: Any = None) -> None:
        self.logging = logging

    def warn(self, *args: Any, **kwargs: Any) -> None:
        pass

    def debug(self, *args: Any, **kwargs: Any) -> None:
        pass


def load_series_progress(checkout: Path) -> tuple[Any, str]:
    """Open SDG's SeriesProgress class and how it was loaded."""
    sys.path.insert(0, str(checkout))
    try:
        module = importlib.import_module("sdg.ProgressMeasure")
        return module.SeriesProgress, "the sdg package"
    except Exception as exc:
        sys.path.remove(str(checkout))
        for name in [m for m in sys.modules if m == "sdg" or m.startswith("sdg.")]:
            del sys.modules[name]
        reason = f"{type(exc).__name__}: {exc}"
    shim = types.ModuleType("sdg")
    shim.Loggable = _Loggable  # type: ignore[attr-defined]
    sys.modules["sdg"] = shim
    path = checkout / "sdg" / "ProgressMeasure.py"
    spec = importlib.util.spec_from_file_location("sdg.ProgressMeasure", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SeriesProgress, f"ProgressMeasure.py alone, Loggable stubbed ({reason})"


def _indicator(frame: Any) -> Any:
    options = types.SimpleNamespace(
        series_column="Series", unit_column="Units", progress_column="Progress",
        non_disaggregation_columns=["Year", "Series", "Units", "Value"],
        get_observation_attributes=lambda: [],
    )  # fmt: skip
    return types.SimpleNamespace(inid="bench", data=frame, meta={}, options=options)


def _configs(table: Any) -> list[tuple[Any, dict[str, Any]]]:
    """Per series: Open SDG's input frame (Year, Value) and its config."""
    import pandas as pd

    frame = table.to_pandas()
    out = []
    for _, rows in frame.groupby("series_id", sort=False):
        first = rows.iloc[0]
        config: dict[str, Any] = {
            "direction": "positive" if first["direction"] > 0 else "negative",
            "base_year": int(first["base_year"]),
            "target_year": int(first["target_year"]),
        }
        if not (first["target"] is None or math.isnan(first["target"])):
            config["target"] = float(first["target"])
        data = pd.DataFrame({"Year": rows["year"].astype(int).to_numpy(),
                             "Value": rows["value"].to_numpy()})  # fmt: skip
        out.append((data, config))
    return out


def compare(checkout: Path, sample: int) -> None:
    from assess_frame import long_piece

    from blueprint_tracker import assess_frame

    series_progress, how = load_series_progress(checkout)
    table = long_piece(sample, 0, seed=1000)
    inputs = _configs(table)
    start = time.perf_counter()
    theirs: list[str | None] = []
    for data, config in inputs:
        try:
            theirs.append(series_progress(_indicator(data.copy()), config).status)
        except Exception:
            theirs.append(None)
    open_sdg = time.perf_counter() - start
    assess_frame(long_piece(10, 0, seed=1), method="statcan")  # load and compile first
    start = time.perf_counter()
    ours = assess_frame(table, method="statcan")
    mine = time.perf_counter() - start
    statuses = ours.column("status").to_pylist()
    compared = [(a, b) for a, b in zip(theirs, statuses, strict=True) if a is not None]
    agree = sum(a == b for a, b in compared)
    print(f"Open SDG ProgressMeasure ({how}):")
    print(f"  Open SDG's own code: {sample / open_sdg:12,.0f} series/s ({open_sdg:.2f} s)")
    print(f"  our statcan, assess_frame: {sample / mine:12,.0f} series/s ({mine:.3f} s), "
          f"{open_sdg / mine:,.0f}x Open SDG's speed on these {sample:,} series")  # fmt: skip
    print(f"  identical statuses: {agree}/{len(compared)} "
          f"({sample - len(compared)} series where Open SDG raises)")  # fmt: skip
    print("  our statuses:", dict(Counter(statuses).most_common()))
    differ = [i for i, (a, b) in enumerate(zip(theirs, statuses, strict=True))
              if a is not None and a != b]  # fmt: skip
    for i in differ[:3]:
        data, config = inputs[i]
        points = dict(zip(data["Year"].tolist(), data["Value"].round(4).tolist(), strict=True))
        print(f"  differs: Open SDG {theirs[i]}, ours {statuses[i]}; {config}; {points}")
