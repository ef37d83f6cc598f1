"""Explanations: one sentence per result, both languages, with the deciding numbers."""

from __future__ import annotations

from blueprint_tracker.assess import assess_series
from blueprint_tracker.domain.assessment import Status

NAME = {"zh-Hant": "研發開支", "en": "R&D spending"}
UNIT = {"zh-Hant": "%", "en": "% of GDP"}


def test_growth_and_required_pace_sentence() -> None:
    series = {2020: 1.1275, 2023: 1.2213}  # 2.70 % a year; (2 / 1.2213)^(1/7) - 1 = 7.30 %
    result = assess_series(
        series, method="statcan", direction="increase", target=2.0, target_year=2030,
        base_year=2020, name=NAME, unit=UNIT,
    )  # fmt: skip
    # ratio = 2.70 % / ((2 / 1.1275)^(1/10) - 1 = 5.90 %) = 0.46: limited progress
    assert result.status is Status.OSDG_LIMITED_PROGRESS
    assert result.explanation == {
        "zh-Hant": "有限進展：研發開支自2020年起每年上升2.7%；"
        "要在2030年達到2%，由現在起每年需增長7.3%。",
        "en": "Limited progress: R&D spending rose 2.7% a year since 2020; "
        "2% of GDP by 2030 needs growth of 7.3% a year from now.",
    }


def test_every_status_has_a_label_in_both_languages() -> None:
    from blueprint_tracker import i18n
    from blueprint_tracker.compute.vocabulary import STATUS_LABELS

    assert set(Status) <= set(STATUS_LABELS)
    words = {code: i18n.gettext("zh-Hant", label.word) for code, label in STATUS_LABELS.items()}
    assert all(words[code] != STATUS_LABELS[code].word for code in Status)


def test_target_met_and_missed_sentences() -> None:
    met = assess_series({2016: 2.5, 2019: 2.2}, method="eurostat", direction=1, target=2.0,
                        target_year=2030)  # fmt: skip
    assert met.explanation["en"].startswith("Target met: The indicator was 2.2 in 2019")
    assert "fell 4.2% a year since 2016" in met.explanation["en"]
    assert "已達到2030年的目標2" in met.explanation["zh-Hant"]
    missed = assess_series({2020: 1.0, 2025: 1.25}, method="escap", direction=1, target=1.3,
                           target_year=2025, evaluation_year=2026)  # fmt: skip
    assert missed.explanation == {
        "zh-Hant": "未達目標：該指標在2025年為1.25，未達到目標1.3。",
        "en": "Target missed: The indicator was 1.25 in 2025, missing the target of 1.3.",
    }


def test_probability_sentence_and_insufficient_data() -> None:
    series = {2016: 1.0, 2017: 3.0, 2018: 2.0, 2019: 4.0}
    result = assess_series(series, method="trend", direction=1, target=10.0, target_year=2025,
                           projection="linear")  # fmt: skip
    assert "reaching 10 by 2025 is about as likely as not (35%)" in result.explanation["en"]
    assert "機會約為35%（可能性約一半）" in result.explanation["zh-Hant"]
    empty = assess_series({2019: 1.0}, method="trend", direction=1, target=2.0, target_year=2025)
    assert empty.explanation["en"] == (
        "Insufficient data: The indicator cannot be assessed: it needs at least three values."
    )
    assert empty.explanation["zh-Hant"].startswith("數據不足：未能評估該指標")


def test_trend_only_sentence() -> None:
    series = {2015 + k: 100 * 1.03**k for k in range(5)}
    result = assess_series(series, method="trend", direction="increase")
    assert result.explanation["en"] == (
        "Significant progress: The indicator rose 3.0% a year since 2015."
    )
    assert result.explanation["zh-Hant"] == "顯著進展：該指標自2015年起每年上升3.0%。"


def test_currency_is_written_before_the_number_in_english() -> None:
    series = {2020: 3575.0, 2024: 4769.0}  # GERD per capita, HK$
    result = assess_series(
        series, method="eurostat", direction="increase", target=5000.0, target_year=2025,
        base_year=2020, name={"zh-Hant": "人均研發開支", "en": "GERD per capita"},
        unit={"zh-Hant": "港元", "en": "HK$"},
    )  # fmt: skip
    assert "HK$5,000 by 2025" in result.explanation["en"]
    assert "5,000 HK$" not in result.explanation["en"]
    assert "要在2025年達到5,000港元" in result.explanation["zh-Hant"]
