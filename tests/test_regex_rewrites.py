"""Regexes rewritten for speed match exactly what the plain form they replace matched."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garblint.rules import punctuation

# the plain (slow) forms, look-behind first
REFERENCE = {
    "_NO_SPACE_SENTENCE": r"(?<=[a-z]{2})(?P<p>[.!?][\u201d\u2019]?)(?=[A-Z][a-z])",
    "_NO_SPACE_COMMA": r"(?<=[^\W\d_]{2})(?P<p>[,;])(?=[^\W\d_]{2})",
    "_MULTI_SPACE": r"(?<=\S)[ ]{2,}(?=\S)",
}
_TEXT = st.text(alphabet=st.sampled_from(list("abZ Q.,;!?\u201d\u2019\u00a0\té1_\n")), max_size=40)


def _matches(rx: re.Pattern[str], s: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(s)]


@pytest.mark.parametrize("name", sorted(REFERENCE))
@given(s=_TEXT)
def test_same_matches_as_the_plain_form(name, s):
    assert _matches(getattr(punctuation, name), s) == _matches(re.compile(REFERENCE[name]), s)


_LEX = st.text(alphabet=st.sampled_from(list("abZé1_ -\u2010\t\n\r!|$@([€^*.,\"'\u201c\u201d")), max_size=40)


@pytest.mark.parametrize("pattern,anchor", [("_BROKEN_HYPHEN", "_BROKEN_HYPHEN_AT"), ("_SYMBOL_IN_WORD", "_SYMBOL_AT")])
@given(s=_LEX)
def test_letter_run_matches_equal_finditer(pattern, anchor, s):
    from garblint.rules import _lexcheck

    rx = getattr(_lexcheck, pattern)
    fast = [(m.span(), m.groups()) for m in _lexcheck.letter_run_matches(rx, getattr(_lexcheck, anchor), s)]
    assert fast == [(m.span(), m.groups()) for m in rx.finditer(s)]
