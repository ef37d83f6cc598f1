"""One vocabulary: each status has one label and one tone, the same in every surface."""

from __future__ import annotations

from pathlib import Path

from blueprint_tracker import i18n
from blueprint_tracker.assess import assess_series
from blueprint_tracker.compute.commitments import CommitmentStatus
from blueprint_tracker.compute.verdict import disagree, verdict
from blueprint_tracker.compute.vocabulary import STATUS_LABELS, TONES, status_label
from blueprint_tracker.domain.assessment import Status


def test_every_status_of_every_method_and_commitment_has_one_label() -> None:
    assert set(STATUS_LABELS) == {*Status, *CommitmentStatus}
    labels = STATUS_LABELS.values()
    assert all(label.tone in TONES and label.icon and label.word for label in labels)
    assert status_label(None).word == "Not assessed" and status_label("nonsense").tone == "unknown"


def test_the_verdict_is_the_tone_and_behind_is_one_kind() -> None:
    assert all(verdict(code) == STATUS_LABELS[code].tone for code in Status)
    assert verdict(Status.MOVING_AWAY) == "bad" and verdict(Status.INSUFFICIENT_PROGRESS) == "poor"
    assert not disagree([Status.MOVING_AWAY, Status.OSDG_LIMITED_PROGRESS])  # both behind
    assert not disagree([Status.ON_TRACK, Status.INSUFFICIENT_DATA])  # no reading is no verdict
    assert disagree([Status.REVERSE, Status.ACCELERATE])


def test_the_explanation_begins_with_the_status_label_in_each_language() -> None:
    result = assess_series({2016: 5.0, 2020: 3.0}, method="escap", direction=1, base_year=2016,
                           target=10.0, target_year=2030)  # fmt: skip
    assert result.status is Status.REVERSE
    word = STATUS_LABELS[Status.REVERSE].word
    assert word == "Trend needs reversing"
    assert result.explanation["en"].startswith(f"{word}: ")
    assert result.explanation["zh-Hant"].startswith(f"{i18n.gettext('zh-Hant', word)}：")
    assert result.explanation["zh-Hant"].startswith("需要扭轉趨勢：")


def test_the_methodology_page_names_every_status_with_the_same_words() -> None:
    import blueprint_tracker

    content = Path(blueprint_tracker.__file__).parent / "present" / "content"
    en = (content / "methodology.md").read_text(encoding="utf-8")
    zh = (content / "methodology.zh-Hant.md").read_text(encoding="utf-8")
    missing = [
        code
        for code, label in STATUS_LABELS.items()
        if label.word not in en or i18n.gettext("zh-Hant", label.word) not in zh
    ]
    assert missing == []
