"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from hypothesis import strategies as st

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ASCII_ALNUM = st.sampled_from("0123456789abcxyzABCXYZ")
PUNCTUATION = st.sampled_from(list(",.;:()<>%~+—/“”《》、。,;:()"))
SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", "\n \n\n"])

# Text shaped like the raw gazette: CJK runs, figures, Latin words, wraps and stray spaces.
RAW_FRAGMENT = st.lists(
    st.one_of(CJK, ASCII_ALNUM, PUNCTUATION, SPACES), min_size=0, max_size=60
).map("".join)
