"""Plan text catalogues (translations/<lang>.yaml): loaded with the plan folder, every problem
named by file and key, and `blueprint validate` counting the texts pages show untranslated."""

from __future__ import annotations

from pathlib import Path

from blueprint_tracker.formats.plan_folder import load_plan_folder
from blueprint_tracker.formats.plan_writer import plan_files

PILLAR_ONE = "\u652f\u67f1\u4e00"  # the mini plan's ref of node p1, in Chinese as stored


def _catalogue(folder: Path, name: str, text: str) -> None:
    (folder / "translations").mkdir(exist_ok=True)
    (folder / "translations" / name).write_text(text, encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    return [str(p) for p in load_plan_folder(folder)[1]]


def test_a_catalogue_maps_stored_text_to_its_words_in_a_language(mini_plan: Path) -> None:
    _catalogue(mini_plan, "en.yaml", f"{PILLAR_ONE}: Pillar 1\nPress release: Press release\n")
    _catalogue(mini_plan, "zh-Hant.yaml", "Press release: \u65b0\u805e\u7a3f\n")
    plan, problems = load_plan_folder(mini_plan)
    assert problems == [] and plan is not None
    assert plan.header.translations["en"][PILLAR_ONE] == "Pillar 1"
    assert plan.header.translations["zh-Hant"]["Press release"] == "\u65b0\u805e\u7a3f"


def test_a_translation_that_is_not_text_is_reported_with_file_and_key(mini_plan: Path) -> None:
    _catalogue(mini_plan, "en.yaml", "Press release:\n  - a list\nTable 207: ''\n")
    assert _messages(mini_plan) == [
        "translations/en.yaml: Press release: the translation must be non-empty text",
        "translations/en.yaml: Table 207: the translation must be non-empty text",
    ]


def test_a_key_that_is_not_text_is_reported(mini_plan: Path) -> None:
    _catalogue(mini_plan, "en.yaml", "2024: twenty twenty-four\n")
    assert _messages(mini_plan) == [
        "translations/en.yaml: 2024: the text to translate must be non-empty text"
    ]


def test_broken_yaml_is_reported_with_its_line(mini_plan: Path) -> None:
    _catalogue(mini_plan, "en.yaml", "Press release: fine\nTable 207: [unclosed\n")
    [message] = _messages(mini_plan)
    assert message.startswith("translations/en.yaml: line 3") and "YAML syntax error" in message


def test_a_document_that_is_not_a_mapping_is_reported(mini_plan: Path) -> None:
    _catalogue(mini_plan, "en.yaml", "- Press release\n")
    assert _messages(mini_plan) == [
        "translations/en.yaml: must be a mapping from a text as stored to its words"
    ]


def test_a_catalogue_for_a_language_the_plan_lacks_is_reported(mini_plan: Path) -> None:
    _catalogue(mini_plan, "fr.yaml", "Press release: Communiqu\u00e9\n")
    _catalogue(mini_plan, "not a tag.yaml", "Press release: x\n")
    assert _messages(mini_plan) == [
        "translations/fr.yaml: fr is not one of the plan's languages (zh-Hant, en)",
        "translations/not a tag.yaml: the file name must be a language tag, e.g. en.yaml",
    ]


def test_a_plan_written_back_keeps_its_catalogues(mini_plan: Path, tmp_path: Path) -> None:
    _catalogue(mini_plan, "en.yaml", f"{PILLAR_ONE}: Pillar 1\n")
    plan, _ = load_plan_folder(mini_plan)
    assert plan is not None
    files = plan_files(plan, [])
    assert "translations" not in files["plan.yaml"]
    out = tmp_path / "again"
    evidence = (mini_plan / "evidence.csv").read_text(encoding="utf-8")
    for name, content in {**files, "evidence.csv": evidence}.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(content, encoding="utf-8")
    again, problems = load_plan_folder(out)
    assert problems == [] and again is not None
    assert again.header.translations == {"en": {PILLAR_ONE: "Pillar 1"}}


def test_validate_counts_texts_shown_untranslated_as_warnings(mini_plan: Path, cli) -> None:
    before = cli("validate", str(mini_plan), "--json").json()
    untranslated = {(g["lang"], g["text"]) for g in before["untranslated"]}
    assert ("en", PILLAR_ONE) in untranslated
    assert ("zh-Hant", "Press release") in untranslated
    _catalogue(mini_plan, "en.yaml", f"{PILLAR_ONE}: Pillar 1\n")
    report = cli("validate", str(mini_plan), "--json")
    assert report.code == 0 and report.json()["valid"]
    after = report.json()
    assert ("en", PILLAR_ONE) not in {(g["lang"], g["text"]) for g in after["untranslated"]}
    assert after["summary"]["untranslated"]["en"] == before["summary"]["untranslated"]["en"] - 1
    shown = cli("validate", str(mini_plan))
    assert shown.code == 0
    count = after["summary"]["untranslated"]["zh-Hant"]
    assert f"warning: {count} text(s) shown on pages have no translation into zh-Hant" in shown.err
