import re

import pytest

from garblint.lint.document import Document
from garblint.lint.segment import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_line_col_counts_code_points_and_crlf():
    doc = Document("ab\r\nc😀d\nxyz")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 1)
    # the emoji is one code point: 'd' is column 3
    assert doc.text[6] == "d" and doc.line_col(6) == (2, 3)
    assert doc.line_col(len(doc.text)) == (3, 4)
    assert doc.line_text(2) == "c😀d"


def test_paragraphs_split_on_blank_lines_with_offsets():
    text = "First para\nstill first.\r\n\r\n  Second.\n \n\nThird"
    doc = Document(text)
    paras = doc.paragraphs
    assert [p.text for p in paras] == ["First para\nstill first.", "Second.", "Third"]
    for p in paras:
        assert text[p.start:p.end] == p.text


def test_sentences_carry_offsets_and_paragraph_index():
    text = "He spoke. She left.\n\nA new one."
    doc = Document(text)
    got = [(s.text, s.paragraph) for s in doc.sentences]
    assert got == [("He spoke.", 0), ("She left.", 0), ("A new one.", 1)]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


def test_segmenter_keeps_abbreviations_and_initials():
    assert sentences("Maj. Gen. Ann Lee spoke at the U.N. headquarters on Monday. It rained.") == [
        "Maj. Gen. Ann Lee spoke at the U.N. headquarters on Monday.",
        "It rained.",
    ]
    assert sentences("Joe F. Smith arrived at 3.30 p.m. on Friday.") == ["Joe F. Smith arrived at 3.30 p.m. on Friday."]
    assert sentences("Prices rose, e.g. for bread. Then they fell.") == ["Prices rose, e.g. for bread.", "Then they fell."]


def test_segmenter_splits_before_lower_case_after_full_stop():
    assert sentences("It would deter them. huge pressure.") == ["It would deter them.", "huge pressure."]


def test_segmenter_keeps_quoted_question_with_attribution():
    assert sentences("“Why now?” she asked. Nobody knew.") == ["“Why now?” she asked.", "Nobody knew."]


def test_segmenter_closing_quote_stays_with_sentence():
    assert sentences("“We will do it. Soon.” Then he left.") == ["“We will do it.", "Soon.”", "Then he left."]


def test_words_have_offsets_and_keep_apostrophes_and_hyphens():
    text = "The city’s self-defense plan, 2024."
    doc = Document(text)
    assert [w.text for w in doc.words] == ["The", "city’s", "self-defense", "plan", "2024"]
    for w in doc.words:
        assert text[w.start:w.end] == w.text


def test_empty_document():
    doc = Document("")
    assert doc.paragraphs == [] and doc.sentences == [] and doc.words == []
    assert doc.line_col(0) == (1, 1)


_WORD_PIECES = ["the", "The", "City", "x", "42", "z9", "é", "Ärger", "k\u212a", "_", "a_b", "'", "\u2019", "\u02bc", "-", "\u2010",
                "\u2011", "--", " ", "  ", "\n", "\r\n", "\t", ".", ",", "\u201c", "\u201d", "\U0001f600", "\u0301", "ǅ",
                "\u00b2", "\u0663", "\u216b", "\u00bd", "\U0001d400", "\u00a0", "\u00b7", "\u2014"]
_ASCII_PIECES = [p for p in _WORD_PIECES if p.isascii()]
#: the word pattern as it was written before its first class was spelt out ("XX*" for "X+",
#: for the compiled pattern's first-character test): the matches Document.words must give
_FROZEN_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc\-\u2010\u2011][^\W_]+)*")


def test_word_patterns_match_as_written_before():
    """The word patterns opening with their class spelt out ("XX*") match what "X+" matched:
    ``_WORD`` (iter_words, word_count), and the split patterns (Unicode, ASCII, a text's own
    class) give the same pieces as the frozen pattern's gaps and words."""
    import random

    from garblint.lint import document
    from garblint.lint.document import _ASCII_WORD_SPLIT, _WORD, _WORD_SPLIT, _own_class

    frozen_split = re.compile("(" + _FROZEN_WORD.pattern + ")")
    for seed in range(400):
        rng = random.Random(seed)
        pieces = _ASCII_PIECES if seed % 3 == 0 else _WORD_PIECES
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        want = [m.span() for m in _FROZEN_WORD.finditer(text)]
        assert [m.span() for m in _WORD.finditer(text)] == want
        assert Document(text).word_count == len(want)
        parts = frozen_split.split(text)
        assert _WORD_SPLIT.split(text) == parts
        if text.isascii():
            assert _ASCII_WORD_SPLIT.split(text) == parts
        others = "".join(sorted(filter(str.isalnum, document.non_ascii_chars(text))))
        assert _own_class(others).split(text) == parts


@pytest.mark.parametrize("share_from, own_class_from, own_class_max", [(0, 0, 300), (10, None, 300), (None, 0, 2)])
def test_words_from_split_same_as_finditer(share_from, own_class_from, own_class_max, monkeypatch):
    """``Document.words`` (built from ``split`` and running sums of lengths) is the list of
    ``_WORD.finditer`` matches, one shared string per distinct word in a text of
    ``_SHARE_MIN_WORDS`` words or more, and ``word_texts`` their texts; also where the split's
    letters and digits are a class of the text's own (_word_split: ASCII, or its own class
    from ``_OWN_CLASS_MIN_CHARS`` characters on, up to ``_OWN_CLASS_MAX`` characters outside
    ASCII)."""
    import random

    from garblint.lint import document
    from garblint.lint.document import Token

    if share_from is not None:
        monkeypatch.setattr(document, "_SHARE_MIN_WORDS", share_from)
    if own_class_from is not None:
        monkeypatch.setattr(document, "_OWN_CLASS_MIN_CHARS", own_class_from)
    monkeypatch.setattr(document, "_OWN_CLASS_MAX", own_class_max)
    shared_texts = 0
    for seed in range(300):
        rng = random.Random(seed)
        pieces = _ASCII_PIECES if seed % 3 == 0 else _WORD_PIECES
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        doc = Document(text)
        expect = [Token(m.start(), m.end(), m.group()) for m in _FROZEN_WORD.finditer(text)]
        assert doc.words == expect
        assert all(type(w) is Token for w in doc.words)
        assert doc.word_texts == [w.text for w in expect]
        assert doc.word_starts == [w.start for w in expect]
        assert Document(text).word_starts == [w.start for w in expect]  # (asked before the words)
        if len(expect) >= document._SHARE_MIN_WORDS:
            shared_texts += 1
            first: dict[str, str] = {}
            for w in doc.words:
                assert first.setdefault(w.text, w.text) is w.text
    assert shared_texts > 0 or share_from is None


def test_words_of_a_long_text_share_their_strings():
    """From ``_SHARE_MIN_WORDS`` words on, each distinct word's text is one string object."""
    from garblint.lint.document import _SHARE_MIN_WORDS

    text = " ".join(["the cat", "sat on", "the mat."] * _SHARE_MIN_WORDS)
    doc = Document(text)
    assert len(doc.words) >= _SHARE_MIN_WORDS
    assert len({id(t) for t in doc.word_texts}) == len(set(doc.word_texts)) == 5
    short = Document("the cat saw the dog")
    assert short.word_texts == ["the", "cat", "saw", "the", "dog"]


def test_word_before_same_as_the_pattern():
    """The sentence splitter's word before a full stop, stepped back to, is the pattern's."""
    import random

    from garblint.lint.segment import _WORD_BEFORE, _word_before

    pieces = ["a", "Mr", "U.S", "\n", "\r\n", " ", "\u00a0", "\t", '"', "'", "\u201c", "\u2018", "(", "[", ".", "-", "\u2019", "\u2003"]
    for seed in range(300):
        rng = random.Random(seed)
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        for _ in range(20):
            end = rng.randrange(0, len(text) + 1)
            lo = rng.randrange(0, end + 1)
            m = _WORD_BEFORE.search(text, lo, end)
            assert m is not None and _word_before(text, lo, end) == m.span(1)


def test_line_starts_same_as_the_newline_pattern():
    import random
    import re

    rnd = random.Random(11)
    pieces = ["", "a", "word ", "\n", "\n\n", "\r\n", "\r", " \t", "é", "\u2028"]
    texts = ["", "\n", "abc", "abc\n", "\nabc", "a\r\nb", "a\rb\n"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 30))) for _ in range(3000)]
    for text in texts:
        want = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        assert Document(text).line_starts == want, repr(text)


def test_paragraph_gaps_without_carriage_returns_match_the_full_pattern():
    """``para_seps`` (and layout's blank-line runs) use a pattern that starts with "\\n" where
    the text has no "\\r": the same gaps as the full pattern on generated texts."""
    import random

    from garblint.lint import document, layout

    rng = random.Random(11)
    alphabet = ["word", " ", "\t", "\n", "\n", "\f", "\v", "\u00a0", "\u2028", "x.\n", "\n \n", "\n\t\n\n"]
    lf_only = 0
    for _ in range(400):
        text = "".join(rng.choice(alphabet + (["\r", "\r\n"] if rng.random() < 0.3 else [])) for _ in range(rng.randint(0, 30)))
        full = [m.span() for m in document._PARA_SEP.finditer(text)]
        assert [m.span() for m in document.para_seps(text)] == full, repr(text)
        if "\r" not in text:
            lf_only += 1
            assert [m.span() for m in layout._BLANK_LF.finditer(text)] == [m.span() for m in layout._BLANK.finditer(text)], repr(text)
    assert 100 < lf_only < 400


def test_paragraphs_same_as_trimming_every_block():
    """``Document.paragraphs`` makes a block that needs no trimming at once: the same Blocks
    (type and fields) as trimming every block between paragraph gaps."""
    import random

    from garblint.lint.document import Block, para_seps
    from garblint.lint.segment import trim_span

    rng = random.Random(7)
    pieces = ["word", "x", ".", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\r", "\u00a0", "\u2028", "\x0c"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        want = []
        pos = 0
        for a, b in [(m.start(), m.end()) for m in para_seps(text)] + [(len(text), len(text))]:
            s, e = trim_span(text, pos, a)
            if s < e:
                want.append(Block(s, e, text[s:e]))
            pos = b
        got = Document(text).paragraphs
        assert got == want and all(type(p) is Block for p in got), repr(text)


def test_sentence_first_words():
    """``Document.sentence_first_words``: each sentence's first word, the first word starting
    at or after the sentence's start (``len(words)`` past the last word)."""
    text = "One two. “Three” four!\n\nFive. 6 ... ."
    doc = Document(text)
    expect = []
    for s in doc.sentences:
        expect.append(next((i for i, w in enumerate(doc.words) if w.start >= s.start), len(doc.words)))
    assert doc.sentence_first_words == expect == [0, 2, 4, 5, 6]  # (the last sentence: no word)


def test_word_indexes_are_the_words_indexes(monkeypatch):
    """``Document.word_indexes`` is ``list(range(len(words)))`` whatever the documents before it
    (longer, shorter, none), its ints shared between documents; past ``_INDEXES_MAX`` words the
    ``range`` itself."""
    from garblint.lint import document as D

    monkeypatch.setattr(D, "_INDEXES", [])
    for text in ("", "one", "one two three four five", "a b", "x " * 40, "y", "z " * 41):
        doc = Document(text)
        assert doc.word_indexes == list(range(len(doc.words))), text
        assert doc.word_indexes is doc.word_indexes
    monkeypatch.setattr(D, "_INDEXES", [])
    assert Document("w " * 301).word_indexes[300] is Document("v " * 300 + "v").word_indexes[300]
    monkeypatch.setattr(D, "_INDEXES_MAX", 3)
    assert Document("a b c").word_indexes == [0, 1, 2]
    assert Document("a b c d").word_indexes == range(4)


# ---- structural_paragraphs_with: the paragraphs a pattern matches in, the others never made

_PIECES = ["é", "\u00a0", "\u2003", "x", "ab", " ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \t\n", "\r", "😀"]


def _made(rng, n):
    return "".join(rng.choice(_PIECES) for _ in range(n))


@pytest.mark.parametrize("seed", range(6))
def test_structural_paragraphs_with_is_the_filtered_list(seed):
    import random
    import re

    rng = random.Random(seed)
    patterns = [re.compile(p) for p in (r"[^\x00-\x7f]", r"é", r"[\u00a0\u2003]", r"😀", r"x")]
    for _ in range(300):
        text = _made(rng, rng.randrange(0, 40))
        layout: tuple[tuple[int, int], ...] = ()
        if text and rng.random() < 0.5:  # a layout region: its source text comes back in
            a = rng.randrange(len(text))
            b = rng.randrange(a, len(text) + 1)
            layout = ((a, b),)
        source = "".join("é" if i % 3 == 0 and text[i] == "x" else ch for i, ch in enumerate(text))
        doc = Document(text, source=source, layout=layout)
        for pattern in patterns:
            want = [p for p in doc.structural_paragraphs() if pattern.search(p.text)]
            assert list(doc.structural_paragraphs_with(pattern)) == want, (text, layout, pattern)


@pytest.mark.parametrize("seed", range(4))
def test_non_ascii_is_the_set_of_characters_above_ascii(seed):
    import random

    rng = random.Random(seed)
    alphabet = ["a", " ", "\n", "\x7f", "\x80", "é", "\u2003", "😀", "\u00a0", "Z9"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        doc = Document(text)
        assert doc.non_ascii == {c for c in text if ord(c) > 127}


def test_characters_outside_ascii_from_the_utf8_bytes():
    """``outside_ascii`` (the UTF-8 bytes under 0x80 deleted, decoded) is the text with its
    ASCII runs removed, lone surrogates and characters outside the BMP included."""
    import random
    import re

    from garblint.lint.document import outside_ascii

    rng = random.Random(5)
    pieces = ["a", "Z", " ", "\n", "\x00", "\x7f", "\x80", "\u00e9", "\u00ff", "\u0100", "\u201c", "\ud800", "\udfff", "\U0001f600", "\U0010ffff", "\ufffd"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert outside_ascii(text) == re.sub("[\x00-\x7f]+", "", text), repr(text)
