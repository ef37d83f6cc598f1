"""Line breaking for the PDF. Chinese text breaks between characters, but never inside a number
with its unit ("2030年", "1.3%", "HK$3,575", "2024/25"), inside a Latin word, before closing
punctuation or after opening punctuation. English text breaks at spaces. In both, a piece wider
than the line (a web address, a long id) breaks after a "/", "-", "." or before a "%" escape,
and only as a last resort between any two characters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

UNIT = r"(?:[%％]|億港元|萬港元|港元|萬平方米|平方米|[年月日億萬元個名倍間人宗項家所])"
NUMBER = rf"(?:[≥≤≈<>] ?)?[-+−]?(?:HK\$|US\$|\$)?\d[\d,]*(?:\.\d+)?(?:/\d+)?{UNIT}?"
URL = r"https?://\S+"
WORD = r"[A-Za-z$][A-Za-z0-9$&'’+\-.]*"
TOKEN = re.compile(rf"(?P<url>{URL})|(?P<number>{NUMBER})|(?P<word>{WORD})|(?P<space>\s+)|.")
#: where a web address (or a long id) may break: after "/", "-", "?", "&", "=", "_" or ".",
#: and before a percent escape
URL_PIECE = re.compile(r"%[0-9A-Fa-f]{2}|[^/\-?&=_.%]+[/\-?&=_.]*|[/\-?&=_.]+|%")
CLOSING = set("，。、；：？！）」』》〉】〕％%…,.;:!?)]}·")
OPENING = set("（「『《〈【〔([{")
Measure = Callable[[str], float]


def _tokens(text: str) -> Iterator[str]:
    for match in TOKEN.finditer(text):
        if match.lastgroup == "url":
            yield from (part for part in URL_PIECE.findall(match.group()) if part)
        else:
            yield match.group()


def segments(text: str, cjk: bool = True) -> list[str]:
    """``text`` cut where a line may break; each piece stays on one line (spaces are pieces)."""
    if not cjk:
        return re.findall(r"\s+|\S+", text)
    out: list[str] = []
    glue_next = False
    for token in _tokens(text):
        space = token.isspace()
        if out and not space and (glue_next or token[0] in CLOSING) and not out[-1].isspace():
            out[-1] += token
        else:
            out.append(token)
        glue_next = not space and token[-1] in OPENING
    return out


def _by_character(piece: str, width: float, measure: Measure) -> list[str]:
    """A piece wider than a whole line (a long address): as many characters as fit per line."""
    lines, line = [], ""
    for char in piece:
        if line and measure(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def _pieces(text: str, width: float, measure: Measure, cjk: bool) -> Iterator[str]:
    """The segments of ``text``; one wider than a line is cut after its "/", "-", "." first."""
    for piece in segments(text, cjk):
        if measure(piece) <= width or piece.isspace():
            yield piece
        else:
            yield from (part for part in URL_PIECE.findall(piece) if part)


def _wrap_paragraph(text: str, width: float, measure: Measure, cjk: bool) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0  # the line so far and its width (widths add up: no kerning)
    for piece in _pieces(text, width, measure, cjk):
        size = measure(piece)
        if used + size <= width:
            line, used = line + piece, used + size
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, used = ("", 0.0) if piece.isspace() else (piece, size)
        if used > width:
            *full, line = _by_character(line, width, measure)
            lines.extend(full)
            used = measure(line)
    return [*lines, line.rstrip()]


def wrap(text: str, width: float, measure: Measure, cjk: bool = True) -> list[str]:
    """The lines of ``text`` no wider than ``width`` (``measure`` gives a string's width);
    line breaks already in the text are kept. ``cjk``: Chinese rules, else breaks at spaces."""
    parts = text.split("\n")
    return [line for part in parts for line in _wrap_paragraph(part, width, measure, cjk)]
