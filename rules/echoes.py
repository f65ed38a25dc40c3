"""R: echoes that machine translation leaves: reduplicated coordination and repeated phrases."""
from __future__ import annotations


from ..lint.rule import Rule
from ._sentences import CLOSED_CLASS
from ..lint.lazyre import lazy_re

# "X and X" that English says on purpose: progression and intensity ("again and again",
# "more and more", "round and round", "such and such"); comparatives ("bigger and bigger") and
# plural nouns of extent ("miles and miles", "hours and hours") are recognised by their shape.
LEGIT_COORDINATION = frozenset(
    """again over round around on through by up down out back in off away far wide more less
    such so forth ever never time on and then now there here yes no bye ha""".split()
)
_NEXT_WORD = lazy_re(r"[ \t]+([^\W\d_]+)")
#: "and" between blanks and the word after it (group 1; None where no word follows), in one
#: search: the word holds no space or tab, so no later " and " begins inside it. The match
#: starts at "and" (the regex engine searches for the literal; the blank before it is looked
#: behind at): one character after where " and " would, ending at the same place (and the
#: same matches: a match that ends on a blank is followed by no "and" and a blank, which the
#: word group would have taken)
_AND_WORD = lazy_re(r"and(?<=[ \t]and)[ \t]([^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?![\w'\u2019-]))?")


def _legit_coordination(word: str) -> bool:
    low = word.lower()
    if low in LEGIT_COORDINATION:
        return True
    if len(low) > 4 and low.endswith(("er", "ier")):
        return True  # comparatives: "closer and closer"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return True  # plurals of extent: "years and years"
    if len(low) > 5 and low.endswith(("ing", "ed")):
        return True  # an action drawn out: "waiting and waiting", "he walked and walked"
    return False


class ReduplicatedCoordination(Rule):
    """What it flags: a word joined to itself by "and" ("to review and review the accounts", "quick and quick").

    Why: translation from languages that pair near-synonyms ("review and audit", "fast and
    efficient") often renders both words with the same English word; the pair then says one
    thing twice and the second meaning is lost. English's own doublings of progression and
    extent are left alone: "again and again", "more and more", "round and round", comparatives
    ("bigger and bigger"), plurals ("miles and miles"), participles and past forms of an action
    drawn out ("waiting and waiting", "walked and walked"), capitalised names ("Smith and Smith").

    Only pairs followed by punctuation or a function word are flagged: "author and author
    email" is a compound.

    Example: "The board met to review and review the accounts." -> "The board met to review the accounts."

    Fix: keeps one copy. Unsafe: the source had two different words, and the right second one
    may be needed.
    """

    code = "R003"
    name = "reduplicated-coordination"
    category = "repetition"
    severity = "warning"
    splittable = True
    fix_priority = 11

    def check(self, doc, config):
        text = doc.text
        for m in _AND_WORD.finditer(text):
            b = m.group(1)
            if b is None:
                continue
            blank = m.start() - 1  # (where the " and " starts)
            a_start = blank - len(b)
            if a_start < 0:
                continue
            a = text[a_start:blank]
            if a.casefold() != b.casefold() or (a_start > 0 and _continues_word(text[a_start - 1])):
                continue
            if a[:1].isupper() and b[:1].isupper():
                continue  # names: "Smith and Smith", "Johnson and Johnson"
            if _legit_coordination(a):
                continue
            after = _NEXT_WORD.match(text, m.end())
            if after and after.group(1).lower() not in CLOSED_CLASS:
                continue  # a compound modifier: "author and author email", "state and state law"
            yield self.finding(
                doc,
                a_start,
                m.end(),
                f"'{a}' coordinated with itself",
                [(a, False)],
                confidence=0.7,
            )


def _continues_word(c: str) -> bool:
    return c.isalnum() or c in "'\u2019-_"


# ------------------------------------------------------------------ R004 echoes
# Bracketed text of up to 80 characters (one to eight words are compared with what precedes).
_BRACKETED = lazy_re(r"\([ \t]*([^()\n]{1,80}?)[ \t]*\)")
_WORDS_IN = lazy_re(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
_NORM = lazy_re(r"[\W_]+")


def _norm(s: str) -> str:
    return _NORM.sub(" ", s).strip().casefold()


_OPENERS = "\"'\u201c\u2018(["


def _leads_differ(a: str, b: str) -> bool:
    """Do ``_norm(a)`` and ``_norm(b)`` surely differ, by their first characters? With the
    quotation marks and brackets that open them stripped (none is a word character, so _norm
    strips them too), each text's first character, if it is an ASCII letter or digit, is the
    first word character and lower-cased (its casefold) begins the text's _norm form."""
    x, y = a.lstrip(_OPENERS)[:1], b.lstrip(_OPENERS)[:1]
    return x != y and x.isascii() and y.isascii() and x.isalnum() and y.isalnum() and x.lower() != y.lower()


class Echo(Rule):
    """What it flags: a name or phrase repeated in brackets right after itself ("Anna Weber (Anna Weber)"), or a heading repeated word for word as the first sentence below it.

    Why: translation keeps a gloss that repeated the original script or the original heading
    and renders both copies into the same English; the reader sees the same words twice.
    Brackets that add something (an acronym, a translation, a date) are not echoes.

    Example: "The mayor, Anna Weber (Anna Weber), opened the bridge." -> "The mayor, Anna Weber, opened the bridge."

    Fix: deletes the bracketed copy (unsafe: the brackets may have held a different form
    of the name in the source). A repeated heading gets no suggestion: which copy to keep is
    the editor's choice.
    """

    code = "R004"
    name = "echo"
    category = "repetition"
    severity = "warning"
    fix_priority = 12

    def check(self, doc, config):
        text = doc.text
        if "(" in text:
            for m in _BRACKETED.finditer(text):
                inner = m.group(1)
                words = _WORDS_IN.findall(inner)
                if not words or len(words) > 8 or inner.isdigit():
                    continue
                space = m.start()
                while space > 0 and text[space - 1] in " \t":
                    space -= 1
                if space == m.start():
                    continue  # a call, not a gloss: "handle(request)"
                a = space - len(inner)
                if a < 0 or text[a:space].casefold() != inner.casefold():
                    continue
                if a > 0 and (_continues_word(text[a - 1]) or text[a - 1] == "."):
                    continue  # only the end of a longer word: "Mariana (Ana)"
                yield self.finding(
                    doc,
                    space,
                    m.end(),
                    f"'{inner}' repeated in brackets right after itself",
                    [("", False)],
                    confidence=0.85,
                )
        paras = doc.paragraphs
        for k in range(len(paras) - 1):
            head = paras[k]
            if len(head.text) > 200 or "\n" in head.text or len(doc.paragraph_sentences(k)) != 1:
                continue
            sents = doc.paragraph_sentences(k + 1)
            if len(sents) < 2:
                continue  # a one-sentence paragraph repeating the heading is a duplicate line (D rules)
            first = sents[0]
            if _leads_differ(head.text, first.text):
                continue  # (their _norm forms differ in the first character: see _leads_differ)
            key = _norm(head.text)
            if key.count(" ") < 2:
                continue  # three words or more: "Notes", "Summary of results" are labels
            if _norm(first.text) == key:
                yield self.finding(
                    doc,
                    first.start,
                    first.end,
                    "the heading above is repeated as the first sentence",
                    confidence=0.7,
                )
