"""The report's page furniture on fpdf2: an embedded CJK font, headings with bookmarks, wrapped
paragraphs, tables that repeat their header row across pages, and a running header and footer."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.enums import Align, WrapMode, XPos, YPos
from fpdf.fonts import FontFace as Style
from fpdf.util import Padding

from blueprint_tracker.domain.text import cjk
from blueprint_tracker.i18n import html_lang
from blueprint_tracker.present.reports.fonts import find_cjk_font
from blueprint_tracker.present.reports.line_breaks import wrap
from blueprint_tracker.present.reports.report_text import tr

FAMILY = "report-cjk"
SLACK = 0.98  # our line widths add up glyph widths; keep clear of fpdf's own wrapping
KEEP_WITH_NEXT_MM = 35  # a heading starts a new page unless this much room is left below it
INK = (33, 37, 41)
MUTED = (96, 103, 110)
RULE = (190, 196, 202)
HEAD_FILL = (232, 238, 244)
#: status tones (compute.vocabulary), dark enough for text on white (WCAG AA); the word always
#: goes with the colour; "muted" is for notes
TONES = {
    "good": (0, 110, 80),
    "fair": (150, 95, 0),
    "poor": (180, 60, 0),
    "bad": (170, 30, 30),
    "unknown": MUTED,
    "muted": MUTED,
}


@dataclass(frozen=True)
class Cell:
    """A table cell: text, optionally in a tone colour or bold."""

    text: str
    tone: str | None = None
    bold: bool = False


CellLike = str | Cell


class ReportDocument(FPDF):
    """An A4 report in one language with the CJK font embedded (subset) for every text."""

    def __init__(self, lang: str, running_title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report_lang = lang
        self.running_title = running_title
        self.cjk = cjk(lang)  # by script: lines break between characters, not at spaces
        self.wrap = WrapMode.CHAR if self.cjk else WrapMode.WORD
        regular, bold = find_cjk_font(), find_cjk_font(bold=True)
        self.add_font(FAMILY, "", str(regular.path), collection_font_number=regular.index)
        self.add_font(FAMILY, "B", str(bold.path), collection_font_number=bold.index)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_font(FAMILY, size=10)
        self.set_text_color(*INK)
        self.set_lang(html_lang(lang))

    def multi_cell(  # type: ignore[override]
        self, w: float, h: float | None = None, text: str = "", **kwargs: Any
    ) -> Any:
        """Text is broken into lines here (line_breaks.py: numbers stay with their units, no
        line starts with closing punctuation); fpdf then only lays out the lines it is given."""
        if text:
            width = self._text_width(w, kwargs.get("padding", 0)) * SLACK
            text = "\n".join(wrap(text, width, self.get_string_width, self.cjk))
        return super().multi_cell(w, h, text, **kwargs)

    def _text_width(self, w: float, padding: Any) -> float:
        """The width multi_cell leaves for text in a cell of width ``w`` (as fpdf computes it)."""
        pad = Padding.new(padding)
        width = (w or self.w - self.r_margin - self.x) - pad.left - pad.right
        return width - (0 if pad.left else self.c_margin) - (0 if pad.right else self.c_margin)

    # --- furniture ---------------------------------------------------------------------

    def header(self) -> None:
        if self.page == 1:  # the cover
            return
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.running_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_font(FAMILY, size=10)
        self.set_text_color(*INK)

    def footer(self) -> None:
        if self.page == 1:
            return
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, tr("page", self.report_lang, n=self.page_no()), align=Align.C)
        self.set_text_color(*INK)

    # --- text --------------------------------------------------------------------------

    def heading(self, text: str, level: int = 0, new_page: bool = False) -> None:
        """A heading (level 0 to 2) that is also a bookmark in the PDF outline."""
        if new_page:
            self.add_page()
        size = (17, 13.5, 11.5)[level]
        if self.will_page_break(KEEP_WITH_NEXT_MM):
            self.add_page()
        self.ln(2 if level else 0)
        self.start_section(text.replace("\n", " "), level=level, strict=False)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(
            0,
            size * 0.5,
            text,
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=self.wrap,
        )
        self.ln(1.5)
        self.set_font(FAMILY, size=10)

    def para(
        self, text: str, size: float = 10, tone: str | None = None, bold: bool = False
    ) -> None:
        if not text:
            return
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*(TONES[tone] if tone else INK))
        self.multi_cell(
            0,
            size * 0.5,
            text,
            align=Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=self.wrap,
        )
        self.set_text_color(*INK)
        self.set_font(FAMILY, size=10)
        self.ln(1.2)

    def image_bytes(self, data: bytes, width: float) -> None:
        self.image(io.BytesIO(data), x=self.l_margin, w=width)
        self.ln(2)

    # --- tables ------------------------------------------------------------------------

    def table_of(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[CellLike]],
        widths: Sequence[float],
        size: float = 8.5,
    ) -> None:
        """A bordered table; the heading row repeats on every page the table runs onto."""
        self.set_font(FAMILY, size=size)
        self.set_draw_color(*RULE)
        with self.table(
            col_widths=tuple(widths),
            width=self.epw,
            text_align=Align.L,
            v_align="TOP",
            line_height=size * 0.5,
            padding=(1, 1.2),
            headings_style=Style(family=FAMILY, emphasis="BOLD", fill_color=HEAD_FILL),
            wrapmode=self.wrap,
            repeat_headings=1,
        ) as table:
            head = table.row()
            for text in headings:
                head.cell(text)
            for values in rows:
                row = table.row()
                for value in values:
                    cell = value if isinstance(value, Cell) else Cell(str(value))
                    style = Style(
                        family=FAMILY,
                        emphasis="BOLD" if cell.bold else None,
                        color=TONES[cell.tone] if cell.tone else None,
                    )
                    row.cell(cell.text, style=style)
        self.set_font(FAMILY, size=10)
        self.ln(3)
