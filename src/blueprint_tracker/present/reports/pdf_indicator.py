"""One page (or more) per indicator: chart, status by each method, required pace, sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint_tracker.present.agencies import agency_name
from blueprint_tracker.present.charts import chart_summary
from blueprint_tracker.present.plan_text import plain_words
from blueprint_tracker.present.reports import report_format as fmt
from blueprint_tracker.present.reports.fonts import find_cjk_font
from blueprint_tracker.present.reports.pdf_charts import chart_png
from blueprint_tracker.present.reports.pdf_document import Cell, CellLike, ReportDocument
from blueprint_tracker.present.reports.report_text import field, listing, t, tr
from blueprint_tracker.services.models import IndicatorPage, IndicatorStatus


def _about(doc: ReportDocument, row: Mapping[str, Any], page: Mapping[str, Any]) -> None:
    lang = doc.report_lang
    facts = [
        t(row.get("group"), lang),
        field("unit", t(row["unit"], lang), lang),
        tr(row["direction"], lang),
    ]
    doc.para(" · ".join(f for f in facts if f), size=9, tone="muted")
    # the series' names after the formula, not in brackets: a name may hold brackets itself
    names = [f"{s['id']} = {t(s['name'], lang)}" for s in page.get("series", [])]
    doc.para(field("formula", listing([row["formula"], *names], lang), lang), size=9)
    doc.para(t(row.get("definition_note"), lang), size=9)


def _status_rows(row: Mapping[str, Any], lang: str) -> list[list[CellLike]]:
    decimals = int(row["decimals"])
    rows: list[list[CellLike]] = []
    for milestone in row["milestones"]:
        label = fmt.target(milestone, decimals)
        if milestone["disagree"]:
            label += f"\n({tr('disagree', lang)})"
        for method, a in milestone["assessments"].items():
            rows.append(
                [
                    label,
                    fmt.method_name(method, lang),
                    Cell(fmt.status_word(a["status"], lang), tone=fmt.status_tone(a["status"])),
                    t(a["explanation"], lang),
                ]
            )
            label = ""
    return rows


def _source_key(o: Mapping[str, Any]) -> tuple[str, str, str, str]:
    src = o["source"]
    return (src["agency"], src["title"], src["table"], src["url"])


def _source_rows(
    row: Mapping[str, Any], lang: str
) -> tuple[list[list[CellLike]], list[tuple[str, str, str, str]]]:
    """One row per value with its inputs, each input pointing at a numbered source."""
    sources: list[tuple[str, str, str, str]] = []
    rows: list[list[CellLike]] = []
    for value in row["values"]:
        inputs = []
        for o in value["inputs"]:
            key = _source_key(o)
            if key not in sources:
                sources.append(key)
            flags = f" {fmt.flag_words(o['flags'], lang)}" if o["flags"] else ""
            ref = sources.index(key) + 1
            inputs.append(f"{o['series']} {o['period']} = {o['value']:,.10g}{flags} [{ref}]")
        basis = tr("published_basis" if value["basis"] == "published" else "computed", lang)
        rows.append(
            [
                str(value["year"]),
                value["display"],
                fmt.day(value["released"], lang),
                basis,
                "\n".join(inputs),
            ]
        )
    return rows, sources


def indicator_pages(
    doc: ReportDocument,
    row: IndicatorStatus,
    page: IndicatorPage,
    new_page: bool = True,
    agencies: Mapping[str, Any] | None = None,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """The indicator's own page; ``row`` is its entry in the status report, ``page`` the web's
    indicator page data (for the chart); ``agencies`` the plan's names of agencies and
    ``translations`` its text catalogues (source titles and tables in the report's language)."""
    lang = doc.report_lang
    doc.heading(f"{row['id']}  {t(row['name'], lang)}", level=1, new_page=new_page)
    _about(doc, row, page)
    doc.image_bytes(chart_png(page, lang, find_cjk_font()), width=doc.epw)
    doc.para(chart_summary(page, lang, lambda m: fmt.gettext(lang, m)), size=8.5, tone="muted")
    if row.get("stale"):
        doc.para(
            tr(
                "stale",
                lang,
                period=row.get("next_period"),
                date=fmt.day(row.get("expected_release"), lang),
            ),
            size=9,
            tone="fair",
        )
    doc.heading(tr("status_by_method", lang), level=2)
    heads = [tr(k, lang) for k in ("target", "method", "status", "explanation")]
    doc.table_of(heads, _status_rows(row, lang), widths=(24, 30, 24, 96))
    doc.heading(tr("pace", lang), level=2)
    for milestone in row["milestones"]:
        doc.para(fmt.pace(row, milestone, lang), size=9.5)
    doc.heading(tr("values_sources", lang), level=2)
    heads = [tr(k, lang) for k in ("year", "value", "released", "basis", "inputs")]
    rows, sources = _source_rows(row, lang)
    doc.table_of(heads, rows, widths=(13, 20, 26, 19, 96), size=7.5)
    comma, stop = fmt.gettext(lang, ", "), fmt.gettext(lang, ". ")
    for number, (agency, title, table, url) in enumerate(sources, start=1):
        where = f"{comma}{plain_words(table, lang, translations)}" if table else ""
        name = agency_name(agency, agencies, lang)
        title = plain_words(title, lang, translations)
        doc.para(f"[{number}] {name}{comma}{title}{where}{stop}{url}", size=7.5)
    _peers(doc, page.get("peers"), lang, translations)


def _peers(
    doc: ReportDocument,
    peers: Mapping[str, Any] | None,
    lang: str,
    translations: Mapping[str, Mapping[str, str]] | None,
) -> None:
    """The indicator beside its peer economies (latest year each), or why it is not compared
    and any context measure on a common definition the peers file gives for it."""
    if not peers:
        return
    doc.heading(tr("peers", lang), level=2)
    if not peers["compared"]:
        doc.para(t(peers["why"], lang), size=9)
        for measure in peers.get("context") or []:
            doc.para(t(measure["name"], lang), size=9)
            if measure.get("note"):
                doc.para(t(measure["note"], lang), size=8.5, tone="muted")
            _peer_table(doc, measure["latest"], lang, translations)
        return
    doc.para(tr("peers_context", lang), size=8.5, tone="muted")
    _peer_table(doc, peers["latest"], lang, translations)


def _peer_table(
    doc: ReportDocument,
    latest: list[Mapping[str, Any]],
    lang: str,
    translations: Mapping[str, Mapping[str, str]] | None,
) -> None:
    """Each economy's latest year, value and source (its title in ``lang`` from the catalogues)."""
    heads = [tr(k, lang) for k in ("economy", "latest_year", "value", "source")]
    rows: list[list[Any]] = []
    for r in latest:
        if r["year"] is None:
            rows.append([t(r["name"], lang), "—", "—", tr("no_figure", lang)])
            continue
        source = r.get("source") or {}
        tier = " ".join(fmt.tier_word(x, lang) for x in r.get("tiers") or [source.get("tier")])
        where = plain_words(source.get("title") or "", lang, translations)
        rows.append([t(r["name"], lang), str(r["year"]), r["display"], f"[{tier}] {where}"])
    doc.table_of(heads, rows, widths=(30, 18, 18, 108), size=7.5)
