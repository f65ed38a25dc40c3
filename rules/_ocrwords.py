"""OCR-mode checks of words the spelling checks leave alone: capitalised and mixed-case words
a scan damaged ("Mlorley", "Altbough", "IHome"), and real words a scan made of a far commoner
one where the neighbouring words decide ("bad" for "had" in "he bad been").

Only ``mode = "ocr"`` runs them (a mixin of ``_lexcheck._Analysis``, like ``_ocrscan``): in
general text a capitalised unknown word is a name and a real word is what the writer meant.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from typing import Any, Mapping

from ..lint import lexicon
from ._confusion import OCR, confusion_cost, context_pmi, lookalike_variants, rank
from ._words import _known, accepted_form, candidate_zipf

#: how common (Zipf) a word must be to be offered for a damaged capitalised word
CAPITAL_TARGET_ZIPF = 4.0
#: a capitalised word counts as misread only by look-alike glyphs (OCR cost 0.3-0.6), not
#: by a letter more or less: names differ from common words that way ("Farmen", "Meason")
TITLE_MAX_COST = 0.6
#: a real word is read as a look-alike only of a word this frequent (symspellpy counts: the
#: commonest few hundred words) and this many times commoner than itself
REAL_WORD_TARGET_FREQ = 50_000_000
REAL_WORD_RATIO = 20
#: decades by which the commoner word must win (its frequency and fit with the neighbours
#: against the word's): a string no dictionary has is damage already, so a small margin; a
#: real word needs more, and a longer real word more again (the scan left more of it intact)
REAL_WORD_MARGIN = 2.0
REAL_WORD_LONG_EXTRA = 1.0
UNKNOWN_WORD_MARGIN = 1.5
#: decades a target one edit away that is no look-alike (a letter lost, gained or changed
#: into any other: "vas" / "was", "ono" / "one") pays: scans make such changes less often
OTHER_EDIT_COST = 1.5
#: decades of fit with the neighbours the commoner word may lose to the word (a lower-case
#: word), and must gain (a capitalised one: a name is capitalised too)
REAL_WORD_CONTEXT = -1.0
CAPITAL_CONTEXT = 0.5
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _case_like(model: str, word: str) -> str:
    """``word`` written in ``model``'s case: all capitals, capitalised or lower case."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _count(word: str) -> float:
    """A word's count on symspellpy's scale (from wordfreq's Zipf value when the list lacks it)."""
    f = lexicon.counts().get(word)
    if f:
        return float(f)
    z = lexicon.zipf(word)
    return 10 ** (z + 2.6) if z else 10_000.0


@lru_cache(maxsize=65536)
def common_lookalikes(w: str) -> tuple[str, ...]:
    """The very common words a scan could have turned into ``w``: one look-alike substitution
    away (rn/m, li/h, b/h, e/c ...), or, for a string no dictionary has, one letter more
    ("sheb") or, when short, one letter fewer ("th")."""
    freqs = lexicon.counts()
    variants = set(lookalike_variants(w, 1))
    if w not in freqs and len(w) >= 3:
        variants.update(w[:i] + w[i + 1 :] for i in range(len(w)))
    if w not in freqs and len(w) <= 4:
        variants.update(w[:i] + c + w[i:] for i in range(len(w) + 1) for c in _ALPHABET)
    least = max(REAL_WORD_TARGET_FREQ, REAL_WORD_RATIO * _count(w))
    return tuple(sorted(v for v in variants if freqs.get(v, 0) >= least))


@lru_cache(maxsize=1)
def _common_deletes() -> dict[str, tuple[str, ...]]:
    """The commonest words (REAL_WORD_TARGET_FREQ) under themselves and each one-letter
    deletion of them: one edit from ``w`` is found by looking up ``w`` and its deletions
    (symmetric deletes, as SymSpell finds them)."""
    out: dict[str, set[str]] = {}
    for t, f in lexicon.frequencies().items():
        if f >= REAL_WORD_TARGET_FREQ and t.isalpha():
            for k in {t} | {t[:i] + t[i + 1 :] for i in range(len(t))}:
                out.setdefault(k, set()).add(t)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter changed, added, dropped or two swapped."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


@lru_cache(maxsize=65536)
def common_near_words(w: str) -> tuple[str, ...]:
    """The very common words one edit of any kind from ``w`` ("vas" / "was", "ono" / "one",
    "tinder" / "under" is two), REAL_WORD_RATIO times commoner than it; look-alikes included."""
    index = _common_deletes()
    found: set[str] = set()
    for k in {w} | {w[:i] + w[i + 1 :] for i in range(len(w))}:
        found.update(index.get(k, ()))
    least = REAL_WORD_RATIO * _count(w)
    freqs = lexicon.counts()
    return tuple(sorted(t for t in found if _one_edit(w, t) and freqs.get(t, 0) >= least))


class OcrWords:
    """Mixin of ``_lexcheck._Analysis`` (its ``doc``, ``freqs``, ``owned``, ``add`` ...)."""

    doc: Any
    freqs: Mapping[str, int]
    owned: set[int]
    _caps: Counter | None = None

    def _capitalised_words(self) -> Counter:
        """Capitalised word -> its uses in the document."""
        if self._caps is None:
            self._caps = Counter(t for t in map(itemgetter(2), self.doc.words) if t[:1].isupper() and t[1:].islower())
        return self._caps

    def _damaged_capital(self, start: int, end: int, w: str) -> bool:
        """A capitalised, all-capital or mixed-case word a scan damaged; True when reported.

        - a capitalised word nobody writes (wordfreq lacks it, as it lists most names), one
          edit or look-alike from a capitalised word the document uses twice or more
          ("Mlorley" beside "Morley") or one cheap look-alike from a common word
          ("Altbough", "Iater");
        - a mixed-case word ("IHome", "AMorley") with one stray letter, or one look-alike
          from a common word ("TaE").
        """
        if len(w) < 2 or not w.isalpha() or w.islower():
            return False
        low = w.lower()
        if low in self.freqs or self.accepts(w) or accepted_form(low) or _known(low):  # type: ignore[attr-defined]
            return False
        title = w[0].isupper() and w[1:].islower()
        caps = self._capitalised_words()
        if title:
            if len(w) < 3 or lexicon.zipf(low) or caps[w] > 1:
                return False
            # a name the text writes twice, or once when wordfreq knows it too (two spellings
            # of a name the text writes once each are left alone: "Olyett", "Olyatt")
            near = {v for v in _title_edits(w) if caps.get(v, 0) >= 2 or (caps.get(v, 0) and lexicon.zipf(v.lower()))}
            if near:
                best = max(near, key=lambda v: (caps[v], v))
                return self._report_capital(start, end, w, best)
        elif not w.isupper() and len(w) >= 4:
            for i in range(len(w)):  # a stray letter: "IHome", "AMorley", "MIonument"
                d = w[:i] + w[i + 1 :]
                if d[0].isupper() and d[1:].islower() and (caps.get(d, 0) or self.freqs.get(d.lower(), 0) >= 1_000_000):
                    return self._report_capital(start, end, w, d)
        # a capitalised word may be a name wordfreq lacks: only a look-alike slip counts
        found = self._common_misreading(low, TITLE_MAX_COST if title else 1.0)
        return found is not None and self._report_capital(start, end, w, _case_like(w, found))

    def _common_misreading(self, low: str, max_cost: float = 1.0) -> str | None:
        """The common word (Zipf CAPITAL_TARGET_ZIPF or more) a string nobody writes is one
        cheap OCR confusion (cost ``max_cost`` at most) from, or None."""
        if lexicon.zipf(low):
            return None
        cands = [c for c in _near_lower(low) if candidate_zipf(c) >= CAPITAL_TARGET_ZIPF and confusion_cost(low, c, OCR) <= max_cost]
        return rank(low, cands, OCR)[0][1] if cands else None

    def _damaged_mark_word(self, start: int, w: str) -> bool:
        """A word with a hyphen or apostrophe a scan put inside it ("t'he", "kick-ed",
        "obta'ned", "dama-e"), or a capitalised compound with a damaged part ("Police-conrt");
        True when reported. ``w`` has plain ASCII marks; its length is the token's."""
        marks = [i for i, ch in enumerate(w) if ch in "-'"]
        if len(marks) == 1:
            i = marks[0]
            a, b = w[:i], w[i + 1 :]
            # (a capital after the mark is a name's: "M'Donald", "O'Brien", "D'Arcy")
            if a.isalpha() and b.isalpha() and b[0].islower() and not (w[i] == "'" and b in _CONTRACTED):
                if not (_word_part(a.lower()) and _word_part(b.lower())):
                    forms = [a + b] + [a + c + b for c in _ALPHABET]
                    f, best = max((self.freqs.get(f.lower(), 0), f) for f in forms)
                    if f >= 1_000_000:
                        return self._report_capital(start, start + len(w), w, best)
        if w[:1].isupper() and "-" in w:
            pos = start
            for part in w.split("-"):
                if len(part) >= 4 and part.isalpha() and part.islower() and part not in self.freqs:
                    if not (self.accepts(part) or accepted_form(part)):  # type: ignore[attr-defined]
                        found = self._common_misreading(part)
                        if found is not None:
                            self._report_capital(pos, pos + len(part), part, found)
                pos += len(part) + 1
            return True
        return False

    def _report_capital(self, start: int, end: int, w: str, best: str) -> bool:
        self.add("O001", start, end, f"'{w}' looks like an OCR misreading of '{best}'", [(best, False)], 0.6)  # type: ignore[attr-defined]
        self.owned.add(start)
        return True

    def _real_words(self) -> None:
        """Words (real ones too) a scan made of a far commoner word, where the neighbouring
        words do not speak against it: "he bad been" (had), "tile court" (the), "Ho said"
        (He), "vas found" (was). The word and each commoner word a look-alike or one other
        edit away are scored by frequency and fit with the words before and after
        (``context_pmi``), an edit that is no look-alike paying OTHER_EDIT_COST; the commoner
        word must win by UNKNOWN_WORD_MARGIN decades over a string no dictionary has and by
        REAL_WORD_MARGIN over a real word (more over a long one), and a capitalised word
        (often a name) is read so only where the neighbours fit the other word better."""
        freqs = self.freqs
        for idx, tok in enumerate(self.doc.words):
            w = tok.text
            if tok.start in self.owned or len(w) < 2 or not w.isalpha() or (w.isupper() and len(w) > 1):
                continue
            low = w.lower()
            looks = common_lookalikes(low)
            near = common_near_words(low)
            if not looks and not near or self.accepts(w) or self.accepts(low):  # type: ignore[attr-defined]
                continue  # (the user's words, archaic spellings: "publick")
            prev, nxt = self._neighbours(idx)  # type: ignore[attr-defined]
            if prev is None and nxt is None:
                continue
            known = low in freqs
            fit = context_pmi(low, prev, nxt) if known else 0.0
            base = math.log10(_count(low)) + fit
            if known:
                base += REAL_WORD_MARGIN + (REAL_WORD_LONG_EXTRA if len(w) > 3 else 0.0)
            else:
                base += UNKNOWN_WORD_MARGIN
            least_fit = fit + (CAPITAL_CONTEXT if w[0].isupper() else REAL_WORD_CONTEXT)
            best = None
            for v in set(looks) | set(near):
                fit_v = context_pmi(v, prev, nxt)
                gain = math.log10(freqs[v]) + fit_v - base - (0.0 if v in looks else OTHER_EDIT_COST)
                if gain >= 0 and fit_v >= least_fit and (best is None or gain > best[0]):
                    best = (gain, v)
            if best is not None:
                v = _case_like(w, best[1])
                self.add("O001", tok.start, tok.end, f"'{w}' looks like an OCR misreading of '{v}'", [(v, False)], 0.5)  # type: ignore[attr-defined]
                self.owned.add(tok.start)


#: what follows an apostrophe in a contraction or possessive ("it's", "don't", "we'll")
_CONTRACTED = frozenset(("s", "t", "d", "ll", "re", "ve", "m"))


def _word_part(p: str) -> bool:
    """A part of a compound that is a word itself ("well", "known"; "a" and "i" too)."""
    return p in ("a", "i") or (len(p) >= 2 and p in lexicon.counts())


def _title_edits(w: str) -> set[str]:
    """Capitalised strings one edit or one look-alike substitution from ``w``."""
    letters = _ALPHABET + _ALPHABET.upper()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    out.update(lookalike_variants(w, 1))
    out.discard(w)
    return {v for v in out if v[:1].isupper() and v[1:].islower()}


def _near_lower(low: str) -> tuple[str, ...]:
    from ._lexcheck import _near_candidates

    return _near_candidates(low, True)
