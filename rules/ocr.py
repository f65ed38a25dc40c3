"""O: OCR damage — misread characters, broken hyphenation, run-together and split words, garbage.

Detection is shared with the S (spelling) family in :mod:`garblint.rules._lexcheck`; each
suspicious token is owned by exactly one rule. ``mode = "ocr"`` (or ``per-file-mode``) makes
OCR look-alikes cheaper in the ranking and raises these rules' confidence.
"""
from __future__ import annotations

from ..lint.rule import Rule
from ._lexcheck import analyse


class _SharedRule(Rule):
    family_cost = 4.0
    def check(self, doc, config):
        for i in analyse(doc, config)[self.code]:
            yield self.finding(doc, i.start, i.end, i.message, i.suggestions, confidence=i.confidence)


class OcrConfusion(_SharedRule):
    """What it flags: a word with a digit or symbol inside, or an unknown word one OCR look-alike away from a dictionary word (rn/m, cl/d, li/h, ii/n, 0/o, 1/l, 5/s, e/c, b/h, long s read as f).

    Why: OCR engines read similar glyphs for one another; the result is a non-word that a
    reader decodes without noticing and a search engine never finds. Chemical formulas,
    model numbers and units ("H2O", "A320", "21st", "1990s", "10km") are left alone. In
    ``mode = "ocr"`` it also flags capitalised and mixed-case words a scan damaged
    ("Mlorley" beside "Morley", "Altbough", "IHome"), a stray hyphen or apostrophe inside a
    word ("t'he", "kick-ed"), and a real word read for a far commoner look-alike where the
    neighbouring words fit the look-alike ("and lie said" -> "he").

    Example: "the eourt sat in 9treet and heard tbe case" -> "the court sat in street and heard the case".

    Fix: suggests the dictionary words the look-alike substitutions make, most likely first.
    Unsafe: it changes a word, and the damaged word may have been something else.
    """

    code = "O001"
    name = "ocr-confusion"
    category = "ocr"
    severity = "warning"
    fix_priority = 55


class BrokenHyphenation(_SharedRule):
    """What it flags: a word broken by a hyphen and a space or line break whose halves make a dictionary word ("im- prisonment").

    Why: digitised print keeps the end-of-line hyphenation of the page; reflowed, it leaves
    a hyphen and a space in the middle of a word. Suspended compounds ("well- and
    ill-informed", "pre- and post-war") are not flagged.

    Example: "sentenced to life im- prisonment" -> "sentenced to life imprisonment".

    Fix: joins the halves (and offers the hyphenated form when both halves are words).
    Unsafe: a few real compounds lose their hyphen when joined.
    """

    code = "O002"
    name = "broken-hyphenation"
    category = "ocr"
    severity = "warning"
    fix_priority = 45


class RunTogetherWords(_SharedRule):
    """What it flags: words run together by a lost space ("ofthe") and a word split by a stray space ("govern ment").

    Why: OCR drops and invents word spaces where the print is tight or loose; the result is
    a non-word that spell-checkers often "correct" to the wrong word.

    Example: "the future ofthe govern ment" -> "the future of the government".

    Fix: splits with symspellpy's word segmentation (only where a function word such as
    "the" or "of" is involved, so compounds like "lockdown" stay whole) or joins the split
    halves. Unsafe: it changes words.
    """

    code = "O003"
    name = "run-together-words"
    category = "ocr"
    severity = "warning"
    fix_priority = 50


class GarbageString(_SharedRule):
    """What it flags: strings OCR invents from specks, rules and pictures: very long tokens, runs of mixed punctuation, stray block symbols, letters mixed with digits and symbols, four identical letters, long words without vowels.

    Why: the rules follow Taghva et al.'s rmgarbage: such strings are not words in any
    language and an editor wants them out. URLs, e-mail addresses, hashtags, prices,
    percentages, markdown rules and separators are left alone.

    Example: "The report ■■%&; was filed" -> "The report was filed".

    Fix: suggests deleting the string. Unsafe: the string may hide a damaged word worth
    restoring by hand.
    """

    code = "O004"
    name = "garbage-string"
    category = "ocr"
    severity = "warning"
    fix_priority = 40
