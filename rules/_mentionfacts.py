"""Per-word facts the mention extraction (:mod:`._mentions`) reads, kept across the documents of
a process, and the per-document word sets it asks about: which words open a sentence, which the
document writes in lower case, which it capitalises mid-sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import accumulate, compress, islice, repeat
from operator import add, eq, gt, itemgetter, mul, sub
from re import Match

from ..lint.lazyre import lazy_re
from ._charscan import single_spaced
from ._namewords import (
    _LOWER_PART,
    _OPENED_AFTER,
    _OPENED_GAP,
    _QUOTE_PAIR_KINDS,
    _QUOTE_PAIRS,
    NOT_NAMES,
    PARTICLES,
    STOPWORDS,
    _strip_possessive,
    fold,
    is_common_word,
)

_BRIDGES = PARTICLES | {"of", "for"}

_HYPHENS = lazy_re(r"[\-\u2010\u2011]")


@lru_cache(maxsize=32768)
def _is_cap(tok: str) -> bool:
    # Cached (bounded: a few MB at most): a pure function of the token, the lexicon being fixed.
    c = tok[0]
    if c.isupper():
        parts = _HYPHENS.split(tok)
        # "China-style", "US-led": an adjective, not a name ("Okonkwo-Reyes", "Al-Nour" are)
        return all(p[:1].isupper() or fold(p) in PARTICLES or not is_common_word(p, 7_000_000) for p in parts[1:])
    return bool(_LOWER_PART.match(tok))


@lru_cache(maxsize=32768)
def _is_acronym(tok: str) -> bool:
    letters = "".join(filter(str.isalpha, tok))
    return len(letters) >= 2 and all(map(str.isupper, letters))


_fold = fold.__wrapped__
_is_cap_raw = _is_cap.__wrapped__
_is_acronym_raw = _is_acronym.__wrapped__

#: What each token says (see extract_mentions): pure functions of the token, so kept across
#: documents (a run over many small files meets the same words again and again).
#: _OPENS: the set of the tokens that can open a name run (asked of every word of a text by
#: ``map(_OPENS.__contains__, ...)``: a set of the few such tokens answers with fewer
#: instructions than a dictionary of every token); _INFO: the ``info`` tuple of
#: extract_mentions, whose first item is the token's folded form when it is capitalised (else
#: None). (Its lower-case form when it is written in lower case, else None, is kept only the
#: other way round, in _LOW_OF: nothing asks it of a token.)
_OPENS: set[str] = set()
_INFO: dict[str, tuple[str | None, bool, bool, bool, bool, bool, str, bool, bool, bool, str, bool]] = {}
#: and the other way round, for the few words a document asks about: each lower-case form
#: (the possessive cut, case-folded, of a token that starts with a lower-case letter and not
#: with a particle and a hyphen before a capital: ``_LOWER_PART``) -> the tokens that have it
#: ("said", "said's"), each capitalised form (``_INFO[tok][0]``) -> the tokens that have it
#: ("Quell", "Quell's", "QUELL"); see WrittenLower and CapMid
_LOW_OF: dict[str, str | tuple[str, ...]] = {}  # (one token as itself: most forms have one)
_CAP_OF: dict[str, str | tuple[str, ...]] = {}
_FACTS_MAX = 200_000  # bounded: a huge vocabulary starts over rather than growing


def _add_form(table: dict[str, str | tuple[str, ...]], form: str, tok: str) -> None:
    """Add ``tok`` to the tokens of ``form`` in ``table`` (_LOW_OF or _CAP_OF)."""
    had = table.get(form)
    if had is None:
        table[form] = tok
    elif had.__class__ is str:
        if had != tok:
            table[form] = (had, tok)  # type: ignore[assignment]
    elif tok not in had:
        table[form] = had + (tok,)  # type: ignore[operator]


def _tokens_of(had: str | tuple[str, ...]) -> tuple[str, ...]:
    return (had,) if had.__class__ is str else had  # type: ignore[return-value]


def _clear_facts() -> None:
    for d in (_OPENS, _INFO, _LOW_OF, _CAP_OF):
        d.clear()


def _word_facts(tok: str) -> None:
    # (asked once per token: the functions' own caches are passed by, so as not to fill them
    # with every word of a run)
    t = _strip_possessive(tok)
    cap = None
    low = None
    ft = _fold(tok)
    fb = ft if t is tok else _fold(t)
    if t[:1].islower() and not _LOWER_PART.match(t):
        low = t.casefold()
    elif t[:1].isupper():
        cap = fb
    c0 = tok[0]
    if c0.islower() and c0.isalpha():  # most words: what the two functions answer for them
        is_cap = bool(_LOWER_PART.match(tok))
        acronym = False
    else:
        is_cap = _is_cap_raw(tok)
        acronym = _is_acronym_raw(tok)
    runner = is_cap and not acronym and not tok[0].isdigit()
    opens = runner or ft in PARTICLES
    alone_dead = ft in NOT_NAMES or acronym
    initial_dead = alone_dead or fb in STOPWORDS or fb in NOT_NAMES
    goes_on = is_cap or ft in _BRIDGES
    # a run names something only when one of its tokens has two or more letters, one in lower case
    named = len(tok) > 1 and any(map(str.islower, tok))
    if low is not None:
        _add_form(_LOW_OF, low, tok)
    if cap is not None:
        _add_form(_CAP_OF, cap, tok)
    if opens:
        _OPENS.add(tok)
    # then what _run_from asks of every token: _is_cap, _is_acronym, fold, fold in NOT_NAMES
    _INFO[tok] = (cap, opens, alone_dead, initial_dead, goes_on, runner, t.casefold(), named, is_cap, acronym, ft, ft in NOT_NAMES)


#: the plain tokens (ASCII, no capital letter, no apostrophe) whose facts are not those of an
#: everyday word: a particle, "of", "for", a word never a name, a stop word
_PLAIN_SPECIAL = NOT_NAMES | STOPWORDS | _BRIDGES


def _add_facts(toks) -> None:
    """``_word_facts`` of every token in ``toks``, with the answers of the three commonest kinds
    written down at once: an ASCII token with no capital letter and no apostrophe (a plain
    word, a number, a code: "said", "2024", "1504-1511", "ade9ce93e6"), a plain capitalised
    ASCII word ("Farmers") and an ASCII word of capitals only ("NATO", a legal text's "WARRANTY").
    For them fold, the possessive and the capital tests reduce to
    the token itself, its lower-case form and set look-ups (tests/rules/test_fast_paths.py
    compares every fact with _word_facts). A plain token none of the word lists holds (most
    of them) has the facts of an everyday word: its tuple written at once; ``str.islower``
    (true for most of them) answers before ``str.lower`` is asked (no new string)."""
    opens_of, info = _OPENS, _INFO
    low_inv, cap_inv = _LOW_OF, _CAP_OF
    special = _PLAIN_SPECIAL
    for tok in toks:
        if tok.isascii():
            if "'" not in tok:
                lowered = tok.islower()  # (an ASCII token: a letter and no capital)
                if lowered or tok.lower() == tok:
                    if tok[0].isalpha():
                        # (_add_form, its usual case written here: the form is new)
                        if low_inv.setdefault(tok, tok) is not tok:
                            _add_form(low_inv, tok, tok)
                    if tok not in special:
                        info[tok] = (None, False, False, False, False, False, tok, lowered and len(tok) > 1, False, False, tok, False)
                        continue
                    nn = tok in NOT_NAMES
                    opens = tok in PARTICLES
                    if opens:
                        opens_of.add(tok)
                    info[tok] = (
                        None,
                        opens,
                        nn,
                        nn or tok in STOPWORDS,
                        tok in _BRIDGES,
                        False,
                        tok,
                        lowered and len(tok) > 1,
                        False,
                        False,
                        tok,
                        nn,
                    )
                    continue
            if tok.isalpha() and tok.istitle():
                ft = tok.lower()
                nn = ft in NOT_NAMES
                if cap_inv.setdefault(ft, tok) is not tok:
                    _add_form(cap_inv, ft, tok)
                opens_of.add(tok)
                info[tok] = (ft, True, nn, nn or ft in STOPWORDS, True, True, ft, len(tok) > 1, True, False, ft, nn)
                continue
            if tok.isalpha() and tok.isupper():  # (two capitals or more: one is title case) "NATO"
                # an acronym: capitalised, opens a run only as a particle, dead alone, names nothing
                ft = tok.lower()
                if cap_inv.setdefault(ft, tok) is not tok:
                    _add_form(cap_inv, ft, tok)
                opens = ft in PARTICLES
                if opens:
                    opens_of.add(tok)
                info[tok] = (ft, opens, True, True, True, False, ft, False, True, True, ft, ft in NOT_NAMES)
                continue
        _word_facts(tok)


def _words_key(t: str) -> str:
    """``" ".join(t.split())``: the text itself when its only white space is single spaces
    between words, as in most paragraphs of prose that is not hard-wrapped (no white space
    character but the space is printable, and ``isprintable`` scans in C)."""
    return t if single_spaced(t) else " ".join(t.split())


#: The first characters of the words that can neither open a name run (_OPENS: a capitalised
#: word, a particle or a word that starts with one and a hyphen) nor have a capitalised form
#: (``_INFO[tok][0]``): ASCII digits, and ASCII lower-case letters no particle starts with (fold keeps an
#: ASCII lower-case first letter as it is). _first_words leaves out the opened words that
#: start with one: membership in its set changes nothing for them.
_NOT_OPENING = frozenset(c for c in "abcdefghijklmnopqrstuvwxyz0123456789" if not any(p[:1] == c for p in PARTICLES))
#: _OPENED_AFTER whose lookahead leaves out the characters of _NOT_OPENING: a match ends at the
#: first word character after its opening character, whichever way it gets there (what lies
#: between is white space and quotation marks), so these are _OPENED_AFTER's matches that end
#: before another word character (fewer matches: a long text opens many words in lower case)
_OPENED_KEPT = tuple((c, lazy_re(re.escape(c) + _OPENED_GAP + "(?=[^\\W_" + "".join(sorted(_NOT_OPENING)) + "])")) for c, _ in _OPENED_AFTER)


def _repeated_paragraphs(paras, texts: list[str], firsts: list[int], sizes: list[int]) -> tuple[list[bool], list[bool]]:
    """Two flags per paragraph of ``paras`` (``doc.paragraphs``), and one more pair (False) for
    index -1, between paragraphs: does it repeat an earlier paragraph of the same words (its
    ``_words_key``, of more than 20 characters), and does its key occur more than once (its
    first copy too). Duplicated paragraphs count once as evidence (extract_mentions).
    ``texts``: ``doc.word_texts``; ``firsts``: each sentence's first word (see _first_words);
    ``sizes``: ``doc.paragraph_sizes`` (all shared: read only).

    Two paragraphs of one key hold as many letters "e" (none of them white space) and the same
    words (white space parts no word): only paragraphs that share with another their count of
    "e", their number of words and their first and last word get a key (in most texts none).
    A paragraph's words run from its first sentence's first word to the next paragraph's
    (between paragraphs lies only white space). The keys are made in C: a paragraph with its line
    breaks made spaces (``str.replace`` gives the text itself when it has none) is its key when
    that is single spaced (printable, no two spaces together; a paragraph is trimmed, so
    neither end is a space), else the split and join (what _words_key gives:
    tests/rules/test_names_fast.py compares the flags with the loop they replaced). Only the
    paragraphs of a key used more than once are visited."""
    n = len(paras)
    dup = [False] * (n + 1)
    rep = [False] * (n + 1)
    if n < 2:  # (one paragraph repeats none)
        return dup, rep
    ts = list(map(itemgetter(2), paras))
    n_e = list(map(str.count, ts, repeat("e")))
    if len(set(n_e)) == n:
        return dup, rep
    c = Counter(n_e)
    idx = list(compress(range(n), map((1).__lt__, map(c.__getitem__, n_e))))
    if texts:
        # each paragraph's first word (that of its first sentence), and the end of the words
        para_first = list(map(firsts.__getitem__, accumulate(sizes[:-1], initial=0)))
        para_first.append(len(texts))
        a = list(map(para_first.__getitem__, idx))
        nw = list(map(sub, map(para_first.__getitem__, map((1).__add__, idx)), a))
        some = list(map(bool, nw))
        # with their number of words, first and last word (word 0 twice for a paragraph with
        # none: all such are alike)
        marks = list(
            zip(
                map(n_e.__getitem__, idx),
                nw,
                map(texts.__getitem__, map(mul, a, some)),
                map(texts.__getitem__, map(mul, map(add, a, map((-1).__add__, nw)), some)),
            )
        )
        if len(set(marks)) == len(marks):  # (most short texts: no paragraph alike)
            return dup, rep
        mc = Counter(marks)
        idx = list(compress(idx, map((1).__lt__, map(mc.__getitem__, marks))))
    ones = list(map(str.replace, map(ts.__getitem__, idx), repeat("\n"), repeat(" ")))
    keys = [o if p and not d else " ".join(o.split()) for o, p, d in zip(ones, map(str.isprintable, ones), map(str.__contains__, ones, repeat("  ")))]
    kc = Counter(keys)
    if len(kc) == len(keys):
        return dup, rep
    first: dict[str, int] = {}
    for i, key in compress(zip(idx, keys), map((1).__lt__, map(kc.__getitem__, keys))):
        if len(key) > 20:
            rep[i] = True
            if first.setdefault(key, i) != i:
                dup[i] = True
    return dup, rep


def _quote_pairs(text: str) -> tuple[list[int], list[int]]:
    """Where the quotation pairs ``_QUOTE_PAIRS.finditer(text)`` finds start and end, in text
    order (the pair at a start is ``_QUOTE_PAIRS.match(text, start)``: the one branch that
    opens with the character there).

    A text that quotes with one kind of mark has the pairs of that kind's pattern
    (``_QUOTE_PAIR_KINDS``). With several kinds, each kind's pattern is searched for alone
    (sre's fast scan for its first character, not the alternation's test of three characters
    at every position) and their pairs taken together: where none of them overlap that is what
    the alternation finds. (Whether a kind's pair starts at a position depends on the position
    alone, the alternation takes the pair of the leftmost position where one starts, and the
    kinds open with different characters: a position the alternation passes by and a kind's
    scan does not lies inside a pair of that kind's scan, which would overlap the
    alternation's pair there.) No pair holds a line break, so the scans start afresh at each
    line: a line where two of the kinds' pairs overlap is searched again by the alternation
    (tests/rules/test_names_fast.py compares the pairs with the alternation's)."""
    kinds = [pair for c, pair in _QUOTE_PAIR_KINDS if c in text]
    if not kinds:
        return [], []
    if len(kinds) == 1:
        ms = list(kinds[0].finditer(text))
        return list(map(Match.start, ms)), list(map(Match.end, ms))
    ms = []
    for pair in kinds:
        ms += pair.finditer(text)
    # (sorted apart: pairs that do not overlap end in the order they start)
    starts = sorted(map(Match.start, ms))
    ends = sorted(map(Match.end, ms))
    del ms
    # where the k-th end is past the next start, two pairs overlap (both in the line of that start)
    over = list(compress(islice(starts, 1, None), map(gt, ends, islice(starts, 1, None))))
    if over:
        n = len(text)
        # each such line (from the last: the index ranges before it stay put) searched again
        for ls in sorted({text.rfind("\n", 0, s) + 1 for s in over}, reverse=True):
            le = text.find("\n", ls)
            le = n if le < 0 else le
            # (the pairs that start in the line are the ones that end in it)
            a, b = bisect_left(starts, ls), bisect_left(starts, le)
            line = list(_QUOTE_PAIRS.finditer(text, ls, le))
            starts[a:b] = map(Match.start, line)
            ends[a:b] = map(Match.end, line)
    return starts, ends


def _first_words(text: str, starts: list[int], firsts: list[int]) -> set[int]:
    """Indexes of the words that open a sentence: the first word of each sentence, and a word
    a quotation or a colon opens inside one (``_OPENING`` searched in the three characters
    before it: "said: Quell", "“Quell") unless it starts with a character of _NOT_OPENING;
    ``starts`` is ``doc.word_starts``, ``firsts`` the first word at or after each sentence's
    start (both shared: read only).

    Found by C-level scans: the opened words by one regex whose matches end where such a word
    starts (``_OPENED_WORD``, searched for one opening character at a time: ``_OPENED_KEPT``),
    bisected; tests/rules/test_names_fast.py compares the set with the loops it replaced."""
    n = len(starts)
    # (the first word at or after each sentence's start: every word lies inside a sentence,
    # whose span leaves out only white space, so for a sentence without a word that is the
    # first word of a later one, and a sentence after the last word finds index n)
    out = set(firsts)
    out.discard(n)
    # the words opened by a quotation or a colon inside a sentence (not the text's first word):
    # where _OPENED_WORD's matches end, found for each of its opening characters the text has
    opened: list[int] = []
    # Only an opened word that may open a name run or has a capitalised form is found (what
    # extract_mentions and CapMid ask about: see _NOT_OPENING and _OPENED_KEPT)
    for c, opened_after in _OPENED_KEPT:
        if c in text:
            opened += map(Match.end, opened_after.finditer(text))
    if not opened or n < 2:  # (the text's first word is never an opened one)
        return out
    # (the bisections run from index 1 to n - 1: a position before the second word or after
    # the last start finds an index whose start differs from it, as 0 < k < n excluded)
    ks = list(map(bisect_left, repeat(starts), opened, repeat(1), repeat(n - 1)))
    out.update(compress(ks, map(eq, map(starts.__getitem__, ks), opened)))
    return out


class WrittenLower(dict):
    """``c in WrittenLower(counts)``: does the document (its distinct words ``counts``) write
    in lower case a word whose lower-case form (see ``_LOW_OF``) is ``c``, that is, is ``c``
    in the set of those forms of the words of ``counts``. Asked of the few words that open a sentence, so
    answered from the tokens that have the form (``_LOW_OF``) rather than by a set of the form
    of every distinct word (tests/rules/test_names_fast.py compares the two).

    ``lower[c]`` gives the same answer, kept: a dictionary of the forms asked so far (a long
    text asks about the same few hundred sentence openers thousands of times; a kept answer
    is read in C)."""

    __slots__ = ("counts",)

    def __init__(self, counts) -> None:
        super().__init__()
        self.counts = counts

    def __missing__(self, c: str) -> bool:
        hit = self[c] = WrittenLower.__contains__(self, c)
        return hit

    def __contains__(self, c: object) -> bool:
        toks = _LOW_OF.get(c)  # type: ignore[call-overload]
        if toks is None:
            return False
        if toks.__class__ is str:
            return toks in self.counts
        return not self.counts.keys().isdisjoint(toks)


class CapMid:
    """``f in CapMid(counts, texts, first_words)``: is ``f`` the capitalised form
    (``_INFO[tok][0]``) of a word used somewhere but at the opening of a sentence, that is, is
    ``f`` in ``{_INFO[texts[k]][0] for k not in first_words} - {None}``: when the uses
    (``counts``) of the tokens that have that form (``_CAP_OF``) outnumber the sentence
    openings they make (counted once per document, when first asked). Asked of the few words
    that open a sentence instead of building the set (tests/rules/test_names_fast.py compares
    the two)."""

    __slots__ = ("counts", "texts", "first_words", "opening")

    def __init__(self, counts, texts: list[str], first_words: set[int]) -> None:
        self.counts = counts
        self.texts = texts
        self.first_words = first_words
        self.opening: list[str] | Counter[str] | None = None

    def __contains__(self, f: object) -> bool:
        toks = _CAP_OF.get(f)  # type: ignore[call-overload]
        if toks is None:
            return False
        counts = self.counts
        uses = 0
        used = None
        for t in _tokens_of(toks):
            k = counts.get(t, 0)
            if k:
                uses += k
                used = t
        if not uses:
            return False
        few = len(self.first_words) <= 16
        if uses == 1 and few:  # (most names of a short text): is its one use an opening?
            return self.texts.index(used) not in self.first_words  # type: ignore[arg-type]
        opening = self.opening
        if opening is None:  # the word that opens each sentence
            firsts = map(self.texts.__getitem__, self.first_words)
            # (a few counted per question; a long text's many openings counted once)
            opening = self.opening = list(firsts) if few else Counter(firsts)
        # (the openings by a token of the form: the form's tokens are distinct, and a word has
        # the form when its token is one of them)
        if opening.__class__ is list:
            return uses > sum(map(opening.count, _tokens_of(toks)))  # type: ignore[union-attr]
        if toks.__class__ is str:
            return uses > opening.get(toks, 0)  # type: ignore[union-attr]
        return uses > sum(map(opening.get, toks, repeat(0)))  # type: ignore[union-attr, arg-type]
