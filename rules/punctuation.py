"""P: punctuation and spacing damage left by scraping, paraphrasing and careless copy."""
from __future__ import annotations

import re
from typing import Iterator

from ..lint.rule import Rule
from ..lint.segment import chunk_bounds
from ..lint.lazyre import lazy_re
from ._sentences import foreign_document
from ._techterms import technical_prose

# A space (not a line break) before , ; : ! ? or a lone full stop.
# (the test of the character before the white space follows its first character: a leading
# look-behind is tried at every position of the text, 30 ms a megabyte; this way the regex
# engine skips to the blanks, and a match cannot start inside a run of them either)
_SPACE_BEFORE = lazy_re(
    r"(?P<ws>[ \t\u00a0](?<=[^\s(\[{\u201c\u2018][ \t\u00a0])[ \t\u00a0]*)"
    r"(?P<p>[,;!?](?![,;!?])|:(?![:\-]?[()\[\]DPp3/\\|]|:)|\.(?![.\d\w]))"
)
# what every _SPACE_BEFORE match holds: a blank right before one of its marks (searched from
# the mark: far fewer than the blanks; most texts have none, and are not scanned again)
_SPACE_BEFORE_HINT = lazy_re(r"[,;!?:.](?<=[ \t\u00a0].)")
_LETTER_AFTER = lazy_re(r"[^\W\d_]")

# Missing space: "creativity.With", "news,Twitter", "said.”He".
# The look-behinds come after the mark ("[,;](?<=..[,;])", not "(?<=..)[,;]"): a pattern that
# starts with a character class lets the regex engine skip ahead to the next mark instead of
# trying the look-behind at every position (about 8x faster, same matches).
_NO_SPACE_SENTENCE = lazy_re(r"(?P<p>[.!?](?<=[a-z]{2}[.!?])[\u201d\u2019]?)(?=[A-Z][a-z])")
_NO_SPACE_COMMA = lazy_re(r"(?P<p>[,;](?<=[^\W\d_]{2}[,;]))(?=[^\W\d_]{2})")
# where either of the two can match (their union, one scan from the marks): most texts have
# no such place, and are not scanned twice
_NO_SPACE_HINT = lazy_re(r"[.!?,;](?:(?<=[a-z]{2}[.!?])[\u201d\u2019]?(?=[A-Z][a-z])|(?<=[^\W\d_]{2}[,;])(?=[^\W\d_]{2}))")
_TOKEN_AROUND = lazy_re(r"\S+")
_CODE_LIKE = lazy_re(r"://|^www\.|@|[/\\=<>{}_#|]|\.(?:com|org|net|edu|gov|io|in|uk|de|fr|js|py|md|txt|html?)\b", re.I)
# a dotted name of code: a module and a class in camel case ("os.PathLike", "anyio.TaskGroup")
_DOTTED_CAMEL = lazy_re(r"[a-z]\.[A-Z][a-z]+[A-Z]")
# capitals joined by a semicolon: an abbreviation of a phrase ("TL;DR"), not two words
_CAPS_SEMICOLON = lazy_re(r"[A-Z]{1,3};[A-Z]{1,3}")
# "Adults : 12 euros" in a list of such lines: a label and its value, spaced as a table
_SPACED_LABEL = lazy_re(r"[ \t]*[^\s:][^:\r\n]{0,30}?[ \t]:[ \t]+\S[^\r\n]{0,40}")

# Runs of spaces between words; odd spaces; a no-break space beside a plain space.
# two or more spaces after a non-space (opening with two spaces, not one: the regex engine
# skips to the next pair instead of trying the look-behind after every space)
_MULTI_SPACE = lazy_re(r"  (?<=\S  )[ ]*(?=\S)")
_ODD_SPACE = lazy_re(r"[\u2000-\u200a\u205f\u1680\u3000]+")
_ODD_SPACE_CHARS = tuple(map(chr, (*range(0x2000, 0x200B), 0x205F, 0x1680, 0x3000)))  # (what it matches)
#: from this many characters on, P003 reads Document.non_ascii (which a text of 200,000
#: characters or more has for its words) rather than searching the text for each character
_SET_FROM = 65_536
#: the rest of a run of spaces, tabs and no-break spaces (no backtracking: nothing follows it)
_BLANK_RUN = lazy_re(r"[ \t\u00a0]*")
_NBSP_NEXT_TO_SPACE = (" \u00a0", "\u00a0 ", "\t\u00a0", "\u00a0\t")
# a token that opens with the mark: a short code ("!H", ".so") or one holding a symbol (".%02d")
_SYMBOL_TOKEN = lazy_re(r"[!.?][A-Za-z0-9]{1,2}(?=[\s,;:)]|$)|[!.?]\S*[%$#@^~]")
_SENTENCE_END_BEFORE = lazy_re(r"[.!?:][\"'\u201d\u2019)\]]?$")
_CJK = lazy_re(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


class SpaceBeforePunctuation(Rule):
    """What it flags: white space before a comma, semicolon, colon, question or exclamation mark, or full stop ("news ,Twitter").

    Why: scrapers and paraphrasing tools join fragments with a stray space; in English prose
    punctuation sits against the word before it.

    Example: "Follow us on Google news ,Twitter" -> "Follow us on Google news, Twitter".

    Fix: removes the space (and, where a word follows with no space, moves the space after
    the mark). Safe: only white space changes.
    """

    code = "P001"
    splittable = True  # looks within one paragraph at a time
    name = "space-before-punctuation"
    category = "punctuation"
    severity = "warning"
    fix_priority = 20

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        if not _SPACE_BEFORE_HINT.search(text):
            return
        code_like: dict[tuple[int, int], bool] = {}  # per chunk (see P002)
        for m in _space_before_matches(text):
            p = m.group("p")
            span = chunk_bounds(text, m.start() - 1, m.start() - 1)
            code = code_like.get(span)
            if code is None:
                code = code_like[span] = bool(_CODE_LIKE.search(text[span[0] : span[1]]))
            if code:
                continue
            if p == ":" and _in_label_list(doc, m.start()):
                continue
            if _SYMBOL_TOKEN.match(text, m.end() - 1) and technical_prose(doc):
                continue  # "annotations !H, !N", "the string .%02d": a code that opens with the mark
            if p == "." and _spaced_ellipsis(text, m.end() - 1):
                continue  # "the carter . . . into": the older typesetting of "..."
            start, end = m.start(), m.end()
            suggestions = [(p, True)]
            if end < len(text) and _LETTER_AFTER.match(text, end):
                suggestions.insert(0, (p + " ", True))
            yield self.finding(
                doc, start, end, f"space before '{p}'", suggestions, confidence=0.9
            )


def _space_before_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SPACE_BEFORE.finditer(text)``, tried only at the blanks before the hint's marks (most
    blanks of a text are before a word): a match is the whole run of blanks before its mark,
    so it can only start where that run starts."""
    match = _SPACE_BEFORE.match
    for h in _SPACE_BEFORE_HINT.finditer(text):
        start = h.start() - 1
        while start > 0 and text[start - 1] in " \t\u00a0":
            start -= 1
        m = match(text, start)
        if m is not None:
            yield m


def _spaced_ellipsis(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` one of three or more dots set one space apart (". . .")?"""
    a = dot
    while a >= 2 and text[a - 1] in " \u00a0" and text[a - 2] == ".":
        a -= 2
    b = dot
    while b + 2 < len(text) and text[b + 1] in " \u00a0" and text[b + 2] == ".":
        b += 2
    return b - a >= 4


def _in_label_list(doc, pos: int) -> bool:
    """Is the line at ``pos`` a "label : value" line beside another one (a price list, a
    table of facts)? Their spaced colons are layout, not a stray space."""
    line, _ = doc.line_col(pos)
    if not _SPACED_LABEL.fullmatch(doc.line_text(line)):
        return False
    for other in (line - 1, line + 1):
        if 1 <= other <= len(doc.line_starts) and _SPACED_LABEL.fullmatch(doc.line_text(other)):
            return True
    return False


class MissingSpaceAfterPunctuation(Rule):
    """What it flags: a word glued to the punctuation before it ("creativity.With", "news,Twitter").

    Why: scraping drops the space at joins between sentences or list items, and OCR loses
    narrow spaces. Abbreviations ("U.S."), decimals ("3.5"), web addresses and file names are
    left alone.

    Example: "knowledge and creativity.With a background" -> "knowledge and creativity. With a background".

    Fix: inserts a space after the mark. Safe: only white space changes, and code-like
    tokens are excluded.
    """

    code = "P002"
    splittable = True  # looks within one paragraph at a time
    name = "missing-space-after-punctuation"
    category = "punctuation"
    severity = "warning"
    fix_priority = 21

    def check(self, doc, config):
        text = doc.text
        found = _no_space_matches(text)
        if not found:
            return
        seen: set[int] = set()
        # Whether a chunk is code or an abbreviation, decided once per chunk: a line of
        # comma-separated values is one chunk with a match at every comma, and searching it
        # again for each was quadratic (a 32,000-word line took 3.2 s).
        excused: dict[tuple[int, int], bool] = {}
        for m in found:
            if m.start() in seen:
                continue
            span = chunk_bounds(text, m.start(), m.start())
            skip = excused.get(span)
            if skip is None:
                skip = excused[span] = _excused(text[span[0] : span[1]])
            if skip:
                continue
            seen.add(m.start())
            p = m.group("p")
            yield self.finding(doc, m.start(), m.end(), f"missing space after '{p}'", [(p + " ", True)], confidence=0.85)


def _no_space_matches(text: str) -> list[re.Match[str]]:
    """``_NO_SPACE_SENTENCE.finditer(text)``'s matches, then ``_NO_SPACE_COMMA``'s: each tried
    only where the hint (their union) matches, so that the text's marks are scanned once, not
    once for each."""
    sentence: list[re.Match[str]] = []
    comma: list[re.Match[str]] = []
    for h in _NO_SPACE_HINT.finditer(text):
        q = h.start()
        if text[q] in ".!?":
            m = _NO_SPACE_SENTENCE.match(text, q)
            if m is not None:
                sentence.append(m)
        else:
            m = _NO_SPACE_COMMA.match(text, q)
            if m is not None:
                comma.append(m)
    return sentence + comma


def _excused(token: str) -> bool:
    """Whether P002 leaves the marks of this chunk alone: code, a dotted name or number, or an
    all-capitals abbreviation with a semicolon ("TL;DR")."""
    if _CODE_LIKE.search(token) or token.count(".") > 1 or _DOTTED_CAMEL.search(token):
        return True
    return bool(_CAPS_SEMICOLON.fullmatch(token.strip(".,:!?\"'()")))


class OddSpacing(Rule):
    """What it flags: doubled spaces between words, a no-break space beside a plain space, and unusual space characters (em space, ideographic space) in running text.

    Why: a doubled space often marks where a scraper or translation tool dropped a word or a
    link; odd space characters come from copying out of layout software and break search
    and line wrapping. Two spaces after a full stop (typewriter style), indentation and
    aligned columns are left alone.

    Example: "See also  the report" -> "See also the report".

    Fix: replaces the run with one plain space. Safe: only white space changes.
    """

    code = "P003"
    splittable = True  # looks within one paragraph at a time
    name = "odd-spacing"
    category = "whitespace"
    severity = "suggestion"
    fix_priority = 30

    def check(self, doc, config):
        text = doc.text
        columnar: dict[int, bool] = {}  # per line: a long line may hold many gaps
        for m in _MULTI_SPACE.finditer(text) if "  " in text else ():  # (a match holds two spaces)
            start, end = m.start(), m.end()
            before = text[max(0, start - 3) : start]
            if end - start == 2 and _SENTENCE_END_BEFORE.search(before):
                continue
            line, _ = doc.line_col(start)
            wide = columnar.get(line)
            if wide is None:
                wide = columnar[line] = _is_columnar(doc.line_text(line))
            if wide or line in doc.justified_lines:
                continue  # aligned columns, justified text: layout
            yield self.finding(doc, start, end, f"{end - start} spaces between words", [(" ", True)], confidence=0.8)
        # (all are non-ASCII, and each is looked for in C first: the class tried at every
        # position cost as much as the 14 searches on every text)
        if len(text) >= _SET_FROM:  # (the text's characters outside ASCII, found once for the document)
            odd = not doc.non_ascii.isdisjoint(_ODD_SPACE_CHARS)
        else:
            odd = not text.isascii() and any(map(text.__contains__, _ODD_SPACE_CHARS))
        for m in _ODD_SPACE.finditer(text) if odd else ():
            start, end = m.start(), m.end()
            if m.group()[0] == "\u3000" and (_CJK.match(text, max(0, start - 1)) or (end < len(text) and _CJK.match(text, end))):
                continue
            name = f"U+{ord(m.group()[0]):04X}"
            yield self.finding(doc, start, end, f"unusual space character {name}", [(" ", True)], confidence=0.8)
        for start, end in _nbsp_pairs(text) if "\u00a0" in text else ():
            yield self.finding(doc, start, end, "no-break space next to another space", [(" ", True)], confidence=0.8)


def _nbsp_pairs(text: str) -> list[tuple[int, int]]:
    """The spans of the maximal runs of spaces, tabs and no-break spaces that hold a no-break
    space next to a space or a tab, in text order: what the pattern
    ``[ \\t\\u00a0]*(?:[ \\t]\\u00a0|\\u00a0[ \\t])[ \\t\\u00a0]*`` finds, in time linear in the
    text. (That pattern, tried at each position of a run of n spaces, ran its first repeat to
    the run's end and back: n * n steps for each long run of a text holding a no-break space
    anywhere, such as the lines of code that markup blanks. 0.29 s for one 770 kB text.)
    Only the runs that hold a no-break space are visited, each once."""
    out: list[tuple[int, int]] = []
    find = text.find
    i = find("\u00a0")
    while i >= 0:
        a = i
        while a and text[a - 1] in " \t\u00a0":
            a -= 1
        m = _BLANK_RUN.match(text, i)
        end = m.end() if m is not None else i + 1  # (always a match: the repeat may be empty)
        run = text[a:end]
        if any(map(run.__contains__, _NBSP_NEXT_TO_SPACE)):
            out.append((a, end))
        i = find("\u00a0", end)
    return out


_COLUMN_GAP = lazy_re(r"\S {2,}(?=\S)")


def _is_columnar(line: str) -> bool:
    """Plain-text tables and aligned lists: several wide gaps in one line (the search stops
    at the second)."""
    gaps = _COLUMN_GAP.finditer(line)
    return next(gaps, None) is not None and next(gaps, None) is not None
