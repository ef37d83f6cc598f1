"""Every import is one the import-linter contract sees: no module is loaded by a name in a string
(``importlib``, ``__import__``), so the layers in pyproject.toml hold for the whole package."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "blueprint_tracker"


def _by_name(node: ast.AST) -> bool:
    if isinstance(node, ast.Import):
        return any(alias.name.split(".")[0] == "importlib" for alias in node.names)
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == "importlib"
    return isinstance(node, ast.Name) and node.id == "__import__"


def _loads_by_name(tree: ast.AST) -> list[int]:
    return sorted(node.lineno for node in ast.walk(tree) if _by_name(node))  # type: ignore[attr-defined]


def test_no_module_is_imported_by_name() -> None:
    found = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _loads_by_name(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not found, sorted(found)


def test_the_check_sees_each_way_of_loading_by_name() -> None:
    code = "import importlib\nfrom importlib import import_module\nm = __import__('x')\n"
    assert _loads_by_name(ast.parse(code)) == [1, 2, 3]
