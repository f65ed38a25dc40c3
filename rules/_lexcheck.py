"""Shared word analysis for the S (spelling) and O (OCR) families.

One pass over a Document's words decides, for every suspicious token, which single rule owns
it, so a token is never reported twice:

* a hyphen followed by a space or line break whose halves join into a word -> O002;
* digits or symbols inside a word that map to a dictionary word -> O001;
* an unknown lower-case word made of a word split by a space ("govern ment") or of words run
  together ("ofthe") -> O003;
* an unknown lower-case word whose best-ranked correction is an OCR look-alike -> O001;
* any other unknown lower-case word with a close dictionary word -> S001;
* strings OCR invents ("■■%&;") -> O004 (the tests are in ``_garbage``).

What is a word lives in ``_words`` (over ``lint.lexicon``); how people and scanners get words
wrong (the error models that rank corrections) in ``_confusion``.

The common path stays a dict lookup: a lower-case word in the lexicon costs one ``in``. An
unknown word's suggestions come from ``lint.nearwords`` (SymSpell's answers without its index).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any, Mapping

from ..lint import lexicon
from ..lint.markup import code_term
from ._confusion import (  # noqa: F401 - re-exported for tests and benchmarks
    GENERAL,
    TYPO,
    GLYPH_LETTERS,
    KEYBOARD,
    LOOKALIKES,
    MIN_SUGGESTION_FREQ,
    OCR,
    Weights,
    _ALPHABET,
    confusion_cost,
    lookalike_variants,
    metaphone,
    rank,
    sound_alikes,
    symspell_candidates,
)
from ._garbage import _EDGE, _GARBAGE_HINT, _QUOTED_SYMBOL, _run_end, _short, cached_garbage_reason, chunk_core, garbage_hints, garbage_reason, hint_starts  # noqa: F401
from ._ocrscan import (  # noqa: F401 - re-exported for tests and benchmarks
    _BROKEN_HYPHEN,
    _BROKEN_HYPHEN_AT,
    _LETTER,
    _NUMBER_UNIT,
    _SHORT_FUNCTION,
    _SYMBOL_AT,
    _SYMBOL_IN_WORD,
    OcrScans,
    code_like,
    digit_word,
    letter_run_matches,
)
from ._ocrwords import OcrWords
from ._wordindex import word_positions
from ._tokenkinds import _COMPOUND, _DIGITS, _PLAIN, _SKIP, _token_kind  # noqa: F401
from ._lexfacts import INERT, KIND, ODD, document_facts
from ._mdcode import _MD_CODE, _md_code, md_code_spans  # noqa: F401 - re-exported (S005, tests)
from ._oldstyle import in_dialect_paragraph, in_old_style_quote, old_spelling_base
from ..lint.lazyre import lazy_re
from ..lint._records import record
from ._techterms import code_shaped, technical_term
from ._variety import prefer_variety
from ._typos import (  # noqa: F401 - re-exported for tests and benchmarks
    CAPITAL_MARGIN,
    CAPITAL_MAX_ZIPF,
    CLEAR_SLIP_ZIPF,
    COST_WEIGHT,
    DERIVATION_NEIGHBOUR_ZIPF,
    FOREIGN_MARGIN,
    FOREIGN_MIN_ZIPF,
    MORPH_MARGIN,
    NO_GUESS_MARGIN,
    SHORT_WORD_MARGIN,
    SOUND_ALIKE_MAX_COST,
    SOUND_ALIKE_MAX_ZIPF,
    TYPO_MARGIN,
    TYPO_MAX_ZIPF,
    UNSEEN_MARGIN,
    TypoTests,
    _metaphone,
    _near_candidates,
    _per_word,
    far_misspelling,
    irregular_past,
)
from ._words import (  # noqa: F401 - re-exported for tests and benchmarks
    _ELONGATED,
    _QUAD,
    FUNCTION_WORDS,
    MAX_WORD,
    MIN_LOOKALIKE_FREQ,
    _known,
    _slip_variants,
    _SUSPENDED_NEXT,
    _variant_known,
    accepted_form,
    archaic_words,
    broken_contractions,
    document_contractions,
    candidate_zipf,
    closed_compound,
    _word_file,
    extra_words,
    nonce_derivation,
    two_letter_words,
)


def _known_head(w: str) -> bool:
    """A known word opens ``w`` and leaves at most six letters ("burglar|iously"): a rare
    derivation, not a word OCR made unreadable."""
    if accepted_form(w) or any(_known(w[:k]) and _known(w[k:]) for k in range(4, len(w) - 3)):
        return True  # (or a compound of two words: "breechloaders")
    return any(_known(w[:k]) for k in range(max(5, len(w) - 6), len(w)))


_APOSTROPHES = ("'", "\u2019")
# r-dropping eye dialect: "evah" (ever), "deah" (dear), "pahty" (party), "bawn" (born)
_EYE_DIALECT = (("ah", ("er", "ar", "r", "ere", "or", "ir", "re")), ("aw", ("or",)))


def _written_speech(text: str, start: int, end: int, w: str, freqs: Mapping[str, int]) -> bool:
    """Forms writers use on purpose for speech and style, which typing and OCR damage do not
    make: a dropped g or a dropped first letters marked by an apostrophe ("goin'", "'tis",
    "'nuff"), r-dropping eye dialect ("evah", "mothah", "pictuah"), and the comparative or superlative of
    an adjective in -y ("jolliest", "daintier")."""
    low = w.lower()
    if low.endswith("in") and text.startswith(_APOSTROPHES, end) and (low + "g") in freqs:
        return True
    if start > 0 and text[start - 1] in _APOSTROPHES and (start < 2 or not text[start - 2].isalnum()):
        return True  # an elided start: "'tis", "'twas", "'nuff", "'specially"
    for suffix, cut in (("iest", 4), ("ier", 3)):
        if low.endswith(suffix) and len(low) > cut + 2 and (low[:-cut] + "y") in freqs:
            return True
    if len(low) >= 4:
        for sound, spellings in _EYE_DIALECT:
            if sound in low:
                if any(freqs.get(low.replace(sound, sp), 0) >= 1_000_000 for sp in spellings):
                    return True
    return False


#: function words an OCR-damaged two-letter token most often stood for


def _foreign_word(w: str, z: float) -> bool:
    """A common word of another language that English rarely uses (wordfreq's lists)."""
    _, fz = lexicon.foreign(w)
    return fz >= FOREIGN_MIN_ZIPF and fz - z >= FOREIGN_MARGIN


@lru_cache(maxsize=65536)
def _capital_slip_candidate(low: str) -> bool:
    """Cheap tests of ``_Analysis._capitalised_slip`` that read the word alone (its lexicon
    entry), asked before the ones that read its place: names are common in wordfreq, and
    curated or foreign words are never a capitalised slip."""
    z = lexicon.zipf(low)
    return z < CAPITAL_MAX_ZIPF and not _known(low) and not _foreign_word(low, z)


def inert_plain(w: str) -> bool:
    """Whether ``_Analysis._plain_token`` leaves a word of kind _PLAIN at once, as a token of
    its own outside OCR mode, whatever the document, its place and the config: too long; not
    lower-case and not a capitalised word (its lower-case form a word, or mixed case), or a
    capitalised word without a long s that is too short or common to be a capitalised slip
    (``_capital_slip_candidate``, the first of that test's conditions that reads no place); a
    lower-case word of the curated lists or shorter than three letters. ``_lexfacts`` keeps
    the answer for each word of a run; the token loop then skips the word's tokens."""
    if len(w) > MAX_WORD:
        return True
    if not w.islower():
        low = w.lower()
        if low in lexicon.counts() or not (w[0].isupper() and w[1:].islower()):
            return True
        return "\u017f" not in w and not (len(w) >= 5 and w.isascii() and _capital_slip_candidate(low))
    return len(w) < 3 or _known(w)


# Latin letters with diacritics (é, ñ, ø, ł, ő...): not produced by typing or OCR damage
_FOREIGN_LETTER = lazy_re("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")

# ------------------------------------------------------------- contexts
_SENT_END = lazy_re(r"(?:[.!?:]|\n\s*\n)[\s\"'\u201c\u2018(\[*_-]*$")


def at_sentence_start(text: str, start: int) -> bool:
    seg = text[max(0, start - 12) : start]
    if start <= 12:
        seg = "\n\n" + seg
    return bool(_SENT_END.search(seg))


def _mode_for(doc: Any, config: Any) -> str:
    mode = config.get("mode", "general") if config is not None else "general"
    per = config.get("per-file-mode") if config is not None else None
    if per and doc.path:
        rel = doc.path.replace("\\", "/")
        base = rel.rsplit("/", 1)[-1]
        for glob, m in per.items():
            if fnmatchcase(rel, glob) or fnmatchcase(base, glob):
                mode = m
    return mode


# --------------------------------------------------------------- results
@record(("code", "start", "end", "message", "suggestions", "confidence"))
class Issue:
    code: str
    start: int
    end: int
    message: str
    suggestions: list[tuple[str, bool]]
    confidence: float

    def __init__(self, code: str, start: int, end: int, message: str, suggestions: list[tuple[str, bool]], confidence: float) -> None:
        self.code = code
        self.start = start
        self.end = end
        self.message = message
        self.suggestions = suggestions
        self.confidence = confidence


def analyse(doc: Any, config: Any) -> dict[str, list[Issue]]:
    """The S/O issues of ``doc``, computed once per document and config."""
    return doc.memo("lexcheck.issues", lambda: _Analysis(doc, config).run(), on=config)


class _Analysis(OcrScans, OcrWords, TypoTests):
    def __init__(self, doc: Any, config: Any) -> None:
        self.doc = doc
        self.text = doc.text
        self.config = config
        self.mode = _mode_for(doc, config)
        self.w = OCR if self.mode == "ocr" else GENERAL
        # a bad list file raises ConfigError here; the CLI loads the lists first and reports it
        self.vocab = config.vocabulary if config is not None else None
        self.freqs = lexicon.counts_for(len(doc.words))
        self.out: dict[str, list[Issue]] = {c: [] for c in ("S001", "O001", "O002", "O003", "O004")}
        self.owned: set[int] = set()  # start offsets of tokens already reported
        self.quiet: set[int] = set()  # unknown-list words never reported themselves
        self._counts: dict[str, int] | None = None  # lower-case word -> uses, made on demand
        self.odd: set[str] | None = None  # O004's odd words, and their tokens' starts (run's token loop)
        self.odd_starts: list[int] | None = None
        # the halves of a contraction split by a space ("isn 't") are S002's
        self.owned.update(a for a, _, _ in document_contractions(doc))
        self.code_starts: list[int] = []
        self.code_ends: list[int] = []
        for a, b in md_code_spans(doc):  # markdown code: fenced blocks and inline spans are not prose
            self.code_starts.append(a)
            self.code_ends.append(b)

    def in_code(self, pos: int) -> bool:
        i = bisect_right(self.code_starts, pos) - 1
        return i >= 0 and pos < self.code_ends[i]

    # ---------------------------------------------------------- helpers
    def accepts(self, w: str) -> bool:
        if self.vocab is not None and self.vocab.accepts(w):
            return True
        if self.mode == "ocr" and w in archaic_words():
            return True
        return False

    def add(self, code: str, start: int, end: int, message: str, sugg: list[tuple[str, bool]], conf: float) -> None:
        if self.code_starts and (self.in_code(start) or self.in_code(max(start, end - 1))):
            return
        self.out[code].append(Issue(code, start, end, message, sugg, conf))

    # -------------------------------------------------------------- run
    def run(self) -> dict[str, list[Issue]]:
        text = self.text
        if not text:
            return self.out
        self._broken_hyphens()
        self._symbols_in_words()
        words = self.doc.words
        owned = self.owned
        unknown: list[tuple[int, int, int, str]] = []  # word index, start, end, lower-case form
        # the common path (a known word, a capitalised common word, a number) skipped without
        # a Python-level loop: each word text's kind is kept for the process (_lexfacts),
        # the document's words of other kinds read from a plain dict
        # (outside OCR mode, the tokens _plain_token would leave at once are skipped too)
        inert = 0 if self.mode == "ocr" else INERT
        facts = document_facts(self.doc)
        kinds = {w: k for w, b in facts.items() if (k := b & KIND) and not b & inert}
        if inert:  # (and a word not in lower case written twice or more is never a capitalised slip)
            counts = self.doc.word_counts
            for w in [w for w, k in kinds.items() if k == _PLAIN and counts[w] > 1 and not w.islower() and "\u017f" not in w]:
                del kinds[w]
        # (the tokens of O004's odd words found by the same map over every token: _garbage's)
        odd = self.odd = {w for w, b in facts.items() if b & ODD}
        odd_starts: list[int] = []
        self.odd_starts = odd_starts
        # (the tokens of the words of a kind or odd, in text order: every value is true)
        for idx in word_positions(self.doc, {**dict.fromkeys(odd, ODD), **kinds} if odd else kinds, make=True):
            tok = words[idx]
            w = tok.text
            if odd and w in odd:
                odd_starts.append(tok.start)
                if w not in kinds:
                    continue
            if tok.start in owned:
                continue
            kind = kinds[w]
            if kind == _PLAIN:
                self._plain_token(idx, tok.start, tok.end, w, unknown)
            elif kind == _DIGITS:
                self._digits_in_word(tok)
            else:
                self._compound_token(idx, tok, unknown)
        if unknown:
            self._unknown_words(words, unknown)
        if self.mode == "ocr":
            self._real_words()
        self._garbage()
        for v in self.out.values():
            v.sort(key=lambda i: i.start)
        return self.out

    # ----------------------------------------------------- token kinds
    def _compound_token(self, idx: int, tok: Any, unknown: list) -> None:
        """Hyphenated or apostrophised words: check the apostrophe form, then each part."""
        if len(tok.text) > 4 * MAX_WORD:
            return
        w = tok.text.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2010", "-").replace("\u2011", "-")
        low = w.lower()
        if low in self.freqs or (w.islower() and accepted_form(low)):
            return
        if self.mode == "ocr" and self._damaged_mark_word(tok.start, w):
            return
        if "-" not in w:
            if w[:1].islower() and "'" in w:
                stem = low.split("'", 1)[0]
                if self.accepts(stem) or accepted_form(low):
                    return
                self._plain_token(idx, tok.start, tok.start + len(stem), w[: len(stem)], unknown, in_compound=True)
            return
        if w[0].isupper():
            return  # "Kang-hoon", "Yi-ning": the lower-case parts of a capitalised compound are a name
        pos = tok.start
        for part in w.split("-"):
            if len(part) >= 4 and part.isalpha():
                self._plain_token(idx, pos, pos + len(part), part, unknown, in_compound=True)
            pos += len(part) + 1

    def _plain_token(self, idx: int, start: int, end: int, w: str, unknown: list, in_compound: bool = False) -> None:
        if w in self.freqs or len(w) > MAX_WORD:
            return  # very long tokens are O004's
        if not w.islower():
            if self.mode == "ocr" and not in_compound and start not in self.owned and self._damaged_capital(start, end, w):
                return
            low = w.lower()
            if low in self.freqs or not (w[0].isupper() and w[1:].islower()):
                return
            # a capitalised unknown word is usually a name; in OCR mode a damaged common
            # word at the start of a sentence ("Tbe") is still worth a look
            long_s = "\u017f" in w  # a long s is a glyph, never part of a name
            if (self.mode == "ocr" or long_s) and not in_compound and len(w) >= 3 and (long_s or at_sentence_start(self.text, start)):
                if self.accepts(w) or accepted_form(low):
                    return
                best = self._best_lookalike(low, min_freq=MIN_LOOKALIKE_FREQ if long_s else 300_000_000)
                if best:
                    sugg = best[0][0].upper() + best[0][1:]
                    self.add("O001", start, end, f"'{w}' looks like an OCR misreading of '{sugg}'", [(sugg, False)], 0.6)
                    self.owned.add(start)
                    return
            if (
                self.mode != "ocr"
                and not in_compound
                and len(w) >= 5
                and w.isascii()
                and _capital_slip_candidate(low)
                and at_sentence_start(self.text, start)
                and not self._foreign_neighbour(idx)
            ):
                self._capitalised_slip(start, end, w, low)
            return
        if len(w) == 2 and self.mode == "ocr" and not in_compound:
            self._short_ocr(start, end, w)
            return
        if len(w) < 3 or self.accepts(w) or _known(w):
            return  # a word of the curated lists is never flagged
        z = lexicon.zipf(w)
        if self.mode != "ocr" and _foreign_word(w, z) and self._foreign_neighbour(idx):
            # another language's common word ("pessoal", "itulah"): counted for the
            # paragraph's share of unknown words, never reported (U001 judges runs of them)
            unknown.append((idx, start, end, w))
            return
        if z > 0:
            # a word in use (wordfreq lists it): a typo only if a close word is far commoner
            if not self._typo_likelier(w, z):
                # still counted for the paragraph's share of unknown words (a Latin phrase),
                # and still half of a word split by a space ("govern ment")
                unknown.append((idx, start, end, w))
                self.quiet.add(start)
                return
        elif accepted_form(w) and not self._suspicious_derivation(w) and not nonce_derivation(w):
            return
        if _QUAD.search(w):
            return  # four identical letters: garbage, O004's
        text = self.text
        if not in_compound and (end < len(text) and text[end] in "-\u2010" or start > 0 and text[start - 1] in "-\u2010"):
            return  # a fragment of a hyphen construction ("pre- and post-war")
        src = self.doc.source  # (layout masks may have blanked the line before)
        if not in_compound and start > 1 and src[start - 1] == "\n" and src[max(0, start - 8) : start].rstrip()[-1:] in ("-", "\u2010"):
            return  # the second half of a word hyphenated at a line end ("exe-\ncuted"): O002's
        if code_like(text, start, end):
            return
        unknown.append((idx, start, end, w))

    def _foreign_neighbour(self, idx: int) -> bool:
        """The word before or after token ``idx`` is another language's common word too: a
        phrase left in that language ("o pessoal foi"), not an English word misspelt as one
        ("langage")."""
        words = self.doc.words
        for j in (idx - 2, idx - 1, idx + 1, idx + 2):  # two words either side ("36 etapas: ...")
            if 0 <= j < len(words):
                t = words[j].text.lower()
                if t.isalpha() and _foreign_word(t, lexicon.zipf(t)):
                    return True
        return False

    def _capitalised_slip(self, start: int, end: int, w: str, low: str) -> None:
        """A misspelt word opening a sentence ("Futhermore", "Peolple").

        A capitalised word is usually a name, so only a sentence-initial one is looked at,
        and only when it is no word (curated lists, morphology, the user's lists), the
        document does not write it again (a name recurs), wordfreq hardly knows it (names
        are listed there: Zipf below CAPITAL_MAX_ZIPF) and a close word is far commoner by the
        noisy-channel test with a wider margin.
        """
        # (the caller asked _capital_slip_candidate first: the word alone is rare enough,
        # not curated and not a common foreign word; the tests here read the document)
        z = lexicon.zipf(low)
        if self.accepts(w) or self.accepts(low) or accepted_form(low) and not z:
            return  # (a form wordfreq lists is judged by the typo test below: "Thoes")
        if self._word_counts().get(low, 0) > 1:
            return
        if _written_speech(self.text, start, end, w, self.freqs):
            return  # "'Twould be": an elided start opens the sentence
        nxt = self._next_word(start)
        if nxt is not None and nxt[:1].isupper():
            return  # "Cheuk Hau-yip", "Wistron Corp": a name of several words
        if not self._typo_likelier(low, z, CAPITAL_MARGIN):
            return
        ranked = rank(low, self._candidates(low), self.w)
        if not ranked:
            return
        top = [c[0].upper() + c[1:] for _, c in ranked[:5]]
        self.add("S001", start, end, f"unknown word '{w}'; did you mean '{top[0]}'?", [(c, False) for c in top], 0.5)
        self.owned.add(start)

    def _next_word(self, start: int) -> str | None:
        words = self.doc.words
        i = bisect_right(words, (start, float("inf")))
        return words[i].text if i < len(words) else None

    def _word_counts(self) -> dict[str, int]:
        if self._counts is None:
            # each distinct word text's uses added to its lower-case form's
            counts: dict[str, int] = {}
            for t, n in self.doc.word_counts.items():
                low = t.lower()
                counts[low] = counts.get(low, 0) + n
            self._counts = counts
        return self._counts

    # -------------------------------------------- unknown lower-case words
    def _unknown_words(self, words: list, unknown: list) -> None:
        # counts of unknown forms: a form repeated three times is deliberate (a term, a name)
        counts: dict[str, int] = {}
        for _, _, _, w in unknown:
            counts[w] = counts.get(w, 0) + 1
        # a paragraph full of unknown words is another language or code: leave it to U rules
        para_starts = [p.start for p in self.doc.paragraphs]
        per_para: dict[int, int] = {}
        for _, s, _, _ in unknown:
            pi = bisect_right(para_starts, s) - 1
            per_para[pi] = per_para.get(pi, 0) + 1
        crowded = set()
        limit = 0.5 if self.mode == "ocr" else 0.25
        for pi, n in per_para.items():
            if n >= 4:
                p = self.doc.paragraphs[pi]
                # the paragraph's words: those starting inside it (a trimmed block: no word
                # crosses its ends), by bisection of the tokens instead of a new scan
                total = max(1, bisect_left(words, (p.end,)) - bisect_left(words, (p.start,)))
                if n / total >= limit:
                    crowded.add(pi)
        term_words: dict[str, bool] = {}  # (technical_term's answers that read the word only)
        for idx, start, end, w in unknown:
            if start in self.owned:
                continue
            if self.mode != "ocr" and _foreign_word(w, lexicon.zipf(w)) and self._foreign_neighbour(idx):
                continue
            if start in self.quiet:
                # a word in use is still a lost space between function words ("ofthe" 3.33)
                if not self._split_word(words, idx, start, end, w, quiet=True):
                    self._run_together(start, end, w, function_words_only=True)
                continue
            if bisect_right(para_starts, start) - 1 in crowded and not self._clear_slip(w):
                continue  # (but a learner's paragraph of misspellings still gets its clear ones)
            if _written_speech(self.text, start, end, w, self.freqs):
                continue  # "goin'", "'tis", "evah", "jolliest": dialect, elision, inflection
            if self.doc.masks and code_term(self.doc, w):
                continue  # the document writes it as code too: one of its terms ("todo", "config")
            if technical_term(self.doc, self.text, start, end, w, counts[w], self.freqs, term_words):
                continue  # a command, setting or abbreviation of a manual ("umask", "egrep", "(bce)")
            # split word: "govern ment" -> "government"
            if self._split_word(words, idx, start, end, w):
                continue
            # run-together words: "ofthe" -> "of the"
            if self._run_together(start, end, w):
                continue
            if closed_compound(w) and not lexicon.zipf(w) and not self._suspicious_derivation(w):
                continue  # "lockdown"; but "posession" (pose + session) is "possession"
            if counts[w] >= 3 and (self.mode != "ocr" or len(w) >= 6):
                continue  # a term of the text (a scan repeats its damage of short words: "tbe")
            if self.mode != "ocr" and self._loanword(words, idx, w):
                continue  # "frisée", "raison d'être": a borrowed word or phrase, not a typo
            if old_spelling_base(w, self.freqs) and in_old_style_quote(self.doc, start) or in_dialect_paragraph(self.doc, start):
                continue  # "the Well is froze ... slow worke", "I'd go afther her mysel'": as written
            self._misspelling(start, end, w, idx)

    def _loanword(self, words: list, idx: int, w: str) -> bool:
        """An accented word, or a word beside an accented unknown one ("raison d'être").

        Typing damage does not add accents to English words (mojibake is E001's), so an unknown
        accented word is a loanword or a name, and its neighbour belongs to the phrase. Not used
        in OCR mode, where specks do turn "e" into "é".
        """
        if _FOREIGN_LETTER.search(w):
            return True
        text = self.text
        for j in (idx - 1, idx + 1):
            if 0 <= j < len(words):
                t = words[j].text
                a, b = (words[j].end, words[idx].start) if j < idx else (words[idx].end, words[j].start)
                if b - a > 3 or text[a:b].strip(" '’"):
                    continue
                if _FOREIGN_LETTER.search(t) and not accepted_form(t.lower()):
                    return True
        return False

    def _neighbours(self, idx: int) -> tuple[str | None, str | None]:
        """The dictionary words right before and after token ``idx`` (only white space
        between, lower-cased), or None: the context a suggestion is ranked in."""
        words, text, freqs = self.doc.words, self.text, self.freqs
        out: list[str | None] = []
        for j in (idx - 1, idx + 1):
            t = None
            if 0 <= j < len(words):
                a, b = (words[j].end, words[idx].start) if j < idx else (words[idx].end, words[j].start)
                if b - a <= 2 and not text[a:b].strip():
                    low = words[j].text.lower()
                    if low in freqs:
                        t = low
            out.append(t)
        return out[0], out[1]

    def _misspelling(self, start: int, end: int, w: str, idx: int | None = None) -> None:
        looks = self._lookalikes(w)
        cands = set(symspell_candidates(w)) | looks
        if self.mode != "ocr":
            cands.update(self._sound_alikes(w))
        prev, nxt = self._neighbours(idx) if idx is not None and len(cands) > 1 else (None, None)
        ranked = rank(w, cands, self.w, prev, nxt)
        if not ranked:
            if self.mode == "ocr" and len(w) >= 7 and w.isascii() and not lexicon.zipf(w) and not _known_head(w):
                # nothing within two edits: OCR made the word unreadable; no guess
                self.add("O001", start, end, f"unreadable word '{w}': OCR damage, no close word", [], 0.5)
                self.owned.add(start)
            elif self._far_misspelling(w, idx):
                self._no_guess(start, end, w)
            return
        top = [c for _, c in ranked[:5]]
        if len(w) <= 3 and self.freqs[top[0]] < 100_000_000:
            return  # short unknown words are mostly abbreviations; only "teh" -> "the" kinds
        if self.mode != "ocr" and top[0] not in looks and not lexicon.zipf(w):
            # a word nobody writes (wordfreq lacks it) is a slip only when a close word is
            # far commoner than the slip is rare, as for a listed word (``_typo_likelier``):
            # a term the lists lack ("umask", "xattr") has no such neighbour
            if not any(self._clears(w, c, candidate_zipf(c), UNSEEN_MARGIN) for c in top):
                if self._far_misspelling(w, idx):
                    self._no_guess(start, end, w)
                return
        best_cost = confusion_cost(w, top[0], self.w)
        if top[0] in looks:
            conf = 0.8 if self.mode == "ocr" else 0.55
            self.add("O001", start, end, f"'{w}' looks like an OCR misreading of '{top[0]}'", [(c, False) for c in top[:3]], conf)
        else:
            conf = 0.75 if best_cost <= 1.0 else 0.5
            irregular = irregular_past(w, self._neighbours(idx)[0] if idx is not None else None)
            if irregular:
                # a regular -ed on an irregular verb ("choosed", "dealed"): its own forms first
                top = irregular + [c for c in top if c not in irregular]
                self.add("S001", start, end, f"unknown word '{w}'; did you mean '{top[0]}'?", [(c, False) for c in top[:5]], conf)
            elif len(ranked) > 1 and ranked[1][0] - ranked[0][0] < NO_GUESS_MARGIN:
                # no candidate clearly wins, even with its neighbours: no guess
                self.add("S001", start, end, f"unknown word '{w}'", [], conf - 0.15)
            else:
                # a word with a form in each variety in the one the text wants ("subsidize")
                top = prefer_variety(top, self.doc, self.config["spelling"] if self.config is not None else None)[:5]
                self.add("S001", start, end, f"unknown word '{w}'; did you mean '{top[0]}'?", [(c, False) for c in top], conf)
        self.owned.add(start)

    def _no_guess(self, start: int, end: int, w: str) -> None:
        self.add("S001", start, end, f"unknown word '{w}'", [], 0.4)
        self.owned.add(start)

    def _far_misspelling(self, w: str, idx: int | None) -> bool:
        """A word nobody writes, like some common word but too far from it to guess, in a
        sentence of ordinary words: "definelty", "eldelery" (``_typos.far_misspelling``). Not
        in OCR mode (O001 has its own test), nor for garbage (O004's), a word the text uses
        again or capitalises (a term, a name)."""
        if self.mode == "ocr" or idx is None or not far_misspelling(w):
            return False
        if cached_garbage_reason(w, self.freqs, False, False) is not None:
            return False  # no vowels, a keyboard run: O004's garbage, not a word misspelt
        if self._word_counts().get(w, 0) > 1 or (w[0].upper() + w[1:]) in self.doc.word_counts:
            return False
        # between two words of the lexicon, only spaces apart: a sentence of prose
        words, text = self.doc.words, self.text
        for j in (idx - 1, idx + 1):
            if not 0 <= j < len(words):
                return False
            a, b = (words[j].end, words[idx].start) if j < idx else (words[idx].end, words[j].start)
            t = words[j].text.lower()
            if b - a > 2 or text[a:b].strip() or not (t in self.freqs or lexicon.zipf(t) >= 3.0):
                return False
        return True

    # ---------------------------------------------------------- O004
    def _garbage(self) -> None:
        text = self.text
        breaks: list[int] | None = None  # newline offsets, found once (not a scan per hint)
        odd = self.odd if self.odd is not None else {w for w, b in document_facts(self.doc).items() if b & ODD}
        freqs, match = self.freqs, _GARBAGE_HINT.match
        # garbage_hints' matches: each is the whole chunk at its start, so the chunk is judged
        # first and the hint asked only of a chunk that can be garbage somewhere on a line
        # (none in the middle of one: none anywhere, see garbage_reason; most hints: "->", "it;")
        for a in hint_starts(text, self.doc.words, self.doc.word_texts, odd=odd, odd_starts=self.odd_starts):
            b = _run_end(text, a)
            # the core without edge marks, or the whole chunk when mostly edge marks ("*;=:");
            # None for a symbol cited in quotation marks: "expected '='", "the '%' sign"
            cut = chunk_core(text[a:b])
            if cut is None or cached_garbage_reason(cut[1], freqs, False, False) is None or match(text, a) is None:
                continue
            core_a, core = a + cut[0], cut[1]
            if breaks is None:
                breaks = [nl.start() for nl in re.finditer("\n", text)]
            k = bisect_right(breaks, a - 1)  # newlines before a
            line_a = breaks[k - 1] + 1 if k else 0
            k = bisect_left(breaks, b)  # first newline at or after b
            line_b = breaks[k] if k < len(breaks) else len(text)
            # (blank from the line start to a, and from b to the line end: found by stepping
            # over the white space next to the chunk, not by copying the line's text)
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
            reason = cached_garbage_reason(core, self.freqs, at_line_start, alone)
            if reason is None or code_shaped(self.doc, core, core_a, core_a + len(core), reason):
                continue  # (code_shaped: "is_64_bit", "PKCS#11", "`configure'", "~/.toolrc")
            if any(s in self.owned for s in range(core_a, core_a + len(core))):
                continue
            core_b = core_a + len(core)
            self.add("O004", core_a, core_b, f"garbage string ({reason}): '{_short(core)}'", [("", False)], 0.8 if self.mode == "ocr" else 0.65)
