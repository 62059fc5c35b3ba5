"""The full-width punctuation pass equals its per-character reference implementation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jinan_gov.normalize import _ANGLE, _FULL_WIDTH, _full_width_punctuation, is_cjk


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def reference(text: str) -> str:
    """The original character-by-character loop."""
    chars = list(text)
    for index, char in enumerate(chars):
        left = chars[index - 1] if index > 0 else ""
        right = chars[index + 1] if index + 1 < len(chars) else ""
        between_ascii = _alnum(left) and _alnum(right)
        if char in _FULL_WIDTH and not between_ascii:
            chars[index] = _FULL_WIDTH[char]
        elif char in _ANGLE and (is_cjk(left) or is_cjk(right)):
            chars[index] = _ANGLE[char]
    return "".join(chars)


@given(st.text(alphabet=st.sampled_from(list(",;:()?!<>aZ09 济南。（，")), max_size=40))
def test_matches_the_reference(text: str) -> None:
    assert _full_width_punctuation(text) == reference(text)
