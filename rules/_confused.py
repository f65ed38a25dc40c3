"""Real words in a place whose grammar decides that another word was meant (S005).

Each test reads a word's neighbours, never frequencies, and names the word meant:

* "then" right after a comparative, with no clause after it ("much more then others",
  "better then before"): "than". "If it gets worse then we stop" has a subject and a verb
  after it and is left alone, and so are "more then chances will be" (a clause follows)
  and "better then than now";
* a form of "loose" where a verb of losing must stand: "loosing" after a be-form, a
  preposition or a verb taking a gerund ("end up loosing", "are loosing"), "loose" after
  "to" or a modal and before an object ("to loose the", "will loose their"): "losing", "lose";
* "their" before a be-form ("their is", "their were"): "there"; "there own": "their own";
* a verb's simple past or participle right after a modal ("could lost", "may fell", "will
  went"): its base form. A modal used as a noun ("his will left"), a form that is a common
  regular verb of its own ("found" / "founded", "ground" / "grounded") and a rarer one with
  its object ("may fell the trees") are left alone.

Cheap on the common path: the positions of the trigger words are picked out in C, and each
test looks at the word next to its trigger first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from ..lint import lexicon
from ..lint.wordlists import word_set
from ._wordindex import word_positions

MODALS = frozenset("will would can could may might must shall should".split())
_DETERMINERS = word_set("determiners")
_PRONOUNS = word_set("pronouns")
_AUXILIARIES = word_set("auxiliaries")
_PREPOSITIONS = word_set("prepositions")
#: the comparatives "then" is mistyped after most (-er adjectives are not looked at: telling
#: "bigger" from an agent noun like "teacher" would cost a look-up per word)
_COMPARATIVES = frozenset("more less fewer rather other better worse".split())
#: subjects that open a clause after "then"
_SUBJECTS = frozenset("i you he she it we they there this that".split())
_BE = frozenset("am is are was were be been being 're 's".split())
#: verbs (and particles) followed by a gerund: "keep losing", "end up losing"
_GERUND_SLOT = frozenset("up keep keeps kept avoid avoids risk risks fear stop stops stopped start starts started".split())
#: a past form that is a regular verb this common (wordfreq Zipf of its -ed form) is that verb
_OWN_VERB_ZIPF = 3.0


@lru_cache(maxsize=1)
def _past_forms() -> dict[str, str]:
    """The simple past and participle forms of rules/data/irregular-verbs.txt -> their base,
    without forms that are a base themselves ("lay", "bet", "read") or a common regular verb
    ("found" / "founded", "wound" / "wounded")."""
    from ._typos import _irregular_verbs

    table = _irregular_verbs()
    out: dict[str, str] = {}
    for base, (past, participle) in table.items():
        for form in past + participle:
            if form in table or form == base or "'" in form or form in _AUXILIARIES:
                continue
            own = max(lexicon.zipf(form + "ed"), lexicon.zipf(form + "d"))
            if own >= _OWN_VERB_ZIPF:
                continue
            out.setdefault(form, base)
            if own >= _RARE_VERB_ZIPF:
                _TRANSITIVE.add(form)
    return out


#: a past form whose -ed form is this common is also a rarer verb of its own ("fell" /
#: "felled", "saw" / "sawed"): flagged after a modal only when no object follows
_RARE_VERB_ZIPF = 2.0
_TRANSITIVE: set[str] = set()


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Every word a test starts from (the past forms after a modal are the most)."""
    return frozenset(_past_forms()) | {"then", "there", "loosing", "loose", "their", "Their"}


def confused_words(doc: Any) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, word meant, why) for each confused word of ``doc``."""
    words, texts, text = doc.words, doc.word_texts, doc.text
    n = len(words)

    def joined(i: int, j: int) -> bool:
        """Tokens i < j are neighbours with only spaces between."""
        return 0 <= i and j < n and not text[words[i].end : words[j].start].strip()

    def low(i: int) -> str:
        return texts[i].lower() if 0 <= i < n else ""

    past = _past_forms()
    for i in word_positions(doc, _triggers()):
        w = texts[i]
        if w in past:  # the commonest trigger: its word before tested first
            if i and texts[i - 1] in MODALS and joined(i - 1, i) and low(i - 2) not in _DETERMINERS:
                if w in _TRANSITIVE and (low(i + 1) in _DETERMINERS or low(i + 1) in _PRONOUNS):
                    continue  # "they may fell the trees": the verb "fell" with its object
                prev = texts[i - 1]
                yield words[i].start, words[i].end, past[w], f"'{w}' after the modal '{prev}': the base form '{past[w]}'"
        elif w == "then":
            prev = low(i - 1)
            if not (prev in _COMPARATIVES or (low(i - 2) in ("more", "less", "fewer") and joined(i - 2, i - 1) and texts[i - 1].isalpha())):
                continue
            if not joined(i - 1, i) or not joined(i, i + 1):
                continue
            # a clause after "then" (a subject, an auxiliary) makes it the adverb of time or
            # of a conditional: "if it gets worse then we stop"
            clause = False
            for j in range(i + 1, min(n, i + 5)):
                if not joined(j - 1, j):
                    break
                t = low(j)
                if t in _SUBJECTS or t in _AUXILIARIES or t in MODALS or t == "than":
                    clause = True
                    break
            if not clause:
                yield words[i].start, words[i].end, "than", f"'then' after the comparative '{texts[i - 1]}': 'than'"
        elif w == "loosing":
            prev = low(i - 1)
            if joined(i - 1, i) and (prev in _BE or prev in _PREPOSITIONS or prev in _GERUND_SLOT):
                yield words[i].start, words[i].end, "losing", "'loosing' (setting free) where 'losing' is meant"
        elif w == "loose":
            prev, nxt = low(i - 1), low(i + 1)
            if joined(i - 1, i) and joined(i, i + 1) and (prev == "to" or prev in MODALS) and nxt in _DETERMINERS:
                yield words[i].start, words[i].end, "lose", "'loose' (not tight) where the verb 'lose' is meant"
        elif w in ("their", "Their"):
            if low(i + 1) in ("is", "are", "was", "were") and joined(i, i + 1):
                there = "There" if w == "Their" else "there"
                yield words[i].start, words[i].end, there, f"'{w} {texts[i + 1]}': '{there} {texts[i + 1]}'"
        elif w == "there":
            if joined(i, i + 1) and low(i + 1) == "own":
                yield words[i].start, words[i].end, "their", "'there own': 'their own'"
