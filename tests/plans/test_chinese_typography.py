"""Hong Kong conventions in the plan's own Chinese data.

The Blueprint's references use full-width brackets as the Blueprint does (策略（一）), and the
Chinese data notes write dates as 2026年8月18日.
"""

from __future__ import annotations

import re

import yaml

from blueprint_tracker.config import BUNDLED_PLANS

PLAN_DIR = BUNDLED_PLANS / "hk-itb-2022"
CJK = "\u3400-\u9fff"
HALF_WIDTH_BRACKET_BY_CJK = re.compile(rf"[{CJK}][()]|[()][{CJK}]")


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [str(v) for k, v in node.items() if k == "ref" and isinstance(v, str)]
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_blueprint_references_use_full_width_brackets() -> None:
    refs = []
    for name in ("plan.yaml", "commitments.yaml"):
        refs += _refs(yaml.safe_load((PLAN_DIR / name).read_text(encoding="utf-8")))
    assert len(refs) > 100
    wrong = [r for r in refs if HALF_WIDTH_BRACKET_BY_CJK.search(r)]
    assert not wrong, wrong[:5]


def test_every_reference_keeps_its_english() -> None:
    english = yaml.safe_load((PLAN_DIR / "translations" / "en.yaml").read_text(encoding="utf-8"))
    refs = set()
    for name in ("plan.yaml", "commitments.yaml"):
        refs |= set(_refs(yaml.safe_load((PLAN_DIR / name).read_text(encoding="utf-8"))))
    assert refs and not [r for r in refs if r not in english]


def test_chinese_data_notes_write_hong_kong_dates() -> None:
    text = (PLAN_DIR / "notes" / "data-notes.zh-Hant.md").read_text(encoding="utf-8")
    prose = re.sub(r"`[^`]*`|https?://\S+", "", text)
    assert not re.findall(r"\d{4}-\d{2}-\d{2}", prose)
