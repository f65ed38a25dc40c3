"""Regexes rewritten for speed match exactly what the plain form they replace matched."""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given
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


@given(s=_LEX)
@example(s="a- b-\tc-\r\nd\u2010 e\u2010\nf--  g- - h")
def test_hyphen_anchors_equal_finditer(s):
    from garblint.rules import _ocrscan

    want = [m.start() for m in _ocrscan._BROKEN_HYPHEN_AT.finditer(s)]
    assert _ocrscan.hyphen_anchors(s) == want
    most, _ocrscan._HYPHENS_VISITED = _ocrscan._HYPHENS_VISITED, 2  # (many hyphens: the regex)
    try:
        assert _ocrscan.hyphen_anchors(s) == want
    finally:
        _ocrscan._HYPHENS_VISITED = most
    fast = [(m.span(), m.groups()) for m in _ocrscan.letter_run_matches(_ocrscan._BROKEN_HYPHEN, None, s, _ocrscan.hyphen_anchors(s))]  # type: ignore[arg-type]
    assert fast == [(m.span(), m.groups()) for m in _ocrscan._BROKEN_HYPHEN.finditer(s)]


_LAYOUT = st.text(alphabet=st.sampled_from(list("aB1 \t\n\r-$*|#+.:=_\u00a0\u2003")), max_size=60)


@given(s=_LAYOUT)
@example(s="a  \tb  c")
@example(s="a  b\u00a0  c  ")
@example(s="\t  b   c \u2003  d")
def test_layout_candidates_equal_the_line_by_line_form(s):
    """lint/layout.py finds the signs of layout at line starts with one search from each line
    break; the plain form matches the start pattern after every line break."""
    from garblint.lint import layout

    out = [0] if layout._CANDIDATE_START.match(s, 0) else []
    out += [m.end() for m in layout._NEWLINE.finditer(s) if layout._CANDIDATE_START.match(s, m.end())]
    n = len(s)
    out += [m.start() for m in re.finditer("  +", s) if m.start() > 0 and m.end() < n and not s[m.start() - 1].isspace() and not s[m.end()].isspace()]
    assert layout._candidates(s) == sorted(out)


# lint/inlinecode.py's signs of code as first written: a look-ahead on the opening characters first
_CODE_SIGN_PLAIN = (
    r"(?=[_/~$<(.-])(?:_[a-z]|/(?:usr|etc|var|tmp|dev|bin|lib|opt|home|proc|sys|run|srv)/|~/|(?<=\s\.)/[A-Za-z_.]"
    r"|--[a-z]+(?:-[a-z]+)+(?![\w-])|--[a-z][\w-]*=|\.(?:[ch]|py|conf|sh|so|deb|ya?ml|cfg|ini|pl|json|toml)\b"
    r"|\$[A-Z{(]|<[a-z][\w-]*>|\(\))"
)
# (pieces of the alternatives among the characters, so that whole signs occur)
_CODE_TEXT = st.lists(st.sampled_from(list("ab_Z/.~$<>()-= \tcpyush{\n") + ["usr/", "json", "./", "--x", "/etc/"]), max_size=30).map("".join)


@given(s=_CODE_TEXT, end=st.integers(min_value=0, max_value=60))
def test_code_signs_match_the_look_ahead_form(s, end):
    from garblint.lint import inlinecode

    plain = re.compile(_CODE_SIGN_PLAIN)
    assert [m.span() for m in inlinecode._CODE_SIGN.finditer(s, 0, end)] == [m.span() for m in plain.finditer(s, 0, end)]


# lines of plain-text layout: the characters lint/layout.py's line patterns turn on
_LAYOUT_LINE = st.lists(
    st.sampled_from(list("aZ1_ \t:|$=()-.;,{}?!") + ["  ", "   ", ">>>", "x(y);", "Key: v", "-o", "--all", "\u00bd", "\u00e9", "The", "Of"]), max_size=14
).map("".join)


@given(line=_LAYOUT_LINE)
def test_layout_pre_tests_never_skip_a_match(line):
    """lint/layout.py tests a line for a character each pattern needs before running it (a
    colon for "Key: value", a pipe for table cells, ...): whenever the pattern matches, the
    character is there. A pattern edited to match without it fails here."""
    from garblint.lint import layout

    lead = len(line) - len(line.lstrip())
    if layout._KEY_VALUE.match(line):
        assert ":" in line
    if layout._GAP3.search(line):
        assert "   " in line or "\t" in line
    if layout._PIPE_CELL.search(line):
        assert "|" in line
    if layout._NAME_LINE.match(line):
        assert line[0] in " \t"
    if layout._TERM_GAP.match(line, lead):
        assert "  " in line or "\t" in line
    if layout._PROMPT.match(line):
        assert "$" in line or ">>>" in line
    if layout._ASSIGNMENT.match(line):
        assert "=" in line
    if layout._C_STATEMENT.search(line):
        assert "(" in line
    for token in line.split():
        core = token.rstrip(".,;:!?\"'\u201d\u2019")
        if core and layout._CODE_TOKEN.match(core):
            assert not core.isalpha()


@given(s=st.text(max_size=40))
def test_layout_symbol_count_and_heading_match_their_plain_forms(s):
    from garblint.lint import layout

    n = len(s.replace(" ", ""))
    plain = n >= 3 and sum(1 for c in s if not c.isalnum() and not c.isspace()) / n >= 0.6
    assert layout._symbolic(s) == plain
    letters = [c for c in s if c.isalpha()]
    plain = (
        len(letters) >= 2
        and s.upper() == s
        and len(s.split()) <= 6
        and not layout._SENTENCE_END.search(s)
        and sum(c.isalpha() or c.isspace() for c in s) >= 0.8 * len(s)
    )
    assert layout._heading(s) == plain


@given(s=st.text(alphabet=st.sampled_from(list("ab \t\n\r\f\u2028")), max_size=30), a=st.integers(0, 30), b=st.integers(0, 30))
def test_layout_block_lines_split_as_the_line_pattern(s, a, b):
    from garblint.lint import layout

    a, b = min(a, b, len(s)), min(max(a, b), len(s))
    plain = []
    for lm in layout._LINE.finditer(s, a, b):
        if lm.end() == lm.start():
            break
        line = lm.group().rstrip("\r\n")
        if line.strip():
            plain.append((lm.start(), line))
    assert layout._block_lines(s, a, b) == plain


_POST_PIECES = st.sampled_from(
    ["\u2014 Jane Roe (@janeroe) May 3, 2019", "- Al (@a_l) 3 May 2020", "(@x)", "(@", " (@y) Jun. 12, 2021", "\n", "\r\n", "\r", " ", "\t", "word", "\u2013"]
)


@given(s=st.lists(_POST_PIECES, max_size=12).map("".join))
def test_post_signatures_equal_finditer(s):
    """lint/markup.py tries the signature of an embedded post only at the starts of the lines
    holding a "(@": the same matches as finditer over the text."""
    from garblint.lint import markup

    assert [m.span() for m in markup._post_signatures(s)] == [m.span() for m in markup._POST_SIGNATURE.finditer(s)]


# short lines of words, labels, code and prose punctuation
_LAYOUT_WORDS = st.lists(
    st.sampled_from(["Zed", "Main", "of", "the", "1a", "x_y", "Z", "--all", "f()", "ARG", "15.", "IV.", "2007-01-31", "word", "$"]), max_size=7
).flatmap(lambda ws: st.sampled_from(["", ".", "?", "!", ",", ";", ":"]).map(lambda end: " ".join(ws) + end))


@given(s=_LAYOUT_LINE | _LAYOUT_WORDS)
@example(s="Zed Main?")
@example(s="1a 2b")
def test_layout_title_heading_and_code_line_match_their_plain_forms(s):
    from garblint.lint import layout

    label = layout._HEADING_LABEL.match(s)
    body = s[label.end() :] if label else s
    words = body.rstrip(".").split()
    big = [w for w in words if w.lower() not in layout._SMALL_WORDS]
    plain = (
        not (body.endswith(".") and not label)
        and 2 <= len(words) <= 10
        and len(big) >= 2
        and all(w[:1].isupper() or w[:1].isdigit() for w in big)
        and not any(c in body for c in ",;:!?")
    )
    assert layout._title_heading(s) == plain
    toks = s.split()
    if toks and not (layout._PROMPT.match(s) or layout._ASSIGNMENT.match(s) or (layout._C_STATEMENT.search(s) and not layout._PROSE_STOP.search(s))):
        code = sum(1 for t in toks if layout._is_code_token(t))
        if code:
            code += sum(1 for t in toks if len(t) > 1 and t.isupper() and t.isalpha())
            toks = [t for t in toks if layout._is_code_token(t) or not layout._NUMBERISH.match(t)] or toks
        if len(toks) == 1:
            plain = code == 1 and (len(toks[0]) > 1 or toks[0] in "{}[]();") and not layout._SENTENCE_END.search(toks[0])
        else:
            plain = code * 2 >= len(toks) and not (len(toks) >= 8 and layout._SENTENCE_END.search(s) and code * 3 < len(toks) * 2)
        assert layout._code_like(s) == bool(plain)
