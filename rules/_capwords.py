"""What the G rules ask of a capitalised word and of a sentence's words: is the word part of
a name phrase, a defined term, a verb in a verb slot, an auxiliary after a name; does the
sentence have a verb. (Split out of ``garble``, which holds the rules' decisions.)"""

from __future__ import annotations

from collections import Counter
from itertools import chain, compress
from operator import methodcaller, not_
from typing import Any, Iterable, Iterator

from ..lint.lazyre import lazy_re
from ..lint.lexicon import frequency
from ..lint.wordlists import word_set
from ._sentences import ARTICLES_AND_POSSESSIVES, CLOSED_CLASS, PREPOSITIONS, VERB_BASES, VERB_FORMS, is_capitalised, verb_like


def _after_blanked_label(doc, pos: int) -> bool:
    """Is ``pos`` the first visible word of its line, after a label the masking blanked (an
    option, a term, a list marker)?"""
    text = doc.text
    # (``not text[a:pos].strip()`` for the line's start ``a``, by stepping back from ``pos``
    # over white space: a word mid-line stops at the character before it, not at the line start)
    a = pos
    while a > 0 and text[a - 1] != "\n" and text[a - 1].isspace():
        a -= 1
    if a > 0 and text[a - 1] != "\n":
        return False
    return bool(doc.source[a:pos].strip())


def cell_start(doc, pos: int) -> bool:
    """Is ``pos`` the first word of a table cell: the blanked stretch before it (back to the
    last visible character) holds a column's pipe in the file's own text?"""
    text, j = doc.text, pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j < pos and "|" in doc.source[j:pos]


def defined_terms(an) -> set[str]:
    """Words capitalised mid-sentence again and again (three times or more), more often than
    written in lower case there: a defined term or a house style ("the Licensor", "Your
    rights"), not a slip."""
    # (each word the analysis lists mid-sentence is counted once, in cap_in_name or in
    # cap_isolated: their sum is its number of uses capitalised mid-sentence, at most the sum
    # of the two largest counts, which in a short text is under 3)
    if max(an.cap_in_name.values(), default=0) + max(an.cap_isolated.values(), default=0) < 3:
        return set()
    count = Counter(an.cap_in_name)
    count.update(an.cap_isolated)
    lower_mid = an.lower_mid
    return {w for w, n in count.items() if n >= 3 and n > lower_mid.get(w, 0)}


# Verb forms and adverbs that are also common given names or surnames.
_NAME_LIKE_WORDS = word_set("name-like-words")
# Words before which a verb, not a name, is expected.
_VERB_SLOTS = word_set("verb-slots")
_A_VERB_SLOT = min(_VERB_SLOTS)
_ENDS_LY_OR_ED = methodcaller("endswith", ("ly", "ed"))


_AUX_AFTER_NAME = word_set("auxiliaries-after-names")


def _aux_after_name(text: str, ws, k: int, low: str) -> bool:
    """An auxiliary capitalised after a capitalised word and before a lower-case one: no
    name or title has that shape ("The council Had agreed" aside, which is caught anyway)."""
    if low not in _AUX_AFTER_NAME or k + 1 >= len(ws):
        return False
    prev, nxt = ws[k - 1], ws[k + 1]
    if not is_capitalised(prev.text) or text[prev.end : ws[k].start] != " ":
        return False
    return nxt.text[:1].islower() and text[ws[k].end : nxt.start] == " "


def _grammatical_word(low: str, prev: str) -> bool:
    """Is ``low`` a word that cannot be a name: a verb in a verb slot, or an -ly adverb?"""
    if len(low) < 3:
        return False
    if low.endswith("ly") and len(low) > 5:
        stem = low[:-2]
        return any(frequency(c) >= 1_000_000 for c in (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem))
    if prev in _VERB_SLOTS and (low in VERB_FORMS or low.endswith("ed")) and frequency(low) >= 1_000_000:
        return True
    return False


# Small words that may sit inside a capitalised name or title ("Bank of England",
# "Thought on Socialism with Chinese Characteristics").
_NAME_GLUE = word_set("name-glue")


def _in_name_phrase(text: str, ws, k: int, sent_start: int) -> bool:
    """Is word ``k`` next to another capitalised word, directly or across name glue words?"""
    for step in (-1, 1):
        j = k + step
        hops = 0
        while 0 <= j < len(ws) and hops < 3:
            left, right = (ws[j], ws[j + 1]) if step == -1 else (ws[j - 1], ws[j])
            gap = text[left.end : right.start].strip()
            if gap not in ("", "&") and not (gap in ("'", "\u2019") and text[left.end] != " " and left.text[-1:] in "sS"):
                break  # punctuation ends the phrase (not a plural's possessive: "the Ladies’ Seminary")
            cand = ws[j].text
            low = cand.casefold()
            if is_capitalised(cand):
                if j > 0 or (hops == 0 and low not in _NAME_GLUE and low not in CLOSED_CLASS):
                    return True
            if low not in _NAME_GLUE:
                break
            j += step
            hops += 1
    return False


def _has_verb(words) -> bool:
    """Does any word look like a verb? A base form right after an article, possessive or
    preposition ("a deal", "for sale") is taken for a noun."""
    prev = ""
    for w in words:
        low = w.text.casefold()
        if verb_like(low) and not ((prev in ARTICLES_AND_POSSESSIVES or prev in PREPOSITIONS and prev != "to") and low in VERB_BASES):
            return True
        prev = low
    return False


def skipped_candidates(an, defined: "set[str]") -> set[str]:
    """The casefolded title-case words mid-sentence that G002 passes over wherever they stand
    (its tests that read the word alone): a defined term; a word capitalised on its own more
    than once or last in a name, unless a function word or an auxiliary after a name; and, but
    for those two kinds, a word never written in lower case mid-sentence that
    ``_grammatical_word`` rejects after any word (it can accept a word after a verb-slot word
    only, so it is asked once, after one)."""
    # (by set operations in C: the counts of cap_name_last and lower_mid are 1 or more)
    lows = set(an.cap_mid_low)
    out = lows.intersection(defined)
    closed = lows.intersection(CLOSED_CLASS)
    closed.update(lows.intersection(_AUX_AFTER_NAME))
    named = lows.intersection(compress(an.cap_isolated, map((1).__lt__, an.cap_isolated.values())))
    named.update(lows.intersection(an.cap_name_last))
    named.difference_update(closed, out)
    rest = lows.difference(out, closed, named, an.lower_mid)
    # (_grammatical_word can be true only of an -ly word, an -ed word or a verb form)
    maybe = list(compress(rest, map(_ENDS_LY_OR_ED, rest)))
    maybe.extend(rest.intersection(VERB_FORMS))
    rest.difference_update([low for low in maybe if _grammatical_word(low, _A_VERB_SLOT)])
    out.update(named, rest)
    return out


def capital_candidates(an, skip: "set[str] | frozenset[str]" = frozenset()) -> Iterator[tuple[Any, Iterable[int]]]:
    """G002's sentences in text order, each with the indexes of the words it looks at: in a
    headline not written in title case (a title-case one capitalises every word) every word
    after the first; elsewhere the title-case words mid-sentence the analysis listed
    (``cap_mid_sentence``/``cap_mid_word``: the same words as testing each word, in the same
    order) but those whose casefolded form is in ``skip`` (left out in C). Sentences with
    neither are not visited."""
    sentences = an.sentences
    cap_sent, cap_word = an.cap_mid_sentence, an.cap_mid_word
    if skip:
        kept = list(compress(range(len(cap_sent)), map(not_, map(skip.__contains__, an.cap_mid_low))))
        cap_sent = list(map(cap_sent.__getitem__, kept))
        cap_word = list(map(cap_word.__getitem__, kept))
    n_cap = len(cap_sent)
    j = 0
    for h in chain(an.headlines, (len(sentences),)):  # (then a stop after the last sentence)
        while j < n_cap and cap_sent[j] < h:  # (no headline holds a word listed there)
            g = cap_sent[j]
            j0 = j
            j += 1
            while j < n_cap and cap_sent[j] == g:
                j += 1
            yield sentences[g], cap_word[j0:j]
        if h < len(sentences):
            info = sentences[h]
            if not info.title_case:
                yield info, range(1, len(info.words))


def name_with_period(doc, name: str) -> bool:
    """Does the text also write ``name`` (up to six letters) followed by its full stop and, with
    no space, a letter or digit ("ID.3", "Yahoo!Mail"-like product names)? Then the stop belongs
    to the name (G001). Answered from the set of such names, found once per document."""
    return name in doc.memo("g001.names-with-period", lambda: _names_with_period(doc.text))


_STOP_BEFORE_ALNUM = lazy_re(r"\.(?=[^\W_])")


def _names_with_period(text: str) -> set[str]:
    """Every run of up to six letters and digits written before a full stop that a letter or
    digit follows, with no letter or digit before the run: the names for which searching
    ``name + "."`` followed by a letter or digit, at a start no letter or digit precedes, finds
    one (its full stop is one ``_STOP_BEFORE_ALNUM`` finds, and the name all the letters and
    digits before it)."""
    out: set[str] = set()
    for m in _STOP_BEFORE_ALNUM.finditer(text):
        d = m.start()
        k = d
        while k > 0 and d - k < 7 and text[k - 1].isalnum():
            k -= 1
        if 0 < d - k < 7:
            out.add(text[k:d])
    return out
