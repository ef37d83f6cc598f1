"""Nothing assumes zh-Hant/en outside the language table: no code or template outside ``i18n/``
names a language key (``"zh-Hant"``, ``"en"``), a fixed language's column (``"summary_en"``,
``f"{key}_zh_hant"``) or a named language field (``.zh_hant``). A plan's languages come from
the plan; the interface's from the catalogues. The few places listed below say why they may.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "src" / "blueprint_tracker"
KEYS = {"zh-Hant", "zh-hant", "zh_hant", "zh_Hant_HK", "zh-Hant-HK", "en"}
SUFFIX = re.compile(r"_(zh|en|zh_hant)$")
TEMPLATE_KEY = re.compile(r"""(["'])(zh-Hant|zh-hant|zh_hant|en)\1""")

#: file -> the language literals it may hold, and why
ALLOWED: dict[str, tuple[set[str], str]] = {
    "store/migrations/versions/0002_review_and_audit.py": (
        {"summary_zh", "summary_en"},
        "a past schema: the two summary columns before revision 0007",
    ),
    "store/migrations/versions/0007_evidence_summary_languages.py": (
        {"summary_zh", "summary_en", "zh-Hant", "en"},
        "copies those two columns into the per-language summary",
    ),
    "formats/opensdg/layout.py": (
        {"en"},
        "Open SDG's own default language, when config_data.yml names none",
    ),
}
#: templates: the services' messages (errors, conflicts) are English only, marked lang="en"
TEMPLATE_ALLOWED = {"error.html": 1, "edit.html": 1, "review.html": 1}


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if value in KEYS or SUFFIX.search(value):
                found.append((node.lineno, value))
        elif isinstance(node, ast.Attribute) and node.attr == "zh_hant":
            found.append((node.lineno, ".zh_hant"))
    return found


def test_no_language_key_is_named_in_the_code_outside_the_language_table() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("i18n/"):
            continue
        allowed = ALLOWED.get(name, (set(), ""))[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{name}:{line}: {value!r}" for line, value in _literals(tree)
                  if value not in allowed]  # fmt: skip
    assert found == []


def test_no_template_names_a_language_key() -> None:
    found = {}
    for path in sorted((PACKAGE / "present" / "templates").rglob("*.html")):
        hits = TEMPLATE_KEY.findall(path.read_text(encoding="utf-8"))
        if hits:
            found[path.name] = len(hits)
    assert found == TEMPLATE_ALLOWED


def test_the_check_finds_what_it_is_for() -> None:
    code = 'x = t["zh-Hant"]\ny = row["summary_en"]\nz = f"{k}_zh_hant"\nw = text.zh_hant\n'
    assert sorted(_literals(ast.parse(code))) == [
        (1, "zh-Hant"), (2, "summary_en"), (3, "_zh_hant"), (4, ".zh_hant"),
    ]  # fmt: skip
    assert _literals(ast.parse('x = t[lang]\ny = f"{key}_{column_suffix(lang)}"\n')) == []
