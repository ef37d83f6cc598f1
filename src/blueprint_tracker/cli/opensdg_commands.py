"""``blueprint opensdg import|export``: an Open SDG data repository in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from blueprint_tracker.cli.output import JsonOption, console, parse_date, print_json

opensdg_app = typer.Typer(
    help="Move between an Open SDG data repository and a plan folder.", no_args_is_help=True
)


def _print_report(report: dict[str, Any]) -> None:
    out = console()
    out.print(
        f"{report['plan']}: {report['goals']} goals, {report['targets']} targets, "
        f"{report['indicators']} indicators, {report['series']} series, "
        f"{report['observations']} figures ({report['breakdown_observations']} in breakdowns), "
        f"{report['progress_settings']} progress settings; languages "
        f"{', '.join(report['languages'])}"
    )
    for name in report["skipped"]:
        out.print(f"skipped: {name}", style="yellow")
    for problem in report["problems"]:
        out.print(f"  - {problem}", style="yellow", highlight=False)


@opensdg_app.command("import")
def import_(
    src: Annotated[Path, typer.Argument(help="the Open SDG data repository")],
    to: Annotated[Path, typer.Option("--to", help="the plan folder to write (new or empty)")],
    plan_id: Annotated[str | None, typer.Option(help="plan id (default: the folder name)")] = None,
    title: Annotated[str | None, typer.Option(help="plan title")] = None,
    publisher: Annotated[str | None, typer.Option(help="who publishes the figures")] = None,
    release_date: Annotated[
        str | None, typer.Option(help="release date of the figures (default today)")
    ] = None,
    source_url: Annotated[str | None, typer.Option(help="where the figures are published")] = None,
    as_json: JsonOption = False,
) -> None:
    """Turn an Open SDG data repository into a plan folder; broken files are skipped and listed
    (exit code 1 when anything was skipped)."""
    from blueprint_tracker.services.opensdg import default_options, import_repository

    options = default_options(
        src, plan_id=plan_id, title=title, publisher=publisher,
        release_date=parse_date(release_date, "--release-date"), source_url=source_url,
    )  # fmt: skip
    report = import_repository(src, to, options)
    if as_json:
        print_json(report)
    else:
        _print_report(report)
    if report["skipped"]:
        raise typer.Exit(1)


@opensdg_app.command("export")
def export(
    plan_dir: Annotated[Path, typer.Argument(help="the plan folder")],
    to: Annotated[Path, typer.Option("--to", help="the repository folder to write (new or empty)")],
    as_json: JsonOption = False,
) -> None:
    """Write a plan folder as an Open SDG data repository (data, indicator-config,
    translations, config_data.yml)."""
    from blueprint_tracker.services.opensdg import export_plan

    report = export_plan(plan_dir, to)
    if as_json:
        print_json(report)
        return
    console().print(
        f"{report['repository']}: {report['indicators']} indicators, "
        f"{report['data_files']} data files; languages {', '.join(report['languages'])}"
    )
