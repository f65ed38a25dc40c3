"""What the G rules ask of a capitalised word and of a sentence's words: is the word part of
a name phrase, a defined term, a verb in a verb slot, an auxiliary after a name; does the
sentence have a verb. (Split out of ``garble``, which holds the rules' decisions.)"""

from __future__ import annotations

from ..lint.lexicon import frequency
from ..lint.wordlists import word_set
from ._sentences import ARTICLES_AND_POSSESSIVES, CLOSED_CLASS, PREPOSITIONS, VERB_BASES, VERB_FORMS, is_capitalised, verb_like


def _after_blanked_label(doc, pos: int) -> bool:
    """Is ``pos`` the first visible word of its line, after a label the masking blanked (an
    option, a term, a list marker)?"""
    text = doc.text
    a = text.rfind("\n", 0, pos) + 1
    return not text[a:pos].strip() and bool(doc.source[a:pos].strip())


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
    sents = an.sentences
    count: dict[str, int] = {}
    for g, k in zip(an.cap_mid_sentence, an.cap_mid_word):
        low = sents[g].words[k].text.casefold()
        count[low] = count.get(low, 0) + 1
    return {w for w, n in count.items() if n >= 3 and n > an.lower_mid.get(w, 0)}


# Verb forms and adverbs that are also common given names or surnames.
_NAME_LIKE_WORDS = word_set("name-like-words")
# Words before which a verb, not a name, is expected.
_VERB_SLOTS = word_set("verb-slots")


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
