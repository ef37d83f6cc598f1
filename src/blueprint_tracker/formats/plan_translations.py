"""Plan text catalogues: ``translations/<lang>.yaml`` in a plan folder.

Each file is a flat mapping from a text exactly as the plan's data files store it (an observation's
note, a source title or table, a node's or commitment's ``ref``, an agency name) to its words in
``<lang>``, gettext-style. The file name is the language tag (``en.yaml``, ``zh-Hant.yaml``,
``pt-BR.yaml``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blueprint_tracker.domain.text import LANG_TAG
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.yaml_file import read_yaml

TRANSLATIONS_DIR = "translations"


def _entries(file: str, document: Any) -> tuple[dict[str, str], list[Problem]]:
    if document is None:
        return {}, []
    if not isinstance(document, dict):
        return {}, [Problem(file, "", "must be a mapping from a text as stored to its words")]
    entries: dict[str, str] = {}
    problems: list[Problem] = []
    for key, words in document.items():
        if not isinstance(key, str) or not key.strip():
            why = "the text to translate must be non-empty text"
            problems.append(Problem(file, repr(key), why))
        elif not isinstance(words, str) or not words.strip():
            problems.append(Problem(file, key, "the translation must be non-empty text"))
        else:
            entries[key] = words
    return entries, problems


def _read_one(path: Path, file: str, languages: list[str]) -> tuple[dict[str, str], list[Problem]]:
    lang = path.stem
    if not LANG_TAG.match(lang):
        return {}, [Problem(file, "", "the file name must be a language tag, e.g. en.yaml")]
    if lang not in languages:
        why = f"{lang} is not one of the plan's languages ({', '.join(languages)})"
        return {}, [Problem(file, "", why)]
    document, problems = read_yaml(path)
    problems = [Problem(file, p.location, p.message) for p in problems]
    entries, more = _entries(file, document)
    return entries, problems + more


def read_translations(
    folder: Path, languages: list[str]
) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Every catalogue in ``folder/translations`` by language, and the problems found."""
    directory = folder / TRANSLATIONS_DIR
    if not directory.is_dir():
        return {}, []
    catalogues: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        file = f"{TRANSLATIONS_DIR}/{path.name}"
        entries, more = _read_one(path, file, languages)
        problems += more
        if entries:
            catalogues[path.stem] = entries
    return catalogues, problems
