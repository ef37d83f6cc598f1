"""The progress report as a PDF in one language, with its Chinese font embedded.

Cover with the edition date, contents, summary (status counts, the targets most behind,
overdue commitments), one section per node of the plan's section level (its commitments and
indicators), one page per indicator (chart, status by each method, required pace, sources),
then the methodology and sources annexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.outline import OutlineSection

from blueprint_tracker.present.agencies import agency_name
from blueprint_tracker.present.plan_text import catalogue_words, plain_words
from blueprint_tracker.present.reports import report_format as fmt
from blueprint_tracker.present.reports.pdf_document import FAMILY, Cell, CellLike, ReportDocument
from blueprint_tracker.present.reports.pdf_indicator import indicator_pages
from blueprint_tracker.present.reports.report_text import (
    GENERAL_NOTES,
    METHOD_NOTES,
    field,
    pick,
    t,
    tr,
    untranslated_note,
)
from blueprint_tracker.services.pages import indicator_page
from blueprint_tracker.services.reports import report_data
from blueprint_tracker.services.workspace import Workspace

Progress = Callable[[int, int, str], None]


def _cover(doc: ReportDocument, data: dict[str, Any]) -> None:
    lang, plan = doc.report_lang, data["plan"]
    doc.add_page()
    doc.set_y(60)
    doc.para(t(plan["title"], lang), size=24, bold=True)
    doc.para(tr("report", lang), size=17)
    doc.ln(6)
    edition = fmt.day(data["edition"], lang)
    doc.para(field("edition", edition, lang), size=13, bold=True)
    note = "as_of_note" if data["as_of"] else "today_note"
    doc.para(tr(note, lang, date=edition), size=10)
    if untranslated_note(lang):  # a plan language without a catalogue: English words
        doc.ln(4)
        doc.para(untranslated_note(lang), size=10, tone="muted")
    doc.set_y(-80)
    doc.para(field("publisher", t(plan["publisher"], lang), lang), size=9, tone="muted")
    doc.para(field("published", fmt.day(plan["published"], lang), lang), size=9, tone="muted")
    if plan.get("source_url"):
        doc.para(field("plan_source", plan["source_url"], lang), size=8, tone="muted")
    doc.para(tr("produced", lang), size=9, tone="muted")


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    lang = cast(ReportDocument, pdf).report_lang
    pdf.set_font(FAMILY, "B", 17)
    pdf.set_x(pdf.l_margin)  # the placeholder leaves the cursor where the last cell ended
    pdf.cell(0, 10, tr("contents", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    for section in outline:
        if section.level <= 1:
            _contents_line(pdf, section)


def _contents_line(pdf: FPDF, section: OutlineSection) -> None:
    """One entry: the name wraps within its column, the page number on its first line."""
    pdf.set_font(FAMILY, "B" if section.level == 0 else "", 10.5 - section.level)
    link = pdf.add_link(page=section.page_number)
    top = pdf.get_y()
    pdf.set_x(pdf.l_margin + 6 * section.level)
    width = pdf.epw - 6 * section.level - 14
    pdf.multi_cell(width, 6.2, section.name, link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + pdf.epw - 14, top)
    pdf.cell(14, 6.2, str(section.page_number), align="R", link=link)
    pdf.set_xy(pdf.l_margin, bottom)


def _count_rows(counts: dict[str, int], lang: str) -> list[list[CellLike]]:
    return [
        [Cell(fmt.status_word(code, lang), tone=fmt.status_tone(code)), str(n)]
        for code, n in counts.items()
    ]


def _summary(doc: ReportDocument, data: dict[str, Any]) -> None:
    lang, status = doc.report_lang, data["status"]
    doc.heading(tr("summary", lang))  # the contents placeholder has just broken the page
    method = fmt.method_name(status["headline_method"], lang)
    doc.heading(tr("indicator_counts", lang, method=method), level=2)
    heads = [tr("status", lang), tr("count", lang)]
    doc.table_of(heads, _count_rows(status["counts"]["indicators"], lang), widths=(60, 20))
    disagreements = sum(m["disagree"] for i in status["indicators"] for m in i["milestones"])
    if disagreements:
        doc.para(tr("disagree_note", lang, n=disagreements), size=9, tone="muted")
    doc.heading(tr("commitment_counts", lang), level=2)
    doc.table_of(heads, _count_rows(status["counts"]["commitments"], lang), widths=(60, 20))
    doc.heading(tr("most_behind", lang), level=2)
    rows: list[list[CellLike]] = []
    for item in data["most_behind"]:
        indicator, a = item["indicator"], item["assessment"]
        rows.append(
            [
                f"{indicator['id']} {t(indicator['name'], lang)}",
                fmt.target(item["milestone"], int(indicator["decimals"])),
                Cell(fmt.status_word(a["status"], lang), tone=fmt.status_tone(a["status"])),
                t(a["explanation"], lang),
            ]
        )
    _table_or_none(doc, ["indicator", "target", "status", "explanation"], rows, (40, 22, 24, 88))
    doc.heading(tr("overdue", lang), level=2)
    rows = [[c["id"], t(c["text"], lang), fmt.due(c, lang)] for c in data["overdue"]]
    _table_or_none(doc, ["id", "commitment", "due"], rows, (34, 110, 30))
    _changes(doc, data["changes"])


def _moved(code: str | None, lang: str) -> CellLike:
    return Cell(fmt.status_word(code, lang), tone=fmt.status_tone(code)) if code else "—"


def _changes(doc: ReportDocument, changes: dict[str, Any]) -> None:
    """Statuses that moved since the edition a quarter before (targets, then commitments)."""
    lang = doc.report_lang
    doc.heading(tr("changes", lang, since=fmt.day(changes["since"], lang)), level=2)
    rows: list[list[CellLike]] = []
    for item in changes["statuses"]["targets"]:
        name = f"{item['indicator']} {t(item['name'], lang)}"
        label = f"{name}, {tr('target_for', lang, year=item['year'])}"
        rows.append([label, _moved(item["before"], lang), _moved(item["after"], lang)])
    for item in changes["statuses"]["commitments"]:
        label = f"{item['commitment']} {t(item['text'], lang)}"
        rows.append([label, _moved(item["before"], lang), _moved(item["after"], lang)])
    _table_or_none(doc, ["item", "before", "after"], rows, (114, 30, 30))


def _table_or_none(
    doc: ReportDocument, keys: list[str], rows: list[list[CellLike]], widths: tuple[float, ...]
) -> None:
    if rows:
        doc.table_of([tr(k, doc.report_lang) for k in keys], rows, widths)
    else:
        doc.para(tr("none", doc.report_lang))


def _commitment_rows(commitments: list[dict[str, Any]], lang: str) -> list[list[CellLike]]:
    return [
        [
            c["id"],
            t(c["text"], lang),
            fmt.due(c, lang),
            Cell(fmt.status_word(c["status"], lang), tone=fmt.status_tone(c["status"])),
            fmt.latest_evidence(c, lang),
        ]
        for c in commitments
    ]


def _indicator_rows(indicators: list[dict[str, Any]], lang: str, headline: str) -> list[Any]:
    rows: list[list[CellLike]] = []
    for i in indicators:
        for n, m in enumerate(i["milestones"]):
            code = m["assessments"].get(headline, {}).get("status")
            rows.append(
                [
                    f"{i['id']} {t(i['name'], lang)}" if n == 0 else "",
                    fmt.latest(i, lang) if n == 0 else "",
                    fmt.target(m, int(i["decimals"])),
                    Cell(fmt.status_word(code, lang), tone=fmt.status_tone(code)),
                ]
            )
    return rows


def _level_name(data: dict[str, Any], lang: str) -> str:
    level = next(lv for lv in data["levels"] if lv["id"] == data["section_level"])
    return t(level["name"], lang)


def _ref(ref: str | None, lang: str, plan: Mapping[str, Any]) -> str:
    """Where a section stands in the plan's text, in the report's language: the catalogue's
    words marked as our translation, the stored reference in the plan's source language, else
    nothing (a reference a reader cannot read is left out)."""
    if not ref:
        return ""
    words = catalogue_words(ref, lang, plan.get("translations"))
    if words:
        return words + " " + fmt.gettext(lang, "(%(text)s)") % {
            "text": fmt.gettext(lang, "our translation")
        }
    return ref if lang == plan["languages"][0] else ""


def _sections(doc: ReportDocument, data: dict[str, Any]) -> None:
    lang = doc.report_lang
    headline = data["status"]["headline_method"]
    doc.heading(tr("sections", lang, level=_level_name(data, lang)), new_page=True)
    for number, section in enumerate(data["sections"]):
        node = section["node"]
        if number:
            doc.add_page()
        doc.heading(t(node["title"], lang), level=1)
        ref = _ref(node.get("ref"), lang, data["plan"])
        if ref:
            doc.para(ref, size=8.5, tone="muted")
        doc.heading(tr("commitments", lang), level=2)
        rows = _commitment_rows(section["commitments"], lang)
        heads = ["id", "commitment", "due", "status", "latest_evidence"]
        if rows:
            doc.table_of([tr(k, lang) for k in heads], rows, (26, 62, 20, 18, 48), size=7.5)
        else:
            doc.para(tr("no_commitments", lang), size=9)
        doc.heading(tr("indicators", lang), level=2)
        rows = _indicator_rows(section["indicators"], lang, headline)
        heads = ["indicator", "latest", "target", "status"]
        if rows:
            doc.table_of([tr(k, lang) for k in heads], rows, (70, 38, 34, 32))
        else:
            doc.para(tr("no_indicators", lang), size=9)


def _methodology(doc: ReportDocument, methods: list[str]) -> None:
    lang = doc.report_lang
    doc.heading(tr("methodology", lang), new_page=True)
    for note in GENERAL_NOTES:
        doc.para(pick(note, lang), size=9.5)
    for method in methods:
        doc.heading(fmt.method_name(method, lang), level=2)
        doc.para(pick(METHOD_NOTES[method], lang), size=9.5)


def _releases(source: dict[str, Any], lang: str) -> str:
    first, last = fmt.day(source["first_release"], lang), fmt.day(source["last_release"], lang)
    return f"{first}\n{last}" if first != last else first


def _sources(
    doc: ReportDocument,
    sources: list[dict[str, Any]],
    agencies: dict[str, Any] | None,
    translations: Mapping[str, Mapping[str, str]] | None,
) -> None:
    lang = doc.report_lang
    doc.heading(tr("sources_annex", lang), new_page=True)
    rows: list[list[CellLike]] = [
        [
            agency_name(s["agency"], agencies, lang),
            f"{plain_words(s['title'], lang, translations)}\n{s['url']}",
            ", ".join(plain_words(table, lang, translations) for table in s["tables"]) or "—",
            str(s["figures"]),
            _releases(s, lang),
        ]
        for s in sources
    ]
    heads = [tr(k, lang) for k in ("agency", "publication", "tables", "figures", "releases")]
    doc.table_of(heads, rows, (34, 86, 16, 12, 26), size=7)


def write_pdf(
    ws: Workspace,
    path: Path,
    lang: str,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the progress report for the edition of ``as_of`` in ``lang`` to ``path``.

    ``progress(done, total, label)`` is called once per indicator page (the slow part).
    """
    data = report_data(ws, as_of)
    title, edition = t(data["plan"]["title"], lang), fmt.day(data["edition"], lang)
    doc = ReportDocument(lang, f"{title} · {tr('report', lang)} · {edition}")
    doc.set_title(f"{title} — {tr('report', lang)} {edition}")
    doc.set_creator("Blueprint Tracker")
    _cover(doc, data)
    doc.add_page()
    doc.insert_toc_placeholder(_render_contents, pages=1, allow_extra_pages=True)
    _summary(doc, data)
    _sections(doc, data)
    doc.heading(tr("indicator_pages", lang), new_page=True)
    indicators = data["status"]["indicators"]
    agencies = data["plan"].get("agencies")
    translations = data["plan"].get("translations")
    for done, row in enumerate(indicators):
        if progress:
            progress(done, len(indicators), row["id"])
        page = indicator_page(ws, row["id"], as_of)
        indicator_pages(
            doc, row, page, new_page=done > 0, agencies=agencies, translations=translations
        )
    _methodology(doc, data["status"]["methods"])
    _sources(doc, data["sources"], agencies, translations)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.output(str(path))
    return path
