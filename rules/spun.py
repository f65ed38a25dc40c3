"""T: spun text, the thesaurus swaps that synonym spinners and cheap paraphrasers leave.

T001 reports a tortured phrase of the built-in list (rules/data/tortured-phrases.txt, made by
scripts/build_tortured_phrases.py) or of the user's files (config key ``tortured-phrases``):
the spun form of a fixed expression ("counterfeit consciousness" for artificial
intelligence). T002 reports a document whose density of such swaps, counting the list's weaker
forms (rules/data/spun-forms.txt) too, is far above clean text, and then reports the weaker
forms one by one at suggestion severity.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress, islice
from operator import and_, methodcaller
from typing import Iterable

from ..lint.finding import Edit, Suggestion
from ..lint.rule import Rule
from ..lint.vocab import read_list
from ..lint.wordlists import data_text
from ..lint.lazyre import lazy_re

# T002: a document is spun when it has a tortured phrase, at least MIN_HITS swaps in all
# (tortured phrases and the weaker forms of rules/data/spun-forms.txt) and at least DENSITY of
# them per 1,000 words. Clean text has about 0.2 weaker forms per 1,000 words, isolated.
MIN_HITS = 2
DENSITY = 4.0
MIN_WORDS = 80  # a density needs some text to mean anything
_WEAK = "~ "
#: from this many words a text's candidate pairs come from ``repetition.word_pairs`` when it
#: can (its regex is made for each text: a short text's two maps cost less)
PAIRS_BY_CHARS = 5000
_ARROW = " -> "


class Phrases:
    """Spun two-word forms -> original, looked up by their first word first (also capitalised,
    for a form that opens a sentence).

    The forms are kept as ``pairs``, first word -> second word -> original (every form is two
    words joined by one space: _parse keeps no other), which is ``table`` (form -> original)
    looked up without joining the two words; ``table`` itself is made only when asked for."""

    def __init__(self, table: dict[str, str]) -> None:
        pairs: dict[str, dict[str, str]] = {}
        # (one string object for each second word and each original: the marshal copy of the
        # built-in table then holds each once, and loads in a third of the time)
        same: dict[str, str] = {}
        for form, original in table.items():
            first, _, second = form.partition(" ")
            inner = pairs.get(first)
            if inner is None:
                inner = pairs[first] = {}
            inner[same.setdefault(second, second)] = same.setdefault(original, original)
        self._set(pairs, frozenset(pairs), frozenset(w[:1].upper() + w[1:] for w in pairs), frozenset().union(*pairs.values()))

    def _set(self, pairs: dict[str, dict[str, str]], first: frozenset[str], first_cap: frozenset[str], second: frozenset[str]) -> None:
        self.pairs = pairs
        self.first = first  # (the keys of pairs)
        self.first_cap = first_cap
        #: every word a form may start with, as written (lower case or capitalised)
        self.heads = first | first_cap
        self.second = second

    @classmethod
    def from_parts(cls, pairs: dict[str, dict[str, str]], first: frozenset[str], first_cap: frozenset[str], second: frozenset[str]) -> "Phrases":
        """The Phrases of ``pairs`` whose word sets were made before (see _cached_builtin_weak)."""
        self = cls.__new__(cls)
        self._set(pairs, first, first_cap, second)
        return self

    @property
    def table(self) -> dict[str, str]:
        """Every form (the two words joined by one space) -> its original."""
        return {f + " " + s: o for f, inner in self.pairs.items() for s, o in inner.items()}


def _parse(lines, strong: dict[str, str], weak: dict[str, str] | None) -> None:
    for line in lines:
        target = strong
        if line.startswith(_WEAK):
            line = line[len(_WEAK) :]
            target = weak if weak is not None else strong
        form, sep, original = line.partition(_ARROW)
        if not sep:
            continue
        key = " ".join(form.lower().split())
        if key.count(" ") == 1:  # two-word forms only
            target[key] = original.strip()


def _builtin(name: str) -> list[str]:
    text = data_text(name)
    return [ln for ln in text.splitlines() if ln and ln[0] != "#"]


@lru_cache(maxsize=8)
def load_phrases(extra_files: tuple[str, ...] = ()) -> tuple[Phrases, dict[str, str]]:
    """The tortured phrases (built-in list plus the user's files) and the user's weaker forms
    (lines marked ``~ `` in their files)."""
    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    _parse(_builtin("tortured-phrases.txt"), strong, None)
    for f in extra_files:
        _parse(read_list(f), strong, weak)
    return Phrases(strong), weak


@lru_cache(maxsize=1)
def _weak_lines() -> list[str]:
    """The lines of the built-in weaker forms, 'form -> original', header comments dropped.

    The generated file is already what _parse makes of it: every form two lower-case ASCII
    words joined by one space, one line per form, the lines sorted
    (tests/test_spun_lists.py checks it). So it needs no parsing line by line, and a form can
    be found by bisection in the list of lines."""
    lines = data_text("spun-forms.txt").splitlines()
    k = 0
    while k < len(lines) and (not lines[k] or lines[k][0] == "#"):
        k += 1
    return lines[k:]


@lru_cache(maxsize=8)
def load_weak(extra_files: tuple[str, ...] = ()) -> Phrases:
    """The weaker spun forms, as a table (built only when a run has many words to look up:
    see _weak_hits)."""
    user = load_phrases(extra_files)[1]
    if not user:
        cached = _cached_builtin_weak()
        if cached is not None:
            return cached
    weak: dict[str, str] = dict(map(methodcaller("split", _ARROW, 1), _weak_lines()))
    weak.update(user)
    phrases = Phrases(weak)
    if not user:
        _save_builtin_weak(phrases)
    return phrases


# The built-in table (58,000 forms) is kept in the data cache folder as marshal data: loading
# it takes an eighth of the time of parsing the list and building the word sets (about 8 against
# 70 ms), once per process that meets a long document with a tortured phrase. (Version 1 held
# the flat table, form -> original, with a string object for every original: 20 ms.) The file's name
# says which list (size and modification time) and which marshal format it was made from.
_WEAK_CACHE_VERSION = 2  # 2: the forms by first and second word (Phrases.pairs)


def _weak_cache_path() -> str | None:
    import marshal
    import os
    import sys

    from .. import rules
    from ..lint.lexicon import _cache_dir

    folder = _cache_dir()
    if folder is None:
        return None
    try:
        st = os.stat(os.path.join(os.path.dirname(rules.__file__ or ""), "data", "spun-forms.txt"))
    except OSError:  # pragma: no cover - a zipped install
        return None
    v = sys.version_info
    name = f"spun-forms-v{_WEAK_CACHE_VERSION}-m{marshal.version}-py{v[0]}{v[1]}-{st.st_size}-{st.st_mtime_ns}.marshal"
    return os.path.join(folder, name)


def _cached_builtin_weak() -> Phrases | None:
    import marshal

    path = _weak_cache_path()
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            pairs, first, first_cap, second = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(pairs, dict) and isinstance(first, frozenset) and isinstance(first_cap, frozenset) and isinstance(second, frozenset)):
        return None
    return Phrases.from_parts(pairs, first, first_cap, second)


def _save_builtin_weak(phrases: Phrases) -> None:
    """Keep the table in the data cache folder (atomically, through the folder's one writer,
    which also deletes this family's copies written over a week ago: a reinstall or an edited
    list changes the name, and the old 1.9 MB copies would otherwise stay for ever)."""
    import marshal
    import os
    from pathlib import Path

    from ..lint._datacache import _Blob, _save

    path = _weak_cache_path()
    if path is None:
        return
    data = _Blob(marshal.dumps((phrases.pairs, phrases.first, phrases.first_cap, phrases.second)))
    _save(data, Path(os.path.dirname(path)), os.path.basename(path), "spun-forms-")


#: Word pairs looked up by bisection in the lines of the weaker forms before the table is
#: built: the table costs about as much as this many look-ups, once per process. A run
#: that looks up fewer (a few documents with a tortured phrase) never builds it.
_LOOKUP_BUDGET = 20_000
_looked_up = [0]


def _files(config) -> tuple[str, ...]:
    return tuple(config.get("tortured-phrases") or ())


def spun_hits(doc, config) -> list[tuple[int, int, str, bool]]:
    """(first word index, last word index + 1, original, strong) for every tortured phrase
    and, in a document that has one, every weaker form; the two words lower case (a
    capitalised pair is a name or a title; the first word may be capitalised at the start of a
    sentence) and joined by one space."""
    return doc.memo("spun.hits", lambda: _all_hits(doc, _files(config)), on=config)


def _all_hits(doc, files: tuple[str, ...]) -> list[tuple[int, int, str, bool]]:
    found = _hits(doc, load_phrases(files)[0])
    if not found:
        return []
    strong = [(i, j, o, True) for i, j, o in found]
    if doc.word_count < MIN_WORDS:
        return strong  # the weaker forms count only towards T002, which needs MIN_WORDS words
    weak = [(i, j, o, False) for i, j, o in _weak_hits(doc, files)]
    return sorted(strong + weak)


def _weak_hits(doc, files: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """``_hits(doc, load_weak(files))``, by bisection in the sorted lines of the built-in file
    while the run has looked up few word pairs (and the user's files add no weaker forms)."""
    n = len(doc.words)
    if load_phrases(files)[1] or _looked_up[0] + n > _LOOKUP_BUDGET:
        _looked_up[0] = _LOOKUP_BUDGET  # the table is built now: later documents use it too
        return _hits(doc, load_weak(files))
    _looked_up[0] += n
    return _bisect_hits(doc, _weak_lines())


def _bisect_hits(doc, lines: list[str]) -> list[tuple[int, int, str]]:
    """What _hits finds with the table of ``lines`` (sorted 'form -> original' lines of
    lower-case ASCII two-word forms), found by bisection: a form is the pair as written or,
    where the first word is capitalised at a sentence start, with it in lower case."""
    words = doc.words
    texts = doc.word_texts
    text = doc.text
    end = len(lines)
    out = []
    for i in range(len(words) - 1):
        head = texts[i]
        key = head + " " + texts[i + 1] + _ARROW
        k = bisect_left(lines, key)
        if k < end and lines[k].startswith(key):
            a, b = words[i], words[i + 1]
            if b.start == a.end + 1 and text[a.end] == " ":
                out.append((i, i + 2, lines[k][len(key) :]))
            continue
        # the form with its first word capitalised: every form is lower case, so "head" is
        # no first word of one and only this look-up can find it
        low = head[:1].lower() + head[1:]
        if low == head or low[:1].upper() + low[1:] != head:
            continue
        key = low + " " + texts[i + 1] + _ARROW
        k = bisect_left(lines, key)
        if k < end and lines[k].startswith(key):
            a, b = words[i], words[i + 1]
            if b.start == a.end + 1 and text[a.end] == " " and _sentence_start(text, a.start):
                out.append((i, i + 2, lines[k][len(key) :]))
    return out


#: _may_pair asks at most this many (head word, second word) combinations
_MAY_PAIR_MOST = 400


def _may_pair(phrases: Phrases, distinct) -> bool:
    """False only when no form of ``phrases`` is a head word of the text followed by a second
    word of the text (``distinct``: its words, each once), looked up as _hits looks a pair up
    (a head that is a form's first word as written, else lower-cased): then no pair of
    neighbouring words is one, and the scan of every word need not run. On the 2,000 bench files
    1,100 texts hold a head and a second word, and ten a candidate pair. True when there are
    too many combinations to ask."""
    heads = phrases.heads.intersection(distinct)
    seconds = phrases.second.intersection(distinct)
    if len(heads) * len(seconds) > _MAY_PAIR_MOST:
        return True
    first, pairs = phrases.first, phrases.pairs
    for h in heads:
        inner = pairs.get(h if h in first else h.lower())
        if inner is not None and not inner.keys().isdisjoint(seconds):
            return True
    return False


def _hits(doc, phrases: Phrases) -> list[tuple[int, int, str]]:
    words = doc.words
    forms = phrases.pairs
    text = doc.text
    out: list[tuple[int, int, str]] = []
    n = len(words)
    # the candidate pairs (a possible first word, then a possible second word), found without
    # a Python-level loop over every word; most documents have no possible first word at all
    texts = doc.word_texts
    distinct = doc.word_counts  # (the same texts, each once)
    if phrases.heads.isdisjoint(distinct) or phrases.second.isdisjoint(distinct):
        return out
    if n < PAIRS_BY_CHARS and not _may_pair(phrases, distinct):
        return out
    pairs: Iterable[int] | None = None
    if n >= PAIRS_BY_CHARS and doc.memoised("repetition.chars"):
        # a long text whose one character per word R001 made: the pairs by a regex over
        # those (repetition.word_pairs), not two tests of every word in a Python map
        from .repetition import word_pairs

        pairs = word_pairs(doc, phrases.heads, phrases.second)
    if pairs is None:
        pairs = compress(range(n), map(and_, map(phrases.heads.__contains__, texts), map(phrases.second.__contains__, islice(texts, 1, None))))
    get = forms.get
    # the dictionary look-ups first, by the words' texts: most candidates are no form at all,
    # and only a form's two words are read as tokens (their spacing, the sentence start)
    for i in pairs:
        head = texts[i]
        inner = get(head)
        if inner is not None:
            hit = inner.get(texts[i + 1])
            if hit is not None:
                a, b = words[i], words[i + 1]
                if b.start == a.end + 1 and text[a.end] == " ":
                    out.append((i, i + 2, hit))
            continue
        inner = get(head.lower())
        hit = inner.get(texts[i + 1]) if inner is not None else None
        if hit is None:
            continue
        a, b = words[i], words[i + 1]
        if b.start != a.end + 1 or text[a.end] != " ":
            continue
        if _sentence_start(text, a.start):  # (a capitalised pair inside a sentence is a name or a title)
            out.append((i, i + 2, hit))
    return out


_ARTICLE_BEFORE = lazy_re(r"\b(an?|An?)[ \t]+$")
_VOWEL_SOUND = lazy_re(r"(?i)[aeio]|u(?!ni|se|su|ti|re|ro|ku)|hour|honest|heir")


def _restoration(text: str, start: int, end: int, original: str) -> Suggestion:
    """The original expression in place of ``text[start:end]``: capitalised where the spun form
    opens a sentence, and with a preceding "a"/"an" made to agree with the new first word
    (an extra edit: the article lies outside the finding's span)."""
    old = text[start:end]
    new = original[:1].upper() + original[1:] if old[:1].isupper() and original[:1].islower() else original
    art = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if art is None or (art.start(1) > 0 and text[art.start(1) - 1].isalnum()):
        return Suggestion(new)
    a_start = art.start(1)
    article = art.group(1)
    wanted = "an" if _VOWEL_SOUND.match(new) else "a"
    if article.lower() == wanted:
        return Suggestion(new)
    fixed = wanted if article.islower() else wanted.capitalize()
    return Suggestion(new, edits=(Edit(a_start, a_start + len(article), fixed), Edit(start, end, new)))


def _sentence_start(text: str, pos: int) -> bool:
    """Only opening quotes or brackets between ``pos`` and a sentence end, a line start or the
    start of the text."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'\u201c\u2018(":
        i -= 1
    return i < 0 or text[i] in ".!?\n\r"


def _spun_document(doc, hits) -> bool:
    if len(hits) < MIN_HITS:
        return False
    n = doc.word_count
    return n >= MIN_WORDS and any(h[3] for h in hits) and 1000 * len(hits) / n >= DENSITY


class TorturedPhrase(Rule):
    """What it flags: a tortured phrase, the thesaurus-swapped form of a fixed expression ("counterfeit consciousness" for artificial intelligence, "bosom peril" for breast cancer).

    Why: synonym spinners and cheap paraphrasers disguise copied text by replacing words with
    thesaurus neighbours; in a fixed expression the result is a phrase no writer uses and the
    meaning is lost. The list is generated from common collocations and a public-domain
    thesaurus, keeping only forms that are absent from large phrase counts and a reference
    corpus of clean English (scripts/build_tortured_phrases.py); add your own with the config
    key `tortured-phrases`. Capitalised pairs (names, titles) are left alone, except a pair
    whose first word is capitalised only because it opens a sentence.

    Example: "a model of counterfeit consciousness" -> "a model of artificial intelligence".

    Fix: the original expression (unsafe: a writer may have meant the odd phrase).
    """

    code = "T001"
    name = "tortured-phrase"
    category = "garble"
    severity = "warning"
    splittable = True
    family = "T"
    family_cost = 0.6

    def check(self, doc, config):
        words = doc.words
        for i, j, original, strong in spun_hits(doc, config):
            if not strong:
                continue
            a, b = words[i].start, words[j - 1].end
            yield self.finding(
                doc, a, b, f"tortured phrase '{doc.text[a:b]}': a spun form of '{original}'?",
                [_restoration(doc.text, a, b, original)],
                confidence=0.8,
            )


class SpunDocument(Rule):
    """What it flags: a document (80 words or more) with a tortured phrase and a density of thesaurus swaps far above clean text (two or more, and four or more per 1,000 words), once, with the evidence counted; then each weaker swap at suggestion severity.

    Why: a spun copy of an article carries dozens of swapped words; each alone may be a
    legitimate choice ("health dangers"), but several together, next to a tortured phrase,
    mean the text was machine paraphrased and every sentence needs checking against the
    source. The weaker forms (rules/data/spun-forms.txt: swaps of common collocations) occur
    in clean English about 0.2 times per 1,000 words, isolated, and are never reported there.

    Example: an article with "heart illness" and "health dangers" in 300 words -> the document is flagged, and "health dangers" gets "health risks" as a suggestion.

    Fix: none for the document; each weaker form gets its original expression (unsafe).
    """

    code = "T002"
    name = "spun-document"
    category = "garble"
    severity = "warning"
    family = "T"
    family_cost = 0.6

    def check(self, doc, config):
        hits = spun_hits(doc, config)
        if not _spun_document(doc, hits):
            return
        words = doc.words
        examples = ", ".join(dict.fromkeys(f"'{doc.text[words[i].start:words[j - 1].end]}'" for i, j, _, _ in hits[:5]))
        first = words[hits[0][0]].start
        yield self.finding(
            doc,
            first,
            words[hits[0][1] - 1].end,
            f"text looks machine-paraphrased: {len(hits)} thesaurus swaps in {doc.word_count} words ({examples}...)",
            confidence=0.7,
            properties={"swaps": len(hits), "words": doc.word_count},
        )
        for i, j, original, strong in hits:
            if strong:
                continue  # T001 reports it
            a, b = words[i].start, words[j - 1].end
            yield self.finding(
                doc,
                a,
                b,
                f"'{doc.text[a:b]}' in a spun text: a swapped form of '{original}'?",
                [_restoration(doc.text, a, b, original)],
                confidence=0.5,
                severity="suggestion",
            )
