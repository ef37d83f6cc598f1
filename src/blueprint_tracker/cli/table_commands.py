"""``blueprint assess-table``: assess every series of a CSV or Parquet file into a file.

pyarrow (the ``frames`` extra) is imported inside the command, so ``blueprint --help`` and
the other commands start without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from blueprint_tracker.cli.output import (
    JsonOption,
    LangOption,
    console,
    error_console,
    heads,
    interface_lang_option,
    print_json,
    say,
    status_word,
)
from blueprint_tracker.domain.marks import N_
from blueprint_tracker.errors import InputError

HEADS = (N_("Status"), N_("Series"))
WROTE = N_("%(series)s series (%(rows)s rows) assessed into %(output)s in %(seconds)s s")


def _opt(help_text: str) -> Any:
    return typer.Option(help=help_text)


def assess_table(
    source: Annotated[
        Path,
        typer.Argument(
            help="Long table: .csv or .parquet with the columns "
            "series_id, year, value (+ option columns)."
        ),
    ],
    method: Annotated[
        str, typer.Option("--method", "-m", help="eurostat, statcan, escap or trend.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Result file: .parquet or .csv.")],
    direction: Annotated[
        str | None, _opt("increase or decrease, where no direction column.")
    ] = None,
    target: Annotated[float | None, _opt("Target value, where no target column.")] = None,
    target_year: Annotated[int | None, _opt("Target year, where no target_year column.")] = None,
    comparator: Annotated[str | None, _opt("'>=', '<=' or '~' (default '>=').")] = None,
    base_year: Annotated[int | None, _opt("Base year, where no base_year column.")] = None,
    limit: Annotated[float | None, _opt("statcan without a target: a natural limit.")] = None,
    tolerance: Annotated[float | None, _opt("Tolerance of '~' (default 0.02).")] = None,
    evaluation_year: Annotated[int | None, _opt("Year of the evaluation.")] = None,
    projection: Annotated[str | None, _opt("cagr (default) or linear.")] = None,
    window: Annotated[int | None, _opt("eurostat window in years (default 5).")] = None,
    min_span: Annotated[int | None, _opt("eurostat minimum span (default 3).")] = None,
    bootstrap: Annotated[int, _opt("trend: bootstrap draws (0 = off).")] = 0,
    seed: Annotated[int | None, _opt("Seed of the bootstrap.")] = None,
    explanation: Annotated[
        str | None, _opt("Add explanations: a catalogued language or both (slow).")
    ] = None,
    lang: LangOption = "",
    as_json: JsonOption = False,
) -> None:
    """Assess every series of a long table (CSV or Parquet) into a Parquet or CSV file."""
    from blueprint_tracker.tables.files import assess_file
    from blueprint_tracker.tables.frame import request

    lang = interface_lang_option(lang)
    if source.resolve() == output.resolve():
        raise InputError(f"{output}: the output must not be the input file")
    extra = {} if seed is None else {"seed": seed}
    req = request(method, bootstrap=bootstrap, explanation=explanation, file=str(source),
                  direction=direction, target=target, target_year=target_year,
                  comparator=comparator, base_year=base_year, limit=limit, tolerance=tolerance,
                  evaluation_year=evaluation_year, projection=projection, window=window,
                  min_span=min_span, **extra)  # fmt: skip
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=error_console(), transient=True) as bar:
        task = bar.add_task(source.name[:40], total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        summary = assess_file(source, output, req, progress=advance)
    if as_json:
        print_json(summary.as_dict())
        return
    table = Table(*heads(HEADS, lang))
    for status, count in summary.statuses.most_common():
        table.add_row(status_word(status, lang), f"{count:,}")
    out = console()
    out.print(table)
    done = summary.as_dict()
    figures = {"series": f"{done['series']:,}", "rows": f"{done['rows']:,}",
               "output": done["output"], "seconds": f"{done['seconds']:.1f}"}  # fmt: skip
    out.print(say(WROTE, lang, **figures))
