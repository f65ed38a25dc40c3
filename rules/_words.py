"""What counts as an English word for the S/O rules: the shared lexicon (``lint.lexicon``)
plus regular morphology, American/British variants, closed compounds and garblint's own word
lists in ``rules/data``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..lint import lexicon
from ..lint.wordlists import word_list
from ..lint.lazyre import lazy_re
from ._charscan import _positions


# ---------------------------------------------------------------- word data
@lru_cache(maxsize=None)
def _word_file(name: str) -> frozenset[str]:
    """The built-in list ``rules/data/NAME`` (the shared loader, ``lint.wordlists``), case-folded."""
    return frozenset(w.casefold() for w in word_list(name.removesuffix(".txt")))


def extra_words() -> frozenset[str]:
    """Modern words the symspellpy frequency list lacks (our own list)."""
    return _word_file("extra-words.txt")


def two_letter_words() -> frozenset[str]:
    """Two-letter lower-case words and abbreviations that are not OCR damage."""
    return _word_file("two-letter-words.txt")


def archaic_words() -> frozenset[str]:
    """Old spellings legitimate in digitised older texts, accepted in ``mode = "ocr"``."""
    return _word_file("archaic-words.txt")


# A word that often runs into its neighbour when OCR drops a space.
FUNCTION_WORDS = _word_file("run-together-words.txt")
# Words after a suspended hyphen ("pre- and post-war", "two- to three-year").
_SUSPENDED_NEXT = _word_file("suspended-hyphen-next.txt")

MAX_WORD = 32  # longer tokens are not words to correct (O004 judges them)
MIN_LOOKALIKE_FREQ = 50_000

# --------------------------------------------------------- accepted forms
_SUFFIXES = (
    ("'s", ""),
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("est", ""),
    ("ly", ""),
    ("ily", "y"),
    ("ness", ""),
    ("iness", "y"),
    ("ment", ""),
    ("ments", ""),
    ("less", ""),
    ("ful", ""),
    ("ism", ""),
    ("ist", ""),
    ("ists", ""),
    ("ize", ""),
    ("ise", ""),
    ("ized", ""),
    ("ised", ""),
    ("izing", ""),
    ("ising", ""),
    ("ization", "ize"),
    ("isation", "ise"),
    ("able", ""),
    ("able", "e"),
    ("ability", "able"),
    ("ity", ""),
    ("al", ""),
    ("ally", ""),
    ("ship", ""),
    ("hood", ""),
    ("wise", ""),
    ("like", ""),
    ("ish", ""),
    ("ers", "er"),
    ("ings", ""),
    ("ings", "e"),
    ("ibly", "ible"),
    ("ably", "able"),
    ("ically", "ic"),
    ("ically", "ical"),
    ("ness", "e"),
)
_PREFIXES = tuple(sorted(_word_file("prefixes.txt")))
_PREFIX_SET = frozenset(_PREFIXES)
_PREFIX_LENS = tuple(sorted({len(p) for p in _PREFIXES}))
_ELONGATED = lazy_re(r"([a-z])\1{2,}")
_QUAD = lazy_re(r"([^\W\d_])\1{3}")
#: the stems of negative contractions: don't, isn't, won't, shan't, ain't
_NEGATIVE_STEMS = frozenset(
    (
        "don",
        "isn",
        "aren",
        "wasn",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "doesn",
        "didn",
        "couldn",
        "wouldn",
        "shouldn",
        "mustn",
        "needn",
        "ain",
        "won",
        "can",
        "shan",
        "mightn",
    )
)
_CONTRACTIONS = ("n't", "'s", "'ve", "'ll", "'re", "'d", "'m", "'")


def _known(w: str) -> bool:
    """A word of the curated lists: symspellpy's, Hunspell en_US (both via ``lint.lexicon``)
    or garblint's own ``extra-words.txt``."""
    return w in lexicon.counts() or w in extra_words() or lexicon.in_dictionary(w)


def candidate_zipf(c: str) -> float:
    """How common a suggested word is: wordfreq's Zipf value, else one from symspellpy's count
    (Google Books counts run about 2.6 decades above Zipf)."""
    z = lexicon.zipf(c)
    if z:
        return z
    f = lexicon.counts().get(c, 0)
    return max(0.0, math.log10(f) - 2.6) if f else 0.0


def _by_ending(pairs: "Iterable[tuple[str, str]]") -> tuple[dict[str, tuple[str, ...]], tuple[int, ...]]:
    """``{ending: its replacements}`` of (ending, replacement) pairs, in their order, and the
    endings' lengths, shortest first: a word's endings are then looked up by slicing it at
    those lengths (a few dict look-ups, not an ``endswith`` per pair)."""
    reps: dict[str, tuple[str, ...]] = {}
    for x, y in pairs:
        reps[x] = reps.get(x, ()) + (y,)
    return reps, tuple(sorted({len(x) for x in reps}))


_SUFFIX_REPS, _SUFFIX_LENS = _by_ending(_SUFFIXES)


def _endings_replaced(w: str, reps_of: dict[str, tuple[str, ...]], lens: tuple[int, ...]) -> Iterator[tuple[str, str]]:
    """Each form of ``w`` with an ending of ``reps_of`` (from ``_by_ending``) replaced, what
    is left of ``w`` at least three letters: (the new form, the replacement), shortest ending
    first, as asked (a caller stops at its first yes)."""
    n = len(w)
    for k in lens:
        if k > n - 3:
            break
        reps = reps_of.get(w[-k:])
        if reps is not None:
            base = w[:-k]
            for rep in reps:
                yield base + rep, rep


def _stem_known(w: str) -> bool:
    """A known word with a suffix of ``_SUFFIXES`` (its stem at least three letters), the
    stem's final consonant doubled or not ("stopped")."""
    for stem, rep in _endings_replaced(w, _SUFFIX_REPS, _SUFFIX_LENS):
        if _known(stem):
            return True
        if not rep and len(stem) > 3 and stem[-1] == stem[-2] and _known(stem[:-1]):
            return True  # stopped -> stop
    return False


#: suffixes that make adverbs and nouns of adjectives, never of verbs (-ful and -less do:
#: "forgetful", "tireless")
_ADVERB_SUFFIXES = ("ly", "ily", "ally", "ness", "iness")
#: a stem whose -ed and -ing forms are both this common (wordfreq Zipf) is used as a verb
_VERB_FORM_ZIPF = 3.0


def _nonce_parse(stem: str, suf: str) -> bool:
    """A stem and suffix that regular morphology joins but English does not: any suffix on a
    closed-class word ("through" + "ing"), an adverb or adjective ending on a verb that is
    no adjective ("develop" + "ly", where "quick" + "ly" and "warm" + "ly" are words)."""
    if stem in _closed_class():
        return True
    if suf in _ADVERB_SUFFIXES and not stem.endswith(("ed", "ing")):
        bases = (stem[:-1],) if stem.endswith("e") else (stem, stem + stem[-1])  # "stopped"
        return any(
            lexicon.zipf(b + ("d" if b.endswith("e") else "ed")) >= _VERB_FORM_ZIPF and lexicon.zipf(b + "ing") >= _VERB_FORM_ZIPF for b in bases
        )
    return False


@lru_cache(maxsize=1)
def _closed_class() -> frozenset[str]:
    return _word_file("function-words.txt")


@lru_cache(maxsize=4096)
def nonce_derivation(w: str) -> bool:
    """A lower-case word that only a nonce derivation explains: wordfreq has never seen it, no
    curated list has it, and every suffix reading of it puts a suffix on a stem of the wrong
    word class (``_nonce_parse``): "developly", "throughing". A prefix reading, or an
    American/British variant, is left to ``accepted_form``."""
    if lexicon.zipf(w) or _known(w) or _variant_known(w):
        return False
    parses = 0
    for suf, rep in _SUFFIXES:
        if len(w) > len(suf) + 2 and w.endswith(suf):
            stem = w[: -len(suf)] + rep
            for s in (stem, stem[:-1]) if (not rep and len(stem) > 3 and stem[-1] == stem[-2]) else (stem,):
                if _known(s):
                    if not _nonce_parse(s, suf):
                        return False
                    parses += 1
    return bool(parses) and not _prefix_reading(w)


def _prefix_reading(w: str) -> bool:
    """Is ``w`` a known prefix on a known word or stem ("unblock", "rewrites")?"""
    n = len(w)
    for k in _PREFIX_LENS:
        if n - k < 4:
            break
        if w[:k] in _PREFIX_SET:
            rest = w[k:]
            if _known(rest) or _stem_known(rest):
                return True
    return False


# American <-> British spellings: the frequency list lacks many American forms ("labor").
_VARIANTS = (
    ("or", "our"),
    ("ors", "ours"),
    ("ored", "oured"),
    ("oring", "ouring"),
    ("orite", "ourite"),
    ("er", "re"),
    ("ers", "res"),
    ("ize", "ise"),
    ("ized", "ised"),
    ("izes", "ises"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("yze", "yse"),
    ("yzed", "ysed"),
    ("yzes", "yses"),
    ("yzing", "ysing"),
    ("eled", "elled"),
    ("eling", "elling"),
    ("eler", "eller"),
    ("elers", "ellers"),
    ("ense", "ence"),
    ("og", "ogue"),
    ("ogs", "ogues"),
    ("eter", "etre"),
    ("eters", "etres"),
    ("led", "lled"),
    ("ling", "lling"),
    ("ler", "ller"),
    ("lers", "llers"),
)


_VARIANT_REPS, _VARIANT_LENS = _by_ending(p for a, b in _VARIANTS for p in ((a, b), (b, a)))


def _variant_known(w: str) -> bool:
    """A known word (or stem) in the other spelling of an American/British pair."""
    for v, _ in _endings_replaced(w, _VARIANT_REPS, _VARIANT_LENS):
        if _known(v) or _stem_known(v):
            return True
    # an inner "or"/"our" or "iz"/"is": "neighboring", "laboratory", "organizations"
    # and the sulfur/sulphur family: "sulfate", "sulfide", "disulfide"
    for x, y in (("or", "our"), ("iz", "is"), ("yz", "ys"), ("el", "ell"), ("ter", "tre"), ("ulf", "ulph")):
        i = w.find(x, 1 if x == "ulf" else 2)
        while i != -1:
            v = w[:i] + y + w[i + len(x) :]
            if _known(v) or _stem_known(v):
                return True
            i = w.find(x, i + 1)
    return False


@lru_cache(maxsize=65536)
def accepted_form(w: str) -> bool:
    """True for a lower-case word the lexicon knows directly or by regular morphology."""
    if _known(w):
        return True
    if not w.isascii():
        # "café", "naïve", "résumé": the lexicon keeps loanwords without their accents
        bare = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
        if bare != w and bare.isascii() and accepted_form(bare):
            return True
    if "'" in w:
        if w.endswith("'n't") and len(w) > 4 and "'" not in w[:-4]:
            # the older spelling, an apostrophe where each letter went: "sha'n't", "ca'n't"
            return w[:-4] + "n" in _NEGATIVE_STEMS
        for suf in _CONTRACTIONS:
            if w.endswith(suf) and len(w) > len(suf):
                stem = w[: -len(suf)]
                if _known(stem) or stem in _NEGATIVE_STEMS:
                    return True
        return False
    if _stem_known(w) or _variant_known(w):
        return True
    if _ELONGATED.search(w):  # expressive lengthening: "sooo", "hmmmm", "zzzz"
        for rep in (r"\1\1\1", r"\1\1", r"\1"):
            short = _ELONGATED.sub(rep, w)
            if len(short) >= 2 and _known(short):
                return True
    return _prefix_reading(w)


def _slip_variants(w: str) -> set[str]:
    """``w`` with a doubled letter undoubled or a letter doubled, or an e added or dropped."""
    out = set()
    for i, ch in enumerate(w):
        if i + 1 < len(w) and w[i + 1] == ch:
            out.add(w[:i] + w[i + 1 :])
        elif ch not in "aeiouy":
            out.add(w[:i] + ch + w[i:])
        if ch == "e":
            out.add(w[:i] + w[i + 1 :])
        out.add(w[:i] + "e" + w[i:])
    out.discard(w)
    return out


def closed_compound(w: str) -> bool:
    """Two known words written as one ("lockdown", "livestream", "runtime").

    Both parts have at least four letters, except a very common three-letter content word
    in front ("runtime", "bedside"); a function word in front is a lost space for O003.
    """
    freqs = lexicon.counts()
    for k in range(3, len(w) - 3):
        a, b = w[:k], w[k:]
        if k == 3 and (freqs.get(a, 0) < 50_000_000 or a in FUNCTION_WORDS or freqs.get(b, 0) < 10_000_000):
            continue
        if freqs.get(a, 0) >= 1_000_000 and (freqs.get(b, 0) >= 1_000_000 or _stem_known(b)):
            return True
    return False


# ------------------------------------------------------- broken contractions
_APOS = "'\u2019\u2018`\u00b4\u02bc"
#: what comes before "n't": isn't, can't (ca), won't (wo), shan't (sha), ain't (ai)
_NEG_STEMS = "is are was were do does did has have had ca could would should wo must need ai might sha dare".split()
#: the words each contracted ending follows ("it's", "they're", "I've", "we'll", "he'd", "I'm")
_ENDING_AFTER = {
    "s": "it he she that there here what who where when how let".split(),
    "re": "you we they there what who".split(),
    "ve": "i you we they could would should might must who".split(),
    "ll": "i you we they he she it that there who".split(),
    "d": "i you we they he she it that there who".split(),
    "m": ["i"],
}
_GAP = r"[ \t]*(?:\r?\n[ \t]*)?"
_BROKEN_CONTRACTION = lazy_re(
    r"(?<![\w" + _APOS + r"])(?:"
    r"(?P<neg>(?:" + "|".join(_NEG_STEMS) + r")n)(?P<g1>" + _GAP + r")(?P<a1>[" + _APOS + r"])(?P<g2>" + _GAP + r")t"
    r"|(?P<aux>" + "|".join(_NEG_STEMS) + r")(?P<g3>[ \t]+(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)(?P<nt>n[" + _APOS + r"]t)"
    r"|(?P<pro>" + "|".join(sorted({w for ws in _ENDING_AFTER.values() for w in ws})) + r")(?P<g4>" + _GAP + r")"
    r"(?P<a2>[" + _APOS + r"])(?P<g5>" + _GAP + r")(?P<end>s|re|ve|ll|d|m)"
    r")(?![\w" + _APOS + r"])",
    re.I,
)
# Where a broken contraction can be: white space beside an apostrophe, or " n't".
_HINT = lazy_re(r"[ \t\r\n][" + _APOS + r"]|[" + _APOS + r"][ \t\r\n]|[ \t\r\n]n[" + _APOS + r"]t")
_WORD_CHAR = lazy_re(r"\w")


def _hints(text: str):
    """The matches of ``_HINT.finditer(text)``, tried only where one can start: every hint holds
    an apostrophe at its first, second or third character, so only the three positions up to
    each apostrophe are tried, in order, instead of every blank of the text (five times faster
    on a long text; tests/rules/test_fast_paths.py compares them). The apostrophes are found by
    ``str.find`` of each kind the text holds, not by a regex scan of the whole text (4.8 -> 1 ms
    over the 2,000 bench files)."""
    pos = 0  # where the last match ended: finditer's matches do not overlap
    tried = -1
    match = _HINT.match
    for p in _positions(text, {ch for ch in _APOS if ch in text}):
        for s in (p - 2, p - 1, p):
            if s < pos or s <= tried:
                continue
            tried = s
            m = match(text, s)
            if m is not None:
                pos = m.end()
                yield m


def _contraction_matches(text: str):
    """``_BROKEN_CONTRACTION.finditer(text)``, tried only at the word before each hint (its
    look-behind makes a plain scan try every position of a long text)."""
    end = 0
    for h in _hints(text):
        i = h.start()
        # back over white space to the word before the gap, then to that word's start
        j = i
        while j > 0 and text[j - 1] in " \t\r\n":
            j -= 1
        if text[i] not in " \t\r\n" and j == i:
            j = i  # the hint starts with the apostrophe: the word ends right before it
        k = j
        while k > 0 and _WORD_CHAR.match(text, k - 1):
            k -= 1
        if k >= j or k < end:
            continue
        m = _BROKEN_CONTRACTION.match(text, k)
        if m is not None:
            end = m.end()
            yield m


_APOS_NORMAL = {"\u2018": "\u2019", "`": "'", "\u00b4": "'", "\u02bc": "\u2019"}


def document_contractions(doc: Any) -> list[tuple[int, int, str]]:
    """``broken_contractions(doc.text)``, found once per document (S002 reports them, the
    spelling analysis leaves their halves alone)."""
    return doc.memo("words.broken-contractions", lambda: broken_contractions(doc.text))  # type: ignore[no-any-return]


def broken_contractions(text: str) -> list[tuple[int, int, str]]:
    """Contractions split by a space or line break ("isn ‘t", "don 't", "it' s", "is n't",
    "wasn'\\nt"): (start, end, the joined form). Quoted words ("'tis", "rock 'n' roll") and a
    possessive after a noun are not contractions of this kind and are left alone."""
    if not any(ch in text for ch in _APOS):
        return []
    out = []
    for m in _contraction_matches(text):
        if m.group("neg"):
            if not (m.group("g1") or m.group("g2")):
                continue  # "isn't": whole
            apos = m.group("a1")
            joined = m.group("neg") + _APOS_NORMAL.get(apos, apos) + text[m.end() - 1]
        elif m.group("aux"):
            nt = m.group("nt")
            joined = m.group("aux") + nt[0] + _APOS_NORMAL.get(nt[1], nt[1]) + nt[2]
        else:
            if not (m.group("g4") or m.group("g5")):
                continue
            if m.group("pro").lower() not in _ENDING_AFTER[m.group("end").lower()]:
                continue
            apos = m.group("a2")
            joined = m.group("pro") + _APOS_NORMAL.get(apos, apos) + m.group("end")
        out.append((m.start(), m.end(), joined))
    return out
