"""Find a font that covers Traditional Chinese, to embed in the PDF report (and its charts).

Looked up at run time, never at import: ``BLUEPRINT_CJK_FONT`` (a .ttf, .otf or .ttc file; for a
collection, ``path#index`` picks a face), then the fonts Debian installs with ``fonts-noto-cjk``,
``fonts-wqy-zenhei`` or ``fonts-arphic-uming``, then any Noto CJK file under the font folders.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_tracker import i18n
from blueprint_tracker.errors import ConfigError

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

ENV_VAR = "BLUEPRINT_CJK_FONT"
APT_PACKAGE = "fonts-noto-cjk"
FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
)
KNOWN = (
    "opentype/noto/NotoSansCJK-{style}.ttc",
    "opentype/noto-cjk/NotoSansCJK-{style}.ttc",
    "truetype/wqy/wqy-zenhei.ttc",
    "truetype/arphic/uming.ttc",
)
#: faces of a collection in order of preference (Traditional Chinese first)
PREFERRED_FACES = ("HK", "TC", "Hant")
#: from this code point on: CJK characters and full-width punctuation
CJK_START = 0x2E80


@functools.cache
def probe() -> str:
    """The characters a face must have: every Chinese character and full-width punctuation mark
    of the report's own words in each catalogued language (Traditional Chinese's)."""
    from blueprint_tracker.present.reports.report_text import TEXT

    text = "".join(i18n.gettext(lang, message) for lang in i18n.KEYS for message in TEXT.values())
    return "".join(sorted({ch for ch in text if ord(ch) >= CJK_START}))


@dataclass(frozen=True)
class FontFace:
    """One face of a font file: the file, its index in a collection, and its family name."""

    path: Path
    index: int
    family: str


def _fonts(path: Path) -> list[TTFont]:
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        return list(TTCollection(str(path), lazy=True).fonts)
    return [TTFont(str(path), lazy=True)]


def _rank(name: str) -> int:
    words = name.split()
    return next((n for n, wanted in enumerate(PREFERRED_FACES) if wanted in words), 99)


def _pick(path: Path, index: int | None) -> FontFace | None:
    """The preferred face of ``path`` (or face ``index``) that has every :func:`probe`
    character."""
    try:
        fonts = _fonts(path)
        named = [(i, str(font["name"].getDebugName(1))) for i, font in enumerate(fonts)]
    except Exception:  # fontTools raises many types for a file that is not a font
        return None
    if index is not None:
        named = [(i, name) for i, name in named if i == index]
    for i, name in sorted(named, key=lambda face: (_rank(face[1]), face[0])):
        cmap = fonts[i].getBestCmap() or {}
        if all(ord(ch) in cmap for ch in probe()):
            return FontFace(path, i, name)
    return None


def _candidates(style: str) -> Iterator[tuple[Path, int | None]]:
    override = os.environ.get(ENV_VAR)
    if override:
        name, _, index = override.partition("#")
        yield Path(name).expanduser(), int(index) if index.isdigit() else None
    for folder in FONT_DIRS:
        for pattern in KNOWN:
            yield folder / pattern.format(style=style), None
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob(f"Noto*CJK*-{style}.tt[cf]")):
                yield path, None


@functools.cache
def find_cjk_font(bold: bool = False) -> FontFace:
    """The first installed face that covers Traditional Chinese, or ConfigError naming the fix.

    A bold face falls back to the regular one when no bold file is installed.
    """
    for path, index in _candidates("Bold" if bold else "Regular"):
        if path.is_file():
            face = _pick(path, index)
            if face is not None:
                return face
    if bold:
        return find_cjk_font(bold=False)
    raise ConfigError(
        "no font with Traditional Chinese characters was found for the PDF report: install the "
        f"Debian package {APT_PACKAGE} (apt-get install {APT_PACKAGE}), or set {ENV_VAR} to a "
        ".ttf, .otf or .ttc file that has them"
    )
