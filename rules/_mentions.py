"""Name mentions: the runs of capitalised tokens that name someone or something.

A *mention* is a run of capitalised tokens that names someone or something ("Ada Quell",
"Quell’s", "von der Aa", "Al-Nour", "J. R. Mott"), with any title in front of it ("Defense
Minister", "Maj. Gen.") kept apart. :mod:`._entities` groups them into entities; the N rules
(``rules/names.py``) decide what to flag.
"""

from __future__ import annotations


from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, filterfalse
from operator import itemgetter
from typing import Any, ClassVar


from ._mentionfacts import (
    _BRIDGES,
    _FACTS_MAX,
    _HYPHENS,
    _INFO,
    _OPENS,
    CapMid,
    WrittenLower,
    _add_facts,
    _clear_facts,
    _first_words,
    _quote_pairs,
    _is_acronym,
    _is_cap,
    _repeated_paragraphs,
    _words_key,
)
from ._mentionfacts import _word_facts as _word_facts  # (tests read it here)
from ._namewords import (
    _APOS,
    _CLAUSE_PUNCT,
    _GAP_DOT,
    _GAP_SPACE,
    _POSSESSIVE,
    _QUOTE_CUES,
    _QUOTE_PAIRS,
    _QWORD,
    ABBREVIATIONS,
    DETERMINERS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    SPEECH_VERBS,
    STOPWORDS,
    SUFFIXES,
    TITLE_WORDS,
    _strip_possessive,
    _word_frequency,
    fold,
    given_names,
    is_common_word,
    is_given_name,
    surnames,
)
from ..lint import lexicon
from ..lint.lazyre import lazy_re
from ..lint._records import record
from ..lint.document import paragraph_key


# -------------------------------------------------------------------- mentions
@record(
    (
        "start",
        "end",
        "tokens",
        "title",
        "possessive",
        "sentence",
        "paragraph",
        "sentence_initial",
        "duplicate",
        "repeated",
        "kind",
        "raw",
        "entity",
        "word_like",
    )
)
@dataclass(init=False, repr=False, eq=False)  # (a dataclass for ``fields``; its methods are its own)
class Mention:
    start: int
    end: int
    #: (start, end, text) of each name token, particles included
    tokens: list[tuple[int, int, str]]
    title: tuple[str, ...]
    possessive: bool
    sentence: int
    paragraph: int
    sentence_initial: bool
    #: in a paragraph that repeats an earlier one (a caption pasted twice)
    duplicate: bool = False
    #: in a paragraph that occurs more than once (its first copy too)
    repeated: bool = False
    kind: str = "bare"  # "full", "bare" or "org"
    #: the mention as written (name tokens and what lies between them)
    raw: str = ""
    entity: int = -1
    word_like: bool = False
    #: the cache of _surname_parts: (kind, the parts) or, as _mentions_of_runs sets it on every
    #: mention it makes (right after __init__, so that instance dictionaries keep sharing their
    #: keys), (kind, the parts, the surname folded, the first name of a full name and it
    #: folded, else None): see _shape. Not a dataclass field (equality, repr and asdict do not
    #: see it); None, the class's, until set
    _surname_cache: ClassVar[tuple[Any, ...] | None] = None

    def __init__(
        self,
        start: int,
        end: int,
        tokens: list[tuple[int, int, str]],
        title: tuple[str, ...],
        possessive: bool,
        sentence: int,
        paragraph: int,
        sentence_initial: bool,
        duplicate: bool = False,
        repeated: bool = False,
        kind: str = "bare",
        raw: str = "",
        entity: int = -1,
        word_like: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens
        self.title = title
        self.possessive = possessive
        self.sentence = sentence
        self.paragraph = paragraph
        self.sentence_initial = sentence_initial
        self.duplicate = duplicate
        self.repeated = repeated
        self.kind = kind
        self.raw = raw
        self.entity = entity
        self.word_like = word_like

    @property
    def text(self) -> str:
        return self.raw or " ".join(t[2] for t in self.tokens)

    @property
    def first(self) -> str | None:
        return self.tokens[0][2] if self.kind == "full" else None

    def _surname_parts(self) -> tuple[int, int, str]:
        """(surname_index, surname_end, surname), computed once per mention and kind.

        The N rules ask a mention for its surname tens of thousands of times; ``tokens`` never
        change once the mention is made, and ``kind`` is checked, so the cached answer is the
        one the properties would compute again."""
        cached = self._surname_cache
        if cached is not None and cached[0] == self.kind:
            return cached[1]
        parts = _surname_parts([t[2] for t in self.tokens], self.kind)
        self._surname_cache = (self.kind, parts)  # type: ignore[misc]  # (an instance's own)
        return parts

    @property
    def surname_index(self) -> int:
        """Index of the first token of the surname (particles before the last word belong to it)."""
        return self._surname_parts()[0]

    @property
    def surname_end(self) -> int:
        return self._surname_parts()[1]

    @property
    def surname(self) -> str:
        cached = self._surname_cache  # (_surname_parts' cache read here: asked most of all)
        if cached is not None and cached[0] == self.kind:
            return cached[1][2]
        return self._surname_parts()[2]

    @property
    def surname_span(self) -> tuple[int, int]:
        index, end, _ = self._surname_parts()
        toks = self.tokens[index:end]
        return toks[0][0], toks[-1][1]


def _surname_parts(texts: list[str], kind: str) -> tuple[int, int, str]:
    """(surname_index, surname_end, surname) of a mention of these token texts and kind."""
    i = len(texts) - 1
    while i > 0 and fold(texts[i]).rstrip(".") in SUFFIXES:
        i -= 1
    j = i
    while j > 1 and fold(texts[j - 1]) in PARTICLES:
        j -= 1
    index = max(j, 1) if kind == "full" else 0
    return index, i + 1, " ".join(texts[index : i + 1])


def _quoted_title_spans(text: str, para_start: int, para_end: int, matches=None) -> list[tuple[int, int]]:
    out = []
    for m in _QUOTE_PAIRS.finditer(text, para_start, para_end) if matches is None else matches:
        gi = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        inner = m.group(gi)
        words = _QWORD.findall(inner)
        if not words:
            continue
        caps = sum(map(str.isupper, map(itemgetter(0), words)))
        titleish = len(words) >= 2 and caps / len(words) >= 0.6 and not _CLAUSE_PUNCT.search(inner)
        if titleish or _QUOTE_CUES.search(text, max(para_start, m.start() - 30), m.start()):
            out.append(m.span(gi))
    return out


@record(("titles", "orgs"), frozen=True)
class NameWords:
    """The word lists name extraction reads that a user may extend (config keys ``name-titles``
    and ``organisation-words``): titles before a name, last words of an organisation's name."""

    titles: frozenset[str] = TITLE_WORDS
    orgs: frozenset[str] = ORG_WORDS

    def __init__(self, titles: frozenset[str] = TITLE_WORDS, orgs: frozenset[str] = ORG_WORDS) -> None:
        _set = object.__setattr__
        _set(self, "titles", titles)
        _set(self, "orgs", orgs)

    @property
    def org_or_title(self) -> frozenset[str]:
        return self.orgs | self.titles


DEFAULT_NAME_WORDS = NameWords()


def extract_mentions(doc, name_words: NameWords = DEFAULT_NAME_WORDS) -> list[Mention]:
    """Name mentions of a document, in text order."""
    text = doc.text
    words = doc.words
    paras = doc.paragraphs
    # each sentence's first word: the first word at or after its start (len(words) when none;
    # the Document's list, shared with the sentence analysis: read only)
    firsts = doc.sentence_first_words
    # duplicated paragraphs count once as evidence: the repeats, and every copy (and one more
    # pair of flags, index -1: between paragraphs)
    para_dup, para_rep = _repeated_paragraphs(paras, doc.word_texts, firsts, doc.paragraph_sizes)
    window = doc.window
    if window is not None and (window.earlier or window.repeated):
        # one window of a huge file: a paragraph may repeat one of another window
        for i, p in enumerate(paras):
            if len(_words_key(p.text)) > 20:
                h = paragraph_key(p.text)
                if h in window.earlier:
                    para_dup[i] = True
                if h in window.repeated:
                    para_rep[i] = True
    # A mention that starts inside a quoted title ("the film “Ada Quell”") is no name. One scan
    # of the whole text finds the quotation pairs a scan of each paragraph finds: a pair holds
    # no line break and begins and ends with a quotation mark, so it never spans two
    # paragraphs or the white space between them (where no pair can begin either); the
    # paragraph of each pair bounds its cue search. The pairs do not overlap, so the one a
    # position may lie in is found by bisection, and whether it is a title is worked out only
    # for a pair a mention starts in (most hold none).
    para_starts = list(map(itemgetter(0), paras))
    # (every pair opens with one of three quotation marks: a text with none has no pair, and
    # no mention in a title, which _mentions_of_runs then does not ask about; see _quote_pairs)
    pair_starts, pair_ends = _quote_pairs(text)
    title_of: dict[int, bool] = {}

    def in_title(i: int) -> bool:
        """Is the inner text of pair ``i`` (where a mention starts) a quoted title?"""
        hit = title_of.get(i)
        if hit is None:
            start = pair_starts[i]
            pi = bisect_right(para_starts, start) - 1
            if pi >= 0 and pair_ends[i] <= paras[pi].end:
                # (the pair, matched again where it starts)
                hit = bool(_quoted_title_spans(text, paras[pi].start, paras[pi].end, (_QUOTE_PAIRS.match(text, start),)))
            else:
                hit = False
            title_of[i] = hit
        return hit

    n = len(words)
    first_word_of_sentence = _first_words(text, doc.word_starts, firsts)

    # how the document itself writes each word: in lower case somewhere, capitalised mid-sentence
    # What a word says is computed once per distinct word (words recur many times), in this
    # tuple: ``cap``, its folded form when capitalised (None otherwise; a lower-case word goes
    # to ``lower`` here); ``opens``, whether it can open a name run (``runner``: a capitalised
    # non-acronym; or a particle such as "von" that may open "von der Aa"); ``alone_dead``: as
    # a one-word run, _mentions_of_runs drops it (a word that is never a name, "May", "Monday");
    # ``initial_dead``: the same at the start of a sentence, where _initial_is_name also
    # refuses STOPWORDS ("The", "It"); ``goes_on``: can a run go on with it (_run_from stops at
    # once at a word that is neither capitalised nor a particle, "of" or "for"); last, the
    # word without "'s", case-folded: a sentence-initial word the document also writes in
    # lower case is refused by _initial_is_name too.
    # Then only the words that can open a run (the main loop) are visited, picked out by
    # C-level map/compress rather than a Python loop over every word: the main loop jumps from
    # one possible opener to the next, since every other word only made it step on.
    texts = doc.word_texts
    counts = doc.word_counts  # each distinct word once, with its number of uses (shared: other rules count them too)
    info = _INFO
    if len(info) + len(counts) > _FACTS_MAX:
        _clear_facts()
    # (a long text: the lexicon's counts as the dict now, which the spelling, OCR and sentence
    # rules load for such a text, not a bisection of the mapped copy for each of the thousands
    # of words asked below; the same answers)
    lexicon.counts_for(len(words))
    _add_facts(filterfalse(info.__contains__, counts))
    # the words the document writes in lower case, and the capitalised words it uses but at the
    # opening of a sentence: _initial_is_name asks about the words that open a sentence (a
    # few in a short text, a few thousand questions in a long one), answered from per-process
    # tables of the tokens of each form (WrittenLower, CapMid) rather than by sets of every
    # distinct word's forms
    lower = WrittenLower(counts)
    cap_mid = CapMid(counts, texts, first_word_of_sentence)
    ctx: dict[str, Any] = {
        "lower": lower,
        "cap_mid": cap_mid,
        "titles": name_words.titles,
        "orgs": name_words.orgs,
        "org_or_title": _ORG_OR_TITLE if name_words is DEFAULT_NAME_WORDS or name_words == DEFAULT_NAME_WORDS else name_words.org_or_title,
        # what a run of tokens makes (_shape's answers, kept across documents for the default word lists)
        "shapes": _SHAPES if name_words is DEFAULT_NAME_WORDS or name_words == DEFAULT_NAME_WORDS else {},
        "para_starts": para_starts,
    }

    # the runs of name-like tokens, (first word, end) each, and which of them a particle opens
    runs_i: list[int] = []
    runs_j: list[int] = []
    particle_runs: set[int] = set()
    titles = ctx["titles"]
    after = 0  # the end of the last run of two words or more: the openers before it are inside it
    last = n - 1
    for i in compress(doc.word_indexes, map(_OPENS.__contains__, texts)):
        if i < after:
            continue  # inside the run just found
        tok = texts[i]
        facts = info[tok]
        if not facts[5]:
            w = words[i]
            # a run may open with particles: "von der Aa"
            if fold(tok) in PARTICLES and i < last and _GAP_SPACE.fullmatch(text[w.end : words[i + 1].start] or "x"):
                j = i
                while j < n and fold(words[j].text) in PARTICLES and j - i < 3:
                    j += 1
                if j < n and _is_cap(words[j].text) and not _is_acronym(words[j].text) and j > i:
                    run_end = _run_from(words, text, j, titles)
                    particle_runs.add(len(runs_i))
                    runs_i.append(i)
                    runs_j.append(run_end)
                    after = run_end
            continue  # (else the next opener is past this word)
        if i < last and info[texts[i + 1]][4]:
            run_end = _run_from(words, text, i, titles)
            if run_end > i + 1:
                runs_i.append(i)
                runs_j.append(run_end)
                after = run_end
                continue
        # a run of one word (the next opener is past it)
        if (facts[2] if i not in first_word_of_sentence else facts[3] or lower[facts[6]]) or not facts[7]:
            # (not facts[7]: a run with no word of two letters or more, one in lower case ("I"), names nothing)
            continue
        runs_i.append(i)
        runs_j.append(i + 1)
    return _mentions_of_runs(doc, runs_i, runs_j, particle_runs, first_word_of_sentence, para_dup, para_rep, pair_starts, pair_ends, in_title, ctx)


def _mentions_of_runs(doc, runs_i, runs_j, particle_runs, first_word, para_dup, para_rep, pair_starts, pair_ends, in_title, ctx) -> list[Mention]:
    """The mentions the runs of tokens ``words[runs_i[k] : runs_j[k]]`` make (those
    ``particle_runs`` holds open with a particle), in text order. ``first_word``: the words
    that open a sentence; ``para_dup``, ``para_rep``: each paragraph's repeat flags, and one
    more (False) for index -1; ``pair_starts``, ``pair_ends``: where the quotation pairs start
    and end (``in_title``: is pair i's inner text a quoted title). A mention starts at a word
    character, and a pair's first and last characters are its marks: the mention starts inside
    the pair's inner text when it starts after the pair's start and before its end.

    The mentions start in text order, so the sentence, the paragraph and the quotation pair
    each starts in are found by walking along the starts of those (what bisections find: the
    number of starts at or before the mention's start), not by three bisections per mention."""
    words = doc.words
    texts = doc.word_texts
    starts = doc.word_starts
    text = doc.text
    n = len(words)
    sent_starts = list(map(itemgetter(0), doc.sentences))
    paras = doc.paragraphs
    para_starts = ctx["para_starts"]
    shapes = ctx["shapes"]
    # each list with a last start past every position, where the walks stop
    sent_starts.append(len(text) + 1)
    para_after = para_starts + [len(text) + 1]
    ns = npara = 0  # the sentences and the paragraphs that start at or before the mention
    if pair_starts:
        pair_after = pair_starts + [len(text) + 1]
        npair = 0  # the pairs that start at or before the mention (before it: see above)
    out: list[Mention] = []
    initial_names: dict[tuple[str, bool | None], bool] = {}
    new = object.__new__
    info = _INFO
    for k, i, j in zip(count(), runs_i, runs_j):
        initial = i in first_word
        # the sentence-initial word: kept only when it is not an everyday word
        if initial and k not in particle_runs:
            t0 = texts[i]
            # (the answer, within a document, depends on the word, on whether the run goes on
            # and, for one word, on whether a verb of saying follows: kept per document)
            asked = (t0, None if j - i > 1 else j < n and texts[j].casefold() in SPEECH_VERBS)
            is_name = initial_names.get(asked)
            if is_name is None:
                is_name = initial_names[asked] = _initial_is_name(_strip_possessive(t0), t0, j - i, texts[j].casefold() if j < n else "", ctx)
            if not is_name:
                i += 1
                initial = False
                if i == j:
                    continue
        key = tuple(texts[i:j]) if j - i > 1 else (texts[i],)
        shape = shapes.get(key, False)
        if shape is False:
            shape = _shape(key, ctx)
        if shape is None:
            continue
        _, cut, length, title, possessive, kind, everyday, surname, a = shape
        start = starts[i + a]
        # a name that starts inside a quoted title is no name
        if pair_starts:
            while pair_after[npair] <= start:
                npair += 1
            if npair and start < pair_ends[npair - 1] and in_title(npair - 1):
                continue
        name = words[i + a : i + a + length]
        if possessive:
            last = name[-1]
            name[-1] = (last[0], last[1] - 2, last[2][:-2])
        # the paragraph the name starts in (doc.paragraph_at's answer, -1 between paragraphs)
        while para_after[npara] <= start:
            npara += 1
        para = npara - 1
        if para >= 0 and start >= paras[para][1]:
            para = -1
        while sent_starts[ns] <= start:
            ns += 1
        end = name[-1][1]
        word_like = False
        if everyday:
            # a word after a determiner; else, when not possessive nor titled, one no verb of
            # saying follows (the text after is read only then). The chunks the text's
            # split gives are read off the words next to the name where that is exact (see
            # _EVERYDAY_CHUNKS), else the text is split as before
            kf = i + a  # (the name's first word)
            det: bool | None = None  # (fold(the chunk before) in DETERMINERS, when the words tell)
            if kf:
                ps, pe, pt = words[kf - 1]
                gap = text[pe:start]
                if gap.isspace():
                    if start - ps <= 12 and (ps == 0 or text[ps - 1].isspace()):
                        det = info[pt][10] in DETERMINERS  # (the chunk is the word: fold(pt))
                elif _EVERYDAY_CHUNKS and gap:
                    c = gap.rstrip()[-1]  # (the chunk ends with it: ASCII, no apostrophe, no word character)
                    if c < "\x80" and c != "'":
                        det = False
            if det is None:
                before = text[max(0, start - 12) : start].split()
                det = bool(before) and fold(before[-1]) in DETERMINERS
            if det:
                word_like = True
            elif not (possessive or title):
                said: bool | None = None  # (the first chunk after, stripped and case-folded, not in SPEECH_VERBS)
                kn = kf + length
                if kn < n:
                    qs, qe, qt = words[kn]
                    gap = text[end:qs]
                    if gap.isspace():
                        if qe <= end + 20 and text[qe : qe + 1].isspace():
                            said = qt.casefold() not in SPEECH_VERBS  # (the chunk is the word)
                    elif _EVERYDAY_CHUNKS and " " in gap and not gap[0].isspace():
                        said = True  # (the chunk lies in the gap: no word character)
                if said is None:
                    rest = text[end : end + 20].split()
                    said = not rest or rest[0].strip('.,;:!?\u201d"').casefold() not in SPEECH_VERBS
                word_like = said
        # Mention(start, end, name, title, possessive, the sentence, para, ...), its fields set
        # here in the order __init__ sets them (the instance dictionaries share their keys):
        # no call of __init__ per mention (tests/rules/test_names_fast.py compares the two)
        m = new(Mention)
        m.start = start
        m.end = end
        m.tokens = name
        m.title = title
        m.possessive = possessive
        m.sentence = ns - 1 if ns else 0
        m.paragraph = para
        m.sentence_initial = initial and cut == 0
        m.duplicate = para_dup[para]
        m.repeated = para_rep[para]
        m.kind = kind
        m.raw = name[0][2] if length == 1 else text[start:end]  # (a word's text is the text at its span)
        m.entity = -1
        m.word_like = word_like
        m._surname_cache = surname  # type: ignore[misc]  # (what Mention._surname_parts would work out)
        out.append(m)
    return out


#: Whether _mentions_of_runs may read an everyday name's context off the words next to it.
#: The chunks ``str.split`` gives around a name are those words when only white space lies
#: between (and, before it, after the word; within the 12 and 20 characters read). A chunk
#: that ends with ASCII punctuation other than an apostrophe keeps it when folded (fold
#: changes no ASCII character but letters and drops apostrophes), and a chunk of the gap after
#: the name holds no word character (words are maximal), so none of its characters case-folds
#: to an ASCII letter: neither is a determiner or a verb of saying while those are words of
#: ASCII letters (tests/rules/test_names_fast.py compares the flags with the splits).
_EVERYDAY_CHUNKS = all(w.isascii() and w.isalpha() for w in DETERMINERS | SPEECH_VERBS)


@lru_cache(maxsize=16384)
def _title_like(f: str, titles: frozenset[str] = TITLE_WORDS) -> bool:
    """Is the folded word ``f`` part of a title ("minister", "of", "vice-president")?"""
    return f in titles or f in ("of", "for") or all(p in titles for p in _HYPHENS.split(f))


_ORG_OR_TITLE = ORG_WORDS | TITLE_WORDS


def _run_from(words, text: str, i: int, titles: frozenset[str] = TITLE_WORDS) -> int:
    """Index just past the run of name-like tokens that ``words[i]`` opens, a capitalised word
    that is no acronym (extract_mentions calls it for those only: such a word passes the tests
    the words after it meet; the facts of every token of ``words`` are in _INFO:
    extract_mentions put them there)."""
    n = len(words)
    info = _INFO
    j = i + 1
    pw = words[i]  # (the word before words[j])
    while j < n:
        w = words[j]
        facts = info[w[2]]
        if not facts[4]:
            break  # neither capitalised nor a particle, "of" or "for" (goes_on): the tests below stop here
        gap = text[pw[1] : w[0]]
        prev = pw[2]
        if gap != " " and not _GAP_SPACE.fullmatch(gap):  # (one space: the usual gap)
            if not (_GAP_DOT.fullmatch(gap) and ((len(prev) == 1 and prev.isupper()) or info[prev][10] in ABBREVIATIONS)):
                break
        # (_POSSESSIVE.search(prev); a token is never empty)
        if prev[-1] == "s" and len(prev) >= 2 and prev[-2] in _APOS:
            break
        low = facts[10]  # fold(tok)
        if low in _BRIDGES:
            # bridge "de la Cruz", "Secretary of State" (only after a title word)
            prev_f = info[prev][10]
            k = j
            while k < n and info[words[k][2]][10] in _BRIDGES and k - j < 3:
                k += 1
            if k < n and info[words[k][2]][8] and (low in PARTICLES or prev_f in titles):
                if low in ("of", "for") and prev_f not in titles:
                    break
                j = k
                pw = words[k - 1]
                continue
            break
        if not facts[8] or facts[9] or facts[11]:  # _is_cap, _is_acronym, fold(tok) in NOT_NAMES
            break
        j += 1
        if j - i > 10:
            break
        pw = w
    return j


#: _shape's answers for the default word lists, kept across documents (a run over many small
#: files meets the same names again); bounded (a few MB at most): a huge text starts over
_SHAPES_MAX = 32_768
_Shape = tuple[int, int, int, tuple[str, ...], bool, str, bool, tuple[str, tuple[int, int, str], str, str | None, str | None], int]
_SHAPES: dict[tuple[str, ...], _Shape | None] = {}


def _shape(texts: tuple[str, ...], ctx) -> _Shape | None:
    """What a run of tokens makes (_mentions_of_runs), from their texts alone (a pure function
    of them and of the word lists): None when the run names nothing, else (the leading tokens dropped, the
    length of the title after them, the name's length, the title, possessive, kind, whether a
    bare name is an everyday word, (kind, the surname's parts as Mention._surname_parts gives
    them, the surname folded, the first name of a full name and it folded, else None): the
    mention's ``_surname_cache`` (_entities._analyse reads the last three), and the index of
    the name's first token (the leading tokens dropped and the title)).
    Cached per distinct run: the mentions of a document are a few hundred names written again
    and again."""
    shapes = ctx["shapes"]
    hit = shapes.get(texts, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    info = _INFO  # (the facts of every token of the document)
    titles = ctx["titles"]
    # drop lone acronyms and non-names (_INFO's alone_dead: fold in NOT_NAMES or _is_acronym)
    lead = 0
    while lead < len(texts) and info[texts[lead]][2]:
        lead += 1
    toks = texts[lead:]
    out = None
    # split off the title: everything up to the last title word that has a name after it
    cut = 0
    for k, t in enumerate(toks[:-1]):
        f = info[t][10].rstrip(".")
        if _title_like(f, titles):
            cut = k + 1
        elif k < len(toks) - 1 and cut == k and _is_demonym_like(t) and k + 1 < len(toks) - 1 and info[toks[k + 1]][10] in titles:
            cut = k + 1
    title = tuple(info[t][10].rstrip(".") for t in toks[:cut]) if cut else ()
    name = list(toks[cut:])
    # trailing particles cannot end a name
    while name and info[name[-1]][10] in PARTICLES:
        name.pop()
    if name:
        lt = name[-1]
        possessive = len(lt) > 2 and lt[-1] == "s" and lt[-2] in _APOS  # _POSSESSIVE.search: no newline in a token
        if possessive:
            name[-1] = lt[:-2]
        # (no token is empty: words have a letter or digit, and "'s" is cut from three or more)
        # some token of two or more letters has a lower-case one (the first token nearly always)
        t0 = name[0]
        if t0[1:2].islower() or any(len(t) > 1 and any(map(str.islower, t)) for t in name):
            kind, everyday = _kind(name, ctx)
            parts = _surname_parts(name, kind)
            first = name[0] if kind == "full" else None
            cache = (kind, parts, fold(parts[2]), first, fold(first) if first else None)
            out = (lead, cut, len(name), title, possessive, kind, everyday, cache, lead + cut)
    if len(shapes) >= _SHAPES_MAX:
        shapes.clear()
    shapes[texts] = out
    return out


def _kind(name: list[str], ctx) -> tuple[str, bool]:
    """The kind of a name ("full", "bare" or "org") from its tokens, and whether a bare name is an
    everyday word (then its context says whether it is a name)."""
    name_words = [t for t in name if fold(t) not in PARTICLES]
    if len(name_words) >= 2:
        if len(name_words) > 5 or fold(name_words[-1]) in ctx["orgs"]:
            return "org", False
        if all(is_common_word(w, 5_000_000) for w in name_words) and not is_given_name(name_words[0]):
            return "org", False
        if (
            len(name_words[0]) > 1
            and not is_given_name(name_words[0])
            and (fold(name_words[0]) in ctx["org_or_title"] or (is_common_word(name_words[0], 5_000_000) and is_common_word(name_words[-1], 50_000)))
        ):
            return "org", False
        return "full", False
    w0 = name_words[0] if name_words else name[0]
    return "bare", is_common_word(w0)


_NOUNISH = lazy_re(r"(?:ist|ists|er|ers|or|ors|ian|ians|ent|ents|ant|ants|ing|ed|ly|ion|ions|ive|al|ness|ment|ity|s)$")


def _initial_is_name(base: str, tok: str, run_len: int, nxt: str, ctx) -> bool:
    """Is a capitalised word that opens a sentence part of a name?"""
    f = fold(base)
    if f in STOPWORDS or f in NOT_NAMES:
        return False
    if ctx and ctx["lower"][base.casefold()]:
        return False  # the document writes it in lower case: a word
    if f in given_names() or f in (ctx["titles"] if ctx else TITLE_WORDS) or (ctx and f in ctx["cap_mid"]):
        return True
    freq = _word_frequency(base)  # lexicon.frequency(f), cached
    if freq < 50_000:
        return True  # not an English word: a name
    if run_len > 1:
        return freq < 5_000_000 and not _NOUNISH.search(f)
    evidence = bool(_POSSESSIVE.search(tok)) or nxt in SPEECH_VERBS
    return evidence and (freq < 5_000_000 or f in surnames())  # (the census read only if needed)


def _is_demonym_like(tok: str) -> bool:
    f = fold(tok)
    return f.endswith(("an", "ian", "ese", "i", "ish")) and tok[0].isupper()
