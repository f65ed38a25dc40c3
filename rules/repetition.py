"""R: repeated words and machine-translation repetition loops."""
from __future__ import annotations

import re

from ..lint.rule import Rule

# Doublings that English uses on purpose ("what he had had", "he said that that was fine").
LEGIT_DOUBLES = frozenset(
    "had that bye no so yeah yes knock tut chop night pom pooh boo bora ha hee ho la cha hush".split()
)
# "is is" is legitimate after a clause subject: "what it is is a failure".
_IS_IS_CONTEXT = frozenset("it this that what thing problem point question issue".split())
_GAP = re.compile(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*")


class RepeatedWord(Rule):
    """What it flags: the same word twice in a row ("the the", "vote vote").

    Why: a doubled word is the commonest slip of typing, and machine translation and
    paraphrasing leave it where they splice phrases. Editors miss it because the eye reads
    past the second copy.

    Example: "abstaining from the vote vote decision" -> "abstaining from the vote decision".

    Fix: deletes the second copy. Safe when both copies are identical lower-case words, since
    deliberate doublings ("had had", "that that", "what it is is") are not flagged; unsafe
    when case differs, since a capitalised repeat may be a name ("Walla Walla").
    """

    code = "R001"
    splittable = True  # looks within one paragraph at a time
    name = "repeated-word"
    category = "repetition"
    severity = "warning"
    fix_priority = 10

    def check(self, doc, config):
        words = doc.words
        text = doc.text
        n = len(words)
        for i in range(1, n):
            a, b = words[i - 1], words[i]
            low = a.text.casefold()
            if low != b.text.casefold():
                continue
            # Runs of three or more are repetition loops (R002), not a doubled word.
            if (i >= 2 and words[i - 2].text.casefold() == low) or (i + 1 < n and words[i + 1].text.casefold() == low):
                continue
            if not low.isalpha() or low in LEGIT_DOUBLES:
                continue
            gap = text[a.end : b.start]
            if not gap or _GAP.fullmatch(gap) is None:
                continue
            if low == "is" and i >= 2 and words[i - 2].text.casefold() in _IS_IS_CONTEXT:
                continue
            if a.text[:1].isupper() and b.text[:1].isupper() and a.text != a.text.upper():
                # Reduplicated names ("Bora Bora", "Sirhan Sirhan") are capitalised twice.
                continue
            safe = a.text == b.text and a.text.islower() and gap == " "
            yield self.finding(
                doc,
                a.start,
                b.end,
                f"repeated word '{a.text}'",
                [(a.text, safe)],
                confidence=0.9 if low not in ("is", "do") else 0.7,
            )
