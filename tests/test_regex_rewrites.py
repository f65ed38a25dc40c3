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


_LAYOUT = st.text(alphabet=st.sampled_from(list("aB1 \t\n\r-$*|#+.:=_")), max_size=60)


@given(s=_LAYOUT)
def test_layout_candidates_equal_the_line_by_line_form(s):
    """lint/layout.py finds the signs of layout at line starts with one search from each line
    break; the plain form matches the start pattern after every line break."""
    from garblint.lint import layout

    out = [0] if layout._CANDIDATE_START.match(s, 0) else []
    out += [m.end() for m in layout._NEWLINE.finditer(s) if layout._CANDIDATE_START.match(s, m.end())]
    n = len(s)
    out += [m.start() for m in layout._SPACES.finditer(s) if m.start() > 0 and m.end() < n and not s[m.start() - 1].isspace() and not s[m.end()].isspace()]
    assert layout._candidates(s) == sorted(out)


# lint/layout.py's signs of code as first written: a look-ahead on the opening characters first
_CODE_SIGN_PLAIN = (
    r"(?=[_/~$<(.-])(?:_[a-z]|/(?:usr|etc|var|tmp|dev|bin|lib|opt|home|proc|sys|run|srv)/|~/|(?<=\s\.)/[A-Za-z_.]"
    r"|--[a-z]+(?:-[a-z]+)+(?![\w-])|--[a-z][\w-]*=|\.(?:[ch]|py|conf|sh|so|deb|ya?ml|cfg|ini|pl|json|toml)\b"
    r"|\$[A-Z{(]|<[a-z][\w-]*>|\(\))"
)
# (pieces of the alternatives among the characters, so that whole signs occur)
_CODE_TEXT = st.lists(st.sampled_from(list("ab_Z/.~$<>()-= \tcpyush{\n") + ["usr/", "json", "./", "--x", "/etc/"]), max_size=30).map("".join)


@given(s=_CODE_TEXT, end=st.integers(min_value=0, max_value=60))
def test_code_signs_match_the_look_ahead_form(s, end):
    from garblint.lint import layout

    plain = re.compile(_CODE_SIGN_PLAIN)
    assert [m.span() for m in layout._CODE_SIGN.finditer(s, 0, end)] == [m.span() for m in plain.finditer(s, 0, end)]
