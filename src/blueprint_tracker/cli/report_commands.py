"""Commands that publish an edition: report (PDF or XLSX) and export (a data package)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from blueprint_tracker.cli.output import (
    AsOfOption,
    JsonOption,
    LangOption,
    console,
    error_console,
    parse_date,
    parse_lang,
    print_json,
)
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.errors import InputError

FORMATS = ("pdf", "xlsx")


def _format(value: str | None, output: Path) -> str:
    chosen = (value or output.suffix.lstrip(".") or "pdf").lower()
    if chosen not in FORMATS:
        raise InputError(f"unknown report format {chosen!r}; use pdf or xlsx")
    return chosen


def _write_pdf(output: Path, lang: str, as_of: str | None) -> None:
    from blueprint_tracker.present.reports.report_pdf import write_pdf

    ws = workspace()
    with Progress(console=error_console(), transient=True) as bar:
        task = bar.add_task("PDF", total=len(ws.plan.indicators))

        def step(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=f"PDF {label}")

        write_pdf(ws, output, lang, parse_date(as_of), progress=step)


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    lang: LangOption = "",
    format: Annotated[
        str | None, typer.Option("--format", help="pdf or xlsx (default: from the file name).")
    ] = None,
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the progress report as a PDF or an Excel workbook, in one language."""
    lang = parse_lang(lang)
    chosen = _format(format, output)
    if chosen == "pdf":
        _write_pdf(output, lang, as_of)
    else:
        from blueprint_tracker.present.reports.report_xlsx import write_xlsx

        write_xlsx(workspace(), output, lang, parse_date(as_of))
    result = {"path": str(output), "format": chosen, "lang": lang, "bytes": output.stat().st_size}
    if as_json:
        print_json(result)
    else:
        console().print(f"{output} ({chosen}, {lang}, {result['bytes']:,} bytes)")


def export(
    directory: Annotated[
        Path, typer.Argument(help="Folder for the CSV files and datapackage.json.")
    ],
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the open data as a Frictionless data package (CSV files and datapackage.json)."""
    import json

    from blueprint_tracker.present.reports.datapackage import write_datapackage

    path = write_datapackage(workspace(), directory, parse_date(as_of))
    resources = json.loads(path.read_text(encoding="utf-8"))["resources"]
    if as_json:
        print_json(
            {
                "descriptor": str(path),
                "resources": [
                    {"name": r["name"], "path": r["path"], "rows": r["rows"]} for r in resources
                ],
            }
        )
        return
    out = console()
    for resource in resources:
        out.print(f"{directory / resource['path']}  {resource['rows']:>5} rows")
    out.print(str(path))
