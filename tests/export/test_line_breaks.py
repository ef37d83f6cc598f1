"""Line breaking for the PDF: numbers stay with their units, punctuation with its word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blueprint_tracker.present.reports.line_breaks import segments, wrap


def test_numbers_keep_their_units_and_brackets_their_words() -> None:
    pieces = segments("到1.17%（目標1.3%）；要在2030年達到9,000港元，2024/25學年 ≥ 50")
    assert "1.17%" in pieces and "2030年" in pieces and "9,000港元，" in pieces
    assert "（目" in pieces and "1.3%）；" in pieces and "2024/25" in pieces and "≥ 50" in pieces


def test_lines_never_start_with_closing_punctuation_nor_split_a_number() -> None:
    text = "要在2030年達到9,000港元，由現在起每年需增長11.2%。"
    for width in range(8, 30):  # from the widest piece, "9,000港元，"
        lines = wrap(text, width, len)
        assert "".join(lines) == text
        assert all(len(line) <= width for line in lines)
        assert not any(line[0] in "，。%" for line in lines)
        joined = "|".join(lines)
        assert "20|30" not in joined and "11.2|%" not in joined and "9,000|港元" not in joined


def test_a_long_address_breaks_after_a_slash_or_before_an_escape() -> None:
    lines = wrap("https://www.censtatd.gov.hk/tc/%E5%B9%B4/table-207", 20, len, cjk=False)
    assert lines == ["https://www.", "censtatd.gov.hk/tc/", "%E5%B9%B4/table-207"]


def test_english_breaks_only_at_spaces() -> None:
    assert wrap("R&D spending rose to HK$30,138 million", 16, len, cjk=False) == [
        "R&D spending",
        "rose to",
        "HK$30,138",
        "million",
    ]


@given(st.text(alphabet="研發開支2030年1.3%（）,。 abcHK$/-", max_size=80), st.integers(4, 40))
def test_wrapping_keeps_every_character_but_the_spaces_it_breaks_at(text: str, width: int) -> None:
    lines = wrap(text, width, len)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
