"""The Document: decoded text plus the structure every rule shares, computed once and lazily.

All offsets are 0-based code-point indices into ``Document.text``, end exclusive. Lines are
1-based; columns are 1-based and counted in code points. The text is kept exactly as decoded
(CRLF stays CRLF), so offsets are offsets into the file's own characters.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate, chain, repeat, starmap
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Generic, Hashable, Iterator, NamedTuple, Sequence, TypeVar

from .segment import split_paragraphs, trim_span
from .lazyre import lazy_re


class Block(NamedTuple):
    """A paragraph or sentence: a span and its text."""

    start: int
    end: int
    text: str


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    paragraph: int  # index into Document.paragraphs


class Token(NamedTuple):
    start: int
    end: int
    text: str


_T = TypeVar("_T")

if TYPE_CHECKING:  # pragma: no cover
    import re
    from functools import cached_property
else:

    class cached_property(Generic[_T]):
        """``functools.cached_property`` without its lock: before Python 3.12 that one takes an
        RLock on every first access (about 0.6 microseconds of 0.85), and a Document's
        properties are each read first once per file. The value goes into the instance's
        ``__dict__`` under the property's name, as there, so later reads never reach this."""

        def __init__(self, func: Callable[[Any], _T]) -> None:
            self.func = func
            self.attrname = func.__name__
            self.__doc__ = func.__doc__

        def __set_name__(self, owner: type, name: str) -> None:
            self.attrname = name

        def __get__(self, instance: Any, owner: type | None = None) -> Any:
            if instance is None:
                return self
            value = instance.__dict__[self.attrname] = self.func(instance)
            return value

_START = itemgetter(0)
_END = itemgetter(1)
_NEWLINE = lazy_re(r"\r\n|\r|\n")
# "\r(?!\n)": a CRLF line break must not be read as CR + LF, two breaks, a paragraph gap.
_PARA_SEP = lazy_re(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t\f\v]*(?:\r\n|\r(?!\n)|\n))+")
# The same matches in a text without "\r" (most texts): starting with one literal character,
# it is searched for in a tight loop, not tried at every position (a quarter of the time).
_PARA_SEP_LF = lazy_re(r"\n(?:[ \t\f\v]*\n)+")
# A word: letters and digits, with inner apostrophes and hyphens ("city’s", "self-defense").
# Written "XX*", not "X+" (the same matches): a pattern that opens with a class, not a repeat of
# one, is compiled with that class as its first-character test (re._compiler's charset prefix),
# and a search skips the characters between words by that test alone instead of trying the
# whole pattern at each of them (about a tenth of ``split``'s time on a long text).
_WORD = lazy_re(r"[^\W_][^\W_]*(?:['\u2019\u02bc\-\u2010\u2011][^\W_]+)*")
# The same pattern as one group: ``split`` gives the text between words and the words in turn.
# Written "X(?:JX(?:JX)*|)", not "X(?:JX)*": the same matches (each part is greedy and nothing
# follows, so both take the longest run at once), but a word with no joiner after it, nearly
# every word, costs the regex engine a branch whose first alternative fails on its first
# character instead of a repeat it sets up and leaves (a tenth of ``split``'s time).
_WORD_SPLIT = lazy_re(r"([^\W_][^\W_]*(?:['\u2019\u02bc\-\u2010\u2011][^\W_]+(?:['\u2019\u02bc\-\u2010\u2011][^\W_]+)*|))")
#: the ints 0, 1, 2 ... of Document.word_indexes, made once per process, as many as the longest
#: text's words up to _INDEXES_MAX (a window of a huge file has about 130,000)
_INDEXES: list[int] = []
_INDEXES_MAX = 1 << 20
#: Document.words shares one string object per distinct word from this many words on
_SHARE_MIN_WORDS = 4096
# The word pattern's letters and digits ([^\W_]: the characters str.isalnum accepts) as a
# class of the characters themselves: the regex engine tests such a class by a table look-up,
# [^\W_] by up to four Unicode database calls a character (a quarter of ``split``'s time on a
# long text). Exact for a text that holds no other letter or digit: an ASCII text (asked at
# once: str.isascii), or a long text whose letters and digits outside ASCII are added to the
# class, found in one scan for its characters outside ASCII (see _word_split).
_ASCII_WORD_SPLIT = lazy_re(r"([A-Za-z0-9][A-Za-z0-9]*(?:['\u2019\u02bc\-\u2010\u2011][A-Za-z0-9]+(?:['\u2019\u02bc\-\u2010\u2011][A-Za-z0-9]+)*|))")
#: a text outside ASCII gets its own word class from this many characters on (the scan and a
#: compile cost about what the class saves on 130,000 characters)
_OWN_CLASS_MIN_CHARS = 200_000
#: ... when it has at most this many distinct letters and digits outside ASCII
_OWN_CLASS_MAX = 300


def para_seps(text: str) -> Iterator[re.Match[str]]:
    """The paragraph gaps of ``text`` (a line break, then blank lines and line breaks), in order."""
    return (_PARA_SEP if "\r" in text else _PARA_SEP_LF).finditer(text)


def paragraph_key(text: str) -> int:
    """A stable 64-bit digest of a paragraph's words (white space normalised): how a window of
    a huge file learns which of its paragraphs occur elsewhere in the file."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(" ".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def non_ascii_chars(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` outside ASCII (its ASCII characters deleted in C: outside_ascii)."""
    return frozenset(outside_ascii(text))


def _word_split(text: str, non_ascii: Callable[[], frozenset[str]] | None = None) -> list[str]:
    """``_WORD_SPLIT.split(text)``, with a class of the text's own letters and digits where
    that is exact and worth it (see _ASCII_WORD_SPLIT). ``non_ascii``: gives the text's
    characters outside ASCII (``Document.non_ascii``), if they are to be kept."""
    if text.isascii():
        return _ASCII_WORD_SPLIT.split(text)
    if len(text) >= _OWN_CLASS_MIN_CHARS:
        others = "".join(sorted(filter(str.isalnum, non_ascii() if non_ascii is not None else non_ascii_chars(text))))
        if len(others) <= _OWN_CLASS_MAX:
            return _own_class(others).split(text)
    return _WORD_SPLIT.split(text)


def outside_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order (``re.sub("[\\x00-\\x7f]+", "", text)``):
    its UTF-8 bytes without those under 0x80 (each character outside ASCII is written in bytes
    of 0x80 or more, each ASCII one in one byte under), decoded; in C, a third less than the
    regex's class test at every position of a long text. Empty for an ASCII text. (E002, E004,
    U001 and D001 read it through rules/_charscan.py.)"""
    if text.isascii():
        return ""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


_ASCII_BYTES = bytes(range(128))


@lru_cache(maxsize=8)
def _own_class(others: str) -> re.Pattern[str]:
    """The word pattern as a group, its letters and digits spelt as the ASCII ones and
    ``others`` (letters and digits outside ASCII: none is special in a class). Compiled by
    ``re``: one text's pattern, not kept in the data cache."""
    import re

    letters = "A-Za-z0-9" + others
    joiner = "['\u2019\u02bc\\-\u2010\u2011]"
    return re.compile(f"([{letters}][{letters}]*(?:{joiner}[{letters}]+(?:{joiner}[{letters}]+)*|))")


class WindowFacts(NamedTuple):
    """What a window of a huge file knows of the rest of the file (see ``Document.window``)."""

    #: ``paragraph_key`` of this window's paragraphs that occur in an earlier window
    earlier: frozenset[int]
    #: ``paragraph_key`` of this window's paragraphs that occur more than once in the file
    repeated: frozenset[int]
    #: the lines of the file before this window (for a message that names a line)
    line_offset: int = 0
    #: per rule code, what ``Rule.window_merge`` handed this window
    rules: "dict[str, Any] | None" = None
    #: more of the file follows this window (its last paragraph is not the file's last)
    more: bool = False


class Document:
    """Decoded text and shared structure. Build one per file; rules only read it."""

    def __init__(
        self,
        text: str,
        path: str | None = None,
        *,
        encoding: str = "utf-8",
        encoding_note: str | None = None,
        bom: bool = False,
        newline: str = "\n",
        source: str | None = None,
        masks: tuple[tuple[int, int], ...] = (),
        layout: tuple[tuple[int, int], ...] = (),
    ) -> None:
        #: what rules read: the file's text, with non-prose regions (Markdown code, URLs, HTML,
        #: front matter, suppression comments) blanked to spaces of the same length
        self.text = text
        #: the file's own text, as decoded; same length as ``text``, so offsets are shared.
        #: Fixes apply to it and reports quote it.
        self.source = text if source is None else source
        #: the blanked (start, end) regions, sorted and disjoint (see garblint.lint.suppress
        #: for which findings overlapping them are kept)
        self.masks = tuple(masks)
        #: the part of ``masks`` that is plain-text layout (code, tables, rules, option lists,
        #: lib.layout): not prose, but still text that structural rules read
        self.layout = tuple(layout)
        self.path = path
        #: the encoding the bytes were decoded with (``utf-8`` for in-memory text)
        self.encoding = encoding
        #: set when the file was not valid UTF-8: how it was decoded, and why
        self.encoding_note = encoding_note
        self.bom = bom
        self.newline = newline
        #: corpus-level facts put here by the runner for corpus rules, keyed by rule code
        self.corpus: dict[str, Any] = {}
        #: shared analyses computed once per document (see :meth:`memo`)
        self._memo: dict[Hashable, tuple[object, Any]] = {}
        #: set when this document is one window of a huge file (lint/bigfile.py): what the
        #: windows before and after it hold that document-level analyses need
        self.window: WindowFacts | None = None

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, chars={len(self.text)})"

    # ------------------------------------------------------------------ memo
    def memo(self, key: Hashable, fn: Callable[[], _T], *, on: object = None) -> _T:
        """``fn()``, computed once per document and ``key``: the one place where rules keep the
        analyses they share (quotation pairs, name mentions, the lexicon pass...).

        ``on`` is what the result depends on besides the document (a config, a names list):
        the value is computed again when it is called with another object (compared by
        identity), and kept for that one. Name keys after the module that owns the analysis
        (``"quotes.pairs"``), so two modules never share one by accident.
        """
        hit = self._memo.get(key)
        if hit is not None and hit[0] is on:
            return hit[1]
        value = fn()
        self._memo[key] = (on, value)
        return value

    def memoised(self, key: Hashable) -> bool:
        """Whether :meth:`memo` holds a value for ``key`` (for any ``on``)."""
        return key in self._memo

    # ----------------------------------------------------------------- lines
    @cached_property
    def line_starts(self) -> list[int]:
        text = self.text
        if "\r" not in text:
            # (built in C) a line starts one past the end of the line before it: the running sums
            # of the lengths of the pieces between line feeds, plus one each
            pieces = text.split("\n")
            pieces.pop()
            return list(accumulate(map((1).__add__, map(len, pieces)), initial=0))
        starts = [0]
        starts.extend(m.end() for m in _NEWLINE.finditer(text))
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        starts = self.line_starts
        i = bisect_right(starts, offset) - 1
        # An offset inside a CRLF pair belongs to the line that pair ends.
        return i + 1, offset - starts[i] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end (excluding the newline) of 1-based ``line``."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        a, b = self.line_span(line)
        return self.text[a:b]

    def source_line_text(self, line: int) -> str:
        """Line ``line`` of the original text (with Markdown code, URLs... not blanked)."""
        a, b = self.line_span(line)
        return self.source[a:b]

    @cached_property
    def structural_text(self) -> str:
        """What structural rules (encoding damage: E001, E002, E004) read: ``text`` with the
        plain-text layout regions (code, tables, banners, option lists) put back from
        ``source``, since mojibake or a control character is damage wherever it sits. Same
        length and offsets as ``text``."""
        if not self.layout:
            return self.text
        out: list[str] = []
        pos = 0
        for a, b in self.layout:
            out.append(self.text[pos:a])
            out.append(self.source[a:b])
            pos = b
        out.append(self.text[pos:])
        return "".join(out)

    def structural_paragraphs(self) -> list[Block]:
        """``paragraphs`` of :attr:`structural_text` (the same list when there is no layout)."""
        if not self.layout:
            return self.paragraphs
        text = self.structural_text
        out: list[Block] = []
        pos = 0
        for m in para_seps(text):
            self._add_block(out, pos, m.start(), text)
            pos = m.end()
        self._add_block(out, pos, len(text), text)
        return out

    def structural_paragraphs_with(self, pattern: re.Pattern[str]) -> Iterator[Block]:
        """The paragraphs of :meth:`structural_paragraphs` in which ``pattern`` matches, in
        order, without making the others: the pattern is searched in the whole text, and after
        each paragraph found the search goes on from its end. ``pattern`` must match within one
        paragraph and never match an empty string or paragraph-gap characters (E001's trigger
        characters: most paragraphs hold none, so most are never made)."""
        text = self.structural_text
        search = pattern.search
        m = search(text)
        if m is None:
            return
        seps = [s.span() for s in para_seps(text)]
        gap_ends = [b for _, b in seps]
        n = len(text)
        while m is not None:
            p = m.start()
            k = bisect_right(gap_ends, p)  # the text between gap k - 1 and gap k holds p
            a = seps[k - 1][1] if k else 0
            end = seps[k][0] if k < len(seps) else n
            a, b = trim_span(text, a, end)
            if a <= p < b:  # (not in the white space trimmed off)
                para = text[a:b]
                if pattern.search(para):  # (matches the paragraph as a text of its own)
                    yield Block(a, b, para)
                m = search(text, end)
            else:
                m = search(text, p + 1)

    @cached_property
    def justified_lines(self) -> frozenset[int]:
        """1-based numbers of the lines set justified (padded with doubled spaces to a common
        width): their doubled spaces and line-end hyphens are typesetting, not damage."""
        from .layout import justified_lines

        return justified_lines(self.text, self.line_starts)

    # ------------------------------------------------------------ paragraphs
    @cached_property
    def paragraphs(self) -> list[Block]:
        """Blank-line separated blocks, trimmed of surrounding white space."""
        text = self.text
        out: list[Block] = []
        pos = 0
        for m in para_seps(text):
            b = m.start()
            if pos < b and not text[pos].isspace() and not text[b - 1].isspace():
                # (most blocks: nothing to trim; the tuple made in C, not by Block's __new__)
                out.append(tuple.__new__(Block, (pos, b, text[pos:b])))
            else:
                self._add_block(out, pos, b)
            pos = m.end()
        self._add_block(out, pos, len(text))
        return out

    def _add_block(self, out: list[Block], a: int, b: int, text: str | None = None) -> None:
        text = self.text if text is None else text
        a, b = trim_span(text, a, b)
        if a < b:
            out.append(Block(a, b, text[a:b]))

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph containing ``offset``, or None between paragraphs."""
        paras = self.paragraphs
        i = bisect_right(self._paragraph_starts, offset) - 1 if paras else -1
        if i >= 0 and paras[i].start <= offset < paras[i].end:
            return i
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    # ------------------------------------------------------------- sentences
    @cached_property
    def sentences(self) -> list[Sentence]:
        text = self.text
        paras = self.paragraphs
        # the candidate boundaries found in one scan of the text (split_paragraphs); each
        # Sentence made by tuple.__new__ (the named tuple's own __new__ is a Python-level call),
        # and the paragraphs' lists kept for paragraph_sentences
        groups = []
        for pi, spans in enumerate(split_paragraphs(text, zip(map(_START, paras), map(_END, paras)))):
            if len(spans) == 1:
                # (a paragraph of one sentence, most often the paragraph itself: its text is the
                # paragraph's, not sliced again)
                (a, b), p = spans[0], paras[pi]
                groups.append([tuple.__new__(Sentence, (a, b, p[2] if a == p[0] and b == p[1] else text[a:b], pi))])
            else:
                groups.append([tuple.__new__(Sentence, (a, b, text[a:b], pi)) for a, b in spans])
        self.__dict__["_sentences_by_paragraph"] = groups
        return list(chain.from_iterable(groups))

    @cached_property
    def _sentences_by_paragraph(self) -> list[list[Sentence]]:
        groups: list[list[Sentence]] = [[] for _ in self.paragraphs]
        for s in self.sentences:
            groups[s.paragraph].append(s)
        return groups

    def paragraph_sentences(self, index: int) -> list[Sentence]:
        return self._sentences_by_paragraph[index]

    @cached_property
    def paragraph_sizes(self) -> list[int]:
        """How many sentences each paragraph holds (``len(doc.paragraph_sentences(i))`` for every
        paragraph ``i``, kept from building the sentences). Shared: never change it."""
        return list(map(len, self._sentences_by_paragraph))

    # ---------------------------------------------------------------- tokens
    @cached_property
    def words(self) -> list[Token]:
        """Word tokens (letters and digits with inner apostrophes and hyphens)."""
        # Built in C, without a match object per word (a sixth faster than ``finditer`` on a
        # big text): ``split`` on the pattern as a group gives the gaps and the words in turn,
        # so the running sums of their lengths are the words' starts and ends (the same
        # matches as ``_WORD.finditer``); tuple.__new__ skips the namedtuple's Python-level
        # __new__. In a long text each distinct word's text is one shared string object, the
        # first met ("the" is stored once, not 10,000 times): about 50 bytes less per token. (A
        # short text keeps split's strings: there the sharing saved little memory and cost
        # about a tenth of building the words and counting them.)
        parts = _word_split(self.text, lambda: self.non_ascii)
        offsets = list(accumulate(map(len, parts), initial=0))
        texts = parts[1::2]
        del parts
        if len(texts) >= _SHARE_MIN_WORDS:
            shared: dict[str, str] = {}
            texts = list(map(shared.setdefault, texts, texts))
            del shared
        self.__dict__["word_texts"] = texts  # (what word_texts would build)
        starts = offsets[1:-1:2]  # (the last sum is the end of the text)
        self.__dict__["word_starts"] = starts  # (what word_starts would build)
        # (starmap hands tuple.__new__ the zipped (Token, (start, end, text)) as its arguments:
        # one tuple fewer per word than map's)
        return list(starmap(tuple.__new__, zip(repeat(Token), zip(starts, offsets[2::2], texts))))

    @cached_property
    def non_ascii(self) -> frozenset[str]:
        """The distinct characters of ``text`` outside ASCII, found once (a long text's words
        need them, and rules can ask them instead of searching the text for each character)."""
        return non_ascii_chars(self.text)

    @cached_property
    def sentence_first_words(self) -> list[int]:
        """Each sentence's first word: the index in ``words`` of the first word that starts at
        or after the sentence's start (``len(words)`` when none does), by bisections over
        ``word_starts`` mapped in C. Read by the sentence analysis and the names analysis.
        Shared: never change it."""
        return list(map(bisect_left, repeat(self.word_starts), map(_START, self.sentences)))

    @cached_property
    def word_starts(self) -> list[int]:
        """The start offset of every word token, in order (``[t.start for t in doc.words]``,
        kept from building the words: the same int objects). Shared: never change it."""
        return list(map(itemgetter(0), self.words))

    @cached_property
    def word_texts(self) -> list[str]:
        """The text of every word token, in order (``[t.text for t in doc.words]``, built in C):
        for scans that test every word against a set without a Python-level loop."""
        return list(map(itemgetter(2), self.words))

    @cached_property
    def word_indexes(self) -> Sequence[int]:
        """``list(range(len(words)))``: what ``compress(doc.word_indexes, selectors)`` picks word
        indexes from. A list iterator hands out the int objects it holds, where iterating a
        ``range`` makes an int for every word and frees it unless selected (about a seventh of
        a pass over a long text's words). The ints are shared by every Document of the process
        (_INDEXES); a text of more than _INDEXES_MAX words gets the ``range``. Shared: never
        change it."""
        global _INDEXES
        n = len(self.words)
        if n > _INDEXES_MAX:
            return range(n)
        pool = _INDEXES
        if len(pool) < n:
            # (a new list, then put in place: a thread reading the old one meanwhile is not hurt)
            pool = _INDEXES = list(range(min(_INDEXES_MAX, max(n, 2 * len(pool)))))
        return pool[:n]

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How many times each distinct word text occurs (counted in C), in first-seen order."""
        return Counter(self.word_texts)

    def iter_words(self, start: int = 0, end: int | None = None) -> Iterator[Token]:
        """Word tokens between ``start`` and ``end`` (computed on demand, not cached)."""
        text = self.text
        for m in _WORD.finditer(text, start, len(text) if end is None else end):
            yield Token(m.start(), m.end(), m.group())

    @cached_property
    def word_count(self) -> int:
        words = self.__dict__.get("words")
        # Counting without building a list keeps a huge file's memory flat.
        return len(words) if words is not None else sum(1 for _ in _WORD.finditer(self.text))
