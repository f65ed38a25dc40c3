"""Shared sentence analysis for the G rules: words per sentence, quotation state, headline
lines and the document's own capitalisation habits. Computed once per Document.

Not a rule module (the leading underscore keeps :func:`load_rules` from importing it as one).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress, filterfalse, repeat
from operator import itemgetter, le, lt, methodcaller
from typing import TYPE_CHECKING, Iterable, Mapping, NamedTuple, Sequence

from ..lint.wordlists import word_list, word_set
from ..lint.lazyre import lazy_re
from ..lint._records import FACTORY, record

if TYPE_CHECKING:  # pragma: no cover
    from ..lint.document import Document, Sentence, Token

# ----------------------------------------------------------------- word classes
DETERMINERS = word_set("determiners")
ARTICLES_AND_POSSESSIVES = word_set("articles-and-possessives")
PREPOSITIONS = word_set("prepositions")
CONJUNCTIONS = word_set("conjunctions")
PRONOUNS = word_set("pronouns")
AUXILIARIES = word_set("auxiliaries")
# Closed-class words: capitalised mid-sentence they are never names.
CLOSED_CLASS = word_set("closed-class-words")
# Common verbs, base forms; inflected forms are generated below. Used only as a hint that a
# sentence has a verb (the G rules never decide on one word alone).
_VERB_BASES = word_list("verb-bases")
_IRREGULAR = word_list("irregular-verb-forms")


def _inflect(base: str) -> list[str]:
    forms = [base]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(base + "es")
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms.append(base[:-1] + "ies")
    else:
        forms.append(base + "s")
    return forms


VERB_BASES = frozenset(_VERB_BASES)
VERB_FORMS = frozenset(f for b in _VERB_BASES for f in _inflect(b)) | frozenset(_IRREGULAR) | AUXILIARIES

TERMINAL = lazy_re(r"[.!?\u2026:;][\"'\u201d\u2019)\]\u00bb]*$")
_LIST_MARKER_BODY = r"(?:[-*\u2022\u00b7\u2013\u25aa\u25cf>]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivx]{1,4}[.)])[ \t]+"
_LIST_MARKER_PATTERN = r"[ \t]*" + _LIST_MARKER_BODY
_LIST_MARKER = lazy_re(_LIST_MARKER_PATTERN)


def is_titlecase(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].islower()


def is_capitalised(w: str) -> bool:
    return w[:1].isupper()


def verb_like(low: str) -> bool:
    """Could this lower-case word be a finite or participle verb?"""
    if low in VERB_FORMS:
        return True
    if low.endswith(("n't", "n\u2019t")):
        return True
    if len(low) >= 5 and (low.endswith("ed") or low.endswith("ing")):
        return True
    if low.endswith(("'s", "\u2019s", "'re", "\u2019re", "'ve", "\u2019ve", "'ll", "\u2019ll", "'d", "\u2019d", "'m", "\u2019m")):
        head = low.split("'")[0].split("\u2019")[0]
        return head in PRONOUNS or head in ("that", "there", "here", "what", "who", "it", "let")
    return False


class SentInfo(NamedTuple):
    """A sentence with its words and context (a named tuple: the analysis makes one per
    sentence in C)."""

    sent: "Sentence"
    words: list  # list[Token]
    index_in_para: int
    para_len: int
    in_quote: bool  # the sentence starts inside an open quotation
    headline: bool  # the paragraph looks like a title, caption or heading line
    list_item: bool  # the sentence starts a list item
    global_index: int  # position in Analysis.sentences
    title_case: bool = False  # a headline line written in title case ("Council Approves Budget")


@record(
    ("sentences", "lower_mid", "cap_isolated", "cap_in_name", "cap_name_last", "cap_mid_sentence", "cap_mid_word", "cap_mid_low", "headlines", "first_word", "after_word"),
)
class Analysis:
    sentences: list[SentInfo]
    #: casefolded word -> count of lower-case uses mid-sentence, for the words the G rules ask
    #: about, counted up to what they need: at least 1 when there is one, and at least the
    #: word's capitalised uses mid-sentence (cap_in_name + cap_isolated) when those are three or
    #: more and there are as many lower-case ones (exact below that); see _lower_mid
    lower_mid: dict[str, int]
    #: casefolded word -> count of isolated capitalised uses mid-sentence (no capitalised neighbour)
    cap_isolated: dict[str, int]
    #: casefolded word -> count of capitalised uses next to another capitalised word (names)
    cap_in_name: dict[str, int]
    #: casefolded word -> count of uses as the last word of a capitalised run ("Theresa May")
    cap_name_last: dict[str, int]
    #: every title-case word mid-sentence (mid_sentence_context) in the sentences of
    #: non-headline paragraphs, in text order, as its sentence's index in ``sentences`` and its
    #: index in that sentence's words (two lists of ints: no tuple per word for the collector
    #: to track): G002's candidates
    cap_mid_sentence: list[int]
    cap_mid_word: list[int]
    #: each of those words casefolded (parallel to cap_mid_sentence)
    cap_mid_low: list[str]
    #: the indexes in ``sentences`` of the headline sentences, in text order
    headlines: list[int]
    #: each sentence's first word, as its index in ``Document.words`` (a sentence's words are
    #: ``doc.words[first_word[g] : first_word[g] + len(sentences[g].words)]``)
    first_word: list[int]
    #: the index in ``Document.words`` after each sentence's last word (``first_word[g] +
    #: len(sentences[g].words)``)
    after_word: list[int]

    def __init__(
        self,
        sentences: list[SentInfo] = FACTORY,
        lower_mid: dict[str, int] = FACTORY,
        cap_isolated: dict[str, int] = FACTORY,
        cap_in_name: dict[str, int] = FACTORY,
        cap_name_last: dict[str, int] = FACTORY,
        cap_mid_sentence: list[int] = FACTORY,
        cap_mid_word: list[int] = FACTORY,
        cap_mid_low: list[str] = FACTORY,
        headlines: list[int] = FACTORY,
        first_word: list[int] = FACTORY,
        after_word: list[int] = FACTORY,
    ) -> None:
        self.sentences = [] if sentences is FACTORY else sentences
        self.lower_mid = {} if lower_mid is FACTORY else lower_mid
        self.cap_isolated = {} if cap_isolated is FACTORY else cap_isolated
        self.cap_in_name = {} if cap_in_name is FACTORY else cap_in_name
        self.cap_name_last = {} if cap_name_last is FACTORY else cap_name_last
        self.cap_mid_sentence = [] if cap_mid_sentence is FACTORY else cap_mid_sentence
        self.cap_mid_word = [] if cap_mid_word is FACTORY else cap_mid_word
        self.cap_mid_low = [] if cap_mid_low is FACTORY else cap_mid_low
        self.headlines = [] if headlines is FACTORY else headlines
        self.first_word = [] if first_word is FACTORY else first_word
        self.after_word = [] if after_word is FACTORY else after_word


def _headline(words: list, text: str, n_sentences: int) -> bool:
    """A title, caption or heading line: one sentence, and either no closing punctuation or
    mostly capitalised content words."""
    if n_sentences > 1:
        return False
    if not ends_terminal(text.rstrip()):
        return True
    # (counted only when needed, in one pass: content words, and how many are capitalised;
    # left as soon as a content word not capitalised makes three quarters out of reach, even
    # with every word after it a capitalised content word: a sentence of running text is
    # settled within its first few content words)
    content = caps = 0
    left = len(words)
    for w in words:
        left -= 1
        t = w.text
        if len(t) > 3 and t[0].isalpha():
            content += 1
            if t[0].isupper():
                caps += 1
            elif 4 * caps - 3 * content + left < 0:
                return False
    return caps >= 3 and caps >= 0.75 * content


_TERMINAL_CLOSERS = "\"'\u201d\u2019)]\u00bb"


def ends_terminal(t: str) -> bool:
    """``TERMINAL.search(t) is not None``, from the end of ``t`` instead of trying the regex at
    every position: the closing marks stripped, the last character must end a sentence (``$``
    also matches before a final newline, hence the second test)."""
    u = t.rstrip(_TERMINAL_CLOSERS)
    if u and u[-1] in ".!?\u2026:;":
        return True
    if t.endswith("\n"):
        u = t[:-1].rstrip(_TERMINAL_CLOSERS)
        return bool(u) and u[-1] in ".!?\u2026:;"
    return False


def _title_case(words: list) -> bool:
    """Are the content words after the first mostly capitalised? (Counted in one loop, no
    list of them.)"""
    content = caps = 0
    for w in words[1:]:
        t = w.text
        if len(t) > 3 and t.isalpha():
            content += 1
            caps += t[0].isupper()  # (is_capitalised)
    return not content or caps >= 0.4 * content


def mid_sentence_context(text: str, sent_start: int, w: "Token", first: bool) -> bool:
    """True when ``w`` sits mid-sentence in running text: not first, not after an opening
    quote or bracket, a colon, a dash, a list marker or a line break."""
    if first:
        return False
    i = w.start - 1
    while i >= sent_start and text[i] in " \t\u00a0":
        i -= 1
    if i < sent_start:
        return False
    c = text[i]
    if c == "_":  # plain text's emphasis: "‘_If_ I marry’" opens its quotation with "If"
        while i > sent_start and text[i - 1] == "_":
            i -= 1
        return not (i > sent_start and text[i - 1] in "\u201c\u2018\"'(\u00ab[")
    if c in "\u201c\u2018\"'(\u00ab[{:;\u2014\u2013-|/\n\r*\u2022>#=":
        return False
    if c in ".!?\u2026":  # after an abbreviation or inner sentence end
        return False
    return True


def english_share(doc: "Document") -> float:
    """The share of lower-case words the English lexicon knows (about 0.95 in English prose,
    under 0.6 in French or German)."""
    return doc.memo("sentences.english-share", lambda: _english_share(doc))


def _english_share(doc: "Document") -> float:
    from ..lint.lexicon import counts_for, member_test

    freqs = counts_for(len(doc.words))
    # each distinct word once, with its count (Counter counts in C), the words picked out by
    # C-level filters (lower case, letters only, two or more of them): the same sums as a
    # test of every word in turn
    counts = doc.word_counts
    lower = list(filter(str.isalpha, filter(str.islower, counts)))
    counted = list(compress(lower, map((1).__lt__, map(len, lower))))
    total = sum(map(counts.__getitem__, counted))
    known = sum(map(counts.__getitem__, filter(member_test(freqs), counted)))
    return known / total if total else 1.0


FUNCTION_WORDS = word_set("function-words")
# Under both shares a document is not English. German, Italian, Portuguese, Indonesian or
# Russian prose gives 0-12% English function words among its words and an English share
# (english_share) of 0.0-0.43; English prose 40-55% and 0.75 or more. The worst OCR-damaged
# English newspaper pages of BLN600 keep 15% function words or more (while their share falls to
# 0.42). 0.45 is the share under which G002 and U001 already call a text not English.
_FOREIGN_SHARE = 0.45
_FOREIGN_FUNCTION_SHARE = 0.13
_FOREIGN_MIN_WORDS = 12  # fewer words (a line, a title) tell nothing
_FOREIGN_SAMPLE = 1000  # words read first: English text answers here, without the lexicon


def foreign_document(doc: "Document") -> bool:
    """Whether the document as a whole is written in another language than English.

    The English-language rules (sentence grammar, names, quotation conventions, repeated words,
    spacing before punctuation) stand down there: their evidence is English grammar and
    typography, and another language's conventions (German capitalised nouns, reduplicated
    Indonesian words, French spaces before colons, Korean quotation marks) look like damage to
    them. Decided from the share of English function words, first among the first thousand words
    (English answers there, at the cost of a thousand set lookups), then among all; only a
    text with few of them is looked up in the lexicon (english_share).
    """
    return doc.memo("sentences.foreign", lambda: _foreign_document(doc))


def _few_function_words(counts: "Mapping[str, int]") -> bool:
    """Few English function words among the words counted in ``counts`` (word text -> uses):
    each distinct word looked at once, by C-level filters (the same sums as a walk over every
    word)."""
    alpha = list(filter(str.isalpha, counts))
    total = sum(map(counts.__getitem__, alpha))
    if total < _FOREIGN_MIN_WORDS:
        return False
    function = sum(map(counts.__getitem__, compress(alpha, map(FUNCTION_WORDS.__contains__, map(str.lower, alpha)))))
    return function < _FOREIGN_FUNCTION_SHARE * total


def _foreign_document(doc: "Document") -> bool:
    counts = doc.word_counts
    n = len(doc.words)
    if n > _FOREIGN_SAMPLE:
        if not _few_function_words(Counter(doc.word_texts[:_FOREIGN_SAMPLE])):
            return False
    # (the uses of a few common function words alone are enough in most English texts: they
    # are among the function words _few_function_words counts, and the words it counts are at
    # most all the words, so it would answer "not few")
    if sum(map(counts.get, _COMMON_FUNCTION_TEXTS, repeat(0))) >= _FOREIGN_FUNCTION_SHARE * n:
        return False
    if not _few_function_words(counts):
        return False
    return english_share(doc) < _FOREIGN_SHARE


#: common English function words as texts write them (each all letters, and in FUNCTION_WORDS
#: in lower case): a lower bound on _few_function_words' count of function words
_COMMON_FUNCTION_TEXTS = tuple(
    t
    for t in "the The of to and a A in that is was for".split()
    if t.isalpha() and t.lower() in FUNCTION_WORDS
)


_COMMON_WORDS = lazy_re(
    r"\b(?:the|and|of|to|is|was|for|that|with|on|at|by|from|it|he|she|his|her|a|said|will|has|have|be|are|were)\b",
    re.I,
)
_ANY_WORD = lazy_re(r"\b[^\W\d_]+")
_ENGLISH_SAMPLE = 10_000  # characters: enough to tell the language, and cheap on a long file


def mostly_english(doc: "Document") -> bool:
    """Most of the document is English: its commonest function words make an eighth of the
    words of its first 10,000 characters (English has about a quarter; German, Indonesian or
    Spanish a few in a hundred).

    (N005 and the clause rules G008-G010 ask it; foreign_document is the broader test the
    other English-language rules use.)"""
    return doc.memo("sentences.mostly-english", lambda: _mostly_english(doc.text[:_ENGLISH_SAMPLE]))


def _mostly_english(sample: str) -> bool:
    n = len(_ANY_WORD.findall(sample))
    return n > 0 and len(_COMMON_WORDS.findall(sample)) >= 0.125 * n


# what mid_sentence_context skips back over, and the characters before a word that end "mid-sentence"
_BLANKS = frozenset(" \t\u00a0")
_NOT_MID = frozenset("\u201c\u2018\"'(\u00ab[{:;\u2014\u2013-|/\n\r*\u2022>#=" ".!?\u2026")


def _quote_open_after(t: str, quote_open: bool) -> bool:
    """The double-quote state after reading ``t``: an opening curly quote opens, a closing one
    closes, a straight one toggles. Only the last curly quote and the straight quotes after it
    matter, so ``rfind`` and ``count`` answer it without a Python loop over every character."""
    p_open, p_close = t.rfind("\u201c"), t.rfind("\u201d")
    p = max(p_open, p_close)
    if p >= 0:
        quote_open = p == p_open
    if t.count('"', p + 1) & 1:
        quote_open = not quote_open
    return quote_open


def analyse(doc: "Document") -> Analysis:
    """The sentences with their words and context, and the document's capitalisation habits.

    Speed notes (the findings on generated texts are in the golden snapshot,
    ``tests/corpus/golden/generated.txt``; _analyse says how it is built): the quote state is
    found per sentence with ``rfind``/``count`` (_quote_open_after); the word loops visit only
    the title-case words and the lower-case forms of those asked of ``lower_mid``, and
    mid_sentence_context is inlined for words after the first of their sentence, where the
    scan back over blanks always stops at the word before, inside the sentence.
    """
    return doc.memo("sentences.analysis", lambda: _analyse(doc))


def _analyse(doc: "Document") -> Analysis:
    """The sentences' facts and the capitalisation counts (see ``analyse``): bisections mapped
    over the sentences' starts and ends find their word ranges, the per-sentence facts are
    lists built in C (paragraph facts repeated over their sentences, the list-marker tests as
    mapped regex calls), and plain loops visit the few that need Python (one-sentence
    paragraphs for headlines, the sentences of paragraphs holding a double quotation mark)
    and the title-case and asked lower-case words, each matched to its sentence by walking
    the sentences along with them.
    (In 3.11 a plain loop that makes no object per word costs less than a chain of mapped
    calls that make a slice and a string per word.) tests/rules/test_sentence_analysis.py
    compares it with the walk over every sentence it replaced."""
    text = doc.text
    words = doc.words
    starts = doc.word_starts
    an = Analysis()
    paras = doc.paragraphs
    n_paras = len(paras)
    sizes = doc.paragraph_sizes
    sents = doc.sentences  # (the paragraphs' sentences in turn)
    n_sents = len(sents)
    # each sentence's words, words[a:b]: the first word starting at or after the sentence's
    # start and its end, each found by a bisection, mapped in C (a Python loop that narrowed
    # each bisection to the words after the sentence before cost more on short documents)
    s_starts = list(map(_START, sents))
    s_ends = list(map(_END, sents))
    first = doc.sentence_first_words  # (bisect_left over ``starts`` of each of s_starts; shared)
    # (in text order: each sentence starts at or after the end of the one before)
    ordered = all(map(le, s_ends, s_starts[1:]))
    if ordered and starts and n_sents and all(map(lt, map(starts.__getitem__, map(_MINUS_ONE, first[1:])), s_ends)):
        # a sentence's words end where the next sentence's begin: the word before the next
        # sentence's first starts before this sentence's end, so the bisection for this end
        # would find the same index (no word starts between the two: only white space parts
        # the sentences of Document.sentences). A long text's bisections for the ends cost as
        # much as those for the starts; these tests a third of that.
        after = first[1:]
        after.append(bisect_left(starts, s_ends[-1]))
    else:
        after = list(map(bisect_left, repeat(starts), s_ends))
    sent_words = list(map(words.__getitem__, map(slice, first, after)))
    an.first_word = first
    an.after_word = after
    offsets = list(accumulate(sizes, initial=0))  # each paragraph's first sentence
    # headlines: only a paragraph of one sentence can be one
    para_head = [False] * n_paras
    for pi in compress(range(n_paras), map((1).__eq__, sizes)):
        para_head[pi] = _headline(sent_words[offsets[pi]], paras[pi].text, 1)
    head = list(chain.from_iterable(map(repeat, para_head, sizes)))
    an.headlines = list(compress(range(n_sents), head))
    title_case = [False] * n_sents
    for g in an.headlines:
        title_case[g] = _title_case(sent_words[g])
    an.sentences = list(
        map(
            tuple.__new__,
            repeat(SentInfo),
            zip(
                sents,
                sent_words,
                chain.from_iterable(map(range, sizes)),
                chain.from_iterable(map(repeat, sizes, sizes)),
                # (a text without a double mark, opening or straight, opens no quotation)
                _quote_states(sents, paras, sizes, offsets) if '"' in text or "\u201c" in text else repeat(False),
                head,
                _list_items(doc, s_starts, sents, ordered),
                range(n_sents),
                title_case,
            ),
        )
    )
    # Only the title-case words can count as capitalised mid-sentence: their indexes, picked
    # out by C-level filters over each distinct word (is_titlecase), matched to their sentence
    # (g: the first whose words end after the word)
    texts = doc.word_texts
    counts = doc.word_counts
    # (is_titlecase(t) is t[0].isupper() and t[1:].islower(), tested in C)
    upper = list(compress(counts, map(str.isupper, map(itemgetter(0), counts))))
    title = list(compress(upper, map(str.islower, map(_AFTER_FIRST, upper))))
    # each title-case word's casefolded form, made once per distinct word (a long text
    # repeats its names thousands of times): one string, its hash kept, for every use
    title_words = dict(zip(title, map(str.casefold, title)))
    capital = set(upper)  # (the distinct words whose first character is upper case: is_capitalised)
    asked: set[str] = set()  # casefolded title-case words after a sentence's first word
    cap_in_name, cap_name_last, cap_isolated = an.cap_in_name, an.cap_name_last, an.cap_isolated
    cap_mid_sentence, cap_mid_word, cap_mid_low = an.cap_mid_sentence, an.cap_mid_word, an.cap_mid_low
    hits: Iterable[int] = compress(doc.word_indexes, map(title_words.__contains__, texts))
    if ordered:
        # (the loop below skips each sentence's first word, and the word after an empty
        # sentence, which is the first word of a sentence or outside the sentences: with the
        # sentences in text order, ``first`` and ``after`` never decrease, so these are the
        # words at ``first``, left out in C)
        hits = filterfalse(set(first).__contains__, hits)
    g = 0
    for p in hits:
        while g < n_sents and after[g] <= p:
            g += 1
        if g == n_sents or p <= first[g]:
            continue  # outside the sentences, or a sentence's first word
        if head[g]:
            asked.add(title_words[texts[p]])  # (G002 asks lower_mid of a headline's words too)
            continue
        # mid-sentence (mid_sentence_context): the last character before the word other than
        # blanks (the word before ends inside the sentence) is no opening mark, stop or line break
        w_start = starts[p]
        i = w_start - 1
        c = text[i]
        while c in _BLANKS:
            i -= 1
            c = text[i]
        if c in _NOT_MID:
            continue
        cap_mid_sentence.append(g)
        cap_mid_word.append(p - first[g])
        low = title_words[texts[p]]
        cap_mid_low.append(low)
        asked.add(low)
        # a capitalised word right before (white space between) or right after (white space,
        # "of" or "and" between, inside the sentence)
        # (is_capitalised by a set look-up; the gap before the word is all blanks when the
        # scan back over them stopped on the word before's last character)
        prev_cap = texts[p - 1] in capital and (i == words[p - 1][1] - 1 or not text[words[p - 1][1] : w_start].strip())
        next_cap = p + 1 < after[g] and texts[p + 1] in capital and text[words[p][1] : starts[p + 1]].strip() in _NAME_JOINS
        if prev_cap or next_cap:
            cap_in_name[low] = cap_in_name.get(low, 0) + 1
            if prev_cap and not next_cap:
                cap_name_last[low] = cap_name_last.get(low, 0) + 1
        else:
            cap_isolated[low] = cap_isolated.get(low, 0) + 1
    an.lower_mid = _lower_mid(text, starts, texts, counts, asked, first, after, head, cap_in_name, cap_isolated, ordered, doc.word_indexes)
    return an


_AFTER_FIRST = itemgetter(slice(1, None))
_MINUS_ONE = (-1).__add__
_START = itemgetter(0)
_END = itemgetter(1)
#: what may stand between a word and a capitalised word after it in a name ("Bank of England")
_NAME_JOINS = frozenset(("", "of", "and"))
#: a list marker that makes up all of a line before a sentence, found after a line break.
#: The line's leading blanks are taken all at once ("(?=(...))\1": an atomic group in
#: Python 3.10): the marker cannot start with a blank, so giving blanks back never finds a
#: match, and trying the marker after each number of them cost an indented line (a hard-wrapped
#: text's seven or fourteen spaces) as many tries.
_LIST_LINE = lazy_re("\n(?=([ \t]*))\\1" + _LIST_MARKER_BODY)


def _list_items(doc: "Document", s_starts: list[int], sents: "list[Sentence]", ordered: bool = False) -> list[bool]:
    """Does each sentence (``sents``, given by its start in ``s_starts`` too) start a list
    item: a list marker at its start, or (in the file's own text: Markdown's and reST's list
    markers are blanked) all of its line before it? (``ordered``: the starts never decrease.) The second test is
    ``_LIST_MARKER.fullmatch(source, line start, sentence start)``, asked of the few marker
    lines found in one search: a marker and its blanks are matched greedily, and a sentence
    starts on a character other than white space, so the line's match ends at the sentence's
    start or the marker is not all of the line before it.

    The first test is asked only of the sentences whose first two characters can open a
    marker (most sentences open with a capital and a lower-case letter: no marker opens so,
    see _may_open_marker)."""
    source = doc.source
    text = doc.text
    items = [False] * len(s_starts)
    maybe = _may_open_marker(sents)
    if maybe:
        for g in compress(maybe, map(_LIST_MARKER.match, repeat(text), map(s_starts.__getitem__, maybe))):
            items[g] = True
    m = _LIST_MARKER.match(source)
    ends = {m.end()} if m else set()
    ends.update(map(_match_end, _LIST_LINE.finditer(source)))
    if ordered:
        # (each marker line's end, few of them, matched to the sentences that start there by a
        # bisection over the starts, in text order: not a set look-up for every sentence)
        n = len(s_starts)
        for e in ends:
            g = bisect_left(s_starts, e)
            while g < n and s_starts[g] == e:
                items[g] = True
                g += 1
    else:
        for g in compress(range(len(s_starts)), map(ends.__contains__, s_starts)):
            items[g] = True
    return items


_match_end = methodcaller("end")


def _may_open_marker(sents: "list[Sentence]") -> list[int]:
    """The indexes of the sentences at whose start ``_LIST_MARKER`` may match, by their first
    two characters: not when both are letters, unless both are in lower case. A marker opens
    with a blank, a bullet, "(", a digit, or an ASCII letter before "." or ")" (one of "ivx"
    before another, for a Roman number): two letters open none but two of "ivx". (A sentence of
    one character, a letter, is followed by white space: no marker either.) One comprehension:
    the chain of six mapped calls it replaced cost more, 4.3 against 2.3 us for five sentences
    and 4.6 against 3.4 ms for 12,475."""
    return [g for g, s in enumerate(sents) if not (t := s[2][:2]).isalpha() or t.islower()]


def _quote_states(sents: list, paras: list, sizes: list[int], offsets: list[int]) -> list[bool]:
    """Does each sentence start inside an open double quotation (_quote_open_after, tracked
    through each paragraph)? Only the paragraphs of two sentences or more that hold an opening
    or a straight double mark are walked, and the state after a paragraph's last sentence is
    not needed."""
    states = [False] * len(sents)
    for pi, para in enumerate(paras):
        t = para.text
        if sizes[pi] < 2 or not ('"' in t or "\u201c" in t):
            # (a paragraph's first sentence starts outside a quotation, and only an opening
            # curly mark or a straight one can open one: no walk needed)
            continue
        quote_open = False
        for g in range(offsets[pi], offsets[pi] + sizes[pi] - 1):
            # (_quote_open_after inlined: the last curly mark decides, then the straight ones
            # after it toggle)
            t = sents[g][2]
            p = t.rfind("\u201c")
            p_close = t.rfind("\u201d")
            if p > p_close:
                quote_open = True
            elif p_close >= 0:
                quote_open = False
                p = p_close
            if t.count('"', p + 1) & 1:
                quote_open = not quote_open
            states[g + 1] = quote_open
    return states


def _lower_mid(
    text: str,
    starts: list[int],
    texts: list[str],
    counts: "Mapping[str, int]",
    asked: set[str],
    first: list[int],
    after: list[int],
    head: list[bool],
    cap_in_name: dict[str, int],
    cap_isolated: dict[str, int],
    ordered: bool = False,
    indexes: "Sequence[int] | None" = None,
) -> dict[str, int]:
    """``Analysis.lower_mid`` for the casefolded words in ``asked``: how often each is written
    in lower case mid-sentence (after the first word of a sentence outside a headline, not
    after an opening mark, a line break or a sentence end), counted up to what the G rules ask.

    The G rules ask lower_mid only of title-case words written after a sentence's first word
    (G002's candidates and defined terms), so the other lower-case words, most of a text, are
    not visited: their indexes are picked out by C-level filters over each distinct word. And
    they ask only whether a word has such a use, or (defined_terms) whether it has as many as
    its capitalised uses mid-sentence when these are three or more: a word's count stops there
    (a text stops being looked at once it has reached it), so "the" is not counted ten
    thousand times over in a long text. With the sentences in text order (``ordered``:
    ``after`` never decreases) a word's sentence is found by bisection, not by walking every
    sentence: the words visited are few. ``indexes``: the words' indexes to pick from
    (``Document.word_indexes``; else a ``range``)."""
    # the lower-case texts whose casefolded form is asked: an asked word itself (a casefolded
    # form is its own casefold), and a text outside ASCII whose casefold differs from it
    # ("stra\u00dfe" for "strasse"); an ASCII text in lower case is its own casefold. (Each
    # distinct word is not casefolded: in a run of small files there are many per word.)
    if not asked:
        return {}
    wanted = set(filter(str.islower, filter(counts.__contains__, asked)))
    if not text.isascii():  # (str.isascii answers at once; in an ASCII text every word is)
        for t in filterfalse(str.isascii, counts):
            if t.islower() and t.casefold() in asked:
                wanted.add(t)
    if not wanted:
        return {}
    got: dict[str, int] = {}  # (keys first seen in text order)
    n_sents = len(after)
    g = 0
    # (``map`` asks ``wanted`` of each word when it is reached: a word discarded from it is
    # no longer picked out)
    for p in compress(range(len(texts)) if indexes is None else indexes, map(wanted.__contains__, texts)):
        if g < n_sents and after[g] <= p:
            if ordered:
                g = bisect_right(after, p, g + 1)
            else:
                while g < n_sents and after[g] <= p:
                    g += 1
        if g == n_sents or p <= first[g] or head[g]:
            continue
        i = starts[p] - 1
        c = text[i]
        while c in _BLANKS:
            i -= 1
            c = text[i]
        if c not in _NOT_MID:
            t = texts[p]
            k = t.casefold()
            n = got[k] = got.get(k, 0) + 1
            limit = cap_in_name.get(k, 0) + cap_isolated.get(k, 0)
            if limit < 3 or n >= limit:
                wanted.discard(t)  # (another text of the same casefolded word counts on: more than enough)
    return got
