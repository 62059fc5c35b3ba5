"""The angle-bracket pass equals its per-character reference; other punctuation is kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.text.normalize import _ANGLE, _angle_brackets, is_cjk, normalize_text


def reference(text: str) -> str:
    """The character-by-character loop the regex pass replaced."""
    chars = list(text)
    for index, char in enumerate(chars):
        left = chars[index - 1] if index > 0 else ""
        right = chars[index + 1] if index + 1 < len(chars) else ""
        if char in _ANGLE and (is_cjk(left) or is_cjk(right)):
            chars[index] = _ANGLE[char]
    return "".join(chars)


@given(st.text(alphabet=st.sampled_from(list(",;:()?!<>aZ09 济南。（，")), max_size=40))
def test_matches_the_reference(text: str) -> None:
    assert _angle_brackets(text) == reference(text)


def test_book_title_brackets_beside_chinese_only() -> None:
    assert _angle_brackets("<济南>") == "〈济南〉"
    assert _angle_brackets("a<b>c") == "a<b>c"


def test_punctuation_is_kept_as_written() -> None:
    assert normalize_text("增长5.5%,服务业(含)增长6%;") == "增长5.5%,服务业(含)增长6%;"
    assert normalize_text("增长5.5%，服务业（含）增长6%；") == "增长5.5%，服务业（含）增长6%；"
