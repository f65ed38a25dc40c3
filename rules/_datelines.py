"""Datelines, bylines and timestamps in plain text ("By Jane Doe | Updated 3 hours ago",
"March 2, 2021 4:15pm"): the patterns and tests the page-shape analysis (``_pageshape``) uses
for B003, whole lines (``dateline_kind``) and prefixes glued to a paragraph (``glued_prefix``).
"""

from __future__ import annotations

import re

from ..lint.lazyre import lazy_re

_NUMERIC = lazy_re(r"\d")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE = (
    rf"(?:{_DAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:T(?=\d))?|\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})|{_DAY})"
)
_ZONE = r"(?:\s*\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT|HKT|SGT|JST|WIB)\)?)?"
# a clock time, with seconds and an ISO 8601 offset as page metadata prints them ("21:26:40-04")
_TIME = rf"(?:\d{{1,2}}[:.]\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\.?)?(?:[+\-\u2212]\d{{2}}(?::?\d{{2}})?\b|Z\b)?{_ZONE}|\d{{1,2}}\s*[ap]\.?\s?m\.?{_ZONE})"
_NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few)"
_AGO = rf"(?:{_NUMBER}\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago|just\s+now|yesterday|today)"
_LEAD = r"(?:last\s+)?(?:updated|update|published|posted|modified|first\s+published|created|released|date)(?:\s+(?:on|at))?\s*:?"
_READ = r"(?:\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read(?:ing\s+time)?|reading\s+time:?\s*\d+\s*min(?:ute)?s?)"
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|de|van|von|der|da|del|la|le|bin|al))*"
# (names are matched case-sensitively: "By Jane Doe", not "By the numbers")
_BYLINE = rf"(?i:by|written\s+by|words\s+by|story\s+by|posted\s+by)\s*:?\s+{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*"
_PIECE = rf"(?:{_BYLINE}|(?i:{_LEAD}|{_AGO}|{_DATE}|{_TIME}|{_READ}|at|on|and))"
_SEP = r"(?:\s*[|\u2022\u00b7/,\u2013\u2014-]\s*|\s+)"
# a whole unit made of such pieces (agency or desk names may be left over: see _dateline).
# (Every piece opens with a decimal digit or one of these letters, ignoring case: the
# lookahead, one character test, turns away the other positions of the text before the
# alternatives are tried there, some 10,000 instructions a character)
_PIECES = lazy_re(rf"(?i:(?=[\dabcdefjlmnoprstuwy])){_PIECE}")
_BYLINE_RE = lazy_re(rf"^{_BYLINE}")
_TIMEISH = lazy_re(rf"(?:{_TIME}|{_AGO}|\b{_LEAD}|{_READ})", re.I)
# a prefix glued to a paragraph: pieces and separators, then the paragraph's own first word
_GLUED = lazy_re(
    rf"^(?:(?:{_PIECE}){_SEP})*?(?i:{_TIME}|{_AGO}|{_READ}|{_DATE}\s*[|\u2022\u00b7])(?:{_SEP}(?:{_PIECE}))*\s*[|\u2022\u00b7]?\s+(?=[A-Z\u201c\"])"
)
_BARE_TIME = lazy_re(rf"^\s*(?:{_DAY},?\s+)?{_TIME}\s*$", re.I)
_DATE_RE = lazy_re(rf"{_DATE}", re.I)
# what a dateline needs besides separators: a byline, a date with a number, a time, "... ago".
# (All but the byline open with a decimal digit, or at a word's start with "reading" or a
# month's name: the lookahead turns the other positions away before the alternatives are
# tried, some 2,700 instructions a character)
_SOLID = lazy_re(
    rf"^\s*{_BYLINE}|(?i:(?=\d|\b[jfmasondr])(?:{_TIME}|\d+\s+\w+\s+ago\b|\b{_READ}|\d{{1,2}},?\s+\d{{4}}|\b{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}))"
)
_BY_START = lazy_re(r"\s*(?:by|written|words|story|posted)\b", re.I)
_LONE_AGO = lazy_re(r"^[~\u2022\u00b7-]?\s*\d+\s*(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago$", re.I)
_LETTERS = lazy_re(r"[^\W\d_]+")


_PIECE_WORDS = frozenset(
    """written words story posted updated update published modified first created released
    second seconds minute minutes hours month months weeks years today reading three seven
    eight eleven twelve""".split()
)


def _free_words(text: str) -> int:
    """Lower-case words of five letters or more that no dateline piece can take (not a month,
    a day, a number or a time word): each leaves a word behind, so more than two of them
    rule a dateline out before the patterns run."""
    n = 0
    for tok in text.split():
        if tok[:1].islower():
            w = "".join(filter(str.isalpha, tok)).lower()
            if len(w) >= 5 and w not in _PIECE_WORDS and w[:3] not in _PIECE_FIRST3:
                n += 1
    return n


def _has_digit(text: str) -> bool:
    """``_NUMERIC.search(text) is not None``: of ASCII text (where \\d is 0-9), whether
    deleting its digits (``bytes.translate``) shortens it, a few instructions a character
    where the class test of the search costs tens."""
    if text.isascii():
        return len(text.encode().translate(None, b"0123456789")) != len(text)
    return _NUMERIC.search(text) is not None


def dateline_kind(text: str) -> str:
    """ "byline", "timestamp" or "date" when ``text`` is only a byline, date, time or relative
    timestamp (with separators and up to two leftover words such as a desk or agency name),
    else ""."""
    if len(text) > 160 or (not _has_digit(text) and _BY_START.match(text) is None):
        return ""  # (what _SOLID needs: a figure, or a byline's first word)
    if _free_words(text) > 2 or _SOLID.search(text) is None:
        return ""
    rest = _PIECES.sub(" ", text)
    left = _LETTERS.findall(rest)
    if len(left) > 2 or any(ch.isdigit() for ch in rest):
        return ""
    m = _BYLINE_RE.match(text.strip())
    if m:
        # "By Jane Doe": two or more name words, or a date or time with it
        dated = _TIMEISH.search(text) or re.search(r"\d{4}", text)
        if not dated and (len(m.group(0).split()) < 3 or text.rstrip().endswith(".")):
            return ""  # "By Jane", or a closing credit sentence ("Written by X and Y.")
        return "byline"
    if _TIMEISH.search(text):
        return "timestamp"
    if not left and _DATE_RE.search(text):
        return "date"
    return ""


_PIECE_FIRST = frozenset(
    """by written words story posted last updated update published modified first created released
    date at on and a an one two three four five six seven eight nine ten eleven twelve few just
    yesterday today reading""".split()
)
_PIECE_FIRST3 = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split())


# _GLUED's key piece needs one of these: a separator after a date, "... ago", "just now",
# "yesterday", "today", a reading time, or a clock time (each after the start, a space or a
# separator, as _SEP leaves them)
_GLUE_KEY = lazy_re(r"(?i)[|\u2022\u00b7]|(?:^|[\s/,\u2013\u2014-])(?:ago|just\s+now|yesterday|today|read)|\d[:.]\d\d|\d\s*[ap]\.?\s?m")
# the words of five letters or more that a prefix's pieces hold (besides month and day names)
_PREFIX_WORDS = _PIECE_WORDS | {"yesterday"}
_PREFIX_TOKEN = lazy_re(r"[^\s,/|\u2022\u00b7\u2013\u2014]+")
_ALPHA_RUN = lazy_re(r"[a-z]+")


def _prefix_bound(text: str) -> int:
    """Where a glued prefix must end at the latest: the start of the first lower-case word no
    piece of _GLUED can hold (a byline's names are capitalised; the pieces' words are a closed
    list, joined by white space and separators), else the text's end. Words of other scripts
    and capitalised words are let through."""
    for m in _PREFIX_TOKEN.finditer(text):
        tok = m.group()
        if "a" <= tok[0] <= "z" and tok.isascii():
            for run in _ALPHA_RUN.findall(tok.lower()):
                if len(run) >= 5 and run not in _PREFIX_WORDS and run[:3] not in _PIECE_FIRST3:
                    return m.start()
    return len(text)


_PIECE_INITIALS = frozenset(w[0] for w in _PIECE_FIRST | _PIECE_FIRST3)


def glued_prefix(text: str) -> int:
    """Length of a byline or timestamp prefix glued to the start of a paragraph, else 0."""
    if not text[:1].isalnum():
        return 0
    c = text[0].lower()[:1]  # (the first word's first letter, lower-cased)
    if c not in _PIECE_INITIALS and not c.isdigit():
        return 0  # (a word of _PIECE_FIRST or a month or day starts with one of these)
    head = text[:100]
    first = head.split(None, 1)[0].lower().rstrip(".,:;|")
    if not first[:1].isdigit() and first not in _PIECE_FIRST and first[:3] not in _PIECE_FIRST3:
        return 0  # (_GLUED's first piece starts with a figure, a month, a day or one of these)
    if "|" not in head and "\u2022" not in head and not _has_digit(head) and "ago" not in head:
        return 0  # the prefix needs a time, a date or a separator
    if _GLUE_KEY.search(text, 0, _prefix_bound(text)) is None:
        return 0  # (what _GLUED's key piece needs, before the first word no piece can hold)
    m = _GLUED.match(text)
    if not m or m.end() >= len(text) - 20:
        return 0
    rest = text[m.end() :]
    return m.end() if len(rest.split()) >= 6 and rest.rstrip()[-1:] in '.!?\u201d"' else 0
