"""S: spelling — unknown lower-case words, with suggestions ranked by how people mistype.

The analysis is shared with the O (OCR) family in :mod:`garblint.rules._lexcheck`, which
decides which rule owns each suspicious token so that nothing is reported twice.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lint.rule import Rule
from ._lexcheck import analyse
from ._lexcheck import _foreign_word, _mode_for, at_sentence_start, code_like, md_code_spans
from ._variety import variety_of, variety_words
from ._tokenkinds import _PLAIN
from ._lexfacts import KIND, document_facts
from ._confused import confused_words
from ._sentences import foreign_document
from ._techterms import file_ending, short_name, technical_prose
from ._words import _known, document_contractions
from ._oldstyle import dialect_marks
from ._wordindex import word_positions
from ..lint import lexicon
from ..lint.lazyre import lazy_re
from ..lint.wordlists import word_list


class UnknownWord(Rule):
    """What it flags: a lower-case word that is not in the dictionary, the user's word lists or names lists, and that is close to a dictionary word ("recieve").

    Why: a misspelling is the commonest visible flaw of hand-typed and edited copy, and
    paraphrasing tools and careless re-keying add more. Capitalised words (names), acronyms,
    numbers, URLs, e-mail addresses, hashtags, code-like tokens and words of the configured
    names and word lists are never flagged; neither is a word the text uses three times or
    more (a term, not a slip), nor a paragraph that is mostly unknown words (another
    language, left to the U rules). In older writing or dialect (a document that often uses
    "thee", "'tis", "whilst", "upon", "to-morrow", or writes speech as "nothin'", "'em",
    "ain't") the unknown words are mostly period or dialect words
    ("bantling", "infantine"): they are reported at suggestion severity, except in
    ``mode = "ocr"`` or where S/O findings pass 10 per 1,000 words (OCR damage). In technical
    prose (manuals, READMEs) a short word that no typing slip makes of a common word ("stdin",
    "utmp") and a file's ending after its dot (".bak") are mostly names: suggestion severity too.

    Example: "the council will recieve the report" -> "the council will receive the report".

    Fix: offers up to five dictionary words ranked as a noisy channel: a weighted edit
    distance (keyboard slips, swapped, doubled and dropped letters and letters of one sound
    cost less, a word spelt as it sounds less again, a changed first letter more; OCR
    look-alikes cost less in ``mode = "ocr"``), the word's frequency and how well
    it fits the words before and after ("a grat day" -> "great"). When no candidate clearly
    wins, the finding says "unknown word" without a guess. Unsafe: it changes a word, and
    the unknown word may be a correct term the dictionary lacks (add it to a ``words`` list).
    """

    code = "S001"
    name = "unknown-word"
    family = "O"  # shares the lexicon pass with the O rules
    family_cost = 4.0
    category = "spelling"
    severity = "warning"
    fix_priority = 60

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        found = analyse(doc, config)
        issues = found["S001"]
        # old writing or dialect: its unknown words are mostly period words, reported below
        # warning; unless they are too many for period words (more than 10 S/O findings per
        # 1,000 words: OCR damage, as in digitised 19th-century newspapers)
        severity = None
        if issues and period_document(doc, config):
            damage = sum(map(len, found.values()))
            if damage * 100 <= len(doc.word_texts):
                severity = "suggestion"
        # technical prose: a short word no typing slip makes of a common word ("stdin", "awk",
        # "utmp") is mostly a name made short, and a file's ending after its dot (".bak") is one
        # (unless the other S/O findings pass 10 per 1,000 words: OCR damage)
        text = doc.text
        named: set[int] = set()
        if severity is None and issues and _mode_for(doc, config) != "ocr" and technical_prose(doc):
            named = {i.start for i in issues if short_name(text[i.start : i.end]) or file_ending(text, i.start)}
            if (sum(map(len, found.values())) - len(named)) * 100 > len(doc.word_texts):
                named = set()
        for i in issues:
            sev = "suggestion" if i.start in named else severity
            yield self.finding(doc, i.start, i.end, i.message, i.suggestions, confidence=i.confidence, severity=sev)


def period_document(doc, config) -> bool:
    """Whether ``doc`` reads as older English prose or dialect (300 words or more, with at least
    three uses, and one per 1,000 words, of function words and spellings modern prose hardly
    uses: "thee", "'tis", "whilst", "upon", "to-morrow"; rules/data/period-markers.txt; and of
    speech in eye dialect: "nothin'", "'em", "ain't", ``_oldstyle.dialect_marks``). Clean
    modern documentation, licences and news stay below (none of the clean corpus's md, rst,
    tech, legal or news files writes more than two); 19th-century fiction and newspapers reach
    it. Never in ``mode = "ocr"``: a digitised old text is expected there and its unknown
    words are mostly OCR damage."""
    if _mode_for(doc, config) == "ocr":
        return False
    n = len(doc.word_texts)
    if n < 300:
        return False
    counts = doc.word_counts
    k = 0
    for w in _period_markers():
        k += counts.get(w, 0) + counts.get(w.capitalize(), 0)
    if k < 3 or k * PERIOD_DENSITY < n:
        # speech in eye dialect counts too: dropped letters marked ("nothin'", "'em"), "ain't"
        k += dialect_marks(doc)
    return k >= 3 and k * PERIOD_DENSITY >= n


#: a period document uses its markers at least once per this many words
PERIOD_DENSITY = 1000


@lru_cache(maxsize=1)
def _period_markers() -> tuple[str, ...]:
    return tuple(sorted(word_list("period-markers")))


class BrokenContraction(Rule):
    """What it flags: a contraction split by a space or a line break: "isn ‘t", "don 't", "it' s", "is n't", "wasn'" at a line end with "t" on the next.

    Why: scrapers that turn curly apostrophes into spaced quotes, OCR that reads a gap around
    the apostrophe, and tokenisers that write "do n't" leave contractions in two pieces; a
    reader stumbles, and a spell checker sees "isn" and "t" as unknown words. Only endings
    that follow the words they contract are joined ("it 's" but not "the dog 's"); a quoted
    word ("'tis", "rock 'n' roll") is not a contraction of this kind.

    Example: "It isn ‘t clear why they don 't agree." -> "It isn’t clear why they don't agree."

    Fix: joins the pieces (a left quotation mark used as the apostrophe becomes ’). Safe:
    only the spaces around the apostrophe go.
    """

    code = "S002"
    name = "broken-contraction"
    category = "spelling"
    severity = "warning"
    fix_priority = 58

    def check(self, doc, config):
        text = doc.text
        for a, b, joined in document_contractions(doc):
            yield self.finding(doc, a, b, f"broken contraction: '{text[a:b]}' reads as '{joined}'",
                               [(joined, True)], confidence=0.85)


#: a lower-case form this common (wordfreq Zipf), or one the curated lists know, is an
#: ordinary word too ("bill", "rose", "theater"), not a name written small
_COMMON_WORD_ZIPF = 3.0
_LATIN_WORD = lazy_re("^[a-z\u00df-\u00f6\u00f8-\u024f]+$")
_NEAR_CODE = set("`'\"/\\._-=<>[]{}()@#$%:")


class LowercaseName(Rule):
    """What it flags: a name written in lower case mid-sentence when the same document writes it capitalised as a name at least twice ("met ngubane" beside "Ngubane" elsewhere).

    Why: scraping, OCR and machine translation lose capitals; a name in lower case reads as a
    slip and is missed by searches for the name. The document's own usage decides: the word
    must be capitalised at least twice away from a sentence start and written small only
    once. Ordinary words that are also names ("bill", "rose"), words in code or quotes,
    and the entries of the names lists are left alone.

    Example: "Ngubane spoke first. Later ngubane said Ngubane would run." -> "Later Ngubane said ...".

    Fix: suggests the capitalised form. Unsafe: the small form may be deliberate (a brand,
    a quoted handle).
    """

    code = "S003"
    name = "lower-case-name"
    category = "spelling"
    severity = "warning"
    fix_priority = 62

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        candidates = _name_candidates(doc)
        if not candidates:
            return
        vocab = config.vocabulary if (config["names"] or config["words"]) else None
        for low in candidates:
            if not _LATIN_WORD.match(low):
                continue
            z = lexicon.zipf(low)
            if _known(low) or z >= _COMMON_WORD_ZIPF:
                continue  # an ordinary word that is also a name ("bill", "theater")
            if _foreign_word(low, z):
                continue  # a German noun ("Daten" / "daten"), a word of another language
            if vocab is not None and vocab.accepts(low):
                continue
            cap = low[0].upper() + low[1:]
            spots = _word_spans(text, cap)
            if sum(1 for a, _ in spots if not at_sentence_start(text, a)) < 2:
                continue  # capitalised only where every word is (sentence starts)
            first = _word_spans(text, low, 1)
            if not first:  # pragma: no cover - the word came from the text
                continue
            a, b = first[0]
            if (a > 0 and text[a - 1] in _NEAR_CODE) or (b < len(text) and text[b] in _NEAR_CODE and text[b] not in ".-:)"):
                continue
            if at_sentence_start(text, a) or code_like(text, a, b):
                continue
            yield self.finding(doc, a, b, f"'{low}' is written '{cap}' as a name elsewhere in this text",
                               [(cap, False)], confidence=0.7)


def _name_candidates(doc) -> list[str]:
    """S003's candidates: lower-case words used once that no list has, whose capitalised form
    the text uses at least twice (few: the positions are looked at only for them). The words
    of letters the lexicon lacks are the _PLAIN ones among the document's few words with a fact
    (``_lexfacts``), in the order of ``Document.word_counts``."""
    uses = doc.word_counts  # each distinct word's uses, counted in C
    return [w for w, b in document_facts(doc).items() if b & KIND == _PLAIN and w.islower() and uses[w] == 1
            and len(w) >= 3 and uses.get(w[0].upper() + w[1:], 0) >= 2]


_WORD_CHAR = lazy_re(r"\w")


def _word_spans(text: str, word: str, limit: int = 0) -> list[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)`` for a word of
    letters (the first ``limit`` of them, if given): its occurrences found from its letters (a
    pattern that opens with a look-behind is tried at every position of the text), then the
    character before each tested (two such matches of a word of letters cannot overlap)."""
    out = []
    for m in re.finditer(re.escape(word) + r"(?!\w)", text):
        p = m.start()
        if p == 0 or not _WORD_CHAR.match(text, p - 1):
            out.append(m.span())
            if len(out) == limit:
                break
    return out


_VARIETY_NAME = {"US": "American", "GB": "British"}


class OtherVariety(Rule):
    """What it flags: with `spelling = "en-US"` or `"en-GB"`, a word spelt the other variety's way ("colour" in an en-US text, "center" in an en-GB one); with the default `"any"`, the words of the rarer variety in a text that mixes both.

    Why: house style picks one variety, and copy assembled from several sources (or a
    translation tool trained on both) mixes them. Both varieties are correct English, so
    by default only a text that uses both is flagged, at suggestion severity; -ize is not
    counted as American (Oxford spelling uses it). Capitalised words (names such as
    "Labor Party", "Lincoln Center") and words of the names and word lists are left alone.

    Example: with ``spelling = "en-US"``: "the colour of the centre" -> "the color of the center".

    Fix: suggests the other variety's form. Unsafe: a quotation may keep its own spelling.
    """

    code = "S004"
    name = "other-variety"
    category = "spelling"
    severity = "warning"
    fix_priority = 64

    def check(self, doc, config):
        want = config["spelling"]
        vocab = config.vocabulary if (config["names"] or config["words"]) else None
        words = doc.words
        marked = {}
        # each distinct word once, and only those with one of the spelling-pair endings (the
        # others have no variety), picked out by set operations on the words met so far
        # (``marked`` is only looked up: the order of its words does not matter)
        for w in variety_words(doc):
            v = variety_of(w)
            if v is not None and not (vocab is not None and vocab.accepts(w)):
                marked[w] = v
        if not marked:
            return
        severity = None
        if want in ("en-US", "en-GB"):
            kind = "GB" if want == "en-US" else "US"
            why = f"{_VARIETY_NAME[kind]} spelling in an {want} text"
        else:
            # each variety's uses, from the words' counts: a text in one variety (most) is
            # done without looking for where its marked words stand
            counts = doc.word_counts
            us = sum(counts[w] for w, v in marked.items() if v[0] == "US")
            gb = sum(counts[w] for w, v in marked.items() if v[0] == "GB")
            if not us or not gb or us == gb:
                return
            kind = "GB" if gb < us else "US"
            major = "American" if kind == "GB" else "British"
            why = f"{_VARIETY_NAME[kind]} spelling in a text mostly in {major} spelling"
            severity = "suggestion"
        wanted = {w: v for w, v in marked.items() if v[0] == kind}  # (the words of the flagged variety)
        if not wanted:
            return
        flagged = [(words[i], *wanted[words[i].text]) for i in word_positions(doc, wanted)]
        for t, _, other in flagged:
            yield self.finding(doc, t.start, t.end, f"{why}: '{t.text}' -> '{other}'", [(other, False)],
                               confidence=0.8 if severity is None else 0.5, severity=severity)


class ConfusedWord(Rule):
    """What it flags: a real word where the grammar around it decides another was meant: "then" after a comparative with no clause after it ("more then others"), "loosing"/"loose" where a verb of losing stands, "their is", "there own", a past form right after a modal ("could lost").

    Why: a spell checker passes these, since each is a word, yet they are among the commonest
    slips of hand-typed text and of learners. Only places the neighbouring words decide are
    flagged: "if it gets worse then we stop" (a clause follows "then"), "his will left" (a
    noun "will") and "they may fell trees" (a verb of its own, "felled") are left alone.

    Example: "They could lost much more then others." -> "They could lose much more than others."

    Fix: suggests the word meant. Unsafe: the sentence may need more than this word changed.
    """

    code = "S005"
    name = "confused-word"
    category = "spelling"
    severity = "warning"
    fix_priority = 61

    def check(self, doc, config):
        if foreign_document(doc):
            return
        found = list(confused_words(doc))
        if not found:
            return
        code = md_code_spans(doc)
        vocab = config.vocabulary if (config["names"] or config["words"]) else None
        for a, b, meant, why in found:
            if any(x <= a < y for x, y in code):
                continue  # markdown code: "`more then`" cited, not written
            if vocab is not None and vocab.accepts(doc.text[a:b]):
                continue
            yield self.finding(doc, a, b, f"confused word: {why}", [(meant, False)], confidence=0.6)
