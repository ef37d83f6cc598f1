"""Commands on assessments: status (the plan on a date) and assess (any series from a file)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from blueprint_tracker.cli.output import (
    AsOfOption,
    JsonOption,
    LangOption,
    console,
    heads,
    parse_date,
    parse_lang,
    print_json,
    say,
    status_word,
    t,
)
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.domain.marks import N_
from blueprint_tracker.errors import InputError

if TYPE_CHECKING:
    from blueprint_tracker.formats.series_csv import SeriesFile
    from blueprint_tracker.services.models import StatusReport

COMMITMENT_HEADS = (N_("Status"), N_("Count"), N_("Commitments"))


def _pace(milestone: Mapping[str, Any], lang: str) -> str:
    pace = milestone["pace"]
    needed = pace.get("required_cagr_from_latest")
    done = pace.get("cagr_actual")
    if needed is None:
        return "—"
    from blueprint_tracker.present.numbers import percent, signed

    achieved = signed(percent(done, lang), done) if done is not None else "—"
    rate = signed(percent(needed, lang), needed)
    return say("needs %(rate)s a year (so far %(achieved)s)", lang, rate=rate, achieved=achieved)


def _indicator_table(report: StatusReport, lang: str) -> Table:
    from blueprint_tracker.present.labels import COMPARATOR_SIGNS
    from blueprint_tracker.present.numbers import number

    methods = report["methods"]
    table = Table(
        *heads((N_("Indicator"), N_("Target"), N_("Latest value")), lang), *methods,
        *heads((N_("Required pace"), N_("Methods differ")), lang),
        title=say("Indicator progress", lang),
    )  # fmt: skip
    for row in report["indicators"]:
        latest = row["latest"]
        shown = f"{latest['display']} ({latest['year']})" if latest else "—"
        if row["stale"]:
            shown += " ⌛"
        for m in row["milestones"]:
            value = number(m["target"], lang, row["decimals"])
            target = f"{m['year']}: {COMPARATOR_SIGNS[m['comparator']]} {value}"
            cells = [status_word(m["assessments"][k]["status"], lang) for k in methods]
            table.add_row(
                f"{row['id']} {t(row['name'], lang)}",
                target,
                shown,
                *cells,
                _pace(m, lang),
                "≠" if m["disagree"] else "",
            )
    return table


def _selection(reading: Mapping[str, Any], lang: str) -> str:
    parts = {**reading["selection"], **reading["breakdown"]}
    chosen = "; ".join(f"{k}: {v}" for k, v in parts.items())
    return chosen or say("Total", lang)


def _goal(reading: Mapping[str, Any], lang: str) -> str:
    if reading["target"] is not None:
        return f"{reading['target_year']}: {reading['target']:g}"
    words = say("no target", lang)
    if reading["limit"] is not None:
        words += f" ({say('limit', lang)} {reading['limit']:g})"
    return words


def _progress_table(report: StatusReport, lang: str) -> Table | None:
    """The plan's configured progress readings (Open SDG's progress_calculation_options)."""
    rows = [(i, r) for i in report["indicators"] for r in i["progress"]]
    if not rows:
        return None
    methods = report["methods"]
    table = Table(
        *heads((N_("Indicator"), N_("Series"), N_("Target"), N_("Base year")), lang), *methods,
        title=say("Configured progress (Open SDG)", lang),
    )  # fmt: skip
    for indicator, reading in rows:
        statcan = reading["assessments"].get("statcan")
        base = statcan["numbers"].get("base_year") if statcan else None
        table.add_row(
            indicator["id"], _selection(reading, lang), _goal(reading, lang),
            str(base or reading["base_year"]),
            *(status_word(reading["assessments"][m]["status"], lang) for m in methods),
        )  # fmt: skip
    return table


def _commitment_table(report: StatusReport, lang: str) -> Table:
    from blueprint_tracker.compute.commitments import CommitmentStatus

    table = Table(*heads(COMMITMENT_HEADS, lang), title=say("Commitments", lang))
    for code in CommitmentStatus:
        ids = [c["id"] for c in report["commitments"] if c["status"] == code.value]
        if ids:
            table.add_row(status_word(code, lang), str(len(ids)), ", ".join(ids))
    return table


def status(
    method: Annotated[str | None, typer.Option(help="Only this method.")] = None,
    lang: LangOption = "",
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every indicator milestone by each method side by side, then commitments by status."""
    from blueprint_tracker.services.status import status_report

    lang = parse_lang(lang)
    report = status_report(workspace(), parse_date(as_of), method)
    if as_json:
        print_json(report)
        return
    out = console()
    out.print(_indicator_table(report, lang))
    out.print(say("⌛ newer data was expected by now; ≠ the methods disagree", lang))
    progress = _progress_table(report, lang)
    if progress is not None:
        out.print(progress)
    out.print(_commitment_table(report, lang))


def _stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")


def _read_points(file: str) -> SeriesFile:
    from blueprint_tracker.formats.series_csv import read_series_csv

    name = "standard input" if file == "-" else file
    try:
        data = _stdin_bytes() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    return read_series_csv(data, name)


def _check_target_year(series: SeriesFile, target_year: int | None) -> None:
    if target_year is None:
        return
    first = min(series.points)
    if target_year < first:
        raise InputError(
            f"--target-year {target_year} is before the data: {series.name} starts in {first} "
            f"(row {series.rows[first]}, field year)"
        )


def assess(
    file: Annotated[str, typer.Argument(help="CSV with header year,value; '-' reads stdin.")],
    direction: Annotated[str, typer.Option(help="increase or decrease.")] = "increase",
    method: Annotated[str, typer.Option(help="eurostat, statcan, escap or trend.")] = "eurostat",
    target: Annotated[float | None, typer.Option(help="Target value (none: trend only).")] = None,
    target_year: Annotated[int | None, typer.Option(help="Target year.")] = None,
    comparator: Annotated[
        str | None,
        typer.Option(help="'>=', '<=' or '~' (about); default '>=' to increase, '<=' to decrease."),
    ] = None,
    base_year: Annotated[int | None, typer.Option(help="Base year (escap, statcan).")] = None,
    projection: Annotated[str, typer.Option(help="cagr or linear.")] = "cagr",
    window: Annotated[int, typer.Option(help="eurostat window in years.")] = 5,
    min_span: Annotated[int, typer.Option(help="eurostat minimum span in years.")] = 3,
    bootstrap: Annotated[
        int, typer.Option(help="trend: also resample annual growth rates, this many draws.")
    ] = 0,
    seed: Annotated[
        int | None,
        typer.Option(help="Seed of the bootstrap (same seed, same result; default: fixed)."),
    ] = None,
    limit: Annotated[
        float | None, typer.Option(help="statcan without a target: the series' natural limit.")
    ] = None,
    lang: LangOption = "",
    as_json: JsonOption = False,
) -> None:
    """Assess one series from a CSV file with any method (the same engine as the dashboard)."""
    from blueprint_tracker.assess import assess_series
    from blueprint_tracker.compute.progress.bootstrap import DEFAULT_SEED

    lang = parse_lang(lang)
    series = _read_points(file)
    _check_target_year(series, target_year)
    result = assess_series(
        series.points,
        direction=direction,
        method=method,
        target=target,
        target_year=target_year,
        comparator=comparator,
        base_year=base_year,
        projection=projection,
        window=window,
        min_span=min_span,
        bootstrap=bootstrap,
        seed=DEFAULT_SEED if seed is None else seed,
        limit=limit,
    )
    if as_json:
        print_json(
            {
                "status": result.status.value,
                "method": result.method.value,
                "numbers": result.numbers,
                "explanation": result.explanation,
            }
        )
        return
    out = console()
    out.print(status_word(result.status.value, lang))
    out.print(result.explanation[lang])
    out.print(_numbers_table(result.numbers, lang))


def _numbers_table(numbers: dict[str, Any], lang: str) -> Table:
    """An assessment's numbers named and rounded as on the indicator pages."""
    from blueprint_tracker.present.labels import NUMBER_NAMES
    from blueprint_tracker.present.numbers import number_value

    table = Table(show_header=False)
    for key, value in numbers.items():
        table.add_row(say(NUMBER_NAMES.get(key, key), lang), number_value(value, lang))
    return table
