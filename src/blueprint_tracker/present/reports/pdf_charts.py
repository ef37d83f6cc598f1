"""The indicator chart of the web pages, drawn without a browser by vl-convert for the PDF."""

from __future__ import annotations

import copy
import functools
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.present.charts import indicator_chart
from blueprint_tracker.present.reports.fonts import FontFace
from blueprint_tracker.services.models import IndicatorPage

WIDTH_PX = 620
HEIGHT_PX = 250
SCALE = 3.0  # about 300 dpi at the printed width


@functools.cache
def _register_fonts(folder: str) -> None:
    import vl_convert

    vl_convert.register_font_directory(folder)


def print_spec(page: IndicatorPage, lang: str, font: FontFace) -> dict[str, Any]:
    """The web's Vega-Lite spec with a fixed size, the report's font and no title (the page
    heading names the indicator)."""
    spec = copy.deepcopy(indicator_chart(page, lang, functools.partial(i18n.gettext, lang)))
    spec.pop("title", None)
    spec["width"] = WIDTH_PX
    spec["height"] = HEIGHT_PX
    spec["background"] = "white"
    spec["config"] = {**spec.get("config", {}), "font": font.family}
    return spec


def chart_png(page: IndicatorPage, lang: str, font: FontFace) -> bytes:
    """The indicator page's chart as a PNG image (text drawn with the embedded CJK font)."""
    import vl_convert

    _register_fonts(str(font.path.parent))
    return bytes(vl_convert.vegalite_to_png(print_spec(page, lang, font), scale=SCALE))


def chart_card_png(page: IndicatorPage, lang: str) -> bytes:
    """The chart as the image of a page's og:/Twitter card (1200 px wide, CJK font)."""
    from blueprint_tracker.present.reports.fonts import find_cjk_font

    return chart_png(page, lang, find_cjk_font())
