"""D001's fast paths against the plain forms they replace, on generated texts.

``duplicates._paragraph_copies`` rules pairs out by their numbers before rapidfuzz is called
(``_dupnear.number_facts`` / ``numbers_may_agree``) and builds its blocking keys from UTF-8
words split in C (``words_utf8``, ``keys``); the frozen loop below is the form before that,
which called rapidfuzz on every pair the length tests let through and hashed str shingles.
"""

from __future__ import annotations

import random
import zlib

import pytest

from garblint.lint.document import Document
from garblint.rules import _dupnear as DN
from garblint.rules import duplicates as D

_NUM_PIECES = ["1", "2", "07", "2023", "3.5", "1,200", "12:30", ".", ",", ":", " ", "a", "b", "\u0663", "\u00b2", "x."]


def _random_numbers_text(rng: random.Random) -> str:
    return "".join(rng.choice(_NUM_PIECES) for _ in range(rng.randrange(0, 14)))


@pytest.mark.parametrize("seed", range(100))
def test_numbers_may_agree_never_drops_a_pair_with_the_same_numbers(seed):
    rng = random.Random(seed)
    agreeing = 0
    for _ in range(300):
        a = _random_numbers_text(rng)
        if rng.random() < 0.5:  # a copy with its end cut off or more text after it
            b = a[: rng.randrange(0, len(a) + 1)] + _random_numbers_text(rng) * (rng.random() < 0.5)
        else:
            b = _random_numbers_text(rng)
        fa, fb = DN.number_facts(a), DN.number_facts(b)
        same = DN.same_numbers(a, b, False) or DN.same_numbers(a, b, True)
        may = DN.numbers_may_agree(a, b, fa, fb)
        assert may or not same, (a, b)
        agreeing += same
        if fa[3] is not None and fb[3] is not None:
            # with digits 0-9 only, nothing but a hash collision lets a pair through
            assert may == same or fa[0] == fb[0], (a, b)
    assert agreeing > 30


def test_number_facts_of_a_text_with_other_digits():
    # "\u0663" (Arabic-Indic three) is a digit to the regex but not to rstrip: a number of a
    # prefix need not be one of the whole text's, so no prefix sums are kept
    facts = DN.number_facts("rose 1.5 and \u06635.")
    assert facts[3] is None and facts[4] is None
    # the whole text stripped is "rose 1.5 and \u0663": its numbers "1.5" and "\u0663"
    assert facts[1:3] == (2, hash("1.5") + hash("\u0663"))


_SENTENCES = [
    "The council met on {n} May and voted {n} to {n} for the new budget.",
    "About {n} people live in the valley, {n} more than in {n}.",
    "The ferry carried {n} passengers at {n} on Tuesday.",
    "Officials said the bridge would reopen after the repairs.",
    "Prices rose {n} percent in the year to March.",
    "Critics argued that the plan would cost {n} million more than planned.",
    "The vote is expected to pass with a narrow majority.",
    "The mayor's office in Malm\u00f6 said the {n} km road would reopen.",
    "Work on the well-known bridge began in {n}.",
]


def _paragraph(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 4)):
        s = rng.choice(_SENTENCES)
        while "{n}" in s:
            s = s.replace("{n}", rng.choice(["3", "12", "2.1", "2.3", "1,500", "2020", "2021", "40"]), 1)
        out.append(s)
    return " ".join(out)


def _variant(rng: random.Random, src: str) -> str:
    r = rng.random()
    if r < 0.3:  # a few changed characters
        chars = list(src)
        for _ in range(rng.randrange(1, 5)):
            chars[rng.randrange(len(chars))] = rng.choice("abcde 0123456789.")
        return "".join(chars)
    if r < 0.6:  # truncated, possibly in the middle of a number
        return src[: rng.randrange(len(src) // 2, len(src) + 1)]
    if r < 0.8:  # a number changed
        return src.replace(rng.choice(["3", "2", "1", "0"]), rng.choice(["4", "5", "9"]), 1)
    return src + " " + _paragraph(rng)


def _old_keys(words: list[str]) -> list[tuple]:
    """``_dupnear.keys`` before it read UTF-8 words (frozen)."""
    keys: list[tuple] = [("head", tuple(words[:4])), ("tail", tuple(words[-4:]))]
    hashes = sorted({zlib.crc32(" ".join(words[k : k + 4]).encode("utf-8")) for k in range(len(words) - 3)})
    keys.extend(("sh", h) for h in hashes[:3])
    return keys


_WORD_PIECES = ["a", "Ab", "x1", "'", "-", "--", "''", " ", "  ", ".", ",", "_", "\u00e9", "\u00df", "\u0663", "it's", "e-mail", "\n"]


@pytest.mark.parametrize("seed", range(100))
def test_words_utf8_and_keys_equal_the_str_forms(seed):
    rng = random.Random(seed)
    for _ in range(40):
        t = "".join(rng.choice(_WORD_PIECES) for _ in range(rng.randrange(0, rng.choice((20, 300)))))
        if rng.random() < 0.5:
            t = t.replace("\u00e9", "e").replace("\u00df", "ss").replace("\u0663", "3")  # ASCII
        if rng.random() < 0.2:
            t = (t[:40] + " ") * 6  # repeated shingles
        norm = D.normalise(t)
        words = DN.words(norm)
        assert DN.words_utf8(norm) == [w.encode() for w in words], norm
        if len(words) >= 4:
            assert _decoded_keys(DN.keys(DN.words_utf8(norm))) == _old_keys(words), norm


def _decoded_keys(keys: list) -> list[tuple]:
    """``_dupnear.keys``' keys in the form of ``_old_keys``: the first words joined by spaces,
    the last words after a space, then the sketch's hashes."""
    head, tail, *hashes = keys
    assert tail[:1] == b" "
    return [("head", tuple(head.decode().split(" "))), ("tail", tuple(tail[1:].decode().split(" ")))] + [("sh", h) for h in hashes]


def _tuple_keys(words: list[bytes]) -> list[tuple]:
    """``_dupnear.keys`` before its keys were bytes and ints (frozen): tagged tuples."""
    from heapq import heapify, heappop

    hashes = list(map(zlib.crc32, map(b" ".join, zip(words, words[1:], words[2:], words[3:]))))
    heapify(hashes)
    out: list[tuple] = [("head", tuple(words[:4])), ("tail", tuple(words[-4:]))]
    last = None
    while hashes and len(out) < 5:
        h = heappop(hashes)
        if h != last:
            out.append(("sh", h))
            last = h
    return out


def test_keys_equal_the_tagged_tuple_keys():
    """Two paragraphs share a bucket under the bytes and int keys exactly where they did under
    the tagged tuples (any key of one against any key of the other: a head never meets a tail
    or a hash), on word lists drawn from a few words so that heads, tails and shingles recur,
    with repeated shingles (a sketch of fewer than three distinct hashes) and words of bytes
    outside ASCII."""
    rng = random.Random(7)
    vocab = [b"a", b"b", b"ab", b"1", b"it's", b"\xc3\xa9", b"e-mail", b"\xc3\xa9t\xc3\xa9"]  # (words_utf8 makes no word with a space)
    lists = []
    for _ in range(400):
        n = rng.randrange(4, 14)
        w = [rng.choice(vocab[: rng.randrange(1, len(vocab) + 1)]) for _ in range(n)]
        lists.append(w)
    pairs = 0
    for k in range(0, len(lists) - 1):
        for m in (k, k + 1, rng.randrange(len(lists))):
            a, b = lists[k], lists[m]
            na, nb, oa, ob = DN.keys(a), DN.keys(b), _tuple_keys(a), _tuple_keys(b)
            assert len(na) == len(oa) and len(nb) == len(ob)
            for x in range(len(na)):
                for y in range(len(nb)):
                    assert (na[x] == nb[y]) == (oa[x] == ob[y]), (a, b, x, y)
                    pairs += oa[x] == ob[y]
    assert pairs > 1000


def _old_paragraph_copies(doc) -> list:
    """``_paragraph_copies`` before its numbers pre-test (frozen)."""
    paras = doc.paragraphs
    exact_seen, buckets, norms, lens, out = {}, {}, [], [], []
    for i, p in enumerate(paras):
        norm = D.normalise(p.text)
        norms.append(norm)
        lens.append(len(norm))
        if len(norm) < D.MIN_CHARS_EXACT or D._LIST_ITEM.match(p.text):
            continue
        j = exact_seen.get(norm)
        if j is not None:
            out.append(D.ParagraphCopy(i, j, D._squash(paras[j].text) == D._squash(p.text), 100.0, False))
            continue
        words = D._words(norm)
        if len(words) < D.MIN_WORDS_EXACT:
            continue
        exact_seen[norm] = i
        if len(words) < D.MIN_WORDS_NEAR:
            continue
        keys = _old_keys(words)
        best = None
        cands: dict[int, None] = {}
        for key in keys:
            if buckets.get(key):
                cands.update(dict.fromkeys(buckets[key]))
        ends_sentence = D._ends_sentence(norm)
        lb = len(norm)
        lo, hi = 0.5 * lb, lb / 0.5
        for j in cands:
            la = lens[j]
            if la < lo or la > hi or (ends_sentence and lb < 0.8 * la and 200 * lb < 90.0 * (lb + la)):
                continue
            score, truncated = D._near_similarity_cut(norms[j], norm, ends_sentence)
            if score < 90.0 or not D._same_numbers(norms[j], norm, truncated):
                continue
            if truncated and ends_sentence and lb < 0.8 * la:
                continue
            if best is None or score > best[0]:
                best = (score, j, truncated)
        if best is not None:
            out.append(D.ParagraphCopy(i, best[1], False, best[0], best[2]))
            continue
        if i == 0:
            continue
        for key in keys:
            lst = buckets.setdefault(key, [])
            lst.append(i)
            if len(lst) > D.BUCKET_LIMIT:
                del lst[0]
    return out


@pytest.mark.parametrize("seed", range(200))
def test_paragraph_copies_equal_the_frozen_form(seed):
    rng = random.Random(seed)
    paras: list[str] = []
    for _ in range(rng.randrange(5, 60)):
        paras.append(_variant(rng, rng.choice(paras)) if paras and rng.random() < 0.5 else _paragraph(rng))
    doc = Document("\n\n".join(paras) + "\n")
    assert D._paragraph_copies(doc) == _old_paragraph_copies(doc)


@pytest.mark.parametrize("seed", range(30))
def test_paragraph_copies_with_digits_outside_ascii_equal_the_frozen_form(seed):
    """Near copies that differ only in a number written with digits outside ASCII (which
    number_facts gives no prefix sums) or in a number against none: such a pair is asked
    for its numbers, not let through as a pair without numbers."""
    rng = random.Random(seed)
    paras: list[str] = []
    for _ in range(rng.randrange(3, 20)):
        if paras and rng.random() < 0.6:
            src = rng.choice(paras)
            k = rng.randrange(len(src) + 1)
            p = src[:k] + rng.choice(["\u0663", " \u0663\u0664", "7", " x", ""]) + src[k:]
            if rng.random() < 0.3:
                p = p.replace("\u0663", "")
        else:
            p = _paragraph(rng).replace("2", rng.choice(["2", "\u0662", "two"]))
        paras.append(p)
    doc = Document("\n\n".join(paras) + "\n")
    assert D._paragraph_copies(doc) == _old_paragraph_copies(doc)


def test_word_count_equals_the_words_of_the_normalised_text():
    """A paragraph's words counted from the Document's (``_dupnear.word_count``, for text whose
    characters outside ASCII are curly double quotes, the right single quote and dashes) are
    as many as D001's words of its normalised form; next to other characters (a left single
    quote or a small hyphen that normalise makes a joiner, letters whose case folding splits a
    word) it gives None. Also in documents of copies with such paragraphs."""
    rng = random.Random(3)
    pieces = ["ab", "Cd", "x1", "'", "-", " ", "  ", ".", "\t", "_", "it's", "\u201c", "\u201d", "\u2019", "\u2013", "\u2014"]
    others = ["\u2018", "\u2010", "\ufe63", "\u0130", "\u00e9", "\ufb01", "\u00a0", "\u2028", "\u02bc"]
    counted = 0
    for k in range(300):
        paras = []
        for _ in range(rng.randrange(1, 8)):
            t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40))).strip() or "x"
            if rng.random() < 0.3:
                t = t[:10] + rng.choice(others) + t[10:]
            paras.append(t)
        doc = Document("\n\n".join(paras) + "\n")
        for p in doc.paragraphs:
            n = DN.word_count(doc, p)
            if n is not None:
                counted += 1
                assert n == len(DN.words_utf8(D.normalise(p.text))), repr(p.text)
    assert counted > 800


@pytest.mark.parametrize("seed", range(40))
def test_paragraph_copies_with_quotes_equal_the_frozen_form(seed):
    """_paragraph_copies on paragraphs with curly quotes and dashes, whose words are counted from
    the Document's while they wait."""
    rng = random.Random(seed)
    paras: list[str] = []
    for _ in range(rng.randrange(3, 30)):
        if paras and rng.random() < 0.5:
            p = _variant(rng, rng.choice(paras))
        else:
            p = _paragraph(rng).replace(" the ", " the \u201cnot \u2014 quite\u201d ", 1).replace("'", rng.choice(["\u2019", "\u2018", "'"]))
        paras.append(p)
    doc = Document("\n\n".join(paras) + "\n")
    assert D._paragraph_copies(doc) == _old_paragraph_copies(doc)


@pytest.mark.parametrize("seed", range(100))
def test_repeated_sentences_equal_the_form_without_the_set_test(seed, monkeypatch):
    rng = random.Random(seed)
    paras: list[str] = []
    for _ in range(rng.randrange(1, 8)):
        r = rng.random()
        if paras and r < 0.2:
            paras.append(rng.choice(paras))  # a copied paragraph: its sentences are D001's
        elif paras and r < 0.5:
            sents = rng.choice(paras).split(". ")
            paras.append(". ".join(rng.sample(sents, len(sents))) + " " + _paragraph(rng))
        else:
            p = _paragraph(rng)
            paras.append(p + " " + p.upper() if rng.random() < 0.2 else p)
    doc = Document("\n\n".join(paras) + "\n")
    fast = [f.to_dict() for f in D.RepeatedSentence().check(doc, None)]
    monkeypatch.setattr(D, "_sentence_norms", lambda sents: [D.normalise(D._trail_to_spaces(s.text)) for s in sents])
    doc = Document("\n\n".join(paras) + "\n")
    assert [f.to_dict() for f in D.RepeatedSentence().check(doc, None)] == fast


@pytest.mark.parametrize("seed", range(20))
def test_sentence_key_is_a_function_of_the_normalised_text(seed):
    """``_sentence_key(t)`` equals the key read off the normalised text (its UTF-8 bytes without
    the ASCII ones but a-z and 0-9), so sentences with the same normalised text have the same
    key: case, white space runs, quotes and brackets, punctuation, and the characters NFKC or
    case folding turn into ASCII letters (fullwidth letters, ligatures, superscripts, sharp s,
    the Kelvin sign, no-break spaces, curly quotes)."""
    rng = random.Random(seed)
    pieces = list("abcXYZ019 .,;:!?-\"'()[]\t\n") + [
        "  ",
        "Word",
        "WORD",
        "\u201c",
        "\u201d",
        "\u2018",
        "\u2019",
        "\u00a0",
        "\uff21",
        "\uff41",
        "\ufb01",
        "\u00b2",
        "\u00df",
        "\u212a",
        "\u00e9",
        "E\u0301",
        "\u0130",
        "\u03a3",
        "\u2026",
        "\u2163",
    ]
    later = []
    for _ in range(400):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        norm = D.normalise(D._trail_to_spaces(t))
        want = norm.encode("utf-8", "surrogatepass").translate(None, D._NOT_ALNUM_LOWER)
        assert D._sentence_key(t) == want, repr(t)
        later.append((t, norm))
    # and whole documents: a key repeats wherever a normalised text does
    for k in range(0, 400, 8):
        texts = [t for t, _ in later[k : k + 8]] + [later[k][0].upper(), " " + later[k][0] + " "]
        norms = [D.normalise(D._trail_to_spaces(t)) for t in texts]
        keys = list(map(D._sentence_key, texts))
        if len(set(norms)) < len(norms):
            assert len(set(keys)) < len(keys), texts


def test_sentence_key_of_curly_quoted_text_equals_its_definition():
    """A sentence whose only characters outside ASCII are curly quotes gets its key without
    normalising (their bytes deleted): the same key as read off the normalised text, also
    next to another character outside ASCII (which takes the long way)."""
    rng = random.Random(11)
    pieces = list("aZ09 .,'\"()[]\t-") + ["Word", "\u201c", "\u201d", "\u2018", "\u2019"]
    for k in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 16)))
        if k % 3 == 0:
            t += rng.choice(["\u00e9", "\u2014", "\u00a0", "\uff21", "\u2019\u0301", "\u201a"])
        norm = D.normalise(D._trail_to_spaces(t))
        assert D._sentence_key(t) == norm.encode("utf-8", "surrogatepass").translate(None, D._NOT_ALNUM_LOWER), repr(t)


def test_words_utf8_joiners_equal_the_pattern():
    """ASCII text with "'" and "-" in every arrangement (runs of them, at the ends, next to
    spaces and punctuation): words_utf8's replacements give the pattern's words."""
    rng = random.Random(5)
    for _ in range(60000):
        t = "".join(rng.choice("ab1'-'- .,\t") for _ in range(rng.randrange(0, 14)))
        assert DN.words_utf8(t) == [w.encode() for w in DN._WORDISH.findall(t)], t


def test_normalise_equals_its_definition():
    """``normalise`` against ``_WS.sub(" ", NFKC(t).translate(_QUOTES)).strip().casefold()`` on
    generated texts: single and double spaces, line breaks (one, at the ends, with spaces
    beside them), every other white space, curly quotes, no-break and ideographic spaces,
    characters NFKC or case folding change, controls and format characters."""
    import unicodedata

    pieces = [
        "ab",
        "Ab",
        "\u00c9",
        "E\u0301",
        "\u00df",
        "\ufb01",
        "\u212a",
        "\u03a3",
        "1",
        ".",
        " ",
        " ",
        "  ",
        "\n",
        "\n",
        " \n",
        "\n ",
        "\r\n",
        "\t",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x85",
        "\u2028",
        "\u3000",
        "\u00a0",
        "\u200b",
        "\u00ad",
        "\x00",
        "\u201c",
        "\u2019",
        "\u2026",
        "\u0301",
        "\u2026\u0301",
    ]
    rng = random.Random(7)
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        want = D._WS.sub(" ", unicodedata.normalize("NFKC", t).translate(D._QUOTES)).strip().casefold()
        assert D.normalise(t) == want, repr(t)


def test_fold_ascii_equals_the_split_and_join():
    """``_dupnear.fold_ascii`` (normalise's way for an ASCII text that is not single-spaced)
    against ``" ".join(t.split()).casefold()``: every ASCII character, runs of every white
    space character, spaces at the ends."""
    rng = random.Random(9)
    every = [chr(c) for c in range(128)]
    spaces = [" ", "  ", "   ", "\n", "\t", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", " \n "]
    for _ in range(40000):
        t = "".join(rng.choice(every) if rng.random() < 0.4 else rng.choice(spaces) for _ in range(rng.randrange(0, 16)))
        assert DN.fold_ascii(t) == " ".join(t.split()).casefold(), repr(t)


def test_length_range_and_summary_top_equal_the_float_tests():
    """D001's candidate loop skips a pair by two int comparisons (``length_range`` and, for a
    complete sentence, ``sentence_top``): the same pairs as the float tests it replaces."""
    rng = random.Random(5)
    for lb in list(range(0, 600)) + [rng.randrange(600, 200_000) for _ in range(300)]:
        lo, hi = DN.length_range(lb)
        top = DN.sentence_top(lb)  # (kept per length; min(hi, DN.summary_top(lb)))
        assert top == min(hi, DN.summary_top(lb))
        for la in sorted(
            {
                *range(0, min(2 * lb + 5, 1300)),
                *(rng.randrange(0, 2 * lb + 5) for _ in range(200)),
                *range(max(0, lb // 2 - 3), lb // 2 + 4),
                *range(lb * 5 // 4 - 3, lb * 5 // 4 + 4),
                *range(2 * lb - 3, 2 * lb + 4),
            }
        ):
            if la < 0:
                continue
            out = la < 0.5 * lb or la > lb / 0.5
            assert (la < lo or la > hi) == out, (lb, la)
            assert (la < lo or la > top) == (out or (lb < 0.8 * la and 200 * lb < 90.0 * (lb + la))), (lb, la)


_UNICODE_WORD_PIECES = [
    "ab",
    "Cd",
    "x1",
    "'",
    "-",
    "--",
    " ",
    ".",
    "_",
    "\u00e9",
    "\u00df",
    "\u0436",
    "\u5317",
    "\u0663",
    "\u00b2",
    "\u2160",
    "\u2014",
    "\u2013",
    "\u0301",
    "\u00b7",
    "\u2019",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\udc80",
    "\U0001f600",
    "\U0001d400",
]


def test_words_utf8_of_text_outside_ascii_equals_the_pattern():
    """words_utf8 of text with characters outside ASCII (letters, digits of other scripts,
    dashes, combining marks, spaces, a lone surrogate, characters beyond the BMP) next to
    joiners: the UTF-8 forms of the pattern's words."""
    rng = random.Random(11)
    for _ in range(30000):
        t = "".join(rng.choice(_UNICODE_WORD_PIECES) for _ in range(rng.randrange(1, 14)))
        assert DN.words_utf8(t) == [w.encode() for w in DN._WORDISH.findall(t)], repr(t)


def _old_number_facts(norm: str) -> tuple:
    """``number_facts`` before text outside ASCII was split by the ASCII pattern (frozen)."""
    from bisect import bisect_right
    from itertools import accumulate

    pieces = (DN._NUMBER_SPLIT_ASCII if norm.isascii() else DN._NUMBER_SPLIT).split(norm)
    vals = pieces[1::2]
    r = len(norm.rstrip(DN._NUMBER_CHARS))
    if len(vals) == 0:
        return 0, 0, 0, [0], []
    if not "".join(vals).isascii():
        short = DN._NUMBER.findall(norm[:r])
        return sum(map(hash, vals)), len(short), sum(map(hash, short)), None, None
    sums = list(accumulate(map(hash, vals), initial=0))
    ends = list(accumulate(map(len, pieces)))[1::2]
    count = bisect_right(ends, r)
    return sums[-1], count, sums[count], sums, ends


def test_number_facts_of_text_outside_ascii_equal_the_frozen_form():
    """number_facts of text with characters outside ASCII, decimal digits of other scripts
    (which the Unicode pattern reads as digits) among them or not."""
    rng = random.Random(13)
    pieces = _NUM_PIECES + ["\u00e9", "\u2014", "\u0436", "\u00b2", "\u2160", "\u0301", "\udc80", "\U0001f600", "\uff11", "\U0001d7ce"]
    for _ in range(30000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert DN.number_facts(t) == _old_number_facts(t), repr(t)


def test_list_item_equals_the_pattern():
    """``list_item`` (the regex asked only after a test of the first character) against
    ``_LIST_ITEM.match`` on texts opening with every kind of character the pattern reads."""
    rng = random.Random(17)
    pieces = [" ", "\t", "\n", "\u3000", "\u00a0", "-", "*", "\u2022", "\u2013", "\u2014", "1", "12", "123", "1234", "\u0663", "\u00b2"]
    pieces += ["a", "z", "A", "\u00e9", ".", ")", "(", "x", "\u201c", "Item"]
    for _ in range(30000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        assert DN.list_item(t) == (D._LIST_ITEM.match(t) is not None), repr(t)


def test_number_facts_of_ascii_text_equal_the_frozen_form():
    """number_facts of ASCII text (its digits found by bytes, the pattern run from the first
    digit to the last) against the frozen form, texts with and without numbers."""
    rng = random.Random(17)
    pieces = ["1", "2", "07", "2023", "3.5", "1,200", "12:30", ".", ",", ":", " ", "a", "b", "x.", "9.", ".5", "1..2", ",3,"]
    for _ in range(30000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert DN.number_facts(t) == _old_number_facts(t), repr(t)
