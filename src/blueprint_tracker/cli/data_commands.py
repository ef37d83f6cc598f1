"""Commands on figures: indicators, import."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

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
    t,
)
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.domain.marks import N_

HEADS = (N_("ID"), N_("Indicator"), N_("Latest value"), N_("Year"), N_("Baseline"))
MILESTONE_YEARS = (2025, 2030)
SOURCE_HEADS = (
    N_("Source tier"),
    N_("Agency"),
    N_("Publication"),
    N_("Figures"),
    N_("Series"),
    N_("Released"),
    N_("URL"),
)
GAP_HEADS = (N_("ID"), N_("Indicator"), N_("Missing years"), N_("Missing base series"))
NO_EVIDENCE_HEADS = (N_("Commitment"), N_("Text"), N_("Due"))


def _milestone(row: Mapping[str, Any], year: int) -> str:
    for m in row["milestones"]:
        if m["year"] == year:
            from blueprint_tracker.present.labels import COMPARATOR_SIGNS

            sign = COMPARATOR_SIGNS[m["comparator"]]
            return f"{sign} {m['value']:,.{row['decimals']}f}"
    return "—"


def indicators(
    lang: LangOption = "", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Each indicator's latest value and year, baseline, milestones and source."""
    from blueprint_tracker.services.indicators import indicator_table

    lang = parse_lang(lang)
    rows = indicator_table(workspace(), parse_date(as_of))
    if as_json:
        print_json(rows)
        return
    targets = [say("Target %(year)s", lang, year=year) for year in MILESTONE_YEARS]
    table = Table(*heads(HEADS, lang), *targets, say("Source", lang))
    for row in rows:
        latest = row["latest"]
        published = ", ".join(f"{y}: {v:,.{row['decimals']}f}" for y, v in row["published"].items())
        sources = sorted({i["source"]["agency"] for i in latest["inputs"]}) if latest else []
        table.add_row(
            row["id"],
            t(row["name"], lang),
            latest["display"] if latest else "—",
            str(latest["year"]) if latest else "—",
            published,
            *(_milestone(row, year) for year in MILESTONE_YEARS),
            "; ".join(sources),
        )
    console().print(table)


def import_(
    file: Annotated[Path, typer.Argument(help="A CSV or XLSX file in the documented columns.")],
    as_json: JsonOption = False,
) -> None:
    """Import observations (all rows or none); a repeated import adds nothing."""
    from blueprint_tracker.services.imports import import_file

    result = import_file(workspace(), file)
    if as_json:
        print_json(result)
        return
    console().print(
        f"{result['file']}: {result['rows_read']} rows read, {result['rows_added']} added, "
        f"{result['rows_already_stored']} already stored."
    )


def sources(
    lang: LangOption = "", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Every source with the number of figures it supplies."""
    from blueprint_tracker.services.sources import source_rows

    lang = parse_lang(lang)
    rows = source_rows(workspace(), parse_date(as_of))
    if as_json:
        print_json(rows)
        return
    from blueprint_tracker.cli.show_view import plan_words
    from blueprint_tracker.present.labels import TIERS
    from blueprint_tracker.services.plan_views import plan_tree

    words = plan_words(lang, plan_tree(workspace().plan)["plan"])
    table = Table(*heads(SOURCE_HEADS, lang))
    for row in rows:
        title = words("title", row["title"])
        url = row["url"] + (
            f"\n← {row['copy_url']}" if row["copy_url"] != row["url"] and row["copy_url"] else ""
        )
        released = (
            row["first_release"]
            if row["first_release"] == row["last_release"]
            else (f"{row['first_release']} – {row['last_release']}")
        )
        table.add_row(
            say(TIERS[row["tier"]], lang),
            words("agency", row["agency"]),
            title,
            str(row["figures"]),
            ", ".join(row["series"]),
            released,
            url,
        )
    console().print(table)


def gaps(
    lang: LangOption = "", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Missing indicator-years up to the latest expected release; commitments without evidence."""
    from blueprint_tracker.services.gaps import gap_report

    lang = parse_lang(lang)
    report = gap_report(workspace(), parse_date(as_of))
    if as_json:
        print_json(report)
        return
    table = Table(*heads(GAP_HEADS, lang))
    for row in report["indicators"]:
        for gap in row["missing"]:
            table.add_row(
                row["id"], t(row["name"], lang), str(gap["year"]), ", ".join(gap["missing_inputs"])
            )
    console().print(table)
    table = Table(*heads(NO_EVIDENCE_HEADS, lang), title=say("Commitments without evidence", lang))
    for row in report["commitments_without_evidence"]:
        table.add_row(row["id"], t(row["text"], lang), row["due"] or "—")
    console().print(table)
