"""lint/layout.py's quicker forms give what the forms they replace gave: the token decisions of
``_code_like`` kept per token, ``_title_heading``'s stops found by one search and its words split
at most ten times, ``_indent`` without expandtabs on a line without a tab, ``_symbolic``'s
symbols of an ASCII line deleted from its bytes, and ``layout_blocks`` reading the block before
from the block it has just read. The plain forms are frozen here as they were."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import example, given
from hypothesis import strategies as st

from garblint.lint import layout
from garblint.lint.layout import (
    _BLANK,
    _BLANK_LF,
    _HANG,
    _HEADING_LABEL,
    _SMALL_WORDS,
    _SYMBOL,
    _block_lines,
    _candidates,
    _classify,
    _is_code_token,
)


def _code_like_plain(s: str) -> bool:
    if (
        (("$" in s or ">>>" in s) and layout._PROMPT.match(s))
        or ("=" in s and layout._ASSIGNMENT.match(s))
        or ("(" in s and layout._C_STATEMENT.search(s) and not layout._PROSE_STOP.search(s))
    ):
        return True
    toks = s.split()
    if not toks:
        return False
    code = sum(1 for t in toks if not t.rstrip(layout._PROSE_TAIL).isalpha() and _is_code_token(t))
    if code:
        code += sum(1 for t in toks if len(t) > 1 and t.isupper() and t.isalpha())
        toks = [t for t in toks if _is_code_token(t) or not layout._NUMBERISH.match(t)] or toks
    if len(toks) == 1:
        return code == 1 and (len(toks[0]) > 1 or toks[0] in "{}[]();") and not layout._SENTENCE_END.search(toks[0])
    return code * 2 >= len(toks) and not (len(toks) >= 8 and layout._SENTENCE_END.search(s) and code * 3 < len(toks) * 2)


def _title_heading_plain(s: str) -> bool:
    if any(c in s for c in ",;:!?"):
        return False
    label = _HEADING_LABEL.match(s)
    body = s[label.end() :] if label else s
    if body.endswith(".") and not label:
        return False
    words = body.rstrip(".").split()
    if not 2 <= len(words) <= 10:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def _indent_plain(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _symbolic_plain(s: str) -> bool:
    n = len(s.replace(" ", ""))
    return n >= 3 and len(_SYMBOL.findall(s)) / n >= 0.6


# tokens of prose and of code, capitals, numbers, Unicode letters, digits and spaces
_PIECES = [
    "the",
    "Of",
    "Terms",
    "and",
    "API",
    "NAME",
    "x",
    "a_b",
    "--all",
    "-v",
    "f()",
    "x(y);",
    "$",
    ">>>",
    "a=b",
    "1.2",
    "10x",
    "2007-01-31",
    "/usr/lib",
    "a.txt",
    "{",
    "}",
    "[x]",
    "(see",
    "this).",
    "end.",
    "one,",
    "two;",
    "\u201cQuoted\u201d",
    "it\u2019s",
    "caf\u00e9",
    "\u00bd",
    "\u2163",
    "\u0662",
    "\u00b2",
    "_",
    "!",
    "?",
    ":",
    "=====",
    "#",
    "|",
    "ǅ",
    "ß",
]
_LINE = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "  ", "   ", "\t", "\u00a0", ".", ""])), max_size=16).map(
    lambda parts: "".join(p + gap for p, gap in parts)
)
_MIXED = st.one_of(_LINE, st.text(max_size=40))


@given(s=_MIXED)
@example(s="Terms and Conditions Of The Software Licence Agreement For Everyone Here")
@example(s="One Two Three Four Five Six Seven Eight Nine Ten")
@example(s="One Two Three Four Five Six Seven Eight Nine Ten Eleven")
@example(s="\u00bd \u00b2 \u2163")
@example(s="\u00a0\u2003 x_y ___")
@example(s=" \t\u00a0 _-_ ")
def test_line_tests_equal_their_plain_forms(s: str) -> None:
    for line in (s, s.strip()):
        assert layout._code_like(line) == _code_like_plain(line), line
        assert layout._code_like(line) == _code_like_plain(line), line  # (the kept decisions)
        assert layout._title_heading(line) == _title_heading_plain(line), line
        assert layout._indent(line) == _indent_plain(line), line
        assert layout._symbolic(line) == _symbolic_plain(line), line


def test_code_token_decisions_are_kept_up_to_their_limit(monkeypatch) -> None:
    kept = layout._CodeTokens()
    monkeypatch.setattr(layout, "_CODE_TOKENS", kept)
    monkeypatch.setattr(layout, "_CODE_TOKENS_MAX", 3)
    assert layout._code_like("f() --all now") == _code_like_plain("f() --all now")
    assert kept == {"f()": 1, "--all": 1, "now": 0}
    assert layout._code_like("f() and") == _code_like_plain("f() and")  # (a fourth token: emptied first)
    assert kept == {"and": 0}


def _layout_blocks_plain(text: str) -> tuple[list[tuple[int, int]], int]:
    cands = _candidates(text)
    if not cands:
        return [], 0
    seps = [m.span() for m in (_BLANK if "\r" in text else _BLANK_LF).finditer(text)]
    sep_ends = [b for _, b in seps]
    out: list[tuple[int, int]] = []
    done_until = -1
    strong = 0
    last = (-1, False)
    hangs: list[frozenset[tuple[int, int]]] = []

    def hang_columns() -> frozenset[tuple[int, int]]:
        if not hangs:
            hangs.append(frozenset((len(m.group(1)), len(m.group(2))) for m in _HANG.finditer(text) if len(m.group(2)) >= len(m.group(1)) + 4))
        return hangs[0]

    for pos in cands:
        if pos < done_until:
            continue
        k = bisect_right(sep_ends, pos)
        a = sep_ends[k - 1] if k else 0
        b = seps[k][0] if k < len(seps) else len(text)
        block = _block_lines(text, a, b)
        prev_indent = None
        if k >= 1:
            prev = _block_lines(text, sep_ends[k - 2] if k >= 2 else 0, seps[k - 1][0])
            if prev:
                prev_indent = _indent_plain(prev[0][1])
        if block:
            got = _classify(block, out, prev_indent, after_code=last == (k - 1, True), hang_columns=hang_columns)
            strong += got
            last = (k, got > 0)
        done_until = b
    return out, strong


_INDENTS = st.sampled_from(["", "", " ", "    ", "        ", "\t", "  \t"])
_TEXT = st.lists(
    st.one_of(st.tuples(_INDENTS, _LINE).map("".join), st.sampled_from(["", "", " ", "\t"])),
    max_size=14,
).map("\n".join)


@given(text=_TEXT, crlf=st.booleans())
@example(text="Intro line here.\n\n    indented example\n    more of it\n\n        deeper still\n\nback to prose", crlf=False)
@example(text="  a  b\n\n  c\n\n\n        d e f\n\n  g", crlf=True)
@example(text="      a b\n\nprose line here\n\n        b c", crlf=False)
def test_layout_blocks_equal_the_plain_form(text: str, crlf: bool) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    assert layout.layout_blocks(text) == _layout_blocks_plain(text)
