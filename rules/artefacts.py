"""G and Q: machine-translation artefacts visible in the English alone.

G006 a detached sentence (a hallucinated stock sentence with nothing to do with the text
around it), G007 a common word in capitals with a lower-case ending ("REPORTs"), Q005 a
closing quotation mark glued to the next word as if it opened a quotation.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator
from itertools import chain, compress, filterfalse
from operator import itemgetter, methodcaller

from ..lint.lexicon import frequency
from ..lint.rule import Rule
from ._sentences import AUXILIARIES, CLOSED_CLASS, ends_terminal
from ..lint.lazyre import lazy_re

# ------------------------------------------------------------------ G006
_WORD = lazy_re(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_MIN_PARAGRAPHS = 5
_MIN_CONTENT = 4
_MAX_WORDS = 25
# the share of a detached sentence's content words the rest of the document may use
_MAX_SHARED = 0.2


def _stem(w: str) -> str:
    return w.casefold()[:5]


_FIRST5 = itemgetter(slice(0, 5))


def _stem_totals_of(counts: dict[str, int], stems: set[str]) -> dict[str, int]:
    """Occurrences per word stem, from each distinct word's occurrences in ``counts``, for the
    stems in ``stems`` alone (each distinct word's stem made in C, the words of other stems
    left out in C: a long text has ten thousand distinct words, and G006 asks about the stems
    of its few candidates' words)."""
    out: dict[str, int] = {}
    keys = list(map(_FIRST5, map(str.casefold, counts)))
    for k, n in compress(zip(keys, counts.values()), map(stems.__contains__, keys)):
        out[k] = out.get(k, 0) + n
    return out


def _content(words: list[str]) -> list[str]:
    return [w for w in words if len(w) > 2 and w.casefold() not in CLOSED_CLASS]


def _unintroduced_subject(words: list[str]) -> str | None:
    """The head noun of a definite subject ("The film", "The Chinese government") at the
    start of a sentence: the last word before the first auxiliary or -ed verb. None when the
    sentence does not open on "The"/"This" + lower-case head."""
    if not words or words[0] not in ("The", "This"):
        return None
    subject: list[str] = []
    for w in words[1:]:
        low = w.casefold()
        if low in AUXILIARIES or (subject and low.endswith("ed")):
            break
        subject.append(w)
        if len(subject) > 5:
            return None
    if not subject or not subject[-1].islower():
        return None
    return subject[-1]


class DetachedSentence(Rule):
    """What it flags: a one-sentence paragraph about something the document never mentions ("The film is directed by ... and written by ..." in a report on a party seminar).

    Why: neural translation, on input it cannot handle, hallucinates: it emits a fluent stock
    sentence from its training data ("The article was published by ...", "The government has
    not yet responded to the report.") in place of the source sentence. Such a sentence
    stands alone as a paragraph, opens on a definite subject ("The film", "The article") that
    no other paragraph mentions, and shares almost none of its words with the document.
    Looked for only in documents of five paragraphs or more; headlines, quotations, credits
    and sentences that share a fifth of their content words with the rest are left alone.

    Example: a news report on a seminar with the paragraph "The film is directed by Lee Min and written by Lee Min." -> the sentence the source really had.

    Fix: none: the sentence replaced something that must come from the source.
    """

    code = "G006"
    name = "detached-sentence"
    category = "garble"
    # A suggestion, not a warning: news often closes on a one-sentence paragraph that opens a
    # new point ("The first tenders are expected in June."), and the rule was shaped on only
    # three real hallucinations (WMT23 dev); it asks an editor to look, it does not fail a run.
    severity = "suggestion"

    def check(self, doc, config):
        paras = doc.paragraphs
        if len(paras) < _MIN_PARAGRAPHS:
            return
        candidates = []
        for k, p in enumerate(paras):
            t = p.text
            if len(t) > 250 or t[:4] not in ("The ", "This") or not ends_terminal(t):
                continue
            if len(doc.paragraph_sentences(k)) != 1:
                continue
            words = _WORD.findall(t)
            if len(words) > _MAX_WORDS:
                continue
            head = _unintroduced_subject(words)
            if head is None:
                continue
            content = _content(words)
            if len(content) < _MIN_CONTENT:
                continue
            candidates.append((k, head, content, words))
        if not candidates:
            return
        # (only the stems asked below: each candidate's head and content words)
        asked = {_stem(c[1]) for c in candidates}
        asked.update(map(_FIRST5, map(str.casefold, chain.from_iterable(c[2] for c in candidates))))  # (_stem)
        doc_stems = _stem_totals_of(doc.word_counts, asked)
        for k, head, content, words in candidates:
            # (occurrences per stem: the stems made in C, counted by Counter in C)
            own = Counter(map(_FIRST5, map(str.casefold, words)))
            h = _stem(head)
            if doc_stems.get(h, 0) > own.get(h, 0):
                continue
            shared = sum(1 for st in map(_FIRST5, map(str.casefold, content)) if doc_stems.get(st, 0) > own.get(st, 0))
            if shared > _MAX_SHARED * len(content):
                continue
            p = paras[k]
            yield self.finding(
                doc,
                p.start,
                p.end,
                f"sentence shares almost no words with the document ('{head}' appears nowhere else):"
                " a translation hallucination?",
                confidence=0.6,
            )


# ------------------------------------------------------------------ G007
# ("[A-Z][A-Z]{3,}" is "[A-Z]{4,}" written so that re looks for its first letter quickly)
_MIXED = lazy_re(r"([A-Z][A-Z]{3,})(s|es|ed|ing)(?![\w'\u2019-])")
_MIXED_IN_WORD = lazy_re(r"[A-Z]{4}(?:s|es|ed|ing)")
_COMMON = 5_000_000  # lexicon count of a common English word


_WORDISH_CHAR = lazy_re(r"[\w'\u2019-]")


def _mixed_words(words: Iterable[str]) -> Iterator[str]:
    """Those of ``words`` that hold a match of _MIXED_IN_WORD. Only a word in mixed case can (four
    capitals in a row, then a lower-case letter): not one in lower case, in title case (a
    capital only after a character without case) or in capitals, left out in C first."""
    return filter(_MIXED_IN_WORD.search, filterfalse(str.isupper, filterfalse(str.istitle, filterfalse(str.islower, words))))


def _mixed_case_word(words: Iterable[str]) -> bool:
    """Does one of ``words`` hold a match of _MIXED_IN_WORD (``_mixed_words``)?"""
    return next(_mixed_words(words), None) is not None


def _mixed_matches(doc) -> Iterator[re.Match[str]]:
    """``_MIXED.finditer(doc.text)``, the pattern tried only in the paragraphs where a distinct
    word holding a match of _MIXED_IN_WORD occurs (the scan of the whole text tests the class
    [A-Z] at every character: most of G007's time on a long text). A match is all ASCII
    letters, so it lies inside one word (a token of Document.words, inside a paragraph), whose
    text holds a match of _MIXED_IN_WORD (``_mixed_words``); the pattern reads
    nothing before a match, and a paragraph's end, where the text goes on with white space,
    fails its look-ahead as that white space does: each paragraph's matches are the whole
    text's there, and the paragraphs are taken in text order. A text none of whose distinct
    words holds one has no match (tests/rules/test_sentence_analysis.py compares both)."""
    words = list(_mixed_words(doc.word_counts))
    if not words:
        return iter(())
    text = doc.text
    paras = doc.paragraphs
    return chain.from_iterable(_MIXED.finditer(text, paras[pi].start, paras[pi].end) for pi in _paragraphs_holding(doc, words))


def _paragraphs_holding(doc, words: Iterable[str]) -> list[int]:
    """The indexes, in order, of the paragraphs in which one of ``words`` occurs (as text: found
    by ``str.find``, the rest of a paragraph passed over once it holds one)."""
    find = doc.text.find
    paras = doc.paragraphs
    found: set[int] = set()
    for w in words:
        p = find(w)
        while p >= 0:
            pi = doc.paragraph_at(p)
            if pi is None:  # (a word's text lies inside a paragraph: never)
                p = find(w, p + 1)
                continue
            found.add(pi)
            p = find(w, paras[pi].end)
    return sorted(found)


def _standalone(text: str, stem: str) -> bool:
    r"""``re.search(r"(?<![\w'\u2019-])" + re.escape(stem) + r"(?![\w'\u2019-])", text)``: the
    stem's occurrences found by ``str.find`` (a pattern that opens with a look-behind is tried
    at every position of the text; one that opens with the stem is searched for it by the regex
    engine, more slowly than ``find``), the characters after and before each then tested (an
    occurrence that overlaps another has one of the stem's letters before it: not alone)."""
    find = text.find
    n = len(stem)
    p = find(stem)
    while p >= 0:
        if not _WORDISH_CHAR.match(text, p + n) and (p == 0 or not _WORDISH_CHAR.match(text, p - 1)):
            return True
        p = find(stem, p + 1)
    return False


class MixedCaseWord(Rule):
    """What it flags: a common English word in capitals with a lower-case ending ("REPORTs", "GOVERNMENTs").

    Why: translation systems that copy an upper-case word (from a headline or a product name)
    and then inflect it produce a word no English writer types. Acronyms with a plural "s"
    ("URLs", "CEOs", "PINs") are left alone: only words of five letters or more whose
    capitalised part is itself a common English word are flagged, and not when the text also
    uses the capitalised part on its own (placeholders in manuals: "TARGET ... TARGETs").

    Example: "Two new REPORTs were filed." -> "Two new reports were filed."

    Fix: the word in lower case (unsafe: the capitals may have been meant for emphasis, and
    then the ending should be capitalised too).
    """

    code = "G007"
    name = "mixed-case-word"
    category = "garble"
    severity = "warning"
    splittable = True

    def check(self, doc, config):
        text = doc.text
        for m in _mixed_matches(doc):  # (_MIXED.finditer(text), only where a match may be)
            stem, ending = m.group(1), m.group(2)
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'\u2019-"):
                continue
            if len(stem) < 5 and ending == "s":
                continue
            word = m.group(0).lower()
            if frequency(stem) < _COMMON or frequency(word) < _COMMON // 10:
                continue
            if _standalone(text, stem):
                continue  # a placeholder the text also uses bare: "TARGET ... TARGETs"
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"'{m.group(0)}': capitals with a lower-case ending",
                [(word, False)],
                confidence=0.75,
            )


# ------------------------------------------------------------------ Q005
# A closing mark between a word of 3+ letters and a capitalised word ("so-called’Better"),
# with the same mark closing after a word within the next 12 words ("... plan’").
# (one pattern per mark: a pattern that opens with one character is searched for it in C, one
# that opens with a class of characters tries the class at every position, about 15 times
# slower on a long text)
_GLUED = (lazy_re("\u2019(?=[A-Z])"), lazy_re("\u201d(?=[A-Z])"))
_START = methodcaller("start")
_CLOSE_AFTER = {"\u2019": re.compile("[^\\W_]\u2019(?![^\\W_])"), "\u201d": re.compile("[^\\W_]\u201d(?![^\\W_])")}
_OPEN_FOR = {"\u2019": "\u2018", "\u201d": "\u201c"}
# Elided articles and prepositions before a name: "dell’Acqua", "dall’Olio", "sull’Arno".
_ELISIONS = frozenset("dell dall nell sull all coll quell degl dagl negl sugl".split())


class GluedClosingQuote(Rule):
    """What it flags: a closing quotation mark glued to the next word as if it opened a quotation ("so-called’Better Roads plan’").

    Why: machine translation and some converters turn an opening mark into a closing one and
    drop the space before it; the reader sees a stray apostrophe inside a word. Apostrophes
    in names and elisions ("O’Neill", "d’Artagnan", "dell’Acqua") are left alone: the mark
    must follow a word of three letters or more and be closed by the same mark within twelve
    words.

    Example: "the so-called’Better Roads plan’ was dropped" -> "the so-called ‘Better Roads plan’ was dropped".

    Fix: a space and the opening mark (unsafe: the quotation's extent is a guess).
    """

    code = "Q005"
    name = "glued-closing-quote"
    category = "quote"
    severity = "warning"
    splittable = True

    def check(self, doc, config):
        text = doc.text
        if "\u2019" not in text and "\u201d" not in text:
            return
        for m in sorted(chain(_GLUED[0].finditer(text), _GLUED[1].finditer(text)), key=_START):
            mark = m.group()
            i = m.start()
            j = i
            while j > 0 and (text[j - 1].isalpha()):
                j -= 1
            if i - j < 3 or text[j:i].casefold() in _ELISIONS:
                continue
            end = text.find("\n", i)
            window = text[i + 1 : end if end >= 0 else len(text)]
            window = " ".join(window.split(" ")[:12])
            if _CLOSE_AFTER[mark].search(window) is None:
                continue
            yield self.finding(
                doc,
                i,
                i + 1,
                "closing quotation mark glued to the next word: an opening mark lost its space?",
                [(" " + _OPEN_FOR[mark], False)],
                confidence=0.8,
            )
