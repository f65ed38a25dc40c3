"""G: clauses that translation and paraphrasing break apart or leave in the wrong order.

G008 a long prose sentence with no verb at all, G009 a subject cut off from its verb by a full
stop ("The head of the authority. Said on Tuesday ..."), G010 a sentence start inside a
sentence, after a capitalised phrase ("after the vote Berlin The minister said").
"""

from __future__ import annotations


from functools import lru_cache
from typing import Iterator
from itertools import compress
from operator import add, lt

from ..lint.lazyre import lazy_re
from ..lint.lexicon import frequency, zipf
from ..lint.rule import Rule
from ..lint.wordlists import word_set
from ._sentences import AUXILIARIES, VERB_BASES, VERB_FORMS, analyse, mostly_english, verb_like

# ------------------------------------------------------------------ shared
_CLOSE_TRAIL = " \t\n\"'\u201d\u2019)]"
_MARKUP = lazy_re(r"``|\*|\[|\]|\{|\}|<|>|=|_|/|\\|\||:|;|\u2022|#")


@lru_cache(maxsize=1)
def _past_forms() -> frozenset[str]:
    return word_set("past-forms")


_WORD_COUNT = 100_000  # lexicon count of a word in its own right


@lru_cache(maxsize=65536)
def _maybe_verb(low: str) -> bool:
    """Could this lower-case word be a verb in some sentence? A known verb form, a base form,
    an irregular past ("found", "drew"), an -ed form, or an -s form of a word ("defines",
    "specifies", "outputs"; plural nouns too: a sentence with one is not reported)."""
    if verb_like(low) or low in VERB_BASES or low in _past_forms():
        return True
    if len(low) >= 4 and low.endswith("ed"):
        return True
    if low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is")):
        for stem in (low[:-1], low[:-2], low[:-3] + "y"):
            if stem in VERB_BASES or frequency(stem) >= _WORD_COUNT:
                return True
    return False


def _prose(info) -> bool:
    """A sentence of running prose: not a heading, caption, list item or quotation, in a
    paragraph of three sentences or more."""
    return not (info.headline or info.list_item or info.in_quote) and info.para_len >= 3


# ------------------------------------------------------------------ G008
_MIN_WORDS = 10
_ENGLISH_ZIPF = 3.0  # a word English text uses (three quarters of a sentence's words must be)
_MAX_WORDS = 40


class VerblessSentence(Rule):
    """What it flags: a long sentence of running prose with no word that can be a verb ("The delegation of the ministry together with the chief of the largest company of the region and the mayor of the port city.").

    Why: translation from languages that drop the copula or put the verb last, and paraphrasers
    that rewrite a clause into a noun phrase, leave sentences with no verb: a reader cannot tell
    what happened. Short verbless sentences are a style ("Not a chance.", G003 covers debris of
    six words or fewer); only sentences of ten to forty words inside a paragraph of three
    sentences or more are looked at, and not headings, captions, list items, quotations, or
    sentences with markup, digits or a colon (definitions, references, tables), nor documents
    that are not mostly English. A word counts as a possible verb when it is a known verb form,
    a base form, an irregular past (rules/data/past-forms.txt), an -ed form, or a word with -s
    (plural nouns too: a sentence with one is left alone). Off by default: on the real machine
    translations of WMT23 dev no sentence qualifies, so its use is unmeasured.

    Example: "The delegation of the ministry together with the chief of the largest company of the region and the mayor of the port city." -> the verb the source had.

    Fix: none: the missing verb must come from the source.
    """

    code = "G008"
    name = "verbless-sentence"
    category = "garble"
    severity = "suggestion"
    default_enabled = False

    def check(self, doc, config):
        if not mostly_english(doc):
            return
        an = analyse(doc)
        for info in an.sentences:
            ws = info.words
            if not _MIN_WORDS <= len(ws) <= _MAX_WORDS or not _prose(info):
                continue
            s = info.sent
            body = s.text.rstrip(_CLOSE_TRAIL)
            if not body.endswith(".") or body.endswith(("...", "\u2026")) or not body[:1].isupper():
                continue
            if _MARKUP.search(body) or any(c.isdigit() for c in body):
                continue
            lows = [w.text.casefold() for w in ws]
            if any(map(_maybe_verb, lows)):
                continue
            if sum(1 for w in lows if zipf(w) >= _ENGLISH_ZIPF) * 4 < len(lows) * 3:
                continue  # a passage in another language
            yield self.finding(
                doc,
                s.start,
                s.start + len(body),
                f"sentence of {len(ws)} words without a verb: a clause lost in translation?",
                confidence=0.5,
            )


# ------------------------------------------------------------------ G009
#: capitalised words that may open a sentence although they are verb forms: questions and
#: imperatives ("Did", "Do", "Let"), and the like
_OPENERS = AUXILIARIES | frozenset(("let", "please", "thanks", "thank", "welcome", "wanted", "needed"))


@lru_cache(maxsize=16384)
def _finite_opener(word: str) -> bool:
    """A capitalised finite verb form that cannot open a statement: "Said", "Announced", "Says"
    (not a base form, which is an imperative, nor an -ing form, which can be a subject)."""
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.casefold()
    if low in VERB_BASES or low in _OPENERS or low.endswith("ing"):
        return False
    return low in VERB_FORMS and (low.endswith(("ed", "s")) or low not in VERB_BASES)


def _verb_first_sentences(doc, an) -> list[int]:
    """The sentences after the first whose first word is a finite verb (_finite_opener), by
    their index in ``an.sentences``: the first word of every sentence with words, picked out
    in C (a sentence's words start at its ``first_word`` in the document's), and the few
    distinct ones that are finite verbs."""
    first = an.first_word
    with_words = list(compress(range(len(first)), map(lt, first, an.after_word)))
    firsts = list(map(doc.word_texts.__getitem__, map(first.__getitem__, with_words)))
    verbs = set(filter(_finite_opener, set(firsts)))
    if not verbs:
        return []
    return [k for k in compress(with_words, map(verbs.__contains__, firsts)) if k]


class SplitSubject(Rule):
    """What it flags: a full stop between a subject and its verb, the verb capitalised as if it opened a sentence ("The head of the water authority and its board. Said on Tuesday that prices would rise.").

    Why: translation and sentence splitters cut long sentences at the wrong place: the first
    part is a subject with no verb, the second a verb with no subject. Only a verbless first
    part of three to twenty words, outside quotations (speech drops subjects: "Lovely man.
    Wore a nice coat."), (not starting with a verb itself: "Loads the file." in a list
    of methods) followed, in the same paragraph, by a sentence that opens on a finite verb form
    ("Said", "Announced", "Says") is flagged; participle openings ("Founded in 1990, the firm
    ...") have a comma early on and are left alone, as are questions.

    Example: "The head of the authority. Said on Tuesday that prices would rise." -> "The head of the authority said on Tuesday that prices would rise."

    Fix: joins the two: the full stop removed and the verb in lower case (unsafe: a word may be
    missing as well).
    """

    code = "G009"
    name = "split-subject"
    category = "garble"
    severity = "warning"

    def check(self, doc, config):
        an = analyse(doc)
        sents = an.sentences
        text = doc.text
        for k in _verb_first_sentences(doc, an):
            nxt = sents[k]
            k -= 1
            info = sents[k]
            ws = info.words
            if nxt.index_in_para != info.index_in_para + 1 or not 3 <= len(ws) <= 20:
                continue
            if info.headline or info.list_item or nxt.list_item or info.in_quote or nxt.in_quote:
                continue  # (quoted speech drops subjects: "Lovely man. Wore a nice coat.")
            body = info.sent.text.rstrip(_CLOSE_TRAIL)
            if not body.endswith(".") or body.endswith(("...", "\u2026")) or not body[:1].isupper():
                continue
            first = ws[0].text.casefold()
            if first in VERB_FORMS or any(_maybe_verb(w.text.casefold()) for w in ws[1:]):
                continue
            ns = nxt.sent.text.rstrip(_CLOSE_TRAIL)
            head_end = nxt.words[min(5, len(nxt.words) - 1)].end
            if ns.endswith("?") or "," in text[nxt.sent.start : head_end]:
                continue  # a question, or a participle clause ("Founded in 1990, the firm")
            dot = info.sent.start + len(body) - 1
            verb = nxt.words[0]
            gap = text[dot : verb.start]
            if "\n\n" in gap:
                continue
            yield self.finding(
                doc,
                dot,
                verb.end,
                f"'{body[-30:].lstrip()} {verb.text}': a full stop between a subject and its verb",
                [(" " + verb.text.lower(), False)],
                confidence=0.6,
            )


# ------------------------------------------------------------------ G010
#: capitalised articles and pronouns that open sentences (G002's analysis lists the title-case
#: words inside sentences; "A" is too short to be among them)
_OPENING_WORDS = frozenset("The An This These Those He She They It We His Her Their Its".split())
_MAX_PHRASE = 3


def _titlecase(t: str) -> bool:
    return len(t) > 1 and t[0].isupper() and t[1:].islower()


def _opening_candidates(doc, an) -> Iterator[tuple[int, int]]:
    """The title-case words mid-sentence of the analysis (sentence, index in it) that are in
    _OPENING_WORDS: picked out in C, each word's text read by its index in the document's
    words (its sentence's first word's plus its own in the sentence)."""
    where = map(add, map(an.first_word.__getitem__, an.cap_mid_sentence), an.cap_mid_word)
    opening = map(_OPENING_WORDS.__contains__, map(doc.word_texts.__getitem__, where))
    return compress(zip(an.cap_mid_sentence, an.cap_mid_word), opening)


class CapitalInsideSentence(Rule):
    """What it flags: a sentence start inside a sentence, right after a capitalised phrase ("after the vote Berlin The minister said").

    Why: when translation reorders a sentence around a name, the name ends up before the
    sentence's first word, which keeps its capital: the reader meets "Berlin The minister" in
    the middle of a clause. Only a capitalised article or pronoun ("The", "An", "He", "They")
    that follows a capitalised phrase, which follows a lower-case word, and is followed by a
    lower-case word is flagged: titles ("Covey's The 7 Habits", "Winnie The Pooh") and quoted
    names keep their capitals around them.

    Example: "After the vote Berlin The minister said the plan would go ahead." -> "After the vote in Berlin, the minister said ..."

    Fix: none: which words belong where only the source says.
    """

    code = "G010"
    name = "capital-inside-sentence"
    category = "garble"
    severity = "warning"
    splittable = True

    def check(self, doc, config):
        an = analyse(doc)
        if not an.cap_mid_sentence:
            return
        text = doc.text
        sents = an.sentences
        for si, k in _opening_candidates(doc, an):
            ws = sents[si].words
            w = ws[k]
            if w.text not in _OPENING_WORDS or k < 2 or k + 1 >= len(ws):
                continue
            nxt = ws[k + 1]
            if len(nxt.text) < 2 or not nxt.text.islower() or text[w.end : nxt.start] != " ":
                continue
            # a capitalised phrase of one to three words right before, after a lower-case word
            j = k - 1
            while j >= 0 and k - j <= _MAX_PHRASE and _titlecase(ws[j].text) and text[ws[j].end : ws[j + 1].start] == " ":
                j -= 1
            if j == k - 1 or j < 0 or not ws[j].text.islower() or text[ws[j].end : ws[j + 1].start] != " ":
                continue
            if sents[si].in_quote or sents[si].title_case:
                continue
            p0 = ws[j + 1].start
            before = text[sents[si].sent.start : p0]
            if before.count("\u201c") > before.count("\u201d") or before.count('"') % 2:
                continue  # inside a quotation: a title or a name as written
            caps = sum(1 for x in ws[:k] if x.text[:1].isupper())
            if caps * 2 > k + 1:
                continue  # a title-case line
            phrase = text[p0 : w.end]
            yield self.finding(
                doc,
                p0,
                w.end,
                f"'{phrase}': a sentence start inside a sentence, after a capitalised phrase (words out of order?)",
                confidence=0.6,
            )
