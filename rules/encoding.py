"""E: encoding damage and invisible characters."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lint._datacache import _Blob, _save, remake
from ..lint.rule import Rule
from ..lint.lazyre import lazy_re
from ._ftfyload import ftfy as _ftfy
from ._charscan import _invisible_runs, _replacement_runs

_NON_ASCII = lazy_re(r"[^\x00-\x7f]")
_WS = lazy_re(r"\s")


# Typographic characters common in clean English text. ftfy's badness expression cannot match
# text made only of these and ASCII (checked when first used, see _mojibake_triggers), so such
# paragraphs never reach the expression, which costs about 0.15 s per megabyte.
_COMMON_TYPOGRAPHY = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"


@lru_cache(maxsize=1)
def _mojibake_triggers() -> "re.Pattern[str]":
    """Characters a paragraph must contain for ftfy's ``is_bad`` to be worth asking (see
    _analyse_triggers; the answer is kept between runs by _badness_shape)."""
    return _narrow_triggers() if _badness_shape()[0] else _NON_ASCII


@lru_cache(maxsize=1)
def _mojibake_width() -> int | None:
    """The longest text a badness match can span, or None (see _analyse_width; kept between
    runs by _badness_shape)."""
    return _badness_shape()[1]


@lru_cache(maxsize=1)
def _narrow_triggers() -> "re.Pattern[str]":
    return re.compile(r"[^\x00-\x7f" + _COMMON_TYPOGRAPHY + "]")

_SHAPE_VERSION = 1


@lru_cache(maxsize=1)
def _badness_shape() -> tuple[bool, int | None]:
    """(whether the trigger is "not ASCII, not common typography", the width for windowed
    searches): what _analyse_triggers and _analyse_width read from ftfy's badness expression.

    Parsing the 4,000-character expression takes about 20 ms, and it needs ftfy imported
    (about 40 ms more). The answer is kept in the data cache folder (``mojibake-shape-*.txt``),
    named by the checksum of ftfy's ``badness.py`` found without importing ftfy, so a run whose
    text holds no trigger character never imports ftfy, and one that does skips the parse.
    Where the file cannot be read or written the expression is parsed as before.
    """
    path = _shape_file()
    keep = path is not None
    if path is not None:
        try:
            kind, _, width = path.read_text(encoding="ascii").partition(" ")
            if kind in ("narrow", "any") and (width == "none" or width.isdigit()):
                return kind == "narrow", None if width == "none" else int(width)
        except (OSError, ValueError) as exc:
            keep = remake(exc)  # no file yet, or a damaged one: parse the expression
    narrow = _analyse_triggers() is not _NON_ASCII
    width = _analyse_width() if narrow else None
    if keep and path is not None:
        _keep(path, f"{'narrow' if narrow else 'any'} {'none' if width is None else width}")
        _badness_re()  # (ftfy is imported now: its expression is kept too, for later runs)
    return narrow, width


@lru_cache(maxsize=1)
def _badness_re() -> "re.Pattern[str]":
    """ftfy's ``BADNESS_RE`` (its ``is_bad(t)`` is ``bool(BADNESS_RE.search(t))``), read without
    importing ftfy where its pattern and flags are kept in the data cache folder
    (``mojibake-badness-*.txt``, named like the shape file by ftfy's ``badness.py``) and compiled
    through the kept regex code (lint/lazyre.py). Most text with a trigger character (an
    accented name) holds no mojibake: it then never imports ftfy (about 40 ms and 8 MB), which
    is imported only to repair a paragraph the expression flags."""
    path = _shape_file("badness")
    keep = path is not None
    if path is not None:
        try:
            flags, _, pattern = path.read_text(encoding="utf-8").partition("\n")
            if flags.isdigit() and pattern:
                from ..lint.lazyre import _compile

                return _compile(pattern, int(flags))
        except (OSError, ValueError, re.error) as exc:
            keep = remake(exc)  # no file yet, or a damaged one: ftfy's own
    _ftfy()  # (ftfy's package first, without what E001 never uses)
    from ftfy.badness import BADNESS_RE

    if keep and path is not None:
        _keep(path, f"{BADNESS_RE.flags}\n{BADNESS_RE.pattern}")
    return BADNESS_RE


def _keep(path, text: str) -> None:
    """Write ``text`` to ``path`` in the data cache folder as the lexicon's files are written
    (atomically; nothing where the folder cannot be written)."""
    _save(_Blob(text.encode("utf-8")), path.parent, path.name, path.name.split("-v", 1)[0] + "-")


def _shape_file(kind: str = "shape"):
    """The cache file for _badness_shape (or, with ``kind`` "badness", _badness_re), or None
    (no cache folder, no ftfy)."""
    import zlib

    from ..lint.lexicon import _cache_dir, _package_dir

    try:
        folder, ftfy_dir = _cache_dir(), _package_dir("ftfy")
        if folder is None or ftfy_dir is None:
            return None
        data = (ftfy_dir / "badness.py").read_bytes()
    except (OSError, ImportError, ValueError):
        return None
    return folder / f"mojibake-{kind}-v{_SHAPE_VERSION}-{len(data)}-{zlib.crc32(data):08x}.txt"


@lru_cache(maxsize=1)
def _analyse_triggers() -> "re.Pattern[str]":
    """Characters a paragraph must contain for ftfy's ``is_bad`` to be worth asking.

    ftfy's ``BADNESS_RE`` is a list of alternatives, each a sequence of character classes. If
    every alternative has a class with no character from ASCII or ``_COMMON_TYPOGRAPHY``, any
    match contains a character outside that set: the trigger is "not ASCII, not common
    typography". Should a future ftfy add an alternative that can match ASCII and common
    typography alone (or one we cannot read), the trigger falls back to any non-ASCII character,
    the test used before.
    """
    _ftfy()  # (ftfy's package first, without what E001 never uses)
    from ftfy.badness import BADNESS_RE

    try:
        import re._parser as sre  # type: ignore[import-not-found]  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as sre  # type: ignore[no-redef]
    safe = {chr(c) for c in range(128)} | set(_COMMON_TYPOGRAPHY)
    try:
        if BADNESS_RE.flags & re.IGNORECASE:  # a literal would then match other letters too
            return _NON_ASCII
        tree = sre.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        if len(tree) != 1 or str(tree[0][0]) != "BRANCH":
            return _NON_ASCII
        for alt in tree[0][1][1]:
            if not any((cls := _class_chars(str(op), av)) is not None and not cls & safe for op, av in alt):
                return _NON_ASCII
    except Exception:  # pragma: no cover - an unexpected ftfy pattern: no shortcut
        return _NON_ASCII
    return _narrow_triggers()


#: the items a badness alternative may hold for _mojibake_width: each matches the same text
#: wherever it is tried (the start-of-text anchor aside, see there)
_CONTEXT_FREE = frozenset(("LITERAL", "NOT_LITERAL", "IN", "ANY", "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT"))


def _analyse_width() -> int | None:
    """The longest text ftfy's ``BADNESS_RE`` can match, when every match also matches where a
    search is started a few characters before it (None otherwise: then is_bad reads the whole
    paragraph).

    Every match holds a trigger character (_mojibake_triggers), so with ``W`` the longest match,
    a match holding the trigger at ``p`` lies inside ``[p - W + 1, p + W)``: searching those
    windows of a paragraph answers ``is_bad(paragraph)`` without the expression being tried at
    every position (about 0.1 s on 200,000 words of text with accented names). The items must
    be context-free; ``^`` (the start of the text, without MULTILINE) is allowed because a
    search given a start position in the paragraph matches it only where the paragraph starts,
    as the whole search does.
    """
    _ftfy()  # (ftfy's package first, without what E001 never uses)
    from ftfy.badness import BADNESS_RE

    try:
        import re._parser as sre  # type: ignore[import-not-found]  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as sre  # type: ignore[no-redef]
    if _analyse_triggers() is _NON_ASCII or BADNESS_RE.flags & (re.MULTILINE | re.IGNORECASE):
        return None
    try:
        tree = sre.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        width = tree.getwidth()[1]
    except Exception:  # pragma: no cover - an unexpected ftfy pattern: no shortcut
        return None
    if width >= 1000:  # (unbounded repeats give MAXREPEAT)
        return None

    def context_free(items) -> bool:
        for op, av in items:
            op = str(op)
            if op == "AT":
                if str(av) not in ("AT_BEGINNING", "AT_BEGINNING_STRING"):
                    return False
            elif op not in _CONTEXT_FREE:
                return False
            elif op == "BRANCH" and not all(context_free(a) for a in av[1]):
                return False
            elif op == "SUBPATTERN" and not context_free(av[3]):
                return False
            elif op in ("MAX_REPEAT", "MIN_REPEAT") and not context_free(av[2]):
                return False
        return True

    return width if context_free(tree) else None


def _bad_near_triggers(text: str, triggers: "re.Pattern[str]", width: int) -> bool:
    """``bool(triggers.search(text)) and is_bad(text)``, with ``width`` from _mojibake_width: the
    badness expression is tried only in the windows around the trigger characters (windows
    that overlap or touch merged into one)."""
    search = _badness_re().search
    lo = hi = -1  # the window being grown (none yet)
    for m in triggers.finditer(text):
        p = m.start()
        a = p - width + 1
        if hi < 0 or a > hi:
            if hi >= 0 and search(text, lo, hi):
                return True
            lo = a if a > 0 else 0
        hi = p + width
    return hi >= 0 and search(text, lo, hi) is not None


def _class_chars(op: str, av) -> set[str] | None:
    """The characters a LITERAL or IN item matches; None for anything else (a category, a
    negated class, a repeat, an anchor)."""
    if op == "LITERAL":
        return {chr(av)}
    if op != "IN":
        return None
    out: set[str] = set()
    for kind, val in av:
        kind = str(kind)
        if kind == "LITERAL":
            out.add(chr(val))
        elif kind == "RANGE":
            out.update(chr(c) for c in range(val[0], min(val[1], val[0] + 65536) + 1))
        else:
            return None
    return out


def _expand(text: str, a: int, b: int) -> tuple[int, int]:
    """Grow [a, b) to whole white-space delimited tokens."""
    while a > 0 and not _WS.match(text, a - 1):
        a -= 1
    n = len(text)
    while b < n and not _WS.match(text, b):
        b += 1
    return a, b


#: up to this many characters (old and new together), a changed paragraph is compared character
#: by character as a whole; a longer one line by line, each line from its first to its last
#: change (see _long_changes)
_WHOLE_DIFF_CHARS = 4000


def _changed_regions(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Regions (old_a, old_b, new_a, new_b) that differ, grown to whole tokens and merged."""
    if len(old) + len(new) <= _WHOLE_DIFF_CHARS:
        changes = _char_changes(old, new, 0, 0)
    else:
        changes = _long_changes(old, new)
    regions: list[list[int]] = []
    for i1, i2, j1, j2 in changes:
        a, b = _expand(old, i1, i2)
        # The grown parts are unchanged text, so the same amounts apply on the new side.
        c, d = j1 - (i1 - a), j2 + (b - i2)
        if regions and a <= regions[-1][1]:
            # Grown to the same token (or touching it): the region's new end is this change's,
            # since only the text after the last change is known to be unchanged. (Taking the
            # larger end gave "résumé " for "rÃ©sumÃ©", and the fix ate the space after it.)
            regions[-1][1] = b
            regions[-1][3] = d
        else:
            regions.append([a, b, c, d])
    return [tuple(r) for r in regions]  # type: ignore[misc]


def _char_changes(old: str, new: str, oa: int, na: int) -> list[tuple[int, int, int, int]]:
    """difflib's non-equal opcodes of ``old`` and ``new`` (character by character), shifted by
    ``oa`` and ``na``. Time grows with the product of the lengths: callers keep them short."""
    import difflib  # (only for a paragraph with mojibake)

    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1 + oa, i2 + oa, j1 + na, j2 + na) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (by halving, each comparison in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _long_changes(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """The changes between a long paragraph and its repair, in time about linear in its length.

    One difflib comparison of the whole text costs the product of the lengths (a 10,600-character
    table took 2.2 s, and a scraped page without blank lines is one paragraph of any length).
    ftfy's repair replaces short runs and keeps line breaks: where both texts have the same
    number of lines, each changed line is compared with its repair, from its first to its last
    differing character; only that middle goes to difflib when it is short, else its
    white-space-delimited tokens are aligned instead (regions are grown to whole tokens anyway).
    """
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) != len(new_lines):
        return _middle_changes(old, new, 0, 0)
    out: list[tuple[int, int, int, int]] = []
    oa = na = 0
    for lo, ln in zip(old_lines, new_lines):
        if lo != ln:
            out.extend(_middle_changes(lo, ln, oa, na))
        oa += len(lo) + 1
        na += len(ln) + 1
    return out


def _middle_changes(old: str, new: str, oa: int, na: int) -> list[tuple[int, int, int, int]]:
    """The changes of one line (or text) and its repair, shifted by ``oa`` and ``na``."""
    p = _common_prefix(old, new)
    # the common suffix, not reaching into the prefix of either text
    s = _common_prefix(old[p:][::-1], new[p:][::-1])
    a, b = old[p : len(old) - s], new[p : len(new) - s]
    if not a and not b:
        return []
    if len(a) + len(b) <= _WHOLE_DIFF_CHARS:
        return _char_changes(a, b, oa + p, na + p)
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    sa, sb = _starts(ta), _starts(tb)
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in _token_changes(ta, tb):
        # each run of changed tokens compared character by character where it is short, as a
        # short paragraph is ("dÃ©jÃ\xa0 vu": the repair ate a no-break space, so the tokens
        # differ from "déjà" to the next word, but only "dÃ©jÃ\xa0" changed)
        x1, x2, y1, y2 = sa[i1] + oa + p, sa[i2] + oa + p, sb[j1] + na + p, sb[j2] + na + p
        if (x2 - x1) + (y2 - y1) <= _WHOLE_DIFF_CHARS:
            out.extend(_char_changes(a[sa[i1] : sa[i2]], b[sb[j1] : sb[j2]], x1, y1))
        else:
            out.append((x1, x2, y1, y2))
    return out


_TOKEN = lazy_re(r"\s+|\S+")
#: tokens that must agree after a change for the two texts to be back in step
_RESYNC_TOKENS = 4
#: how far (tokens of both texts together) a change may reach before the rest counts as changed
_RESYNC_REACH = 200


def _token_changes(ta: list[str], tb: list[str]) -> list[tuple[int, int, int, int]]:
    """Runs of tokens that differ, walking both lists in step: a repair mostly replaces one
    token by one (taken when the next tokens agree), else the nearest point where
    ``_RESYNC_TOKENS`` tokens agree again ends the change. Linear in the length for a repair
    of scattered tokens, where difflib's time grows with the product of the lengths (its
    automatic junk, which would avoid that, leaves spaces and common words unmatched)."""
    out: list[tuple[int, int, int, int]] = []
    i = j = 0
    n, m = len(ta), len(tb)
    while i < n and j < m:
        if ta[i] == tb[j]:
            i += 1
            j += 1
            continue
        if (i + 1 == n and j + 1 == m) or (i + 1 < n and j + 1 < m and ta[i + 1] == tb[j + 1]):
            out.append((i, i + 1, j, j + 1))
            i += 1
            j += 1
            continue
        step = _resync(ta, tb, i, j)
        if step is None:
            break
        out.append((i, step[0], j, step[1]))
        i, j = step
    if i < n or j < m:
        out.append((i, n, j, m))
    return out


def _resync(ta: list[str], tb: list[str], i: int, j: int) -> tuple[int, int] | None:
    """The nearest (fewest tokens skipped on both sides) point after (i, j) where the two lists
    agree for ``_RESYNC_TOKENS`` tokens or to both their ends; None if none is within reach."""
    n, m = len(ta), len(tb)
    for d in range(1, _RESYNC_REACH + 1):
        for x in range(d + 1):
            i2, j2 = i + x, j + d - x
            if i2 > n or j2 > m:
                continue
            k = _RESYNC_TOKENS
            if ta[i2 : i2 + k] == tb[j2 : j2 + k] and (i2 + k <= n or n - i2 == m - j2):
                return i2, j2
    return None


def _starts(tokens: list[str]) -> list[int]:
    """Where each token starts, and the end of the last."""
    from itertools import accumulate

    return list(accumulate(map(len, tokens), initial=0))


class Mojibake(Rule):
    """What it flags: text that was encoded in one character set and decoded in another ("donâ€™t", "cafÃ©").

    Why: a scraper or a database that gets the encoding wrong turns every accent, curly quote
    and dash into a run of Latin-1 letters; readers see garbage and search breaks. Detection
    and repair are ftfy's, which only reports text whose badness is unlikely in real text.

    Example: "The report didnâ€™t say" -> "The report didn’t say".

    Fix: replaces the damaged token with ftfy's repair. Safe when the repaired paragraph no
    longer looks like mojibake; otherwise unsafe.
    """

    code = "E001"
    structural = True  # reads doc.structural_text
    splittable = True  # looks within one paragraph at a time
    name = "mojibake"
    category = "encoding"
    severity = "error"
    fix_priority = 5
    family_cost = 0.9

    def check(self, doc, config):
        text = doc.structural_text  # code, tables and banners of plain text too
        if text.isascii():
            return  # every trigger character is outside ASCII: no need to import ftfy
        triggers = _mojibake_triggers()
        if not triggers.search(text):
            return  # (every paragraph is part of the text) no need to import ftfy
        bad = _badness_re().search  # ftfy's is_bad, without importing ftfy (see there)
        width = _mojibake_width()
        for para in doc.structural_paragraphs_with(triggers):  # (the others hold no trigger)
            if width is not None:
                if not _bad_near_triggers(para.text, triggers, width):
                    continue
            elif not triggers.search(para.text) or not bad(para.text):
                continue
            fixed = _ftfy().fix_encoding(para.text)  # (a paragraph to repair)
            if fixed == para.text:
                continue
            safe = not bad(fixed)
            for a, b, c, d in _changed_regions(para.text, fixed):
                start, end = para.start + a, para.start + b
                repl = fixed[c:d]
                if all("\x80" <= ch <= "\x9f" for ch in _NON_ASCII.findall(text[start:end])):
                    continue  # lone C1 controls are E002's
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"mojibake: '{text[start:end]}' looks like mis-decoded text for '{repl}'",
                    [(repl, safe)],
                    confidence=0.9 if safe else 0.6,
                )


# Invisible format characters that have no business in running text.
_ZERO_WIDTH = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark inside the text",
    "\u180e": "Mongolian vowel separator",
    "\u00ad": "soft hyphen",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
}
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MARKS = set("\u200e\u200f\u061c")
_RTL = lazy_re("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LATIN = lazy_re(r"[A-Za-z0-9\u00c0-\u024f]")


def _describe(ch: str) -> str:
    if ch in _ZERO_WIDTH:
        return _ZERO_WIDTH[ch]
    if ch in _BIDI:
        return "bidirectional control character"
    if ch in _MARKS:
        return "directional mark"
    if "\x80" <= ch <= "\x9f":
        return "C1 control character"
    return "control character"


def _cp1252(ch: str) -> str | None:
    """A C1 control is usually a Windows-1252 byte read as Latin-1: say which character it was."""
    try:
        out = bytes([ord(ch)]).decode("cp1252")
    except (UnicodeDecodeError, ValueError):
        return None
    return out if unicodedata.category(out)[0] != "C" else None


class InvisibleCharacter(Rule):
    """What it flags: invisible or control characters in running text: zero-width spaces and joiners between Latin letters, soft hyphens, a byte-order mark mid-text, bidirectional overrides, C0 and C1 controls.

    Why: they come from copying out of web pages, PDFs and word processors, and from
    mis-decoded Windows-1252 text; they are invisible to an editor but break search,
    spell checking and diffing, and bidirectional overrides can make text display
    differently from what it says. Joiners inside emoji and in scripts that need them,
    and direction marks in right-to-left text, are left alone; a soft hyphen inside a word (a
    hyphenation point set on purpose) is a suggestion only.

    Example: "co\u200bordinate" -> "coordinate".

    Fix: deletes the character, or for a C1 control that is a Windows-1252 byte, puts that
    character back ("\x92" -> "’"). Deleting is safe; restoring a Windows-1252 character is
    unsafe.
    """

    code = "E002"
    structural = True  # reads doc.structural_text
    name = "invisible-character"
    category = "encoding"
    severity = "warning"
    fix_priority = 6

    def check(self, doc, config):
        text = doc.structural_text  # code, tables and banners of plain text too
        has_rtl = None
        for start, end in _invisible_runs(text):
            run = text[start:end]
            first = run[0]
            if first in "\u200c\u200d" and set(run) <= {"\u200c", "\u200d"}:
                before = text[start - 1] if start else ""
                after = text[end] if end < len(text) else ""
                # Emoji sequences and Indic/Arabic shaping use joiners on purpose.
                if not (_LATIN.match(before or " ") and _LATIN.match(after or " ")):
                    continue
            if set(run) <= _MARKS:
                if has_rtl is None:
                    has_rtl = bool(_RTL.search(text))
                if has_rtl:
                    continue
            if first == "\ufeff" and start == 0 and len(run) == 1:
                what = "byte-order mark at the start of the decoded text (a doubled BOM)"
            else:
                what = _describe(first)
            codes = " ".join(f"U+{ord(c):04X}" for c in run[:6]) + (" ..." if len(run) > 6 else "")
            restored = "".join(_cp1252(c) or "" for c in run) if all("\x80" <= c <= "\x9f" for c in run) else ""
            if restored and len(restored) == len(run):
                suggestions = [(restored, False), ("", False)]
                message = f"{what} {codes}: probably Windows-1252 '{restored}' decoded as Latin-1"
            else:
                suggestions = [("", first not in _BIDI)]
                message = f"{what} {codes}"
            severity = None
            if run == "\u00ad" and start and end < len(text) and text[start - 1].isalpha() and text[end].isalpha():
                # a soft hyphen inside a word is a hyphenation point its author or CMS set
                # (HTML &shy;, common in long German compounds): invisible where the text is
                # shown, a nuisance only to search. Worth a suggestion, not a warning.
                severity = "suggestion"
                message += " inside a word (a hyphenation point)"
            yield self.finding(doc, start, end, message, suggestions, confidence=0.9, severity=severity)


class NotUtf8(Rule):
    """What it flags: a file that is not valid UTF-8, with the encoding garblint assumed to read it.

    Why: legacy encodings (Windows-1252, Latin-1, Mac Roman) are where mojibake starts: the
    next tool that assumes UTF-8 will garble every accented letter and curly quote. garblint
    detects the encoding (chardet, then Windows-1252) and keeps linting.

    Example: a file saved as Windows-1252 -> the same text saved as UTF-8.

    Fix: none in place; re-save the file as UTF-8. garblint's own fixes keep the file's
    encoding.
    """

    code = "E003"
    name = "not-utf8"
    category = "encoding"
    severity = "warning"

    def check(self, doc, config):
        if not doc.encoding_note:
            return
        m = _NON_ASCII.search(doc.text)
        start = m.start() if m else 0
        end = m.end() if m else 0
        yield self.finding(doc, start, end, f"file is {doc.encoding_note}", confidence=1.0)


class ReplacementCharacter(Rule):
    """What it flags: the Unicode replacement character U+FFFD ("�").

    Why: some tool along the way could not decode a byte and replaced it; the original
    character is lost and must be restored by hand from the source.

    Example: "the caf� on Main Street" -> "the café on Main Street" (by hand).

    Fix: none: the lost character cannot be known.
    """

    code = "E004"
    structural = True  # reads doc.structural_text
    splittable = True  # looks within one paragraph at a time
    name = "replacement-character"
    category = "encoding"
    severity = "warning"

    def check(self, doc, config):
        text = doc.structural_text  # code, tables and banners of plain text too
        for a, b in _replacement_runs(text):
            a, b = _expand(text, a, b)
            yield self.finding(doc, a, b, f"replacement character U+FFFD in '{text[a:b][:60]}': a character was lost in decoding", confidence=1.0)
