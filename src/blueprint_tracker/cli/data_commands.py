"""Commands on figures: indicators, import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from blueprint_tracker.cli.output import (
    AsOfOption,
    JsonOption,
    LangOption,
    console,
    parse_date,
    parse_lang,
    print_json,
    t,
)
from blueprint_tracker.cli.session import workspace

HEADS = {
    "zh-Hant": ("指標", "名稱", "最新數值", "年份", "基線", "2025 目標", "2030 目標", "來源"),
    "en": ("id", "indicator", "latest", "year", "baseline", "2025 target", "2030 target", "source"),
}


def _milestone(row: dict[str, Any], year: int) -> str:
    for m in row["milestones"]:
        if m["year"] == year:
            sign = {">=": "≥", "<=": "≤", "~": "≈"}[m["comparator"]]
            return f"{sign} {m['value']:,.{row['decimals']}f}"
    return "—"


def indicators(
    lang: LangOption = "zh-Hant", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Each indicator's latest value and year, baseline, milestones and source."""
    from blueprint_tracker.services.indicators import indicator_table

    lang = parse_lang(lang)
    rows = indicator_table(workspace(), parse_date(as_of))
    if as_json:
        print_json(rows)
        return
    table = Table(*HEADS[lang])
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
            _milestone(row, 2025),
            _milestone(row, 2030),
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
    lang: LangOption = "zh-Hant", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Every source with the number of figures it supplies."""
    from blueprint_tracker.services.sources import source_rows

    lang = parse_lang(lang)
    rows = source_rows(workspace(), parse_date(as_of))
    if as_json:
        print_json(rows)
        return
    heads = (
        ("機構", "刊物", "數字", "序列", "發布日期", "網址")
        if lang == "zh-Hant"
        else ("agency", "publication", "figures", "series", "released", "URL")
    )
    table = Table(*heads)
    for row in rows:
        title = row["title"] + (" ⚠ third party" if row["third_party"] else "")
        released = (
            row["first_release"]
            if row["first_release"] == row["last_release"]
            else (f"{row['first_release']} – {row['last_release']}")
        )
        table.add_row(
            row["agency"],
            title,
            str(row["figures"]),
            ", ".join(row["series"]),
            released,
            row["url"],
        )
    console().print(table)


def gaps(
    lang: LangOption = "zh-Hant", as_of: AsOfOption = None, as_json: JsonOption = False
) -> None:
    """Missing indicator-years up to the latest expected release; commitments without evidence."""
    from blueprint_tracker.services.gaps import gap_report

    lang = parse_lang(lang)
    report = gap_report(workspace(), parse_date(as_of))
    if as_json:
        print_json(report)
        return
    zh = lang == "zh-Hant"
    table = Table(
        *(
            ("指標", "名稱", "欠缺年份", "欠缺的基礎序列")
            if zh
            else ("id", "indicator", "missing years", "missing inputs")
        )
    )
    for row in report["indicators"]:
        for gap in row["missing"]:
            table.add_row(
                row["id"], t(row["name"], lang), str(gap["year"]), ", ".join(gap["missing_inputs"])
            )
    console().print(table)
    table = Table(
        *(("承諾", "內容", "限期") if zh else ("commitment", "text", "due")),
        title="沒有證據的承諾" if zh else "Commitments without evidence",
    )
    for row in report["commitments_without_evidence"]:
        table.add_row(row["id"], t(row["text"], lang)[:70], row["due"] or "—")
    console().print(table)
