"""U: untranslated or foreign-script fragments left inside English text."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, is_
from typing import Callable, Iterator

from ..lint.lexicon import counts, is_known
from ..lint.rule import Rule
from ._sentences import english_share, foreign_document
from ..lint.lazyre import lazy_re
from ._charscan import _non_ascii, _positions
from ._lexfacts import OPENER, document_facts
from ._wordindex import word_positions

# (script, language hint, character class). Order matters only for naming.
_SCRIPTS = (
    ("Han", "Chinese or Japanese kanji", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"),
    ("Kana", "Japanese", "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"),
    ("Hangul", "Korean", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
    ("Cyrillic", "Russian or another Cyrillic-script language", "\u0400-\u052f\u2de0-\u2dff\ua640-\ua69f"),
    ("Greek", "Greek", "\u0370-\u03ff\u1f00-\u1fff"),
    ("Arabic", "Arabic-script (Arabic, Persian, Urdu)", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"),
    ("Hebrew", "Hebrew", "\u0590-\u05ff"),
    ("Thai", "Thai", "\u0e00-\u0e7f"),
    ("Devanagari", "Hindi or another Devanagari-script language", "\u0900-\u097f"),
    ("Bengali", "Bengali", "\u0980-\u09ff"),
    ("Tamil", "Tamil", "\u0b80-\u0bff"),
    ("Georgian", "Georgian", "\u10a0-\u10ff"),
    ("Armenian", "Armenian", "\u0530-\u058f"),
)
_SCRIPT_OF = [(name, lang, lazy_re(f"[{cls}]")) for name, lang, cls in _SCRIPTS]
_FOREIGN_CLASS = "".join(cls for _, _, cls in _SCRIPTS)
# A run of foreign letters, with the spaces, digits and (CJK) punctuation inside it.
_RUN = lazy_re(
    f"[{_FOREIGN_CLASS}](?:[{_FOREIGN_CLASS}\\d\u3000-\u303f\uff00-\uff65\u00b7\u30fb]"
    f"|[ ,.\\-'\u2019](?=[{_FOREIGN_CLASS}]))*"
)
_LATIN_LETTER = lazy_re(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CYRILLIC_OR_GREEK = lazy_re("[\u0370-\u03ff\u0400-\u04ff]")
# Letters that look exactly like Latin ones (homoglyphs).
CONFUSABLES = {
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04bb": "h", "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K",
    "\u041c": "M", "\u041d": "H", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T",
    "\u0425": "X", "\u0423": "Y", "\u0406": "I", "\u0408": "J", "\u0405": "S", "\u03bf": "o",
    "\u03bd": "v", "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H",
    "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P",
    "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X", "\u03b9": "i", "\u03ba": "k", "\u0432": "B",
}
# Vietnamese: letters with a dot below or hook above, and horn vowels, occur in no other language.
_VIET_LETTER = lazy_re("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0]")
_VIET_WORD = lazy_re(
    "[^\\W\\d_]*[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0][^\\W\\d_]*"
    "(?:[ \t]+[^\\W\\d_]*[\u00c0-\u01b0\u1ea0-\u1ef9\u0110\u0111][^\\W\\d_]*)*"
)
_WORDISH = lazy_re(r"[^\W\d_]+")
_LETTER = lazy_re(r"[^\W\d_]")


def _viet_words(text: str):
    r"""The matches of ``_VIET_WORD.finditer(text)``, found from the Vietnamese letters.

    _VIET_WORD opens with ``[^\W\d_]*``, so finditer tries it at every position of the text
    (slow on a long one). A match needs a Vietnamese letter reachable through letters only, so
    the first match at or after ``pos`` starts where the run of letters holding the next
    Vietnamese letter starts (not before ``pos``): it is ``_VIET_WORD.match`` there.
    """
    pos = 0
    while True:
        v = _VIET_LETTER.search(text, pos)
        if v is None:
            return
        start = v.start()
        while start > pos and _LETTER.match(text, start - 1):
            start -= 1
        m = _VIET_WORD.match(text, start) or _VIET_WORD.search(text, pos)  # (the match never fails)
        if m is None:
            return
        yield m
        pos = m.end()


# Latin-script words the English lexicon does not know, in a run: a sentence left in
# French, Spanish, pinyin... Short known words ("la", "de", "die") may sit inside the run.
_MIN_FOREIGN_WORDS = 4
_VOWEL = lazy_re("[aeiouy\u00e0-\u00ff\u0100-\u017f\u1ea0-\u1ef9]")
# English function words end a foreign run: "pho and a banh mi" is two borrowed names.
_ENGLISH_GLUE = frozenset("an the and or of to in on at is are was for with by it".split())
_ELISION = lazy_re("['\u2019\\-]")
_LANGUAGE_NAMES = {
    "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian",
    "ro": "Romanian", "tr": "Turkish", "vi": "Vietnamese", "id": "Indonesian", "ms": "Malay",
    "tl": "Tagalog", "sw": "Swahili", "la": "Latin", "ca": "Catalan", "hr": "Croatian",
    "sl": "Slovenian", "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian", "eu": "Basque",
    "ga": "Irish", "cy": "Welsh", "af": "Afrikaans", "sq": "Albanian", "eo": "Esperanto",
    "zh": "Chinese (romanised)", "jv": "Javanese", "is": "Icelandic", "gl": "Galician",
}


@lru_cache(maxsize=4096)
def _identify(text: str) -> str | None:
    """The language of ``text`` by py3langid (its model ships in its wheel), or None (kept for
    the process: pages of one site repeat their foreign phrases)."""
    from ._langid import classify, installed  # py3langid's answer, its model read on demand

    if not installed():  # pragma: no cover - optional at run time
        return None

    return classify(text)
_QUOTE_BEFORE = lazy_re("[\"\u201c\u2018\u00ab]\\s*$")


def _script(run: str) -> tuple[str, str]:
    counts = []
    for name, lang, rx in _SCRIPT_OF:
        n = len(rx.findall(run))
        if n:
            counts.append((n, name, lang))
    names = {c[1] for c in counts}
    if "Kana" in names:
        return "Kana", "Japanese"
    counts.sort(reverse=True)
    return counts[0][1], counts[0][2]


_LATIN_RUN = lazy_re(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_LATIN_NON_ASCII = lazy_re(r"[\u00c0-\u024f\u1e00-\u1eff]+")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


_FOREIGN_CHAR = lazy_re(f"[{_FOREIGN_CLASS}]")
#: a text with more distinct characters of a class than this is searched by regex over the
#: whole text (``_positions`` scans the text once per distinct character)
_MAX_FIND_CHARS = 24


def _latin_letters(text: str, others: str | None = None) -> int:
    """How many characters of ``text`` _LATIN_RUN's class matches (the lengths of its matches
    added up): ASCII letters counted in C on the UTF-8 bytes (where an ASCII byte is always
    that character), plus the accented letters, rare in English, by regex over the text's
    characters outside ASCII only (``others``: ``_non_ascii(text)``; the class has no ASCII
    character, and a count of its characters does not depend on what stands between them)."""
    ascii_letters = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER))
    if others is None:
        others = _non_ascii(text)
    return ascii_letters + (sum(map(len, _LATIN_NON_ASCII.findall(others))) if others else 0)


def _runs(text: str, others: str) -> "Iterator[re.Match[str]]":
    """``_RUN.finditer(text)`` (the same matches), ``others`` being ``_non_ascii(text)``: a run
    starts with a letter of another script, so ``_RUN.match`` is tried only where one stands
    (found by ``str.find`` for each such letter ``others`` holds) past the last run's end."""
    letters = set(_FOREIGN_CHAR.findall(others)) if others else set()
    if len(letters) > _MAX_FIND_CHARS:
        yield from _RUN.finditer(text)
        return
    end = 0
    match = _RUN.match
    for p in _positions(text, letters):
        if p >= end:
            m = match(text, p)
            if m is not None:  # (always: the letter at p starts a run)
                end = m.end()
                yield m


def _latin_share(text: str, others: str | None = None, runs: "list[re.Match[str]] | None" = None) -> float:
    """The share of Latin letters among the text's letters of _LATIN_RUN's class and of its
    runs of other scripts; ``runs``: ``list(_runs(text, others))`` when the caller has them
    (U001's check reports them too: one scan of the text, not two)."""
    if others is None:
        others = _non_ascii(text)
    if not others:
        return 1.0  # an ASCII text: no letter of another script, so all Latin (or no letter)
    latin = _latin_letters(text, others)
    # (every run starts with a letter of another script: none in ASCII text, which then
    # never compiles the big pattern)
    # (the runs joined, their white space dropped by ``str.split``, which splits where
    # ``str.isspace`` is true: the non-space characters of every run, counted in C)
    if runs is None:
        runs = list(_runs(text, others))
    foreign = len("".join("".join(m.group() for m in runs).split()))
    total = latin + foreign
    return latin / total if total else 1.0


def _enclosed(text: str, a: int, b: int) -> bool:
    """Is text[a:b] a bracketed gloss: "Beijing (北京)"?"""
    i = a - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = b
    while j < len(text) and text[j] in " \t":
        j += 1
    return i >= 0 and text[i] in "([\uff08" and j < len(text) and text[j] in ")]\uff09"


@lru_cache(maxsize=65536)  # a pure function of the word: cached across the documents of a run
def _latin_word_state(t: str, other_languages: bool = False) -> bool | None:
    """For _foreign_latin_runs: False for a lower-case word the lexicon does not know, True for
    one that may sit inside a foreign run ("la", "de", "à", rare words such as "tanta"), None
    for one that ends a run (English glue words, common words, anything not lower case).

    With ``other_languages`` (asked only of a text that has an unknown word at all, so an
    ordinary English text never opens the lexicon index), a word English lists know but
    another language uses far more is False too ("por", "muito")."""
    if other_languages:
        # the answer without other languages (kept by the cache: _opens_a_run asked it
        # first), made False where a word English lists know is far commoner elsewhere
        state = _latin_word_state(t)
        if state is False or not t.islower():
            return state
        core = max(_ELISION.split(t), key=len) if _ELISION.search(t) else t
        if not core.isalpha() or (not core.isascii() and (_CYRILLIC_OR_GREEK.search(t) or _RUN.match(t))):
            return state  # (None)
        if len(core) > 2 and _common_elsewhere(core):
            return False  # "por", "muito", "ihre": a word English lists know but another language uses far more
        return state
    if not t.islower():
        return None
    freqs = counts()
    core = max(_ELISION.split(t), key=len) if _ELISION.search(t) else t  # "l'école" -> "école"
    if not core.isalpha() or (not core.isascii() and (_CYRILLIC_OR_GREEK.search(t) or _RUN.match(t))):
        return None
    if len(core) > 2 and core not in freqs and t not in freqs and _VOWEL.search(core):
        return False
    if (len(core) <= 4 or freqs.get(core, 0) < 2_000_000) and core not in _ENGLISH_GLUE:
        return True
    return None


#: ``_latin_word_state(word, True)`` of each lower-case word text met in a document that opens
#: a run, kept for the process (emptied past _RUN_STATES_MOST words: the answers are the same)
_RUN_STATES: dict[str, bool | None] = {}
_RUN_STATES_MOST = 262144
_UNSEEN = object()


def _run_states(distinct) -> tuple[dict[str, bool | None], set[str]]:
    """``_latin_word_state(word, True)`` of the lower-case words of ``distinct`` (every other
    word's is None), as a table that holds them (``.get`` of a word: its state) and the set
    of those that are False (a run opens on them): read from ``_RUN_STATES`` by a C-level map
    of ``dict.get``, only the words met for the first time asked (a cached call per distinct
    word of each document, into a dict of its own, cost 20 of U001's 42 ms on the clean
    corpus)."""
    lows = list(filter(str.islower, distinct))
    kept = _RUN_STATES
    if len(kept) + len(lows) > _RUN_STATES_MOST:
        kept.clear()
    states = list(map(kept.get, lows, repeat(_UNSEEN)))
    new = list(compress(range(len(lows)), map(is_, states, repeat(_UNSEEN))))
    if new:
        for i, state in zip(new, _states_of_new([lows[i] for i in new])):
            states[i] = kept[lows[i]] = state
    return kept, set(compress(lows, map(is_, states, repeat(False))))


def _states_of_new(words: list[str]) -> list[bool | None]:
    """``_latin_word_state(w, True)`` of each of the lower-case words ``words``. A word of
    ASCII letters only (most words) is its own core and passes the elision, case and script
    tests, so its answer is the rest of the same tests, asked here in one loop instead of two
    cached calls (3-4 us a new word: the first use of U001 on a long text); a word of other
    characters without an elision mark ("'", "\u2019", "-": ``_ELISION``) that is not all
    letters (a number with letters, a hex id) is its own core and ends a run (None) in both
    of its tests; any other word is asked ``_latin_word_state`` (tests/rules/
    test_untranslated_fast.py compares both)."""
    freqs = counts()
    vowel = _VOWEL.search
    glue = _ENGLISH_GLUE
    # (past ELSEWHERE_AFTER words, _common_elsewhere is a look-up in the set: asked here)
    elsewhere: Callable[[str], bool] = _elsewhere_words().__contains__ if _elsewhere_asked > ELSEWHERE_AFTER else _common_elsewhere
    out: list[bool | None] = []
    for w, c in zip(words, map(freqs.get, words)):
        if not (w.isascii() and w.isalpha()):
            if w.isalpha() or "'" in w or "\u2019" in w or "-" in w:
                out.append(_latin_word_state(w, True))
            else:
                out.append(None)  # its own core (no elision mark), not all letters: ends a run
            continue
        n = len(w)
        if c is None and n > 2 and vowel(w):
            out.append(False)  # (unknown to the lexicon)
            continue
        state = True if (n <= 4 or (c or 0) < 2_000_000) and w not in glue else None
        out.append(False if n > 2 and elsewhere(w) else state)
    return out


def _opens_a_run(doc) -> bool:
    """Whether any of the document's words is ``_latin_word_state`` False (a run can open on
    it): a fact of each word kept for the process (``_lexfacts``)."""
    return any(map(and_, document_facts(doc).values(), repeat(OPENER)))  # (in C)


def _common_elsewhere(w: str) -> bool:
    """Far commoner in one of wordfreq's other languages than in English (lint.lexicon).

    The first ELSEWHERE_AFTER words a process asks about are looked up in the lexicon index
    (two fields of the word's line, a few microseconds); from then on they are answered from
    the set of every such word (``_elsewhere_words``, read in a few milliseconds): a long
    text asks about thousands of words (2,697 on the bench file: 17 ms of look-ups)."""
    global _elsewhere_asked
    if _elsewhere_asked > ELSEWHERE_AFTER:
        return w in _elsewhere_words()
    _elsewhere_asked += 1
    from ..lint.lexicon import foreign, zipf

    _, fz = foreign(w)
    return _far_commoner(fz, zipf(w))


def _far_commoner(fz: float, z: float) -> bool:
    """Another language's Zipf ``fz`` against English's ``z``: the test of _common_elsewhere."""
    return fz >= 4.5 and fz - z >= 2.5


ELSEWHERE_AFTER = 300
#: a text with more distinct words than this asks _common_elsewhere about so many that the set
#: (read in about 2 ms) is used from its first word (300 index look-ups took about 6 ms)
ELSEWHERE_MANY = 1000
_elsewhere_asked = 0


def _ask_elsewhere_by_set() -> None:
    """From here on _common_elsewhere answers from ``_elsewhere_words`` (the same answers)."""
    global _elsewhere_asked
    _elsewhere_asked = max(_elsewhere_asked, ELSEWHERE_AFTER + 1)
# an index line whose other language's Zipf (times 100) is at least 400 (the test asks 4.5)
_ELSEWHERE_LINE = lazy_re(rb"^([^\t\n]+)\t(\d+)\t[01]\t[^\t\n]+\t([4-9]\d\d)$", re.M)


def _elsewhere_scan(index) -> list[str]:
    """The words of the lexicon index ``index`` that _common_elsewhere says yes to: their lines
    read by one regex (the ones with another language's Zipf of 4.0 or more), then the same
    test on the same numbers ``foreign`` and ``zipf`` give."""
    # (over a view from the first line: "^" matches at the start of what is searched, not at
    # a start position inside it)
    lines = memoryview(index.buf)[index.base :]
    return [m[1].decode("utf-8") for m in _ELSEWHERE_LINE.finditer(lines) if _far_commoner(int(m[3]) / 100, int(m[2]) / 100)]


@lru_cache(maxsize=1)
def _elsewhere_words() -> frozenset[str]:
    """Every word _common_elsewhere says yes to (about 25,000), kept in the data cache folder
    as marshal data named after the lexicon index it was read from (``elsewhere-v1-*``: made
    once, about 0.15 s; read in about 2 ms)."""
    from ..lint._commonwords import kept_words

    return kept_words("elsewhere-v1", "", _elsewhere_scan)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``any(a <= pos < b for a, b in spans)`` for spans in text order that do not overlap
    (each one starts at or after the previous one's end): one bisection."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and pos < spans[k][1]


def _words_with_cyrillic_or_greek(doc, others: str | None = None, runs: "list[re.Match[str]] | None" = None) -> list:
    """The words holding a Cyrillic or Greek letter, in text order: found from the letters
    (rare in English text), not by a regex search of every word; the letters are looked for
    among the text's characters outside ASCII (``others``: ``_non_ascii(doc.text)``), then
    found in the text by ``str.find`` -- or, given ``runs`` (``list(_runs(text, others))``),
    inside the runs: every Cyrillic or Greek letter is one of _RUN's first letters, so it
    stands in a run (one starts at it if none covers it), and the runs' few characters are
    searched instead of the whole text (a find over a long text stored four bytes a
    character: about a millisecond per letter)."""
    text = doc.text
    if others is None:
        others = _non_ascii(text)
    letters = set(_CYRILLIC_OR_GREEK.findall(others)) if others else set()
    if not letters:
        return []
    words = doc.words
    starts = doc.word_starts  # (kept from building the words)
    out = []
    last = -1
    if runs is not None:
        search = _CYRILLIC_OR_GREEK.finditer
        where = [m.start() + c.start() for m in runs for c in search(m.group())]
    elif len(letters) <= _MAX_FIND_CHARS:
        where = _positions(text, letters)
    else:
        where = [m.start() for m in _CYRILLIC_OR_GREEK.finditer(text)]
    for p in where:
        k = bisect_right(starts, p) - 1
        if k > last and k >= 0 and p < words[k][1]:
            out.append(words[k])
            last = k
    return out


class ForeignFragment(Rule):
    """What it flags: an untranslated or foreign fragment inside English text: a run of non-Latin letters (Chinese, Japanese, Korean, Cyrillic, Greek, Arabic...), a Cyrillic or Greek look-alike letter inside a Latin word, a lower-case Vietnamese phrase, or a run of words in another Latin-script language.

    Why: machine translation leaves words it could not translate in the source language, and
    copy-and-paste from a source text or a spoofed look-alike letter ("Тhe" with a Cyrillic
    "Т") breaks search, spell checking and screen readers. The script is named from its
    Unicode block; a Latin-script run (four or more words the English lexicon does not know)
    is named by py3langid, whose model ships inside its wheel. Glosses in brackets
    ("Beijing (北京)"), single Greek letters used as symbols (α, μ), documents mostly in
    another script, capitalised Vietnamese names, accented Latin words and borrowed phrases
    ("joie de vivre", dish names) are left alone.

    Example: "the 两会 meetings" -> "the two sessions meetings"; "Тhe" (Cyrillic Т) -> "The".

    Fix: for look-alike letters, suggests the Latin letters (safe: the visible text does not
    change). For a foreign run there is no automatic fix: it needs a translator.
    """

    code = "U001"
    name = "foreign-fragment"
    family_cost = 2.7
    category = "untranslated"
    severity = "warning"
    fix_priority = 30

    def check(self, doc, config):
        text = doc.text
        others = _non_ascii(text)  # (the characters outside ASCII, for the searches below)
        runs = list(_runs(text, others)) if others else []  # (runs of other scripts: none in ASCII)
        if _latin_share(text, others, runs) < 0.5 or foreign_document(doc):
            return  # not an English document: nothing here is a fragment
        vocab = config.vocabulary if (config["names"] or config["words"]) else None
        homoglyph_spans = []  # (words in text order: sorted, never overlapping)
        # look-alike letters inside Latin words
        for w in _words_with_cyrillic_or_greek(doc, others, runs):
            t = w.text
            has_latin = bool(_LATIN_LETTER.search(t))
            mapped = "".join(CONFUSABLES.get(ch, ch) for ch in t)
            if has_latin or (_LATIN_LETTER.fullmatch(mapped[:1] or "-") and not _CYRILLIC_OR_GREEK.search(mapped)
                             and len(t) > 1 and is_known(mapped) and self._latin_context(text, w.start, w.end)):
                if _CYRILLIC_OR_GREEK.search(mapped):
                    sugg = []
                else:
                    sugg = [(mapped, True)]
                homoglyph_spans.append((w.start, w.end))
                yield self.finding(
                    doc,
                    w.start,
                    w.end,
                    f"Cyrillic or Greek look-alike letter inside the Latin word '{mapped}'",
                    sugg,
                    confidence=0.9,
                    properties={"script": "mixed"},
                )
        # runs of a foreign script (none in ASCII text)
        for m in runs:
            a, b = m.start(), m.end()
            run = m.group()
            if _inside(homoglyph_spans, a):
                continue
            if vocab is not None and vocab.accepts(run):
                continue
            letters = [ch for ch in run if not ch.isspace()]
            script, lang = _script(run)
            if script == "Greek" and len(_WORDISH.findall(run)) == 1 and len(run) <= 2:
                continue  # α, β, μ, Ω: symbols in science and finance
            if _enclosed(text, a, b):
                continue
            conf = 0.9 if len(letters) >= 2 else 0.7
            if _QUOTE_BEFORE.search(text[max(0, a - 3) : a]):
                conf = 0.5  # a quoted term, perhaps on purpose
            yield self.finding(
                doc,
                a,
                b,
                f"untranslated fragment in {script} script ({lang}): '{run}'",
                [],
                confidence=conf,
                properties={"script": script},
            )
        # whole phrases in another Latin-script language (only in a text that is English)
        viet_spans = []
        # (the runs first: most texts have none, and then the share of known words, which
        # only decides whether to report them, is never needed)
        latin_runs = self._foreign_latin_runs(doc)
        if latin_runs and english_share(doc) < 0.45:
            latin_runs = []
        for a, b, n_unknown in latin_runs:
            run = text[a:b]
            if _VIET_LETTER.search(run):
                lang = "vi"
            else:
                lang = _identify(run)
                if lang == "en":
                    continue
            name = _LANGUAGE_NAMES.get(lang or "", None)
            if lang is not None and name is None:
                name = f"language '{lang}'"
            viet_spans.append((a, b))
            yield self.finding(
                doc,
                a,
                b,
                f"untranslated {name or 'non-English'} fragment: '{run}'",
                [],
                confidence=0.8 if n_unknown >= 5 else 0.65,
                properties={"script": "Latin", "language": lang or "unknown"},
            )
        # lower-case Vietnamese words in running English
        for m in _viet_words(text) if _VIET_LETTER.search(text) and english_share(doc) >= 0.45 else ():
            if _inside(viet_spans, m.start()):
                continue
            run = m.group()
            words = run.split()
            if all(w[:1].isupper() for w in words):
                continue  # a Vietnamese name, written with its diacritics
            if _enclosed(text, m.start(), m.end()):
                continue
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                f"untranslated Vietnamese fragment: '{run}'",
                [],
                confidence=0.75 if len(words) > 1 else 0.45,
                properties={"script": "Latin", "language": "Vietnamese"},
            )

    def _foreign_latin_runs(self, doc):
        """Runs of lower-case words the English lexicon does not know, with at least
        _MIN_FOREIGN_WORDS of them; short words ("la", "de", "à") may sit inside a run.

        Each word is False (unknown: the stuff of a run), True (may sit inside a run) or None
        (ends a run); a run also ends at any gap but one space. A run can only open on a False
        word, so the scan jumps from one False word to the next (found by C-level map and
        compress over each distinct word's state) and walks word by word only inside a run:
        the runs found are the ones a walk over every word finds (the reference is
        ``_foreign_latin_runs_reference``, compared by tests/rules/test_untranslated_fast.py).
        """
        words = doc.words
        text = doc.text
        texts = doc.word_texts
        distinct = doc.word_counts  # (each distinct word once)
        if not _opens_a_run(doc):
            return []  # a run opens on an unknown word: none here
        if len(distinct) > ELSEWHERE_MANY:
            _ask_elsewhere_by_set()  # (thousands of words to ask about: the same answers)
        state, opening = _run_states(distinct)  # (state.get: None for a word not lower-case)
        n = len(words)
        out = []
        pos = 0
        for k0 in word_positions(doc, opening):  # (the tokens of an opening word, in text order)
            if k0 < pos:
                continue
            run = [(k0, False)]
            k = k0 + 1
            while k < n:
                known = state.get(texts[k])
                if known is None or text[words[k - 1][1] : words[k][0]] != " ":
                    break
                run.append((k, known))
                k += 1
            pos = k
            while run and run[-1][1]:
                run.pop()
            n_unknown = sum(1 for _, kn in run if not kn)
            if n_unknown >= _MIN_FOREIGN_WORDS:
                out.append((words[run[0][0]][0], words[run[-1][0]][1], n_unknown))
        return out

    def _foreign_latin_runs_reference(self, doc):
        """The plain walk over every word that _foreign_latin_runs must agree with."""
        words = doc.words
        text = doc.text
        out = []
        run: list = []  # (token, known)

        def flush() -> None:
            while run and run[-1][1]:
                run.pop()
            n_unknown = sum(1 for _, k in run if not k)
            if n_unknown >= _MIN_FOREIGN_WORDS:
                out.append((run[0][0].start, run[-1][0].end, n_unknown))
            run.clear()

        prev_end = None
        other = any(_latin_word_state(w.text) is False for w in words)
        for w in words:
            t = w.text
            if not t.islower():
                known = None
                if not run:
                    continue
            known = _latin_word_state(t, other)
            if run and (known is None or text[prev_end : w.start] != " "):
                flush()
            if known is False or (known is True and run):
                run.append((w, known))
            prev_end = w.end
        if run:
            flush()
        return out

    @staticmethod
    def _latin_context(text: str, a: int, b: int) -> bool:
        around = text[max(0, a - 40) : a] + text[b : b + 40]
        return _latin_share(around) >= 0.8 and bool(_LATIN_LETTER.search(around))
