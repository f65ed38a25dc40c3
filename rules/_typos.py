"""The typo tests of the S/O word analysis (``_lexcheck._Analysis``): is a word that wordfreq
lists, or a derivation that morphology accepts, likelier a slip for a close dictionary word?

A noisy channel: a close word's frequency against the cost of the edit that would turn it into
the word written (keyboard slips, swaps and doubled letters cheap; OCR look-alikes cheap in OCR
mode; halved when both sound alike). The thresholds below are shared with ``_lexcheck``.
"""

from __future__ import annotations

import re
from functools import lru_cache, wraps
from typing import Any, Callable, Mapping

from ..lint import lexicon, nearwords
from ._confusion import GENERAL, TYPO, Weights, confusion_cost, lookalike_variants, metaphone, sound_alikes, symspell_candidates
from ._words import _ELONGATED, _PREFIXES, MIN_LOOKALIKE_FREQ, _known, _slip_variants, _variant_known, accepted_form, candidate_zipf, closed_compound

FOREIGN_MIN_ZIPF = 4.0
#: how common a word one slip away must be for an unlisted derivation to count as its typo
DERIVATION_NEIGHBOUR_ZIPF = 3.0
#: how common that word must be for the slip to count inside a paragraph of unknown words
CLEAR_SLIP_ZIPF = 4.0
#: a listed word this rare with no dictionary word one edit away is checked against its
#: sound-alikes (wordfreq lists misspellings by ear: "succesfull" 1.63)
SOUND_ALIKE_MAX_ZIPF = 2.5
#: how far (channel cost, halved for sounding alike) a spelling by ear may stray: about two
#: and a half edits ("imidiatly" / "immediately" 1.2; "traboules" / "troubles" 1.5 is too far)
SOUND_ALIKE_MAX_COST = 1.3
#: the best suggestion must beat the next by this much (cost units: a fifth of one is a decade
#: of frequency or context) to be offered; otherwise the finding makes no guess
NO_GUESS_MARGIN = 0.05
FOREIGN_MARGIN = 2.0
#: Zipf decades a close word must outnumber a listed-but-not-curated word by (plus the edit's
#: cost) before that word counts as its misspelling; short words need SHORT_WORD_MARGIN more.
TYPO_MARGIN = 0.8
SHORT_WORD_MARGIN = 1.0
MORPH_MARGIN = 0.5
COST_WEIGHT = 1.5  # Zipf decades per unit of edit cost
#: the same test for a word wordfreq does not list (as if its Zipf value were 0)
UNSEEN_MARGIN = 0.3
TYPO_MAX_ZIPF = 3.5  # a word wordfreq lists this often is in use, whatever its neighbours
#: a capitalised sentence opener is looked at only below this Zipf value, with a wider margin
CAPITAL_MAX_ZIPF = 2.0
CAPITAL_MARGIN = 0.3
#: a far misspelling's word: this common (wordfreq Zipf), at most FAR_MAX_EDITS edits away
#: and at most one edit per FAR_LETTERS_PER_EDIT letters of the misspelling
FAR_NEIGHBOUR_ZIPF = 3.0
FAR_MAX_EDITS = 3
FAR_LETTERS_PER_EDIT = 3
FAR_MIN_LETTERS = 6
#: a blend's front is clipped from a word at least this common (wordfreq Zipf): "econo|box"
BLEND_FRONT_ZIPF = 4.5

_metaphone = metaphone


@lru_cache(maxsize=65536)
def _near_candidates(w: str, ocr: bool) -> tuple[str, ...]:
    """The typo test's candidates: dictionary words one edit away (SymSpell's distance-1
    answers, a few hundred dict look-ups) and, in OCR mode, one look-alike substitution away."""
    found = [s.term for s in nearwords.lookup(w, 1) if s.term != w] if len(w) > 1 else []
    if ocr and len(w) <= 14:
        freqs = lexicon.counts()
        found += [v for v in lookalike_variants(w, 1) if freqs.get(v, 0) >= MIN_LOOKALIKE_FREQ]
    return tuple(dict.fromkeys(found))


def _per_word(method: Callable[..., bool]) -> Callable[..., bool]:
    """Keep a word test's answers for the process, per analysis mode and arguments: tests that
    read the word, the lexicon and the mode only (not the document, the config or the user's
    lists). A run of many files meets the same unknown words again."""
    answers: dict[tuple, bool] = {}

    @wraps(method)
    def cached(self: Any, *args: Any) -> bool:
        key = (self.mode, *args)
        try:
            return answers[key]
        except KeyError:
            pass
        if len(answers) >= 65536:
            answers.clear()
        answer = answers[key] = method(self, *args)
        return answer

    return cached


class TypoTests:
    """Mixin of ``_lexcheck._Analysis`` (its ``mode``, ``w`` and ``freqs``)."""

    mode: str
    w: Weights
    freqs: Mapping[str, int]

    @_per_word
    def _typo_likelier(self, w: str, z: float, extra: float = 0.0) -> bool:
        """A noisy-channel test for a word wordfreq lists (Zipf ``z`` > 0) but no curated list has.

        wordfreq is built from web text, so it lists common misspellings ("recieve" 2.75) next
        to real words the lists lack ("rollout" 3.06). The word is a typo when some close
        dictionary word is far commoner than the slip that would turn it into this word is
        rare: Zipf(candidate) - Zipf(word) >= ``TYPO_MARGIN`` + the edit's cost (keyboard slips,
        swaps and doubled letters cost less; OCR look-alikes less in OCR mode), with a wider
        margin for short words, where a slip and an abbreviation look alike.
        """
        if z >= TYPO_MAX_ZIPF:
            return False  # in wide use (misspellings wordfreq lists stay below: "alot" 3.93 is O003's)
        cands = _near_candidates(w, self.mode == "ocr")
        if not cands and not extra and len(w) >= 7 and z < SOUND_ALIKE_MAX_ZIPF and self.mode != "ocr":
            # a misspelling by ear more than one edit away ("succesfull"): its sound-alikes
            cands = tuple(self._sound_alikes(w))
        if not cands:
            return False
        margin = TYPO_MARGIN + extra + (SHORT_WORD_MARGIN if len(w) <= 4 else 0.0)
        morph = accepted_form(w)
        if morph and not self._suspicious_derivation(w):
            # regular morphology explains it ("unregister", "prepending"): surer evidence needed,
            # unless it is a doubled letter or an e away from a common word ("occured", "truely")
            margin += MORPH_MARGIN
        for c in cands:
            if morph and c in w and len(w) - len(c) >= 2:
                continue  # its own stem ("register" in "unregister") is no correction
            if self._clears(w, c, candidate_zipf(c) - z, margin):
                return True
        return False

    def _clears(self, w: str, c: str, gain: float, margin: float) -> bool:
        """``gain >= margin + COST_WEIGHT * self._channel_cost(w, c)``: the Zipf decades ``gain``
        a candidate ``c`` has over ``w`` pay for the margin and the slip's cost. The cost is never
        negative, so it is worked out (two weighted edit distances and Metaphone codes) only when
        ``gain`` reaches ``margin`` alone: most near words of a listed word are no commoner than
        it by that much."""
        return gain >= margin and gain >= margin + COST_WEIGHT * self._channel_cost(w, c)

    def _channel_cost(self, w: str, c: str) -> float:
        """The edit's cost; halved when both sound alike (jellyfish's Metaphone codes agree:
        "definately" / "definitely"), since people spell by ear."""
        cost = confusion_cost(w, c, TYPO)
        if self.w is not GENERAL:  # OCR mode: look-alike glyphs are cheap too
            cost = min(cost, confusion_cost(w, c, self.w))
        if _metaphone(w) == _metaphone(c):
            cost *= 0.5
        return cost

    def _lookalikes(self, w: str) -> set[str]:
        if len(w) > 14:
            return set()
        return {v for v in lookalike_variants(w) if self.freqs.get(v, 0) >= MIN_LOOKALIKE_FREQ}

    def _candidates(self, w: str) -> set[str]:
        return set(symspell_candidates(w)) | self._lookalikes(w)

    @_per_word
    def _suspicious_derivation(self, w: str) -> bool:
        """A form accepted by morphology that is likelier a slip for a dictionary word.

        "beader" (bead + er) is one look-alike from "header"; "occured" (occur + ed) and
        "begining" are a doubled letter from "occurred" and "beginning"; "truely" and
        "arguement" are an e from "truly" and "argument". American and British variants
        ("traveling") are not suspicious.
        """
        if _known(w) or _ELONGATED.search(w):
            return False
        freqs = self.freqs
        if self._common_neighbour(w):
            return True
        limit = 1_000_000 if self.mode == "ocr" else 10_000_000
        if any(freqs.get(v, 0) >= limit for v in lookalike_variants(w, 1)):
            return True
        if _variant_known(w):
            return False
        return any(freqs.get(v, 0) >= 100_000 for v in _slip_variants(w))

    def _clear_slip(self, w: str) -> bool:
        """An unlisted word one cheap slip from a very common word, or spelt as a common
        word sounds: a misspelling even among many unknown words ("things sathsh as
        trasportation , inter tanmant and bisnes"), where dialect ("mawnin") and another
        language's words are not."""
        if self.mode == "ocr" or lexicon.zipf(w):
            return False
        if self._common_neighbour(w, CLEAR_SLIP_ZIPF):
            return True
        return any(candidate_zipf(c) >= CLEAR_SLIP_ZIPF for c in self._sound_alikes(w))

    def _sound_alikes(self, w: str) -> list[str]:
        """Dictionary words spelt as ``w`` sounds, within SOUND_ALIKE_MAX_COST of it."""
        return [c for c in sound_alikes(w) if self._channel_cost(w, c) <= SOUND_ALIKE_MAX_COST]

    def _common_neighbour(self, w: str, min_zipf: float = 0.0) -> bool:
        """A word wordfreq never saw, one cheap slip from a common word ("raher" for "rather",
        "recods", "theyselves"): a typo, though its parts parse ("rah" + "er", "they" +
        "selves"). Real derivations that rare seldom sit one letter from a common word;
        its own stem is no such neighbour ("unregister" / "register")."""
        if len(w) < 5 or lexicon.zipf(w):
            return False
        near = _near_candidates(w, self.mode == "ocr")
        if self.mode != "ocr":
            near += tuple(sound_alikes(w))
        for c in near:
            if c in w or len(c) < 4 or candidate_zipf(c) < max(min_zipf, DERIVATION_NEIGHBOUR_ZIPF):
                continue
            if self._channel_cost(w, c) <= 1.0:
                return True
        return False

    def _best_lookalike(self, low: str, min_freq: int = MIN_LOOKALIKE_FREQ) -> list[str]:
        freqs = self.freqs
        one = lookalike_variants(low, 1)
        for variants in (one, lookalike_variants(low, 2) - one):  # fewer substitutions first
            found = sorted(((freqs[v], v) for v in variants if freqs.get(v, 0) >= min_freq), reverse=True)
            if found:
                return [v for _, v in found[:3]]
        return []


#: words after which a verb is a participle ("had choosed" -> chosen, "was teached" -> taught)
_PARTICIPLE_AFTER = frozenset("have has had having 've be been being is are was were am 're".split())


@lru_cache(maxsize=1)
def _irregular_verbs() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """base -> (its simple past forms, its past participles), from rules/data/irregular-verbs.txt."""
    from ..lint.wordlists import word_list

    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for entry in word_list("irregular-verbs"):
        base, past, participle = entry.split()
        table[base] = (tuple(past.split("/")), tuple(participle.split("/")))
    return table


def irregular_past(w: str, prev: str | None = None) -> list[str]:
    """The irregular forms of a verb that ``w`` adds the regular -ed to ("choosed", "dealed",
    "runned", "teached"): the simple past first, or the participle first after an auxiliary
    (``prev``); [] for any other word."""
    if len(w) < 5 or not w.endswith("ed"):
        return []
    table = _irregular_verbs()
    stems = [w[:-2], w[:-1]]
    if w[-3] == w[-4]:
        stems.append(w[:-3])  # a doubled final consonant: "runned", "getted"
    for stem in stems:
        forms = table.get(stem)
        if forms is not None:
            past, participle = forms
            first, second = (participle, past) if prev in _PARTICIPLE_AFTER else (past, participle)
            return list(dict.fromkeys(first + second))
    return []


@lru_cache(maxsize=4096)
def far_misspelling(w: str) -> bool:
    """A lower-case word of letters that wordfreq, the curated lists and the other languages'
    lists all lack, that is no compound, derivation or blend of known words, and that is
    within a few edits of a common word: a misspelling too far from its word to guess
    ("definelty", "eldelery"), where a coinage or term is like no word ("halophile")."""
    if len(w) < FAR_MIN_LETTERS or not w.isascii() or not w.isalpha():
        return False
    if lexicon.zipf(w) or lexicon.foreign(w)[1] or _known(w) or closed_compound(w):
        return False
    if any(_known(w[:k]) and _known(w[k:]) for k in range(3, len(w) - 2)):
        return False  # two words run together ("bookclub")
    return not _stacked_derivation(w) and not _blend(w) and _far_neighbour(w)


def _stacked_derivation(w: str) -> bool:
    """Affixes on affixes of a known word, which ``accepted_form`` reads one deep:
    "unblockables" (un + block + able + s)."""
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 4:
            rest = w[len(p) :]
            if accepted_form(rest) or (rest.endswith("s") and accepted_form(rest[:-1])):
                return True
    return w.endswith("s") and accepted_form(w[:-1])


def _blend(w: str) -> bool:
    """A word clipped from a very common word joined to a common known word of three letters
    or more: a blend, its writer's coinage ("econobox")."""
    for k in range(4, len(w) - 2):
        if _known(w[k:]) and lexicon.zipf(w[k:]) >= 3.0 and lexicon.commonest_zipf_with_prefix(w[:k]) >= BLEND_FRONT_ZIPF:
            return True
    return False


def _far_neighbour(w: str) -> bool:
    """A common word that opens with the same two letters is within a few edits of ``w``
    (Damerau-Levenshtein: "definelty" / "definitely" 3, "eldelery" / "elderly" 2)."""
    import jellyfish

    most = min(FAR_MAX_EDITS, len(w) // FAR_LETTERS_PER_EDIT)
    n = len(w)
    # the words of ``lexicon.words_with_prefix(w[:2])`` of a near length and Zipf >= 3.00
    # (FAR_NEIGHBOUR_ZIPF, asserted 3.0 by its test: 300 or more in the zipf*100 field), picked
    # from the lines in C instead of decoded one by one (up to 20,000 a word)
    near = re.findall(_FAR_LINE % (max(1, n - most), n + most), "\n" + lexicon.lines_with_prefix(w[:2]))
    dl = jellyfish.damerau_levenshtein_distance
    return any(dl(w, c) <= most for c in near)


#: a line (after its newline: a literal the search skips to) of a word of %d to %d characters
#: with Zipf 3.00 or more
_FAR_LINE = "\\n([^\t\n]{%d,%d})\t[3-9][0-9][0-9]\t"
