"""The lexicon's fast "word count" parser gives what a line-by-line parse gives."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from garblint.lint import lexicon


def _reference(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = int(parts[1])
    return out


_WORD = st.text(alphabet=st.sampled_from(list("abcé'-")), min_size=1, max_size=6)
_LINE = st.one_of(
    st.tuples(_WORD, st.integers(0, 10**9)).map(lambda wc: f"{wc[0]} {wc[1]}"),  # the usual line
    st.tuples(_WORD, st.integers(0, 99), st.integers(0, 9)).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    st.just(""), st.just("  "), _WORD, st.tuples(_WORD, st.integers(0, 99)).map(lambda wc: f"{wc[0]}\t{wc[1]}"),
)


@given(st.lists(_LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\u2028"]), st.booleans())
def test_parse_counts_equals_line_by_line(lines, sep, final):
    text = sep.join(lines) + (sep if final else "")
    assert list(lexicon.parse_counts(text).items()) == list(_reference(text).items())  # order too


def test_shipped_dictionary_takes_the_fast_path_and_matches():
    with open(lexicon._data_path(lexicon.DICTIONARY), encoding="utf-8") as fh:
        text = fh.read()
    assert lexicon._TWO_FIELD_LINES.fullmatch(text)
    assert list(lexicon.frequencies().items()) == list(_reference(text).items())
