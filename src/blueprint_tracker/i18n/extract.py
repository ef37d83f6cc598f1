"""Find every UI string: the templates and modules of ``present`` and ``web``, and the message
ids marked anywhere else (used by the catalogue tests and by
``python -m blueprint_tracker.i18n.extract`` to list the strings a catalogue still lacks)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from blueprint_tracker.i18n import babel_locale, po_path

PACKAGE_DIR = Path(__file__).parent.parent
#: the reader-facing layer (templates, labels, views) and the server (forms, server pages)
UI_DIRS = (PACKAGE_DIR / "present", PACKAGE_DIR / "web")
KEYWORDS = {"_": None, "N_": None, "tr": None, "gettext": None}
METHOD_MAP = [("reports/**", "ignore"), ("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}


REPORTS_DIR = PACKAGE_DIR / "present" / "reports"
#: the report's and the workbook's own words (``tr`` there takes a key, so only ``N_`` counts)
EXPORT_MAP = [("report_text.py", "python"), ("table_catalogue.py", "python")]
#: everywhere else: message ids marked ``N_`` (status words, explanations, CLI headings) or
#: worded at once by the CLI's ``say``
PACKAGE_MAP = [("**.py", "python")]
PACKAGE_KEYWORDS = {"N_": None, "say": None}


def ui_strings() -> list[str]:
    """Every message id marked for translation (web, report, CLI, status words and
    explanations), in first-seen order."""
    seen: dict[str, None] = {}
    found = [
        *(
            item
            for folder in UI_DIRS
            for item in extract_from_dir(
                folder, METHOD_MAP, OPTIONS, keywords=KEYWORDS, comment_tags=(),
                strip_comment_tags=True,
            )
        ),
        *extract_from_dir(REPORTS_DIR, EXPORT_MAP, keywords={"N_": None}, comment_tags=()),
        *extract_from_dir(PACKAGE_DIR, PACKAGE_MAP, keywords=PACKAGE_KEYWORDS, comment_tags=()),
    ]  # fmt: skip
    for _filename, _lineno, message, _comments, _context in found:
        if isinstance(message, str) and message:
            seen[message] = None
    return list(seen)


def missing(lang: str) -> list[str]:
    """The UI strings with no (or an empty, or a fuzzy) translation in the ``lang`` catalogue."""
    locale = babel_locale(lang)
    with po_path(locale).open("rb") as handle:
        catalogue = read_po(handle, locale=locale)
    gaps = []
    for message_id in ui_strings():
        entry = catalogue.get(message_id)
        if entry is None or not entry.string or entry.fuzzy:
            gaps.append(message_id)
    return gaps


def main() -> int:
    gaps = missing("zh-Hant")
    for message in gaps:
        print(message)
    print(f"{len(gaps)} missing in {po_path('zh_Hant_HK')}", file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
