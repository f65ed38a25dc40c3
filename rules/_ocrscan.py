"""O001, O002 and O003 scans of the shared spelling/OCR analysis (rules/_lexcheck.py): digits
and symbols inside words, broken hyphenation, words split by a stray space or run together,
and short OCR misreadings of function words. ``OcrScans`` is a mixin of ``_lexcheck._Analysis``:
the methods read the analysis's text, word lists and ownership set and report through ``add``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping

from ..lint import lexicon, nearwords
from ..lint.segment import chunk_around, chunk_bounds
from ._confusion import _ALPHABET, GLYPH_LETTERS, MIN_SUGGESTION_FREQ, Weights, confusion_cost, rank, symspell_candidates
from ._techterms import technical_prose
from ._words import _SUSPENDED_NEXT, FUNCTION_WORDS, MAX_WORD, _word_file, accepted_form, two_letter_words
from ..lint.lazyre import lazy_re

# Broken hyphenation: "im- prisonment", "in-\nformation".
_BROKEN_HYPHEN = lazy_re(r"(?<![\w\-\u2010])([^\W\d_]+)[\-\u2010]((?:[ \t]*\r?\n[ \t]*)|[ \t]+)([^\W\d_]+)(?![\w\-\u2010])")
_TYPESET_BREAK = lazy_re(r"\u2010[ \t]*\r?\n[ \t]*([^\W\d_]+)")
# Letters around one or two symbols: "st!ll", "w@ter", "l|ke".
_SYMBOL_IN_WORD = lazy_re(r"(?<![^\s\"'(\[\u201c\u2018])([^\W\d_]+)([!|$@({\[\]€¢£§®©^*]{1,2})([^\W\d_]+)(?=[\s.,;:!?\"')\]\u201d\u2019]|$)")
# The characters that can end the letter run of a _BROKEN_HYPHEN / _SYMBOL_IN_WORD match.
_BROKEN_HYPHEN_AT = lazy_re(r"[\-\u2010](?=[ \t\r\n])")
_SYMBOL_AT = lazy_re(r"[!|$@({\[\]€¢£§®©^*]")
_LETTER = lazy_re(r"[^\W\d_]")


def letter_run_matches(rx: "re.Pattern[str]", anchor: "re.Pattern[str]", text: str, at: Iterable[int] | None = None) -> Iterator["re.Match[str]"]:
    """``rx.finditer(text)``, found from the (rare) characters ``anchor`` matches (``at``: their
    offsets, in order, where the caller found them without the regex).

    For a pattern whose every match begins with a whole run of letters (``[^\\W\\d_]+`` after a
    look-behind that rejects a letter before it) directly followed by a character ``anchor``
    matches: the only place such a match can start is where the letter run before an anchor
    character starts, and ``rx.match`` there gives what ``finditer`` would (the run is greedy and
    cannot end elsewhere). Starts inside an earlier match are skipped, as ``finditer`` does.
    Regex searches that begin with a look-behind are tried at every position of the text; this
    visits only the anchors (tests/test_regex_rewrites.py compares both on random text).
    """
    end = 0
    letter = _LETTER.match
    for h in (a.start() for a in anchor.finditer(text)) if at is None else at:
        s = h
        while s > 0 and letter(text, s - 1):
            s -= 1
        if s == h or s < end:
            continue
        m = rx.match(text, s)
        if m is not None:
            end = m.end()
            yield m


#: up to this many hyphens (and one in a hundred characters more), ``hyphen_anchors`` visits them
_HYPHENS_VISITED = 4096


def hyphen_anchors(text: str) -> list[int]:
    """``[m.start() for m in _BROKEN_HYPHEN_AT.finditer(text)]``: each hyphen found by
    ``str.find``, which skips ahead in C, and the character after it read, instead of the regex
    trying every position of the text (6.7 -> 2 ms on 200,000 words, 2.5 -> 0.7 ms on the real
    text's 125,000); a text of very many hyphens (rules of dashes) takes the regex."""
    out: list[int] = []
    most = _HYPHENS_VISITED + len(text) // 100
    for hyphen in ("-", "\u2010"):
        p = text.find(hyphen)
        while p >= 0:
            most -= 1
            if most < 0:
                return [m.start() for m in _BROKEN_HYPHEN_AT.finditer(text)]
            if text[p + 1 : p + 2] in _BLANKS:
                out.append(p)
            p = text.find(hyphen, p + 1)
    out.sort()
    return out


_BLANKS = (" ", "\t", "\r", "\n")


_MAN_SECTION = lazy_re(r"\(\d[a-z]?\)")
_WORD_CHARS = lazy_re(r"\w+")
_WORD_CHAR = lazy_re(r"\w")


def _cited_names(text: str) -> frozenset[str]:
    """The words ``w`` of word characters (``\\w``) for which
    ``re.search(r"(?<![\\w-])" + re.escape(w) + r"\\(\\d[a-z]?\\)", text)`` matches: the run of word
    characters right before each manual section ("a2ps(1)", "po4a(1p)"), unless a hyphen comes
    before it. Found once per document, not a scan of the whole text per word (about 0.4 ms
    each on 125,000 words; 30 such words on the clean corpus' concatenated text)."""
    out = set()
    for m in _MAN_SECTION.finditer(text):
        q = s = m.start()
        while s > 0 and _WORD_CHAR.match(text, s - 1):
            s -= 1
        if s < q and (s == 0 or text[s - 1] != "-"):
            out.add(text[s:q])
    return frozenset(out)


#: a reading this common (about Zipf 5: "will", "from") makes a word with a digit an OCR slip
#: however often it is written
_EVERYDAY = 100_000_000
_NUMBER_UNIT = lazy_re(r"^\d+(?:st|nd|rd|th|s|am|pm|k|m|bn|mn|tn|km|kg|mm|cm|ft|mph|kph|mb|gb|tb|hz|kw|mw|gw|x|d|g|p|fps)$", re.I)

_SHORT_FUNCTION = tuple(sorted(_word_file("ocr-short-function-words.txt")))

_CHUNK_CODE = lazy_re(
    r"://|\bwww\.|@|^[#@$]|[_\\=<>{}|~^`]|\.(?:com|org|net|edu|gov|io|co|uk|de|fr|info|biz|ly|me|tv|js|py|md|txt|html?|php|pdf|json|xml|csv)\b"
    r"|/\w|[a-z]\.[a-z]|^--?[a-z]",
    re.I,
)
_CAMEL = lazy_re(r"[a-z][A-Z]")


def code_like(text: str, start: int, end: int) -> bool:
    a, b = chunk_bounds(text, start, end)
    if b - a <= _LONG_CHUNK:
        chunk = text[a:b]
        return bool(_CHUNK_CODE.search(chunk) or _CAMEL.search(chunk))
    # A long chunk (a blob, a line of comma-separated words) holds many words: its answer is
    # kept, for this text only, rather than copying and searching the chunk for each word.
    if _long_chunks[0] is not text:
        _long_chunks[:] = [text, {}]
    known = _long_chunks[1].get((a, b))
    if known is None:
        chunk = text[a:b]
        known = _long_chunks[1][a, b] = bool(_CHUNK_CODE.search(chunk) or _CAMEL.search(chunk))
    return known


_LONG_CHUNK = 256
_long_chunks: list = [None, {}]


@lru_cache(maxsize=65536)
def digit_word(w: str) -> int:
    """What a token that is no number and not in the lexicon is to the digit test
    (``OcrScans._digits_in_word``), from its text alone: 0 when it has no digit or has a hyphen
    (not the test's), 1 when its shape rules it out before any context is read (too many digits,
    capitals inside, a number with a unit: "1990s", "A320", "3pm"), 2 when the test must look.
    Kept for the process: a run of many files meets the same tokens again."""
    # (the characters' tests mapped in C: str.isdigit and friends on each character)
    if "-" in w or "\u2010" in w or "\u2011" in w or not any(map(str.isdigit, w)):
        return 0
    if len(w) > MAX_WORD or "'" in w or "\u2019" in w:
        return 1
    letters = sum(map(str.isalpha, w))
    digits = sum(map(str.isdigit, w))
    if letters < 2 or digits > 2 or digits * 2 > letters:
        return 1
    if sum(map(str.isupper, w)) > (1 if w[0].isupper() else 0):
        return 1
    if _NUMBER_UNIT.match(w):
        return 1
    return 2


def _fillings(low: str, positions: list[int], freqs: Mapping[str, int]) -> list[str]:
    """The lexicon's words of ``low``'s length that agree with it outside ``positions`` (a
    letter of _ALPHABET there), in no set order (``_fill_glyphs`` sorts them). Where the
    counts are the dict and one position is filled, its 26 fillings are made and looked up in
    it: no regex to compile for the word. Otherwise one regex over the words of that length,
    instead of trying the 676 fillings of two positions or every filling on the mapped list
    (tests/rules/test_lexicon_fast_paths.py compares both)."""
    if type(freqs) is dict and len(positions) == 1:
        a = positions[0]
        head, tail = low[:a], low[a + 1 :]
        return [x for x in [head + c + tail for c in _ALPHABET] if x in freqs]
    parts: list[str] = [re.escape(ch) for ch in low]
    for p in positions:
        parts[p] = f"[{_ALPHABET}]"
    return [m.group(1) for m in re.finditer("\n(" + "".join(parts) + ")(?=\n)", _words_of_length(len(low)))]


@lru_cache(maxsize=64)
def _words_of_length(n: int) -> str:
    """The lexicon's words of ``n`` characters, each on a line of its own (for ``_fill_glyphs``'s
    regex: a pattern that opens with the newline before a word lets re skip to it quickly)."""
    return "\n" + nearwords.joined_words_of_length(n, "\n") + "\n"


@lru_cache(maxsize=65536)
def _run_together_parts(w: str) -> tuple[str, ...]:
    """The words ``w`` splits into for ``OcrScans._run_together`` by the tests that read the
    word alone, else (): two or three words, one a function word, the segmenter's split of it
    (``nearwords.segmenter``), short parts common. Kept for the process: a word the analysis
    leaves quiet is asked at each of its uses, and a run of many files meets it again (the
    segmentation is about 70 us)."""
    if len(w) < 4:
        return ()
    freqs = lexicon.counts()
    # cheap pre-check: some split must put a function word on one side
    ok = False
    for k in range(1, len(w)):
        if (w[:k] in FUNCTION_WORDS and w[k:] in freqs) or (w[k:] in FUNCTION_WORDS and w[:k] in freqs):
            ok = True
            break
    if not ok:
        return ()
    seg = nearwords.segmenter().word_segmentation(w, max_edit_distance=0)
    parts = seg.segmented_string.split()
    if not 2 <= len(parts) <= 3 or "".join(parts) != w:
        return ()
    if not any(p in FUNCTION_WORDS for p in parts):
        return ()
    # short parts must be common ("of", "the"); a longer part may be any ordinary word
    if any(freqs.get(p, 0) < (1_000_000 if len(p) <= 3 else 50_000) or (len(p) == 1 and p not in "ai") for p in parts):
        return ()
    return tuple(parts)


class OcrScans:
    """The OCR scans of ``_lexcheck._Analysis`` (a mixin: see the module's docstring)."""

    # set by _lexcheck._Analysis.__init__
    doc: Any
    text: str
    mode: str
    w: Weights
    freqs: Mapping[str, int]
    owned: set[int]

    def add(self, code: str, start: int, end: int, message: str, sugg: list[tuple[str, bool]], conf: float) -> None:
        raise NotImplementedError

    def accepts(self, w: str) -> bool:
        raise NotImplementedError

    # --------------------------------------------------- O001 digits
    def _digits_in_word(self, tok: Any) -> None:
        w = tok.text
        if len(w) > MAX_WORD:
            return
        if "-" in w or "'" in w or "\u2019" in w:
            return  # COVID-19, F-35, 1990's
        letters = sum(ch.isalpha() for ch in w)
        digits = [i for i, ch in enumerate(w) if ch.isdigit()]
        if letters < 2 or len(digits) > 2 or len(digits) * 2 > letters:
            return
        if sum(ch.isupper() for ch in w) > (1 if w[0].isupper() else 0):
            return  # H2O, CO2, A320, MP3s, iPhone4
        if _NUMBER_UNIT.match(w):
            return
        low = w.lower()
        if self.accepts(low) or code_like(self.text, tok.start, tok.end):
            return
        # the digits read as the letters they look like ("5aid" -> "said", "f0r" -> "for")
        glyph = "".join(GLYPH_LETTERS.get(ch, ch)[:1] if ch.isdigit() else ch for ch in low)
        glyph_freq = self.freqs.get(glyph, 0)
        # a number glued to a word ("3years", "covid19") is spacing, not OCR
        stripped = low.strip("0123456789")
        glued = stripped.isalpha() and len(stripped) < len(low) and (stripped in self.freqs or accepted_form(stripped))
        if glued or letters < 3:
            if glyph_freq < (1_000_000 if letters >= 3 else 100_000_000):
                return
        if digits[0] >= 3 and digits[-1] == len(w) - 1 and len(digits) == len(w) - digits[0] and glyph_freq < 1_000_000:
            if technical_prose(self.doc):
                return  # "sha1", "tty0", "eth1" in a manual: a name with its number, not "shal"
        if glyph_freq < _EVERYDAY and technical_prose(self.doc) and self._cited_name(w):
            return  # "a2ps" written alike three times, or "po4a(1)": a program's name, not "apps"
        cands = self._fill_glyphs(low, digits)
        if glyph_freq >= MIN_SUGGESTION_FREQ and glyph in cands:
            cands.remove(glyph)
            cands.insert(0, glyph)
        if not cands:
            return
        if w[0].isupper():
            cands = [c[0].upper() + c[1:] for c in cands]
        conf = 0.85 if self.mode == "ocr" else 0.7
        self.add(
            "O001", tok.start, tok.end, f"digit inside a word: '{w}' looks like an OCR misreading of '{cands[0]}'", [(c, False) for c in cands], conf
        )
        self.owned.add(tok.start)

    def _cited_name(self, w: str) -> bool:
        """Does the document write the word with a digit ``w`` three times or more, or once with
        a manual section after it ("a2ps(1)")? OCR seldom misreads one word alike each time; a
        manual cites its programs' names."""
        if self.doc.word_counts.get(w, 0) >= 3:
            return True
        text = self.text
        if _WORD_CHARS.fullmatch(w):  # (as every such token but one with U+2010/U+2011 in it)
            return w in self.doc.memo("ocrscan.cited_names", lambda: _cited_names(text))
        return w + "(" in text and re.search(r"(?<![\w-])" + re.escape(w) + r"\(\d[a-z]?\)", text) is not None

    def _fill_glyphs(self, low: str, positions: list[int]) -> list[str]:
        """Dictionary words made by putting letters at ``positions``, look-alike letters first."""
        freqs = self.freqs
        prefs = [GLYPH_LETTERS.get(low[p], "") for p in positions]
        # each candidate costs what the filling that makes it costs, summed in the same order
        scored: list[tuple[float, str]] = []
        for cand in _fillings(low, positions, freqs):
            f = freqs.get(cand, 0)
            if f >= MIN_SUGGESTION_FREQ:
                cost = 0.0
                for p, pref in zip(positions, prefs):
                    cost += 0.3 if cand[p] in pref else 1.0
                scored.append((cost - self.w.freq * math.log10(f), cand))
        scored.sort()
        return [c for _, c in scored[:3]]

    def _symbols_in_words(self) -> None:
        text = self.text
        if not any(ch in text for ch in "!|$@({[]€¢£§®©^*"):
            return
        for m in letter_run_matches(_SYMBOL_IN_WORD, _SYMBOL_AT, text):
            left, sym, right = m.group(1), m.group(2), m.group(3)
            whole = m.group(0)
            if sym == "(" and right in ("s", "es") and text.startswith(")", m.end()):
                continue  # "owner(s)": an optional plural
            if len(left) + len(right) < 3 or not (left + right).islower() and not (left[0].isupper() and (left[1:] + right).islower()):
                continue
            if code_like(text, m.start(), m.end()) and "@" not in sym and "$" not in sym:
                continue
            if "@" in sym and "." in chunk_around(text, m.start(), m.end()):
                continue  # an e-mail address
            low = whole.lower()
            cands = self._fill_glyphs(low, list(range(len(left), len(left) + len(sym))))
            if not cands and len(sym) == 1:
                # the symbol stood for nothing ("wa|ter")
                joined = (left + right).lower()
                if joined in self.freqs:
                    cands = [joined]
            if not cands:
                continue
            if whole[0].isupper():
                cands = [c[0].upper() + c[1:] for c in cands]
            self.add(
                "O001",
                m.start(),
                m.end(),
                f"symbol inside a word: '{whole}' looks like an OCR misreading of '{cands[0]}'",
                [(c, False) for c in cands],
                0.8 if self.mode == "ocr" else 0.65,
            )
            for tok_start in (m.start(1), m.start(3)):
                self.owned.add(tok_start)

    # ---------------------------------------------------------- O002
    def _broken_hyphens(self) -> None:
        text = self.text
        if "-" not in text and "\u2010" not in text:
            return
        freqs = self.freqs
        if "\u2010" in text:
            # U+2010 HYPHEN at a line's end is a typesetter's break (typing and OCR do not make
            # it), also inside a compound ("initial-argu\u2010 ments", "implemen\u2010 tation-defined")
            h = text.find("\u2010")
            while h != -1:
                m = _TYPESET_BREAK.match(text, h)
                if m is not None:
                    s = h
                    while s > 0 and text[s - 1].isalpha():
                        s -= 1
                    if s < h:
                        self.owned.add(s)
                        self.owned.add(m.end() - len(m.group(1)))
                h = text.find("\u2010", h + 1)
        for m in letter_run_matches(_BROKEN_HYPHEN, _BROKEN_HYPHEN_AT, text, hyphen_anchors(text)):
            left, gap, right = m.group(1), m.group(2), m.group(3)
            if right.lower() in _SUSPENDED_NEXT:
                continue
            if not right.islower():
                continue  # "Anglo- French" or a name after a dash
            if "\n" in gap and (text[m.end(1)] == "\u2010" or self.doc.line_col(m.start(2))[0] in self.doc.justified_lines):
                # a typesetter's hyphenation (U+2010 HYPHEN, which typing and OCR do not make, or
                # at the end of a justified line): neither half is a word
                self.owned.add(m.start(1))
                self.owned.add(m.start(3))
                continue
            joined = left + right
            f = freqs.get(joined.lower(), 0)
            if f < 100_000 and not (f and "\n" in gap):
                continue
            both_words = left.lower() in freqs and right in freqs and len(left) > 1
            sugg = [(joined, False)]
            if both_words:
                sugg.append((f"{left}-{right}", False))
            conf = 0.6 if both_words else 0.85
            if "\n" in gap:
                conf = min(0.95, conf + 0.1)
            self.add("O002", m.start(), m.end(), f"word broken by a hyphen: '{left}- {right}' reads as '{joined}'", sugg, conf)
            self.owned.add(m.start(1))
            self.owned.add(m.start(3))

    def _split_word(self, words: list, idx: int, start: int, end: int, w: str, quiet: bool = False) -> bool:
        text = self.text
        freqs = self.freqs
        options = []
        # a word in use ("mortem") joins only into a word far commoner than itself ("ment" ->
        # "government"), not into a rarer compound ("post mortem")
        floor = 10 ** (lexicon.zipf(w) + 1.5 + 2.6) if quiet else 0
        if idx > 0:
            prev = words[idx - 1]
            if text[prev.end : start] == " " and prev.text.isalpha() and prev.text.islower() and prev.start not in self.owned:
                j = prev.text + w
                if freqs.get(j, 0) >= max(100_000, floor):
                    options.append((freqs[j], prev.start, end, j))
        if idx + 1 < len(words) and end == words[idx].end:
            nxt = words[idx + 1]
            if text[end : nxt.start] == " " and nxt.text.isalpha() and nxt.text.islower() and nxt.start not in self.owned:
                j = w + nxt.text
                if freqs.get(j, 0) >= max(100_000, floor):
                    options.append((freqs[j], start, nxt.end, j))
        if not options:
            return False
        options.sort(reverse=True)
        _, a, b, joined = options[0]
        self.add("O003", a, b, f"word split by a space: '{text[a:b]}' reads as '{joined}'", [(joined, False)], 0.8)
        for t in words[max(0, idx - 1) : idx + 2]:
            if a <= t.start < b:
                self.owned.add(t.start)
        self.owned.add(start)
        return True

    def _run_together(self, start: int, end: int, w: str, function_words_only: bool = False) -> bool:
        parts = _run_together_parts(w)
        if not parts:
            return False
        if function_words_only and not all(p in FUNCTION_WORDS for p in parts):
            return False  # "todo", "async": words of their own
        freqs = self.freqs
        # prefer a one-word correction when it is much more likely than the split
        split_score = sum(math.log10(freqs[p]) for p in parts) - 11.0 * (len(parts) - 1) - 1.0
        best = rank(w, symspell_candidates(w), self.w)
        if best:
            cost, cand = best[0]
            corr_score = math.log10(freqs[cand]) - 3.0 * confusion_cost(w, cand, self.w)
            if corr_score > split_score:
                return False
        joined = " ".join(parts)
        self.add("O003", start, end, f"words run together: '{w}' reads as '{joined}'", [(joined, False)], 0.75)
        self.owned.add(start)
        return True

    def _short_ocr(self, start: int, end: int, w: str) -> None:
        """OCR mode: a two-letter non-word that a look-alike or one edit makes a function word
        ("tb" -> "to", "bf" -> "of", "th" -> "the")."""
        if w in two_letter_words() or self.accepts(w):
            return
        text = self.text
        if end < len(text) and text[end] in ".'’":
            return  # an abbreviation ("wk.") or an elision
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "'’&/"):
            return
        scored = sorted((confusion_cost(w, c, self.w), -self.freqs.get(c, 0), c) for c in _SHORT_FUNCTION)
        cost, _, best = scored[0]
        if cost > 1.0:
            return
        self.add("O001", start, end, f"'{w}' looks like an OCR misreading of '{best}'", [(c, False) for k, _, c in scored[:3] if k <= 1.0], 0.6)
        self.owned.add(start)
