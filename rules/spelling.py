"""S: spelling — unknown lower-case words, with suggestions ranked by how people mistype.

The analysis is shared with the O (OCR) family in :mod:`garblint.rules._lexcheck`, which
decides which rule owns each suspicious token so that nothing is reported twice.
"""
from __future__ import annotations

from ..lint.rule import Rule
from ._lexcheck import analyse


class UnknownWord(Rule):
    """What it flags: a lower-case word that is not in the dictionary, the user's word lists or names lists, and that is close to a dictionary word ("recieve").

    Why: a misspelling is the commonest visible flaw of hand-typed and edited copy, and
    paraphrasing tools and careless re-keying add more. Capitalised words (names), acronyms,
    numbers, URLs, e-mail addresses, hashtags, code-like tokens and words of the configured
    names and word lists are never flagged; neither is a word the text uses three times or
    more (a term, not a slip), nor a paragraph that is mostly unknown words (another
    language, left to the U rules).

    Example: "the council will recieve the report" -> "the council will receive the report".

    Fix: offers up to five dictionary words ranked by a weighted edit distance (keyboard
    slips, swapped and doubled letters cost less; OCR look-alikes cost less in
    ``mode = "ocr"``) and by word frequency. Unsafe: it changes a word, and the unknown
    word may be a correct term the dictionary lacks (add it to a ``words`` list).
    """

    code = "S001"
    name = "unknown-word"
    family = "O"  # shares the lexicon pass with the O rules
    family_cost = 2.5
    category = "spelling"
    severity = "warning"
    fix_priority = 60

    def check(self, doc, config):
        for i in analyse(doc, config)["S001"]:
            yield self.finding(doc, i.start, i.end, i.message, i.suggestions, confidence=i.confidence)
