"""G: garbled sentences that machine translation, paraphrasing and scraping leave behind.

Each rule looks at one sentence at a time (with its neighbours and the document's own
capitalisation habits as context); none needs a parser. Findings carry a confidence so that
``--min-confidence`` can keep only the surest ones.
"""
from __future__ import annotations

import re

from ..lint.lexicon import frequency
from ..lint.markup import blanked_after, blanked_before, blanked_beside, code_term, heading_words
from ..lint.rule import Rule
from ..lint.wordlists import word_set
from ._oldstyle import in_old_style_quote
from .spelling import period_document
from ._verse import verse_line_start
from ._techterms import MAN_SECTION, in_gnu_quote, named_often, technical_prose
from ..lint.segment import OTHER_ABBREVIATIONS
from ._sentences import (
    ARTICLES_AND_POSSESSIVES,
    AUXILIARIES,
    CLOSED_CLASS,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    VERB_BASES,
    analyse,
    ends_terminal,
    english_share,
    foreign_document,
    is_capitalised,
    is_titlecase,
    mid_sentence_context,
)
from ..lint.lazyre import lazy_re
from ._sentpicks import broken_clause_sentences, open_end_paragraphs
from ._capwords import (
    _AUX_AFTER_NAME,
    _NAME_LIKE_WORDS,
    _after_blanked_label,
    _aux_after_name,
    _grammatical_word,
    _has_verb,
    _in_name_phrase,
    capital_candidates,
    cell_start,
    defined_terms,
    name_with_period,
    skipped_candidates,
)

# code-like tokens: file names, identifiers, URLs, handles, hashtags, units like "km/h"
_CODE_TOKEN = lazy_re(r"^\S*(?:[_/\\=<>{}@#`]|://|\.[a-z]{2,4}\b|[a-z][A-Z])\S*")
_MIXED_CASE = lazy_re(r"^[a-z]+[A-Z]")  # iPhone, eBay, mRNA
_NAME_PARTICLES = word_set("name-particles")
_LABEL_NOUNS = word_set("label-nouns")  # "the Setup screen": a label before its noun
_ABBREVIATIONS = OTHER_ABBREVIATIONS | word_set("unit-abbreviations")
_ABBREV_BEFORE = lazy_re(r"(?<![\w.])([A-Za-z]{1,6})\.\s+$")
_ELLIPSIS_START = lazy_re(r"[\"'\u201c\u2018(\[]*(?:\.\.\.|\u2026)")

# Short sentences that English uses on their own, in speech and in prose.
LEGIT_SHORT = word_set("legit-short-sentences")
LEGIT_SHORT_PAIRS = word_set("legit-short-pairs")
# Sentence-final words after which an English clause cannot stop.
DANGLING_END = word_set("dangling-ends")
_DATELINE = lazy_re(r"^[A-Z][A-Z .'\-]{2,}(?:,|\s*\(|\s+[\u2014\u2013-])")
_BYLINE = lazy_re(r"^(?:By|Photo|Photos|Source|Reporting|Editing|Credit|Image|Video|Graphic)\b", re.I)


#: what G001 skips before a sentence's first character
_OPENING_MARKS = frozenset("\"'\u201c\u2018(\u00ab[")
_OPENING_CHARS = "".join(sorted(_OPENING_MARKS))


def _capitalise_first(word: str) -> str:
    return word[:1].upper() + word[1:]


_DOTTED_ABBREVIATION = lazy_re(r"^[a-z]\.[a-z]\.")


class LowerCaseSentenceStart(Rule):
    """What it flags: a sentence that starts with a lower-case letter ("to calm the markets. strong demand.").

    Why: when a paraphrasing tool or a translation engine splices or drops words, the stump
    of a clause survives as its own "sentence" after a full stop; its lower-case start is the
    visible seam. Brand names (iPhone, eBay), code-like tokens, list items, quotation
    continuations ("... and then") and name particles are left alone.

    Example: "to calm the markets. strong demand." -> "to calm the markets. Strong demand." (or
    better, repair the broken sentence).

    Fix: suggests the capitalised form. Unsafe: the seam usually means words are missing or
    misplaced, and only an editor can tell whether to join, delete or capitalise.
    """

    code = "G001"
    name = "lower-case-sentence-start"
    family_cost = 3.0
    category = "garble"
    severity = "warning"
    fix_priority = 40

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        found = list(self._candidates(doc))
        if not found:
            return
        if technical_prose(doc):
            # reference text starts sentences with command names ("zip is an archiver ...
            # zip 1.9 and gzip ...") and with remarks in brackets ("(note that ...)"): a word
            # that opens two lower-case sentences or more, or an uncommon word it keeps citing in
            # lower case ("zip and unzip"), is a name, not a seam
            starts: dict[str, int] = {}
            for f, low, _ in found:
                starts[low] = starts.get(low, 0) + 1
            found = [(f, low, br) for f, low, br in found if starts[low] < 2 and not br and not named_often(doc, low)]
        for f, _, _ in found:
            yield f

    def _candidates(self, doc):
        text = doc.text
        an = analyse(doc)
        for info in an.sentences:
            s = info.sent
            if not info.words or info.list_item or info.headline:
                continue  # lower-case labels and tag lines ("photo: ...") are a style, not a seam
            c = s.text[0]  # (a sentence starts on a character other than white space)
            if c in _OPENING_MARKS:
                c = s.text.lstrip(_OPENING_CHARS)[:1]  # (or white space: not in lower case either)
            if not c or not c.islower():
                continue
            w = info.words[0]
            if w.start - s.start > 3:
                continue  # starts with something other than a word (a number, a symbol)
            if _ELLIPSIS_START.match(s.text):
                continue  # a quotation continuation: "... and we will win"
            # the token as written (with its punctuation): code, URL, handle, brand
            m = re.match(r"\S+", text[w.start : s.end])
            raw = m.group() if m else w.text
            if _MIXED_CASE.match(w.text) or _CODE_TOKEN.match(raw):
                continue
            before = text[max(0, s.start - 4) : s.start].rstrip()
            if before.endswith(("...", "\u2026", ":", ";", ",")):
                continue
            j = w.start
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if doc.source[j : w.start].strip():
                continue  # the sentence's subject was blanked: "`tool` is a ...", a URL, a link
            pm = _ABBREV_BEFORE.search(text, max(0, s.start - 16), s.start)
            if pm and pm.group(1).casefold() in _ABBREVIATIONS:
                continue  # "risen by 2 m. residents": an abbreviation, not a sentence end
            if pm and pm.group(1)[:1].isupper() and name_with_period(doc, pm.group(1)):
                continue  # a name whose full stop is its own: "the ID. models" beside "ID.3"
            low = w.text.casefold()
            if frequency(low) == 0:
                continue  # not an English word: a command, a handle, a product name
            if doc.masks and code_term(doc, low):
                continue  # a name the document writes as code: "patch tries to ..." in its manual
            conf = 0.8
            if low in _NAME_PARTICLES:
                conf = 0.4
            elif info.index_in_para == 0:
                # a paragraph that begins in lower case: a caption stub or a scraped fragment
                conf = 0.6
            elif len(w.text) == 1 and low not in ("a", "i"):
                continue  # "x. y" variables, list letters
            if _DOTTED_ABBREVIATION.match(raw):
                continue  # "i.e. the", "e.g. with": an abbreviation, not a sentence
            finding = self.finding(
                doc,
                w.start,
                min(s.end, w.end),
                f"sentence starts in lower case: '{w.text}' (a broken or spliced sentence?)",
                [(_capitalise_first(w.text), False)],
                confidence=conf,
            )
            yield finding, low, text[s.start] == "("


# G002 candidates looked at before it asks whether the text is English (unless asked already):
# more than a short text has, so that one without a finding never needs the answer
_ASK_ENGLISH_AFTER = 64


class CapitalisedCommonWord(Rule):
    """What it flags: a common word capitalised in the middle of a sentence ("has not answered This request", "cheaper, not less Safety").

    Why: paraphrasers and translation engines splice clauses and keep the capital of a
    former sentence start, or capitalise a word they took for a name. Names, titles and
    organisations ("Finance Ministry", "City of Dreams": capitalised neighbours), acronyms,
    title-case headlines and words after a colon, quote or bracket are left alone. A function
    word is flagged on sight; another word only when the document itself writes it in lower
    case elsewhere and never capitalises it on its own, or when its shape rules out a name (a
    verb after "to"/"not"/an auxiliary, an -ly adverb). In older writing or dialect (S001's
    period documents) a common word is reported at suggestion severity.

    Example: "the board has not answered This request." -> "... answered this request."

    Fix: suggests the lower-case form. Unsafe: a capital can be deliberate (a name the
    lexicon does not know).
    """

    code = "G002"
    name = "capitalised-common-word"
    family_cost = 3.0
    category = "garble"
    severity = "warning"
    fix_priority = 40

    def check(self, doc, config):
        text = doc.text
        an = analyse(doc)
        vocab = config.vocabulary if (config["names"] or config["words"]) else None
        # Whether the text is English (German capitalises every noun) is asked before the first
        # finding or after many candidates, not at the first candidate: every test before a
        # finding is free of side effects, so a text that is not English still gets none, and
        # a short text without a finding (most) never needs the share of known words (U001
        # asks it only for a foreign run). Where the share is known already (foreign_document
        # asks it of a text with few English function words: German, French...), it is read
        # at once, and such a text is not walked.
        english: bool | None = None
        if doc.memoised("sentences.english-share"):
            english = english_share(doc) >= 0.45
        asked = 0
        defined = defined_terms(an)
        # (the words that the tests below reading the word alone pass over wherever they
        # stand are left out first: most are names. Only the count of candidates before the
        # share of English words is asked changes, and it is asked before any finding.)
        for info, ks in capital_candidates(an, skipped_candidates(an, defined)):
            ws = info.words
            s = info.sent
            for k in ks:
                w = ws[k]
                t = w.text
                if not t[0].isupper() or len(t) < 2 or not t[1:].islower() or not t.isalpha():
                    continue  # (is_titlecase inlined: it rejects the lower-case words quickly)
                if english is None:
                    asked += 1
                    if asked > _ASK_ENGLISH_AFTER:  # (a German text: every noun is a candidate)
                        english = english_share(doc) >= 0.45
                if english is False:
                    return
                low = t.casefold()
                if low in defined:
                    continue  # a defined term or a house style
                if (
                    (an.cap_isolated.get(low, 0) > 1 or an.cap_name_last.get(low, 0))
                    and low not in CLOSED_CLASS
                    and low not in _AUX_AFTER_NAME
                ):
                    continue  # a name or house style: the test of the chain below, asked first
                if low not in CLOSED_CLASS and low not in _AUX_AFTER_NAME and not an.lower_mid.get(low, 0) and not _grammatical_word(low, ws[k - 1].text.casefold()):
                    # what the chain below ends in (its last "else"): neither a function word
                    # nor an auxiliary after a name, never written in lower case here and not
                    # a verb or adverb by its shape. Asked before the context tests, which are
                    # free of side effects too: most candidates are names, and a short text's
                    # names are mostly met once (a long text's are skipped above as repeated)
                    continue
                if not mid_sentence_context(text, s.start, w, False):
                    continue
                if text[max(0, w.start - 4) : w.start].rstrip().endswith((")", "]")):
                    continue  # "(Reuters) Officials ...": after a credit or gloss
                if doc.masks and (_after_blanked_label(doc, w.start) or cell_start(doc, w.start)):
                    continue  # "--help  Output a usage message", "| 0 | Success": the text starts here
                if doc.masks and doc.source[w.start - 1] in "*_" and text[w.start - 1] == " ":
                    continue  # an emphasised label or title: "click *Run* in the menu"
                if doc.masks and code_term(doc, t):
                    continue  # a name the document writes as code: "coming from Requests" (`requests`)
                if MAN_SECTION.match(doc.source, w.end) or in_gnu_quote(doc.source, w.start):
                    continue  # "elm(1) or Mail(1)": a program's page; "the section `Filename Generation'": a title
                prev, nxt = ws[k - 1], ws[k + 1] if k + 1 < len(ws) else None
                # Every test below is free of side effects, so the costly ones are asked last,
                # only for a word that would otherwise be reported: whether the word is part
                # of a name (which only an auxiliary after a name survives, so it is asked
                # first for those) and whether it sits in a period source quoted as written
                # ("the Boys do slide upon it"), which is left alone.
                if low in _AUX_AFTER_NAME and _in_name_phrase(text, ws, k, s.start):
                    if not _aux_after_name(text, ws, k, low):
                        continue  # part of a name or title: "The Commission Has ..."
                    if in_old_style_quote(doc, w.start):
                        continue
                    # "Economists Had widely expected": an auxiliary after a name or a sentence start
                    if english is None:
                        english = english_share(doc) >= 0.45
                    if not english:
                        return
                    yield self.finding(
                        doc,
                        w.start,
                        w.end,
                        f"common word '{t}' capitalised mid-sentence (an auxiliary verb)",
                        [(t.lower(), False)],
                        confidence=0.55,
                    )
                    continue
                if vocab is not None and vocab.accepts(t):
                    continue
                lower_uses = an.lower_mid.get(low, 0)
                why = ""
                if low in CLOSED_CLASS:
                    if nxt is None or text[w.end : nxt.start] != " ":
                        continue  # "the group Which?", "Who." at a clause end: a title or a name
                    conf = 0.8
                elif an.cap_isolated.get(low, 0) > 1 or an.cap_name_last.get(low, 0):
                    continue  # capitalised on its own or as a surname elsewhere: a name or house style
                elif nxt is not None and nxt.text == "of":
                    continue  # a title: "Chair of the committee"
                elif nxt is not None and nxt.text.casefold() in _LABEL_NOUNS:
                    continue  # a label: "the Plugins section", "the Setup screen", "the Tab key"
                elif low in _NAME_LIKE_WORDS:
                    continue  # "according to Hope", "Miss", "Won": names that are also words
                elif _grammatical_word(low, prev.text.casefold()):
                    conf = 0.6  # "declined to Say", "most Widely produced": not a name's shape
                    why = "a verb or adverb"
                elif lower_uses > 0 and frequency(low) >= 1_000_000:
                    if prev.text.casefold() in DETERMINERS and an.cap_in_name.get(low, 0):
                        continue  # "the Commission" after "European Commission": a short form
                    if nxt is not None and nxt.text[:1].isdigit() and text[w.end : nxt.start] == " ":
                        continue  # a numbered label: "in Week 3", "in Game 7", "Phase 2"
                    conf = 0.5 if an.cap_in_name.get(low, 0) else 0.6
                else:
                    continue
                if low not in _AUX_AFTER_NAME and _in_name_phrase(text, ws, k, s.start):
                    continue  # part of a name or title: "Finance Ministry", "City of Dreams"
                if low in CLOSED_CLASS:
                    why = "a function word"
                elif lower_uses:
                    why = f"written '{low}' elsewhere in the text"
                if in_old_style_quote(doc, w.start) or doc.masks and low in heading_words(doc):
                    continue  # (a section's name in documentation: "the Usage example below")
                if verse_line_start(text, w.start):
                    continue  # a line of verse starts with a capital: "And drown, in a sea"
                if english is None:
                    english = english_share(doc) >= 0.45
                if not english:
                    return
                # older writing capitalises nouns as names and personifications ("the Angel"
                # inn, "the House" of a king, "that Work consists of"): below warning there
                sev = None if low in CLOSED_CLASS or not period_document(doc, config) else "suggestion"
                yield self.finding(
                    doc, w.start, w.end, f"common word '{t}' capitalised mid-sentence ({why})", [(t.lower(), False)], confidence=conf, severity=sev
                )


def _is_fragment_exempt(info, text: str) -> bool:
    s = info.sent
    if info.headline or info.list_item:
        return True
    if _DATELINE.match(s.text) or _BYLINE.match(s.text):
        return True
    return False


class SentenceFragment(Rule):
    """What it flags: a "sentence" of one or two words, or a short one with no verb, that is not a legitimate short sentence ("never call it. Call.").

    Why: machine paraphrasing leaves the debris of a clause it split or rewrote: a stray
    word after a full stop or a verbless scrap. Answers and interjections ("Yes.", "Not at
    all.", "Why not?"), questions, exclamations, headings, captions, datelines and bylines
    are left alone.

    Example: "even if they never call it. Call." -> "even if they never call it."

    Fix: suggests deleting the fragment (or joining it to the previous sentence). Unsafe:
    the fragment may be all that is left of a real clause.
    """

    code = "G003"
    name = "sentence-fragment"
    family_cost = 3.0
    category = "garble"
    severity = "warning"
    fix_priority = 40

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        an = analyse(doc)
        for info in an.sentences:
            s = info.sent
            ws = info.words
            n = len(ws)
            # (the tests before a finding are all free of side effects: the cheapest first)
            if not ws or n > 6 or info.para_len < 2 or _is_fragment_exempt(info, text):
                continue
            body = s.text.rstrip(_CLOSE_TRAIL)
            if not body.endswith(".") or body.endswith(("...", "\u2026")):
                continue  # questions, exclamations, trailing off and unfinished lines
            if doc.masks and blanked_beside(doc, s.start, s.start + len(body)):
                continue  # its subject, verb or list marker is code or markup: "`tool` does not."
            if doc.masks and body[:1].islower() and blanked_before(doc, s.start):
                continue  # the tail of a sentence that runs on past an example or a line of code
            lows = [w.text.casefold() for w in ws]
            # (a digit in its words is one in its text: every digit is a word character)
            if any(map(str.isdigit, s.text)) or (n == 1 and len(lows[0]) == 1):
                continue  # numbers, list letters ("a. b. c.")
            message = None
            conf = 0.0
            if n <= 2:
                key = " ".join(lows)
                if n == 1 and lows[0] in LEGIT_SHORT or key in LEGIT_SHORT_PAIRS:
                    continue
                if all(is_capitalised(w.text) for w in ws) and n == 2:
                    continue  # a name: "Jane Doe."
                if n == 2 and lows[0] in PRONOUNS:
                    continue  # "He refused." "They did."
                if n == 2 and _has_verb(ws[1:]) and lows[0] not in _NOT_A_SUBJECT:
                    continue  # "Prices rose." "Nobody came."
                first = lows[0]
                # a new utterance that repeats the speaker's last word is emphasis in dialogue:
                # '"Wait-" she said. "Wait."'; debris of a doubled phrase sits inside running text
                echo_ok = s.text[:1] not in "\"\u201c\u2018'"
                if n == 1 and (first in AUXILIARIES or first in _STRAY_WORDS):
                    conf = 0.8  # "Do." "The.": a stray word of a lost clause
                elif n == 1 and echo_ok and first in VERB_BASES and _echoes_previous(an, info, first):
                    conf = 0.7  # "...voting on it. Vote.": an echo of the sentence before
                elif n == 1 and echo_ok and frequency(first) > 0 and _echoes_previous(an, info, first) and not an.cap_isolated.get(first, 0) and not an.cap_in_name.get(first, 0):
                    conf = 0.55  # "...the old harbour. Harbour.": debris of a doubled phrase
                elif n == 2 and first in _NEGATIVE_REPLY:
                    continue  # "No instructions." "No comment.": an emphatic denial
                elif n == 2 and first in DETERMINERS:
                    conf = 0.6  # "The plans.": a noun phrase on its own
                elif n == 2 and is_capitalised(ws[0].text):
                    continue  # "Much less." "Serve hot.": emphatic and imperative pairs
                elif n == 1 and (first.endswith("ly") or is_capitalised(ws[0].text)):
                    continue  # "Mostly." "Chaos.": one-word answers and stylistic sentences
                else:
                    conf = 0.5
                message = f"sentence fragment of {n} word{'s' if n > 1 else ''}: '{s.text.rstrip(_CLOSE_TRAIL)}'"
            elif n <= 6 and not _has_verb(ws) and lows[0] not in _NEGATIVE_REPLY:
                if is_capitalised(ws[0].text):
                    continue  # "Too good, some nights.": verbless sentences are normal in speech and features
                conf = 0.6
                if any(is_capitalised(w.text) for w in ws[1:]):
                    continue  # names carry the sentence ("A win for Lyon.")
                message = f"sentence fragment without a verb: '{s.text.rstrip(_CLOSE_TRAIL)}'"
            if message is None or conf < 0.4:
                continue
            yield self.finding(
                doc,
                s.start,
                s.start + len(s.text.rstrip(_CLOSE_TRAIL)),
                message,
                [("", False)],
                confidence=conf,
            )


_STRAY_WORDS = word_set("stray-words")


def _echoes_previous(an, info, word: str) -> bool:
    """Does ``word`` repeat (in any form) one of the last words of the sentence before?"""
    i = info.global_index
    if i == 0 or info.index_in_para == 0:
        return False
    prev_words = an.sentences[i - 1].words[-6:]
    stem = word[:4] if len(word) > 4 else word
    return any(w.text.casefold().startswith(stem) for w in prev_words)


_NOT_A_SUBJECT = DETERMINERS | PREPOSITIONS | CONJUNCTIONS
_READER_IMPERATIVES = word_set("reader-imperatives")
# "sort of." "kind of.": a hedge that ends a spoken or informal sentence, not a cut-off "of"
_HEDGES = frozenset(("sort", "kind"))
# "Not at all." "No comment." "Never again." "Far from it."
_NEGATIVE_REPLY = word_set("negative-replies")
_CLOSE_TRAIL = "\"'\u201d\u2019)]\u00bb \t"


_COPULAS = frozenset(("is", "are", "was", "were", "be", "been", "am"))


def _stranded_of(ws, text: str) -> bool:
    """Does the sentence end on an "of" its verb left at the end ("a slip she had heard of.",
    "got rid of.", "failed to keep track of.", "the groups a user is a member of.")? A verb
    right before it or one word before, or a copula and an article before its noun; "the
    rest of." (a noun after an article) is cut off. The words run on with spaces only."""
    n = len(ws)
    if n >= 5 and all(text[a.end : b.start].isspace() for a, b in zip(ws[-4:-1], ws[-3:])):
        return _has_verb(ws[-3:-1]) or ws[-4].text.casefold() in _COPULAS and ws[-3].text.casefold() in ("a", "an", "the")
    return False


class BrokenClause(Rule):
    """What it flags: a sentence that ends where no English clause can end ("the.", "of."), or a subjectless clause split off the sentence before ("... trade decision. Push for a deal on tariffs.").

    Why: machine paraphrasing cuts sentences at the wrong place and moves the tail into a
    sentence of its own, or drops the end of a clause. The visible signs are a sentence
    ending on an article, possessive, conjunction or "of", and a narrative sentence that
    opens with a bare verb followed by a preposition or article and has no verb of its own
    (imperatives inside quotations, headings and captions, and calls to action addressed to
    the reader, "Read the full report.", are left alone).

    Example: "left before the vote on the trade decision. Push for a deal on tariffs." ->
    "left before the vote on the trade decision, a push for a deal on tariffs."

    Fix: no automatic rewrite: the missing words must come from the source. The finding marks
    the broken clause.
    """

    code = "G004"
    name = "broken-clause"
    family_cost = 3.0
    category = "garble"
    severity = "warning"
    fix_priority = 40

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        an = analyse(doc)
        imperative_paras: dict[int, int] = {}
        instructions: bool | None = None
        for info in map(an.sentences.__getitem__, broken_clause_sentences(doc, an, DANGLING_END)):  # (the others fail the first tests)
            s = info.sent
            ws = info.words
            if not ws or info.headline:
                continue
            # (a) a dangling function word before the full stop (the tests are free of side
            # effects, so the cheap word test comes first and the text is stripped after it)
            last = ws[-1]
            low = last.text
            if low in DANGLING_END and len(ws) > 2 and not (low == "of" and (ws[-2].text.casefold() in _HEDGES or _stranded_of(ws, text))):
                body = s.text.rstrip(_CLOSE_TRAIL)
                if (
                    body.endswith(".")
                    and not body.endswith(("..", "\u2026"))
                    and last.end == s.start + len(body) - 1
                    and not (last.start > 0 and text[last.start - 1] == ".")
                ):
                    yield self.finding(
                        doc,
                        last.start,
                        last.end + 1,
                        f"sentence ends on '{low}': the clause is cut off",
                        [],
                        confidence=0.5 if low == "because" else 0.75,  # "just because." is colloquial
                    )
                    continue
            # (b) a subjectless clause split from the sentence before
            if info.para_len < 2 or info.index_in_para == 0 or info.in_quote or info.list_item:
                continue
            if len(ws) < 3 or s.text[:1] in "\"'\u201c\u2018(":
                continue
            first, second = ws[0], ws[1]
            # (a bare verb first, the rarest, tested first: the tests are free of side effects)
            low = first.text.casefold()
            if low not in VERB_BASES or low in _READER_IMPERATIVES:
                continue  # (a call to action: "Read the original report.", "See the notes for details.")
            if not is_titlecase(first.text) or first.start != s.start:
                continue
            if not s.text.rstrip(_CLOSE_TRAIL).endswith("."):
                continue
            if text[first.end : second.start].strip():
                continue
            if doc.source[first.end : second.start].strip():
                continue  # the verb's object is blanked code or a link: "See `tool` for ..."
            if second.text.casefold() not in PREPOSITIONS and second.text.casefold() not in ARTICLES_AND_POSSESSIVES:
                continue
            if _has_verb(ws[1:]):
                continue
            if any(ch in s.text for ch in "\u201c\u201d\""):
                continue
            if imperative_paras.setdefault(s.paragraph, _imperatives(an, info)) >= 2:
                continue  # instructions or a recipe: "Add the flour. Stir for a minute."
            if instructions is None:
                instructions = _instructional(an)
            if instructions:
                continue  # reference prose speaks in imperatives: "See the manual for details."
            yield self.finding(
                doc,
                s.start,
                s.end,
                f"clause without a subject or verb split off the sentence before: '{s.text}'",
                [],
                confidence=0.6,
            )


def _imperatives(an, info) -> int:
    """How many sentences of the paragraph open with a bare verb?"""
    i = info.global_index - info.index_in_para
    n = 0
    for other in an.sentences[i : i + info.para_len]:
        if other.words and is_titlecase(other.words[0].text) and other.words[0].text.casefold() in VERB_BASES:
            n += 1
    return n


def _instructional(an) -> bool:
    """Is the document written as instructions (manuals, how-tos, reference pages)? Five
    sentences or more, and one in ten at least, open with a bare verb."""
    n = 0
    for other in an.sentences:
        ws = other.words
        if ws and ws[0].text.casefold() in VERB_BASES and ws[0].start == other.sent.start and is_titlecase(ws[0].text):
            n += 1
    return n >= 5 and n * 10 >= len(an.sentences)


_LONE_OPEN_QUOTE = lazy_re(r"(?<=[.!?\u2026,\u201d\"'\u2019])[ \t]+[\u201c\u2018\"]$")
# arrows, symbols and emoji (with a variation selector or joiner) at the end of a text
_EMOJI_END = lazy_re("[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*$")
_OPEN_QUOTE_GLYPHS = "\u201c\u2018\""


# the label of a numbered heading line: "Section 4.", "Article 12a.", "Chapter IV.", "2.", "3.1."
_HEADING_LABEL = lazy_re(r"^(?:[A-Z][a-z]{1,12}\s+)?(?:\d+(?:\.\d+)*[a-z]?|[IVXLC]+)\.$")


class OrphanTail(Rule):
    """What it flags: orphan words or an unfinished quotation tail after a paragraph's last full sentence ("Work is under way. “").

    Why: scrapers and paraphrasers cut paragraphs at a quotation boundary or leave a few
    words of the next sentence behind; the paragraph then ends on an opening quotation mark
    or on a scrap with no closing punctuation.

    Example: "Work is under way. “" -> "Work is under way."

    Fix: suggests deleting the tail. Unsafe: the tail may be the start of text that was lost.
    """

    code = "G005"
    name = "orphan-tail"
    family_cost = 3.0
    category = "garble"
    severity = "warning"
    fix_priority = 40

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        # (each paragraph's sentences, but those of a paragraph that ends on a sentence's stop)
        for infos in open_end_paragraphs(doc, analyse(doc)):
            para = doc.paragraphs[infos[0].sent.paragraph]
            # an opening quotation mark alone at the end of the paragraph (the regex can only
            # match a paragraph that ends on the mark: only those are searched)
            m = _LONE_OPEN_QUOTE.search(para.text) if para.text.rstrip("\n")[-1:] in _OPEN_QUOTE_GLYPHS else None
            if m is not None and (not para.text.endswith('"') or para.text.count('"') % 2 == 1):
                yield self.finding(
                    doc,
                    para.start + m.start(),
                    para.end,
                    "unfinished quotation: the paragraph ends on an opening quotation mark",
                    [("", False)],
                    confidence=0.8,
                )
                continue
            if len(infos) < 2 or infos[0].headline:
                continue
            last, prev = infos[-1], infos[-2]
            if not last.words or ends_terminal(last.sent.text):
                continue
            if not ends_terminal(prev.sent.text):
                continue
            if len(last.words) > 4 or last.list_item or _has_verb(last.words):
                continue  # a sentence that only lacks its full stop is a punctuation matter
            if any(ch.isdigit() for ch in last.sent.text):
                continue  # "Photo: 2024", scores, dates
            if _EMOJI_END.search(last.sent.text):
                continue  # an emoji closes it, as a full stop would: "More photos below 👇"
            if len(infos) == 2 and _HEADING_LABEL.match(prev.sent.text) and "\n" not in para.text.strip():
                continue  # a numbered heading: "Section 4. Responsible officer", "2. Methods"
            if last.sent.text[:1] in "([#*>|\u2014\u2013-" or not any(w.text.islower() for w in last.words):
                continue  # a credit, a sign-off or a note: "(Reuters)", "\u2014 Jane Doe"
            if doc.masks and blanked_after(doc, last.sent.end):
                continue  # "For example," over an example, "Same as -Cfr": the words lead into code or a table
            yield self.finding(
                doc,
                last.sent.start,
                last.sent.end,
                f"orphan words after the paragraph's last sentence: '{last.sent.text}'",
                [("", False)],
                confidence=0.6,
            )
