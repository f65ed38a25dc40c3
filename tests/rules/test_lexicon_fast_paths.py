"""The fast paths of the word-level lexicon analyses (S/O rules, their error models and the
lexicon's searches) against the forms they replaced, on generated words.

Each old form is kept here as written before the change; each test fails if the fast path
drifts from it (checked by hand with a deliberate mutation of each fast path).
"""

from __future__ import annotations

import random
from bisect import bisect_left
from contextlib import contextmanager

import pytest

from garblint.lint import lexicon, nearwords
from garblint.rules import _confusion as C
from garblint.rules import _typos

# letters, look-alike keys ("rn", "cl", "ii", "vv", "nn"), a long s, an apostrophe, a digit
_PIECES = list("abcdefghijklmnopqrstuvwxyz") + ["rn", "cl", "li", "ii", "vv", "nn", "ri", "in", "m", "\u017f", "'", "1", "é"]


def _words(rng: random.Random, n: int, longest: int = 9) -> list[str]:
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(n)]


# ------------------------------------------------- look-alike variants (rules/_confusion.py)
def _lookalike_variants_old(word: str, max_subs: int = 2) -> frozenset[str]:
    out: set[str] = set()
    frontier = {word}
    for _ in range(max_subs):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                for key in C._LOOKALIKE_KEYS:
                    if w.startswith(key, i):
                        for rep in C.LOOKALIKES[key]:
                            nxt.add(w[:i] + rep + w[i + len(key) :])
        nxt.discard(word)
        out |= nxt
        frontier = nxt
        if len(frontier) > 4000:
            break
    return frozenset(out)


@pytest.mark.parametrize("seed", range(20))
def test_lookalike_variants_same_as_trying_every_key(seed):
    rng = random.Random(seed)
    for w in _words(rng, 60) + ["modern", "rnodern", "clear", "hiii", "vvinnow", "\u017fea"]:
        for subs in (1, 2):
            assert C.lookalike_variants.__wrapped__(w, subs) == _lookalike_variants_old(w, subs), (w, subs)


# --------------------------------------------------- distance-1 edits (lint/nearwords.py)
def _edits1_old(word: str, alphabet: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in alphabet)
    out.update(a + c + b for a, b in splits for c in alphabet)
    return out


@pytest.mark.parametrize("seed", range(10))
def test_edits1_same_as_the_comprehensions(seed):
    rng = random.Random(seed)
    alphabet = nearwords._tables()[1]
    for w in _words(rng, 40, 12):
        assert nearwords._edits1(w, alphabet) == _edits1_old(w, alphabet), w
        assert nearwords._edits1(w, "xy'") == _edits1_old(w, "xy'"), w


def test_distance_one_search_same_as_filtering_every_edit():
    """``_near(w, 1)``: the edits in the lexicon, by position (the comprehension it replaced)."""
    rng = random.Random(3)
    order, alphabet, _ = nearwords._tables()
    for w in _words(rng, 60) + ["teh", "recieve", "wrod", "the", "a", ""]:
        old = [e for e in _edits1_old(w, alphabet) if e != w and e in order]
        old.sort(key=order.__getitem__)
        assert nearwords._near(w, 1) == dict.fromkeys(old, 1), w


# ------------------------------------------ far neighbours (rules/_typos.py, lint/lexicon.py)
def _far_neighbour_old(w: str) -> bool:
    import jellyfish

    most = min(_typos.FAR_MAX_EDITS, len(w) // _typos.FAR_LETTERS_PER_EDIT)
    n = len(w)
    for c, z in lexicon.words_with_prefix(w[:2]):
        if z >= _typos.FAR_NEIGHBOUR_ZIPF and abs(len(c) - n) <= most and jellyfish.damerau_levenshtein_distance(w, c) <= most:
            return True
    return False


def _misspelt(rng: random.Random, word: str) -> str:
    w = list(word)
    for _ in range(rng.randrange(1, 4)):
        k = rng.randrange(len(w))
        op = rng.randrange(3)
        if op == 0 and len(w) > 3:
            del w[k]
        elif op == 1:
            w.insert(k, rng.choice("aeioulnrst"))
        else:
            w[k] = rng.choice("aeioulnrst")
    return "".join(w)


def test_far_neighbour_same_as_reading_every_line():
    assert _typos.FAR_NEIGHBOUR_ZIPF == 3.0  # (the [3-9][0-9][0-9] of _typos._FAR_LINE)
    rng = random.Random(5)
    common = [w for w in ("definitely", "elderly", "government", "because", "different", "through", "beautiful", "question", "interest", "straight")]
    words = [_misspelt(rng, rng.choice(common)) for _ in range(120)]
    words += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(6, 13))) for _ in range(60)]
    # a "q" put into words just over the Zipf bound (3.00-3.29) and just under it (2.70-2.99):
    # their only neighbour is often that word
    for prefix in ("bo", "ga", "mi", "tr", "pe"):
        edge = [c for c, z in lexicon.words_with_prefix(prefix) if 2.7 <= z < 3.3 and 6 <= len(c) <= 8 and c.isalpha()]
        for c in rng.sample(edge, min(20, len(edge))):
            k = rng.randrange(2, len(c))
            words.append(c[:k] + "q" + c[k:])
    words += ["definelty", "eldelery", "qwrtzxyy", "zzzzzzz", "éééééé"]
    found = 0
    for w in words:
        assert _typos._far_neighbour(w) == _far_neighbour_old(w), w
        found += _far_neighbour_old(w)
    assert 20 < found < len(words) - 20  # both answers are tried


@pytest.mark.parametrize("limit", [1, 7, 4000, 20000])
def test_lines_with_prefix_same_as_the_lines_one_by_one(limit):
    index = lexicon._index()
    for prefix in ("de", "el", "q", "zz", "a", "st", "co", "x'", "é", "\uffff", "aardvark", "the"):
        lines = list(index.with_prefix(prefix, limit))
        assert index.block_with_prefix(prefix, limit) == "".join(line.decode("utf-8") + "\n" for line in lines), prefix
    assert index.block_with_prefix("", 5) == ""


def test_near_word_tables_same_as_the_loops():
    """``nearwords._tables`` and ``_by_length`` (made in C) as the comprehension, the set of
    joined words and the groupby made them."""
    import itertools

    words = lexicon.frequencies()
    order, alphabet, longest = nearwords._tables()
    assert order == {w: i for i, w in enumerate(words)} and list(order) == list(words)
    assert alphabet == "".join(sorted(set("".join(words))))
    assert longest == max(map(len, words))
    by_len, spans = nearwords._by_length()
    old: dict[int, tuple[int, int]] = {}
    start = 0
    for n, group in itertools.groupby(sorted(words, key=len), key=len):
        k = sum(1 for _ in group)
        old[n] = (start, start + k)
        start += k
    assert by_len == sorted(words, key=len) and spans == old and list(spans) == list(old)


def _first_at_least_old(index, key: bytes) -> int:
    buf, starts, base = index.buf, index.starts, index.base
    lo, hi, n = 0, len(starts), len(key)
    while lo < hi:
        mid = (lo + hi) // 2
        s = base + starts[mid]
        if buf[s : s + n] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


@pytest.mark.parametrize("every", [1, 3, 64])
def test_index_bisection_through_the_sample_same_as_plain(every):
    """``_Index._first_at_least`` once the sample of every ``every``-th line is made: the same
    line as the plain bisection, for words, prefixes, keys past either end and odd bytes."""
    lines = sorted({"a", "ab", "abc", "b", "ba", "z", "zz", "\u00e9t\u00e9", "x'y", "q"} | {f"w{k:03d}" for k in range(0, 300, 7)})
    small = lexicon._Index.from_lines(f"{w}\t{i}" for i, w in enumerate(lines))
    rng = random.Random(every)
    for index in (small, lexicon._index()):
        keys = [b"", b"\x00", b"\xff", b"\xff\xff\t", b"a", b"a\t", b"zz\t", b"zzz", b"w1", b"w150\t", "\u00e9".encode()]
        keys += [(w + rng.choice(["", "\t", "a", "zz"])).encode() for w in _words(rng, 300)]
        # the heads of lines, up to the newline (keys never hold one: words hold no white space)
        heads = [
            bytes(index.buf[index.base + index.starts[i] : index.base + index.starts[i] + rng.randrange(1, 9)])
            for i in range(0, len(index.starts), max(1, len(index.starts) // 200))
        ]
        keys += [h.split(b"\n")[0] for h in heads]
        old = [_first_at_least_old(index, k) for k in keys]
        with _sampled(index, every):
            assert [index._first_at_least(k) for k in keys] == old


@contextmanager
def _sampled(index, every: int):
    """``index`` with its sample made of every ``every``-th line (then dropped again)."""
    index._sample, index.SAMPLE_EVERY = None, every
    index._sample = index._make_sample()
    try:
        yield
    finally:
        index._sample, index.SAMPLE_EVERY = None, lexicon._Index.SAMPLE_EVERY


def _fields_old(index, word: str) -> bytes | None:
    try:
        key = word.encode("utf-8") + b"\t"
    except UnicodeEncodeError:
        return None
    buf, starts, base = index.buf, index.starts, index.base
    n = len(key)
    lo = _first_at_least_old(index, key)
    if lo < len(starts):
        s = base + starts[lo]
        if buf[s : s + n] == key:
            e = buf.find(b"\n", s + n)
            return buf[s + n : e if e != -1 else index.end]
    return None


@pytest.mark.parametrize("every", [1, 2, 3, 64])
def test_index_fields_through_the_sample_same_as_plain(every):
    """``_Index._fields`` once the sample is made (the sampled line, else one search for the
    key after a newline among the lines the sample leaves): the same fields as the plain
    bisection, for words of the index (first, last, sampled and between), prefixes of them,
    words past either end and odd strings."""
    lines = sorted({"a", "ab", "abc", "b", "ba", "z", "zz", "\u00e9t\u00e9", "x'y", "q", "\u00e9"} | {f"w{k:03d}" for k in range(0, 300, 7)})
    small = lexicon._Index.from_lines(f"{w}\t{i}\tx" for i, w in enumerate(lines))
    rng = random.Random(every)
    for index in (small, lexicon._index(), lexicon._bigram_index()):
        n = len(index.starts)
        listed = [
            bytes(index.buf[index.base + index.starts[i] : index.base + index.starts[i] + 80]).split(b"\t")[0].decode("utf-8", "replace")
            for i in sorted({0, 1, n - 2, n - 1} | {rng.randrange(n) for _ in range(300)} | set(range(0, n, max(1, n // 50))))
        ]
        words = listed + [w[:-1] for w in listed] + [w + "a" for w in listed[::3]] + _words(rng, 200)
        words += ["", "\x00", "\uffff", "\ud800", "zzzzzzzz", "a\tb", "\n"]
        old = [_fields_old(index, w) for w in words]
        assert any(old) and not all(old)
        with _sampled(index, every):
            assert [index._fields(w) for w in words] == old
            # (and as the sampled search was before the sampled lines' offsets were kept)
            assert [_fields_sampled_old(index, w) for w in words] == old


def _fields_sampled_old(index, word: str) -> bytes | None:
    """``_Index._fields`` with a sample, before session 31 (the lines after the sampled line
    j - 1 found from ``starts``: the first compared, the rest searched)."""
    try:
        key = word.encode("utf-8") + b"\t"
    except UnicodeEncodeError:
        return None
    buf, starts, base = index.buf, index.starts, index.base
    n = len(key)
    sample = index._sample
    j = bisect_left(sample, key)
    if j < len(sample) and sample[j].startswith(key):
        return sample[j][n:].rstrip(b"\n")
    every = index.SAMPLE_EVERY
    lo = (j - 1) * every + 1 if j else 0
    hi = min(len(starts), j * every)
    if lo >= hi:
        return None
    a = base + starts[lo]
    if buf[a : a + n] == key:
        s = a
    else:
        s = buf.find(b"\n" + key, a, base + starts[hi] if hi < len(starts) else index.end) + 1
        if not s:
            return None
    e = buf.find(b"\n", s + n)
    return buf[s + n : e if e != -1 else index.end]


# ------------------------------------------------ the weighted edit cost (rules/_confusion.py)
def _confusion_cost_old(typed: str, cand: str, w) -> float:
    if w.first and typed[:1] != cand[:1]:
        extra = w.first if typed[1:] == cand or cand[1:] == typed else 0.0
        return w.first + extra + _confusion_cost_old(typed, cand, C._without_first(w))
    i = 0
    n = min(len(typed), len(cand))
    while i < n and typed[i] == cand[i]:
        i += 1
    j = 0
    while j < n - i and typed[-1 - j] == cand[-1 - j]:
        j += 1
    a0 = max(0, i - 1)
    a = typed[a0 : len(typed) - j]
    b = cand[a0 : len(cand) - j]
    la, lb = len(a), len(b)
    INF = 1e9
    d = [[INF] * (lb + 1) for _ in range(la + 1)]
    d[0][0] = 0.0
    for x in range(la + 1):
        for y in range(lb + 1):
            cur = d[x][y]
            if cur >= INF:
                continue
            if x < la:
                c = 0.6 if (x > 0 and a[x - 1] == a[x]) or (x + 1 < la and a[x + 1] == a[x]) else 1.0
                if d[x + 1][y] > cur + c:
                    d[x + 1][y] = cur + c
            if y < lb:
                c = 0.6 if (y > 0 and b[y - 1] == b[y]) or (y + 1 < lb and b[y + 1] == b[y]) else w.omit
                if d[x][y + 1] > cur + c:
                    d[x][y + 1] = cur + c
            if x < la and y < lb:
                c = C._sub_cost(a[x], b[y], w)
                if d[x + 1][y + 1] > cur + c:
                    d[x + 1][y + 1] = cur + c
                if x + 1 < la and y + 1 < lb and a[x] == b[y + 1] and a[x + 1] == b[y] and a[x] != a[x + 1]:
                    if d[x + 2][y + 2] > cur + w.transpose:
                        d[x + 2][y + 2] = cur + w.transpose
            for ka in (1, 2):
                for kb in (1, 2):
                    if ka == kb == 1 or x + ka > la or y + kb > lb:
                        continue
                    pair = (a[x : x + ka], b[y : y + kb])
                    if pair in C._LOOKALIKE_SET:
                        c = w.lookalike + (C._WEAK_EXTRA if pair in C._WEAK_PAIRS else 0.0)
                        if d[x + ka][y + kb] > cur + c:
                            d[x + ka][y + kb] = cur + c
    return d[la][lb]


def _near_pair(rng: random.Random) -> tuple[str, str]:
    """A word and a damaged copy: look-alikes swapped in ("rn" / "m"), letters doubled,
    dropped, swapped or replaced."""
    w = "".join(rng.choice(_PIECES[:-4]) for _ in range(rng.randrange(1, 8)))
    v = w
    for _ in range(rng.randrange(0, 4)):
        k = rng.randrange(len(v) + 1)
        op = rng.randrange(6)
        if op == 0:
            key = rng.choice(C._LOOKALIKE_KEYS)
            p = v.find(key)
            if p >= 0:
                v = v[:p] + rng.choice(C.LOOKALIKES[key]) + v[p + len(key) :]
        elif op == 1 and k < len(v):
            v = v[:k] + v[k] + v[k:]
        elif op == 2 and k < len(v):
            v = v[:k] + v[k + 1 :]
        elif op == 3 and k + 1 < len(v):
            v = v[:k] + v[k + 1] + v[k] + v[k + 2 :]
        else:
            v = v[:k] + rng.choice("aeiouemnrlcsz") + v[k + 1 :]
    return (w, v) if rng.random() < 0.5 else (v, w)


@pytest.mark.parametrize("seed", range(10))
def test_confusion_cost_same_as_the_cell_by_cell_form(seed):
    rng = random.Random(seed)
    pairs = [_near_pair(rng) for _ in range(300)] + [("rnodern", "modern"), ("clear", "dear"), ("mask", "umask"), ("", "ab"), ("nn", "m")]
    # overlapping look-alikes on either side ("nnn", "iii", "vvv", "rnrn")
    pairs += [("m" + x, "nnn" + y) for x in ("", "n", "u") for y in ("", "n")] + [
        ("nnn", "mn"),
        ("hiii", "hun"),
        ("vvv", "ww"),
        ("rnrn", "mm"),
        ("mm", "rnrn"),
    ]
    for w in (C.GENERAL, C.TYPO, C.OCR):
        for t, c in pairs:
            assert C.confusion_cost.__wrapped__(t, c, w) == _confusion_cost_old(t, c, w), (t, c, w)


@pytest.mark.parametrize("seed", range(5))
def test_multi_steps_none_where_the_two_character_test_says_so(seed):
    """``confusion_cost`` leaves ``_multi_steps`` out where neither string holds a side of
    two characters of a look-alike pair (``_TWO_CHAR_SIDE``): it would find nothing there."""
    rng = random.Random(seed)
    pairs = [_near_pair(rng) for _ in range(400)] + [(a, b) for a, bs in C._MULTI_PAIRS.items() for b in bs]
    pairs += [("x" + a + "y", "x" + b + "y") for a, b in pairs[-20:]]
    skipped = 0
    for t, c in pairs:
        if not (C._TWO_CHAR_SIDE.search(t) or C._TWO_CHAR_SIDE.search(c)):
            skipped += 1
            assert not C._multi_steps(t, c, C.OCR), (t, c)
    assert skipped > 100


# ----------------------------------- word pairs over one character per word (T001 by R001's)
@pytest.mark.parametrize("seed", range(30))
def test_word_pairs_same_as_testing_every_word(seed, monkeypatch):
    """``repetition.word_pairs`` against the two maps T001's ``_hits`` used, with a fresh table
    (so the characters include the regex's own: "-", "[", "\\\\", "]", "^"); and T001's hits
    with it and without it."""
    from itertools import compress, islice
    from operator import and_

    from garblint.lint.config import Config
    from garblint.lint.document import Document
    from garblint.rules import repetition as R
    from garblint.rules import spun as S

    monkeypatch.setattr(R, "_CHAR_OF", {})
    monkeypatch.setattr(R, "_FOLD_CHAR", {})
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(120)] + ["heart", "Heart", "HEART", "of", "Of", "the", "The", "web", "Web", "page", "site"]
    firsts = frozenset(rng.sample(vocab, 30) + ["heart", "Heart", "web"])
    seconds = frozenset(rng.sample(vocab, 30) + ["of", "page"])
    text = "".join(rng.choice(vocab) + rng.choice([" ", " ", ", ", ". ", "\n"]) for _ in range(rng.randrange(2, 600)))
    doc = Document(text)
    texts = doc.word_texts
    old = list(compress(range(len(texts)), map(and_, map(firsts.__contains__, texts), map(seconds.__contains__, islice(texts, 1, None)))))
    assert R.word_pairs(doc, firsts, seconds) is None  # (no characters made yet)
    R.word_chars(doc)
    assert R.word_pairs(doc, firsts, seconds) == old
    R._TABLE_GEN[0] += 1  # another document emptied the table
    assert R.word_pairs(doc, firsts, seconds) is None
    R._TABLE_GEN[0] -= 1
    # T001's hits, the pairs by characters and by the two maps, in a text with forms of both
    # tables (capitalised after a full stop too)
    files = S._files(Config({}))
    tables = (S.load_phrases(files)[0], S.load_weak(files))
    forms = [f for t in tables for f in rng.sample(sorted(t.table), 20)]
    forms += [f[0].upper() + f[1:] for f in forms[::3]]
    doc = Document(" ".join(rng.choice(forms) + rng.choice([" ", ". ", ", "]) + rng.choice(vocab) for _ in range(200)) + text)
    R.word_chars(doc)
    for phrases in tables:
        monkeypatch.setattr(S, "PAIRS_BY_CHARS", 0)
        by_chars = S._hits(doc, phrases)
        monkeypatch.setattr(S, "PAIRS_BY_CHARS", 10**9)
        assert S._hits(doc, phrases) == by_chars
        assert by_chars


# ------------------------------------------------------ token kinds (rules/_tokenkinds.py)
@pytest.mark.parametrize("seed", range(10))
def test_kinds_of_same_as_token_kind_of_every_word(seed, monkeypatch):
    """``kinds_of_new``'s _SKIP words found in C (the lexicon's words), the rest sorted out in
    one loop (a hyphenated word _COMPOUND without the digit test): the same kind for every word
    as ``_token_kind`` of each."""
    from garblint.rules import _tokenkinds as K

    lexicon.frequencies()
    assert type(lexicon.counts()) is dict  # (the C-level path is the dict's)
    rng = random.Random(seed)
    common = ["the", "The", "THE", "house", "House", "HOUSE", "Smith", "iPhone", "Stra\u00dfe", "\u0130stanbul", "\u01c5emal", "O'Brien"]
    words = common + _words(rng, 300) + [w.capitalize() for w in _words(rng, 100)] + [w.upper() for w in _words(rng, 50)]
    words += ["well-known", "Well-Known", "don't", "1st", "h0use", "42", "x1", "\u2160", "\u00bd", "co-op", "rnodern", "Rnodern"]
    words += ["Don't", "DON'T", "Isn't", "Ki\u00df", "Gla\u00df"]  # (lower-case forms listed; letters only or not; lower() is no casefold)
    # hyphens (never the digit test's), digits with letters, numbers and hex ids
    words += ["486-508", "x-1", "1-x", "A-1", "-", "--", "b2b", "3pm", "1990s", "A320", "f2f6ba2be6", "Jinja2", "G004", "n1", "1bn"]
    words += ["a\u2010b1", "a\u2011b", "h0use's", "ab12cd", "abc1def", "\u00b2", "x\u00b2y", "de-\u00e9t\u00e9", "co\u2010op2"]
    words += [w + str(rng.randrange(10)) + w2 for w, w2 in zip(_words(rng, 40), _words(rng, 40))]
    words += [w + "-" + w2 for w, w2 in zip(_words(rng, 20), _words(rng, 20))] + [str(rng.randrange(1000)) for _ in range(10)]
    kinds = dict(zip(words, K.kinds_of_new(words)))
    assert kinds == {w: K._token_kind.__wrapped__(w) for w in words}
    assert {K._SKIP, K._PLAIN, K._COMPOUND, K._DIGITS} <= set(kinds.values())


# ------------------------------------------ the stored head index (lint/nearwords.py)
def test_head_table_is_the_head_index(tmp_path, monkeypatch):
    """``_head_table``: made into the data cache folder, read back, and made again after
    damage; for every key and length its words are ``_head_index``'s words of that length
    under the key."""
    monkeypatch.setattr(lexicon, "_cache_dir", lambda: tmp_path)
    nearwords._head_table.cache_clear()
    try:
        made = nearwords._head_table()
        (stored,) = tmp_path.glob("nearheads-*.bin")
        lines = made.block_between("", "\uffff").splitlines()
        nearwords._head_table.cache_clear()
        assert nearwords._head_table().block_between("", "\uffff").splitlines() == lines  # (read back)
        stored.write_bytes(b"\x00damaged")
        nearwords._head_table.cache_clear()
        assert nearwords._head_table().block_between("", "\uffff").splitlines() == lines  # (made again)
    finally:
        nearwords._head_table.cache_clear()
    keyed, heads = nearwords._head_index()
    want = {}
    for k, hs in keyed.items():
        for h in hs:
            for w in heads[h]:
                want.setdefault(f"{k}\x01{len(w):03d}", []).append(w)
    got = dict(line.split("\t") for line in lines)
    assert got.keys() == want.keys()
    assert all(got[k].split(" ") == v for k, v in want.items())
    assert lines == sorted(lines)
    assert not any(" " in w for w in lexicon.frequencies())  # (so the joined lists split back)


@pytest.mark.parametrize("seed", range(3))
def test_head_words_same_as_the_head_index(seed):
    """``_head_words``: the words under the phrase's keys in the mapped table, of a near
    length, each once: the in-memory head index's."""
    rng = random.Random(seed)
    table = nearwords._head_table()
    assert table is not None
    keyed, heads = nearwords._head_index()
    words = [w for w in lexicon.frequencies() if 3 <= len(w) <= 14]
    phrases = [_misspelt(rng, rng.choice(words)) for _ in range(80)] + ["rnodern", "traboules", "bcdfghk", "éécole", "a'b'c'd", "zzzzzzzzzzzz"]
    for p in phrases:
        for med in (1, 2):
            seen = {h for k in nearwords._head_keys(p) for h in keyed.get(k, ())}
            want = sorted(w for h in seen for w in heads[h] if abs(len(w) - len(p)) <= med)
            got = nearwords._head_words(table, p, med)
            assert sorted(got) == want and len(set(got)) == len(got), p


@pytest.mark.parametrize("seed", range(3))
def test_distance_two_search_same_by_stored_heads_index_and_lengths(seed, monkeypatch):
    rng = random.Random(seed)
    words = [w for w in lexicon.frequencies() if 5 <= len(w) <= 12]
    phrases = [_misspelt(rng, rng.choice(words)) for _ in range(40)] + ["rnodern", "traboules", "bcdfghk"]
    phrases = [p for p in phrases if len(p) >= 5]
    assert nearwords._head_table() is not None
    for p in phrases:
        by_lengths = nearwords._near(p, 2, use_head_index=False)
        assert nearwords._near(p, 2, use_head_index=True) == by_lengths, p
        with monkeypatch.context() as m:
            m.setattr(nearwords, "_head_table", lambda: None)
            assert nearwords._near(p, 2, use_head_index=True) == by_lengths, p


# ------------------------------------------ distance-1 edits by letter contexts (lint/nearwords.py)
def test_contexts_line_same_as_every_trigram_of_every_word():
    """``_contexts_line``: for two characters x, y (or the start and end marks), the letters c
    of the alphabet with "xcy" in some marked word (a loop over every word's trigrams)."""
    words = ["the", "a", "it's", "ox", "oxen", "zebra"]
    alphabet = "".join(sorted(set("".join(words))))
    want: dict[str, set[str]] = {}
    for w in words:
        m = nearwords._START + w + nearwords._END
        for i in range(len(m) - 2):
            want.setdefault(m[i] + m[i + 2], set()).add(m[i + 1])
    line = nearwords._contexts_line(words, alphabet)
    got = {e[:2]: set(e[2:]) for e in line.split(" ")}
    assert got == want


@pytest.mark.parametrize("seed", range(10))
def test_edits1_in_keeps_every_lexicon_word(seed, monkeypatch):
    """``_edits1_in``: a subset of ``_edits1`` holding all its lexicon words (the contexts read
    from the mapped table, and made from a small word list where every edit can be tested)."""
    rng = random.Random(seed)
    order, alphabet, _ = nearwords._tables()
    small = nearwords._small()
    assert small is not None
    contexts = nearwords._contexts(small)
    assert contexts is not None
    for w in _words(rng, 60, 12) + ["teh", "recieve", "wrod", "the", "a", "", "x", "q'"]:
        full = nearwords._edits1(w, alphabet)
        pruned = nearwords._edits1_in(w, contexts)
        assert pruned <= full, w
        assert {e for e in pruned if e in order} == {e for e in full if e in order}, w
    # a word list of its own: every edit of these words is a word of it somewhere
    mini = ["ab", "ba", "abc", "cab", "b", "bb", "acb", "ca", "bca"]
    mini_alpha = "abc"
    mini_ctx = {e[:2]: e[2:] for e in nearwords._contexts_line(mini, mini_alpha).split(" ")}
    for w in mini + ["", "a", "c", "cc", "abcab", "x", "axb"]:
        full = nearwords._edits1(w, mini_alpha)
        pruned = nearwords._edits1_in(w, mini_ctx)
        assert {e for e in full if e in mini} == {e for e in pruned if e in mini}, w


# ------------------------------------------------ the typo test's cost asked last (rules/_typos.py)
def _typo_likelier_old(an, w: str, z: float, extra: float = 0.0) -> bool:
    """``TypoTests._typo_likelier`` as it was: the channel cost worked out for every candidate."""
    if z >= _typos.TYPO_MAX_ZIPF:
        return False
    cands = _typos._near_candidates(w, an.mode == "ocr")
    if not cands and not extra and len(w) >= 7 and z < _typos.SOUND_ALIKE_MAX_ZIPF and an.mode != "ocr":
        cands = tuple(an._sound_alikes(w))
    if not cands:
        return False
    margin = _typos.TYPO_MARGIN + extra + (_typos.SHORT_WORD_MARGIN if len(w) <= 4 else 0.0)
    morph = _typos.accepted_form(w)
    if morph and not an._suspicious_derivation(w):
        margin += _typos.MORPH_MARGIN
    for c in cands:
        if morph and c in w and len(w) - len(c) >= 2:
            continue
        if _typos.candidate_zipf(c) - z >= margin + _typos.COST_WEIGHT * an._channel_cost(w, c):
            return True
    return False


def _analysis(mode: str):
    from garblint.lint.document import Document
    from garblint.rules import _lexcheck

    an = _lexcheck._Analysis(Document("x", "x"), None)
    an.mode, an.w = mode, (C.OCR if mode == "ocr" else C.GENERAL)
    return an


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_typo_test_asks_the_cost_last(mode):
    """``_typo_likelier`` (and S001's test of words nobody writes, through ``_clears``) works the
    channel cost out only for a candidate whose Zipf gain alone reaches the margin: the same
    answers as working it out for every candidate, for words wordfreq lists that the curated
    lists lack and for slips of common words."""
    rng = random.Random(5 if mode == "ocr" else 6)
    freqs = lexicon.frequencies()
    listed = [
        w
        for p in ("ab", "co", "de", "in", "re", "st", "tr", "un")
        for w, z in lexicon.words_with_prefix(p, 3000)
        if 0 < z < 3.5 and w.isalpha() and w not in freqs
    ]
    common = [w for w in freqs if len(w) >= 3 and lexicon.zipf(w) >= 4]
    slips = []
    for w in rng.sample(common, 150):
        i = rng.randrange(len(w))
        slips.append(w[:i] + rng.choice("aeiourstn") + w[i + 1 :])
    an = _analysis(mode)
    trues = 0
    for w in rng.sample(listed, 250) + slips:
        z = lexicon.zipf(w)
        for extra in (0.0, _typos.CAPITAL_MARGIN):
            want = _typo_likelier_old(an, w, z, extra)
            assert _typos.TypoTests._typo_likelier.__wrapped__(an, w, z, extra) == want, (w, z, extra)
            trues += want
    assert trues >= 20


def test_clears_is_the_full_comparison():
    """``_clears(w, c, gain, margin)`` is ``gain >= margin + COST_WEIGHT * _channel_cost(w, c)``
    for gains on both sides of the margin: the channel cost is never negative."""
    rng = random.Random(8)
    words = list(lexicon.frequencies())
    for mode in ("general", "ocr"):
        an = _analysis(mode)
        for _ in range(400):
            c = rng.choice(words)
            w = _words(rng, 1)[0] if rng.random() < 0.3 else c[: rng.randrange(len(c) + 1)] + rng.choice(_PIECES) + c[rng.randrange(len(c) + 1) :]
            cost = an._channel_cost(w, c)
            assert cost >= 0, (w, c)
            margin = rng.choice((_typos.UNSEEN_MARGIN, _typos.TYPO_MARGIN, 1.8, 2.3))
            for gain in (margin - 0.01, margin, margin + _typos.COST_WEIGHT * cost, margin + rng.random() * 3, rng.random() * 5):
                assert an._clears(w, c, gain, margin) == (gain >= margin + _typos.COST_WEIGHT * cost), (w, c, gain, margin)


# ------------------------------------------------ stored samples of mapped tables (lint/lexicon.py)
def test_sample_kept_beside_the_table_and_read_back(tmp_path, monkeypatch):
    """A mapped table's sample, made after SAMPLE_AFTER look-ups, is kept in the data cache
    folder and read back by a later opening after STORED_AFTER look-ups: the same sample
    (``_make_sample``) and the same answers as a table in memory; a damaged or foreign sample
    file, or one of a table made again, is not used."""
    rng = random.Random(4)
    # (keys with a carriage return: a stored sample must not be split at it)
    words = sorted({"".join(rng.choice("abcdefgh\r") for _ in range(rng.randrange(1, 9))) for _ in range(9000)})
    lines = sorted((f"{w}\t{i}" for i, w in enumerate(words)), key=str.encode)
    memory = lexicon._Index.from_lines(lines)
    monkeypatch.setattr(lexicon, "_cache_dir", lambda: tmp_path)
    keys = [rng.choice(words) + rng.choice(("", "", "a", "\r")) for _ in range(1500)]

    def answers(ix):
        return [(ix.raw(k), ix._first_at_least(k.encode()), ix.block_between(k[:2], k[:2] + "z")) for k in keys]

    want = answers(memory)
    first = lexicon.cached_table("tbl-v1.bin", lambda: lines)  # (made, then opened from the file next)
    first = lexicon._Index.open(tmp_path / "tbl-v1.bin")
    assert answers(first) == want and first._sample == first._make_sample()
    (kept,) = tmp_path.glob("sample-tbl-v1.bin-*")
    assert kept.read_bytes() == b"".join(first._make_sample())
    again = lexicon._Index.open(tmp_path / "tbl-v1.bin")
    for k in keys[: again.STORED_AFTER + 1]:
        again.raw(k)
    assert again._sample == again._make_sample()  # (read back, not made: fewer look-ups than SAMPLE_AFTER)
    assert answers(again) == want
    good = kept.read_bytes()
    last = good[good.rindex(b"\n", 0, len(good) - 1) + 1 :]
    for damage in (b"", good[:-1], good[40:], b"x" + good, good[: -len(last)] + last.replace(b"\t", b"\tx"), good + last):
        kept.write_bytes(damage)
        ix = lexicon._Index.open(tmp_path / "tbl-v1.bin")
        for k in keys[: ix.STORED_AFTER + 1]:
            ix.raw(k)
        assert ix._sample is None, damage[:20]
        assert answers(ix) == want
    # a table made again (another modification time or inode) has a sample file of its own
    lexicon._save(memory, tmp_path, "tbl-v1.bin", "tbl-")
    remade = lexicon._Index.open(tmp_path / "tbl-v1.bin")
    assert remade.sample_file != again.sample_file
    assert answers(remade) == want


# ------------------------------------------- regular morphology (rules/_words.py)
def _stem_known_old(w: str) -> bool:
    from garblint.rules import _words as W

    for suf, rep in W._SUFFIXES:
        if len(w) > len(suf) + 2 and w.endswith(suf):
            stem = w[: -len(suf)] + rep
            if W._known(stem):
                return True
            if not rep and len(stem) > 3 and stem[-1] == stem[-2] and W._known(stem[:-1]):
                return True
    return False


def _variant_known_old(w: str) -> bool:
    from garblint.rules import _words as W

    for a, b in W._VARIANTS:
        for x, y in ((a, b), (b, a)):
            if w.endswith(x) and len(w) > len(x) + 2:
                v = w[: -len(x)] + y
                if W._known(v) or _stem_known_old(v):
                    return True
    for x, y in (("or", "our"), ("iz", "is"), ("yz", "ys"), ("el", "ell"), ("ter", "tre"), ("ulf", "ulph")):
        i = w.find(x, 1 if x == "ulf" else 2)
        while i != -1:
            v = w[:i] + y + w[i + len(x) :]
            if W._known(v) or _stem_known_old(v):
                return True
            i = w.find(x, i + 1)
    return False


def _prefix_reading_old(w: str) -> bool:
    from garblint.rules import _words as W

    for p in W._PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 4:
            rest = w[len(p) :]
            if W._known(rest) or _stem_known_old(rest):
                return True
    return False


def _morphology_words(seed: int, n: int) -> list[str]:
    """Lexicon words (and letter strings) with the endings and prefixes the morphology strips,
    swaps and adds put on, taken off or swapped, at every length from one letter up."""
    from garblint.rules import _words as W

    rng = random.Random(seed)
    known = sorted(w for w in lexicon.counts() if w.isalpha() and w.islower())
    ends = [x for pair in W._SUFFIXES + W._VARIANTS for x in pair if x]
    out = []
    for _ in range(n):
        w = rng.choice(known) if rng.random() < 0.85 else "".join(rng.choice("abelnorstuz") for _ in range(rng.randrange(1, 9)))
        r = rng.random()
        if r < 0.4:
            w += rng.choice(ends)
        elif r < 0.55:
            x = rng.choice(ends)
            w = w.removesuffix(x) + rng.choice(ends) if w.endswith(x) else w[: rng.randrange(0, len(w) + 1)]
        elif r < 0.75:
            w = rng.choice(W._PREFIXES) + w + (rng.choice(ends) if rng.random() < 0.5 else "")
        elif r < 0.85 and len(w) > 3 and w[-1] not in "aeiou":
            w += w[-1] + rng.choice(("ed", "ing", "er"))  # "stopped"
        out.append(w)
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_morphology_by_ending_same_as_every_suffix(seed):
    """_stem_known, _variant_known and _prefix_reading (endings and prefixes looked up by
    slicing the word at each length) answer as the loops over every suffix, variant pair and
    prefix did."""
    from garblint.rules import _words as W

    words = _morphology_words(seed, 4000)
    got = [(W._stem_known(w), W._variant_known(w), W._prefix_reading(w)) for w in words]
    want = [(_stem_known_old(w), _variant_known_old(w), _prefix_reading_old(w)) for w in words]
    assert got == want
    assert all(any(g[i] for g in got) and not all(g[i] for g in got) for i in range(3))  # (both answers met)


# ------------------------------------- run-together words (rules/_ocrscan._run_together)
def _run_together_parts_old(w: str, freqs, function_words_only: bool) -> list[str] | None:
    from garblint.rules._words import FUNCTION_WORDS

    if len(w) < 4:
        return None
    ok = False
    for k in range(1, len(w)):
        if (w[:k] in FUNCTION_WORDS and w[k:] in freqs) or (w[k:] in FUNCTION_WORDS and w[:k] in freqs):
            ok = True
            break
    if not ok:
        return None
    seg = nearwords.segmenter().word_segmentation(w, max_edit_distance=0)
    parts = seg.segmented_string.split()
    if not 2 <= len(parts) <= 3 or "".join(parts) != w:
        return None
    if not any(p in FUNCTION_WORDS for p in parts):
        return None
    if function_words_only and not all(p in FUNCTION_WORDS for p in parts):
        return None
    if any(freqs.get(p, 0) < (1_000_000 if len(p) <= 3 else 50_000) or (len(p) == 1 and p not in "ai") for p in parts):
        return None
    return parts


@pytest.mark.parametrize("seed", [0, 1])
def test_run_together_parts_kept_per_word_same_as_asked_each_time(seed):
    """The word-only tests of ``_run_together``, kept per word, pick the splits the inline
    tests picked, with and without ``function_words_only``."""
    from garblint.rules import _ocrscan
    from garblint.rules._words import FUNCTION_WORDS

    rng = random.Random(seed)
    freqs = lexicon.frequencies()
    function = sorted(FUNCTION_WORDS)
    lexicon_words = sorted(freqs)
    # everyday and rare words of the lexicon (parts below the common-enough bounds too)
    common = ["house", "water", "people", "todo", "sync", "ment", "ofthe", "x", "zz"] + rng.sample(lexicon_words, 400)
    words = []
    for _ in range(1500):
        k = rng.randrange(1, 4)
        w = "".join(rng.choice(function if rng.random() < 0.6 else common) for _ in range(k))
        if rng.random() < 0.2:
            # (a letter put in; a ligature or hyphen the segmenter normalises away)
            w = w[: rng.randrange(0, len(w) + 1)] + rng.choice(["a", "e", "x", "z", "\ufb01", "-"]) + w[rng.randrange(0, len(w) + 1) :]
        words.append(w)
    words += _words(rng, 300)
    found = 0
    for w in words:
        new = _ocrscan._run_together_parts(w)
        for only in (False, True):
            want = _run_together_parts_old(w, freqs, only)
            got = list(new) if new and not (only and not all(p in FUNCTION_WORDS for p in new)) else None
            assert got == want, (w, only)
            found += want is not None
    assert found > 100


# ------------------------------------------ the digit and symbol tests' fillings (_ocrscan.py)
def _fillings_old(low: str, positions: list[int]) -> list[str]:
    """``_fill_glyphs``' candidates as they were found: one regex over the words of the length."""
    import re

    from garblint.rules._confusion import _ALPHABET

    parts = [re.escape(ch) for ch in low]
    for p in positions:
        parts[p] = f"[{_ALPHABET}]"
    joined = "\n" + "\n".join(nearwords.words_of_length(len(low))) + "\n"
    return [m.group(1) for m in re.finditer("\n(" + "".join(parts) + ")(?=\n)", joined)]


@pytest.mark.parametrize("seed", range(4))
def test_fillings_equal_the_regex_over_the_words_of_the_length(seed):
    """``_ocrscan._fillings`` (one position filled and looked up in the dict; the regex
    otherwise) finds the words the regex over the words of that length found: lexicon words
    with one, two or three letters put out (digits, symbols, accented letters), at the ends,
    side by side, apart, and positions not in order."""
    import types

    from garblint.rules import _ocrscan as O

    freqs = lexicon.frequencies()
    rng = random.Random(seed)
    words = sorted(freqs)
    cases = [("f0r", [1]), ("5aid", [0]), ("c0mpan1es", [1, 7]), ("th3", [2]), ("0f", [0]), ("ab", [0, 1]), ("x", [0])]
    for _ in range(400):
        w = rng.choice(words)
        k = rng.choice([1, 1, 2, 2, 3]) if len(w) >= 3 else 1
        positions = sorted(rng.sample(range(len(w)), min(k, len(w))))
        if rng.random() < 0.2 and len(positions) == 2 and positions[1] - positions[0] > 1:
            positions = [positions[0], positions[0] + 1]  # (side by side)
        chars = list(w)
        for p in positions:
            chars[p] = rng.choice("0135689|!$@(\u00e9\u00df")
        cases.append(("".join(chars), positions))
    cases.append(("c0mpan1es", [7, 1]))  # (not in order: the regex)
    found = 0
    for low, positions in cases:
        want = sorted(_fillings_old(low, positions))
        assert sorted(O._fillings(low, positions, freqs)) == want, (low, positions)
        assert sorted(O._fillings(low, positions, types.MappingProxyType(freqs))) == want, (low, positions)
        found += bool(want)
    assert found > 150
