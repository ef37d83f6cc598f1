"""The Hong Kong plan's Chinese catalogue of its English data texts (translations/zh-Hant.yaml).

Curator notes, source titles and table names are stored in English in the plan's data files; a
Chinese page shows the catalogue's words in their place. A note added or changed without its Chinese
leaves English on Chinese pages, so these tests fail until the catalogue has it.
"""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest
import yaml

from blueprint_tracker.config import BUNDLED_PLANS
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.plan_folder import load_plan_folder
from blueprint_tracker.services.translation_gaps import untranslated

PLAN_DIR = BUNDLED_PLANS / "hk-itb-2022"
CATALOGUE = PLAN_DIR / "translations" / "zh-Hant.yaml"

LATIN = re.compile(r"[A-Za-z]")
# CJK ideographs, CJK symbols and punctuation (「」。、) and full-width forms (，：（）).
CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
ASCII_NEXT_TO_CJK = re.compile(rf"[{CJK}][:,;()]|[:,;()][{CJK}]")
QUOTED = re.compile(r"「[^」]*」")
URL = re.compile(r"https?://\S+")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# six English words in a row: a sentence left untranslated (names and titles are shorter)
ENGLISH_RUN = re.compile(r"(?:[A-Za-z][A-Za-z'&.\-]*[\s,;:()/\-]+){5}[A-Za-z]")


def _rows(name: str) -> list[dict[str, str]]:
    with (PLAN_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _peers() -> dict[str, Any]:
    peers = yaml.safe_load((PLAN_DIR / "peers.yaml").read_text(encoding="utf-8")) or {}
    assert isinstance(peers, dict)
    return peers


def _needing_chinese() -> set[str]:
    """Every distinct note, and every source title or table that has English words in it."""
    peers = _peers()
    notes = [r["note"] for r in _rows("observations.csv")]
    notes += [f.get("note") or "" for f in peers.get("figures") or []]
    titles = [r[f] for r in _rows("observations.csv") for f in ("source_title", "source_table")]
    titles += [r["source_title"] for r in _rows("evidence.csv")]
    titles += [s.get("title") or "" for s in (peers.get("sources") or {}).values()]
    return {n for n in notes if n} | {t for t in titles if LATIN.search(t)}


def _stored_texts() -> set[str]:
    peers = _peers()
    fields = ("note", "source_title", "source_table", "source_agency", "unit")
    texts = {r[f] for r in _rows("observations.csv") for f in fields}
    texts |= {r[f] for r in _rows("evidence.csv") for f in ("source_title", "source_agency")}
    texts |= {s.get("title") or "" for s in (peers.get("sources") or {}).values()}
    texts |= {f.get("note") or "" for f in peers.get("figures") or []}
    return texts - {""}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in data.items())
    return data


def test_every_english_note_and_source_title_has_its_chinese(catalogue: dict[str, str]) -> None:
    missing = sorted(_needing_chinese() - catalogue.keys())
    assert missing == [], f"{len(missing)} texts without Chinese, e.g. {missing[:3]}"


def test_every_key_is_a_text_stored_in_the_plan(catalogue: dict[str, str]) -> None:
    stale = sorted(catalogue.keys() - _stored_texts())
    assert stale == [], f"keys no longer in the data (drop or update them): {stale[:3]}"


def test_the_chinese_uses_full_width_punctuation(catalogue: dict[str, str]) -> None:
    bad = {}
    for key, value in catalogue.items():
        prose = URL.sub(" ", QUOTED.sub("「」", value))
        if ASCII_NEXT_TO_CJK.search(prose):
            bad[key] = ASCII_NEXT_TO_CJK.findall(prose)
    assert bad == {}


def test_each_value_is_chinese_and_keeps_the_figures(catalogue: dict[str, str]) -> None:
    for key, value in catalogue.items():
        # a name may be kept as it is (HKmediaEx); anything else is in Chinese
        assert value == key or re.search(r"[\u4e00-\u9fff]", value), key
        lost = [n for n in THOUSANDS.findall(key) if n not in value]
        assert lost == [], f"{key!r}: figures {lost} not in the Chinese"


def test_no_english_sentence_is_left_in_the_chinese(catalogue: dict[str, str]) -> None:
    """An English quotation is given in Chinese too: a Chinese page shows no English sentence."""
    found = {k: ENGLISH_RUN.search(URL.sub(" ", v)) for k, v in catalogue.items()}
    left = {k: m.group() for k, m in found.items() if m}
    assert left == {}


def _loaded() -> tuple[Plan, list[Observation]]:
    plan, problems = load_plan_folder(PLAN_DIR)
    assert problems == [] and plan is not None
    observations, problems = read_observations(
        PLAN_DIR / "observations.csv", {s.id for s in plan.series}
    )
    assert problems == []
    return plan, observations


def test_no_text_a_chinese_page_shows_is_left_in_english() -> None:
    """What `blueprint validate` counts: notes, source titles, tables, units and agency names
    (those agencies.yaml does not give) that a page shows, each with its Chinese."""
    plan, observations = _loaded()
    assert [g for g in untranslated(plan, observations) if g["lang"] == "zh-Hant"] == []


def test_a_unit_in_words_needs_its_chinese_and_a_percent_sign_does_not() -> None:
    plan, observations = _loaded()
    catalogues = dict(plan.header.translations)
    catalogues["zh-Hant"] = {k: v for k, v in catalogues["zh-Hant"].items() if k != "persons"}
    header = plan.header.model_copy(update={"translations": catalogues})
    gaps = untranslated(plan.model_copy(update={"header": header}), observations)
    shown = {(g["lang"], g["field"], g["text"]) for g in gaps}
    assert ("zh-Hant", "unit", "persons") in shown
    assert not any(text == "%" for _, _, text in shown)
