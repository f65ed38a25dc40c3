"""O004's loop over the garbage hints (``_lexcheck._Analysis._garbage``): each chunk judged before
its hint is asked, and the few odd words' tokens found by ``str.find``; compared with the forms
they replaced on generated texts."""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from itertools import compress

import pytest

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import _garbage as GB
from garblint.rules import _lexcheck as LX

_PIECES = (
    [
        "the",
        "cat",
        "sat",
        "on",
        "mat",
        "aaaa",
        "Yessss",
        "bcdfgh",
        "qwrtzx",
        "xxxxxx",
        "rhythms",
        "PyPI;",
        "it;",
        "->",
        "<-",
        "=>",
        "|",
        "~",
        "&",
        "%",
        "*",
        "■",
        "▪▪▪▪",
        "\u2500\u2500",
        "$5",
        "#tag",
        "a=b",
        "x&y",
        "!!!",
        "?.!",
        "*;=:",
        "'='",
        "(1);",
        "foo{bar}",
        "a<b",
        "q@w#e",
        "w0rd$",
        "x" * 45,
        "un-bro-ken-" * 5,
        "http://a.b/c",
        "--opt",
        "\ufffc",
        "\u00a4x",
        "`cmd`",
    ]
    + [" "] * 12
    + ["\n"] * 4
    + ["\n\n", "\t", "  ", "\u00a0"]
)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 80)))


def _garbage_old(self: LX._Analysis) -> None:
    """``_Analysis._garbage`` as it was: every hint's place found, then its chunk judged there."""
    text = self.text
    breaks = None
    odd = {w for w, b in LX.document_facts(self.doc).items() if b & LX.ODD}
    for m in GB.garbage_hints(text, self.doc.words, self.doc.word_texts, odd=odd):
        a, b = m.start(), m.end()
        cut = GB.chunk_core(m.group())
        if cut is None:
            continue
        core_a, core = a + cut[0], cut[1]
        if breaks is None:
            breaks = [nl.start() for nl in re.finditer("\n", text)]
        k = bisect_right(breaks, a - 1)
        line_a = breaks[k - 1] + 1 if k else 0
        k = bisect_left(breaks, b)
        line_b = breaks[k] if k < len(breaks) else len(text)
        k = a - 1
        while k >= line_a and text[k].isspace():
            k -= 1
        at_line_start = k < line_a
        alone = False
        if at_line_start:
            k = b
            while k < line_b and text[k].isspace():
                k += 1
            alone = k >= line_b
        reason = GB.cached_garbage_reason(core, self.freqs, at_line_start, alone)
        if reason is None or LX.code_shaped(self.doc, core, core_a, core_a + len(core), reason):
            continue
        if any(s in self.owned for s in range(core_a, core_a + len(core))):
            continue
        self.add(
            "O004", core_a, core_a + len(core), f"garbage string ({reason}): '{GB._short(core)}'", [("", False)], 0.8 if self.mode == "ocr" else 0.65
        )


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_garbage_findings_as_the_hint_loop(mode):
    rng = random.Random(11 if mode == "ocr" else 7)
    config = Config({"mode": mode})
    for _ in range(300):
        doc = Document(_text(rng), "x")
        new, old = LX._Analysis(doc, config), LX._Analysis(doc, config)
        old.owned.update(rng.sample(range(len(doc.text) + 1), min(3, len(doc.text) + 1)))
        new.owned.update(old.owned)
        new._garbage()
        _garbage_old(old)
        assert new.out["O004"] == old.out["O004"], doc.text


def test_no_garbage_mid_line_means_none_anywhere():
    rng = random.Random(5)
    freqs = LX.lexicon.counts()
    symbols = list("■▪─\ufffc¤|~<>=-*;%&$@#+^`{}\\!?.,:'\"()") + ["ab", "x", "1", " "]
    cores = [p.strip() for p in _PIECES if p.strip()]
    cores += ["".join(rng.choice(symbols) for _ in range(rng.randrange(1, 6))) for _ in range(3000)]
    seen = 0
    for core in cores:
        if GB.garbage_reason(core, freqs, at_line_start=False, alone=False) is None:
            for place in ((True, False), (True, True), (False, True)):
                assert GB.garbage_reason(core, freqs, at_line_start=place[0], alone=place[1]) is None, (core, place)
        elif any(GB.garbage_reason(core, freqs, at_line_start=s, alone=a) is None for s, a in ((True, False), (True, True))):
            seen += 1  # (a bullet or a rule: garbage mid-line only)
    assert seen > 10


@pytest.mark.parametrize("places", [1, 3, GB._FIND_PLACES])
def test_token_starts_as_the_map(places, monkeypatch):
    monkeypatch.setattr(GB, "_FIND_PLACES", places)
    rng = random.Random(places)
    for _ in range(300):
        doc = Document(_text(rng), "x")
        texts = list(doc.word_counts) + ["aaa", "xxx", "a", "Yes", "ssss"]
        for k in (1, 2, GB._FIND_TEXTS, GB._FIND_TEXTS + 1):
            chosen = set(rng.sample(texts, min(k, len(texts))))
            want = [doc.words[i][0] for i in compress(range(len(doc.word_texts)), map(chosen.__contains__, doc.word_texts))]
            assert sorted(GB._token_starts(chosen, doc.text, doc.words, doc.word_texts)) == want, (doc.text, chosen)


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_odd_word_tokens_from_the_token_loop(mode):
    # run()'s token loop keeps the starts of the tokens of O004's odd words, found by the map
    # over every token it makes anyway (hint_starts found them itself: _token_starts), whether
    # a word also has a kind the loop reads (owned or not) or none
    rng = random.Random(13 if mode == "ocr" else 14)
    config = Config({"mode": mode})
    seen = 0
    for _ in range(300):
        doc = Document(_text(rng) + rng.choice((" x", " aaaa", " xxxxxx bcdfgh", " Yessss isn 't aaaa")), "x")
        an = LX._Analysis(doc, config)
        an.run()
        odd = set(filter(GB._odd_word, doc.word_counts))
        assert an.odd == odd
        want = [doc.words[i][0] for i in compress(range(len(doc.word_texts)), map(odd.__contains__, doc.word_texts))]
        assert an.odd_starts is not None and sorted(an.odd_starts) == want, doc.text
        seen += len(want)
        hints = GB.hint_starts(doc.text, doc.words, doc.word_texts, odd=odd)
        assert GB.hint_starts(doc.text, doc.words, doc.word_texts, odd=odd, odd_starts=an.odd_starts) == hints
    assert seen > 100


def _odd_indexes_old(words: list[str]) -> list[int]:
    """``_garbage.odd_indexes`` before session 31: one finditer of _HINT_WORD over the joined words."""
    from itertools import accumulate

    joined = "\n".join(words)
    if joined.count("\n") != len(words) - 1:
        return list(compress(range(len(words)), map(GB._odd_word, words)))
    starts = list(accumulate(map((1).__add__, map(len, words)), initial=0))
    out: list[int] = []
    for m in GB._HINT_WORD.finditer(joined):
        i = bisect_right(starts, m.start()) - 1
        if not out or out[-1] != i:
            out.append(i)
    return out


@pytest.mark.parametrize("seed", range(10))
def test_odd_indexes_by_two_scans_same_as_one(seed):
    """``odd_indexes``: runs of four identical characters whose character is a letter, and six
    consonants, found by separate scans: the same words as _HINT_WORD's one scan (runs of
    digits, underscores, superscript digits, marks and characters outside the BMP; runs of
    five to nine; runs across a word's end; a word with a newline)."""
    rng = random.Random(seed)
    alphabet = "aaaabbbbcccsttrnnnnm1111___\u00b2\u00b2\u00e9\u00e9\u00e9\u00e9\u00df\U0001f600- '\u0301\u0301"
    runs = [c * k for c in "ab1_\u00b2\u00e9\U0001f600\u0301" for k in (2, 3, 4, 5, 9)] + ["bcdfgh", "strngths", "bcdfg"]
    hits = 0
    for _ in range(3000):
        words = [
            "".join(rng.choice(alphabet) if rng.random() < 0.6 else rng.choice(runs) for _ in range(rng.randrange(0, 6)))
            for _ in range(rng.randrange(0, 9))
        ]
        if rng.random() < 0.01:
            words.append("aa\naa")
        want = _odd_indexes_old(words)
        assert GB.odd_indexes(words) == want, words
        hits += len(want)
    assert hits > 1000
    words = ["aaa", "abbbb", "ccccccc", "\u00b2\u00b2\u00b2\u00b2", "1111", "____", "bcdfgh", "strngths", "aaaaaaaab", "xyz"]
    assert GB.odd_indexes(words) == _odd_indexes_old(words) == [1, 2, 3, 6, 7, 8]  # ("\u00b2" is a letter there: no decimal digit)
