"""B001's legitimate first and last lines of a news report (credits, corrections, datelines,
separators, contributor lines): never boilerplate. Split out of ``boilerplate``, which
re-exports these names."""

from __future__ import annotations

import re

from ..lint.lazyre import lazy_re

# Legitimate first and last lines of a news report: never boilerplate. (One regex once,
# ``^(?:credit|correction|...|dateline|separator|end)|\bcontributed ...`` searched at every
# position; see _legit for the three parts it is now split into, with the same answers.)
_LEGIT_START = lazy_re(
    r"^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research|translated|"
    r"photographs?|photos?|graphics|video|interviews?)\s+by\b"
    r"|correction\b|corrections?:|clarification\b|editor['\u2019]?s\s+note|update[ds]?\b|this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended)"
    r"|\*(?:\s*\*)+\s*$|#+\s*$|end\b)",
    re.I,
)
# The ASCII characters a match of _LEGIT_START can open with: "(", "*", "#" and the first
# letters of its words in either case (an ASCII character matches a letter ignoring case only
# as that letter; a line opening with any other character outside ASCII is asked of the pattern)
_LEGIT_FIRST = frozenset("(*#arwecptgviuARWECPTGVIU")
# The first three letters of the words a match of _LEGIT_START can open with, lower case (an
# ASCII character matches a letter ignoring case only as that letter; every word is three
# letters or more)
_LEGIT_OPEN = frozenset("add rep res wri edi com pro tra pho gra vid int cor cla upd thi end".split())
# the alternatives that need a dash: a dateline ("LONDON (Agency) -") and "-30-"
_LEGIT_DASHED = lazy_re(r"^(?:[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[\w .'\u2019-]+)?\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]|-30-)", re.I)
_LEGIT_CONTRIBUTED = lazy_re(r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)", re.I)
# An agency's or photographer's credit closing a report: "© Reuters", "© Jane Roe". A site's
# footer has a year or its rights ("© 2019 Reuters. All Rights Reserved.").
_BARE_CREDIT = lazy_re(r"^\u00a9[ \t]*[A-Z][\w.&'\u2019-]*(?:[ \t]+[A-Z][\w.&'\u2019-]*){0,3}[ \t]*$")


def _legit(text: str, contributed: bool = True) -> bool:
    """A legitimate first or last line of a report: a credit (also a bare "© Agency"), a
    correction, a dateline, a separator, or "... contributed to this report" anywhere in it.
    ``contributed`` False: the caller knows the line holds no match of _LEGIT_CONTRIBUTED
    (see :func:`contributed_starts`), and that test is skipped.

    The dash alternatives are tried only on a line with a dash (they cannot match without
    one, and the dateline pattern backtracks a lot on a long line); "contributed" is searched
    only in a line holding "contr" once lower-cased: IGNORECASE compares by lower case, and no
    character but C/O/N/T/R lower-cases to c/o/n/t/r, so every line it can match passes.
    """
    c = text[:1]
    # (of a line opening with three ASCII characters, those lower-cased must open one of the
    # pattern's words, or the first be "(", "*" or "#": "The ...", "In ..." are not asked)
    p = text[:3]
    if p.isascii() and len(p) == 3:
        opens = c in "(*#" or p.lower() in _LEGIT_OPEN
    else:
        opens = c in _LEGIT_FIRST or not c.isascii()
    if opens and _LEGIT_START.match(text) or (c == "\u00a9" and _BARE_CREDIT.match(text)):
        return True
    if ("-" in text or "\u2013" in text or "\u2014" in text) and _dashed(text):
        return True
    return contributed and _contributed(text)


def _contributed(text: str) -> bool:
    """``"contr" in text.lower() and _LEGIT_CONTRIBUTED.search(text) is not None``.

    Of text outside ASCII, "contr" is first looked for in its UTF-8 bytes lower-cased (only
    A-Z change, and no other character's bytes are ASCII), without ``str.lower``'s look-up of
    every character. A match opens with "contr" matched ignoring case, i.e. at a "contr" of
    the lower-cased text, whose positions are the text's when lower-casing keeps its length
    (it maps each character to one, but U+0130 to two): the pattern is tried there alone, not
    at every position of the line.
    """
    if text.isascii():
        low = text.lower()
    else:
        # (``find``, not ``in``: bytes' ``in`` first tries its operand as an int, and the
        # TypeError it raises and clears costs some 900 instructions)
        if text.encode("utf-8", "surrogatepass").lower().find(b"contr") < 0:
            return False
        low = text.lower()
        if len(low) != len(text):
            return _LEGIT_CONTRIBUTED.search(text) is not None
    i = low.find("contr")
    while i >= 0:
        if _LEGIT_CONTRIBUTED.match(text, i) is not None:
            return True
        i = low.find("contr", i + 5)
    return False


# _LEGIT_DASHED's dateline alternative in two parts: the letters before the dash, and what may
# follow them
_DASHED_HEAD = lazy_re(r"[A-Z][A-Z .'\u2019-]*", re.I)
_DASHED_TAIL = lazy_re(r"(?:,\s*[\w .'\u2019-]+)?\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]", re.I)


def _dashed(text: str) -> bool:
    """``_LEGIT_DASHED.match(text) is not None``, without its backtracking over a long line.

    The dateline alternative opens with the longest run ``_DASHED_HEAD`` matches, ending at
    ``r``, and a match of it either ends at a "-" inside that run (at index 3 or later: the
    run's class holds "-") or goes on at ``r`` itself: the comma part, white space, "(" or a
    dash all start outside the class but for the space, and a match whose letters end at a
    space inside the run goes on with white space to ``r`` too, as one ending at ``r`` does.
    So the tail is tried at ``r`` alone, and only where ``text[r]`` can start it."""
    m = _DASHED_HEAD.match(text)
    if m is None:
        return text.startswith("-30-")
    r = m.end()
    if r < 3:
        return False
    if text.find("-", 3, r) >= 0:
        return True
    if r == len(text):
        return False
    c = text[r]
    return (c in ",(\u2013\u2014" or c.isspace()) and _dashed_tail(text, r)


# the class of _DASHED_TAIL's run (ignoring case, as there), and white space (``\s``)
_TAIL_RUN = lazy_re(r"[\w .'\u2019-]*", re.I)
_WHITE = lazy_re(r"\s*")
_DASHES = "\u2014\u2013-"


def _dashed_tail(text: str, r: int) -> bool:
    r"""``_DASHED_TAIL.match(text, r) is not None``, without its backtracking: after a comma,
    the run of ``[\w .'\u2019-]+`` went to its end and then gave back one character at a
    time, each time trying the rest (thousands of instructions on a long line).

    The rest, white space, an optional "(...)" and white space, then a dash, matches where a
    dash or "(" follows the white space (:func:`_dash_after`). A run ending before its longest
    end stops before a character of its class: that is white space only when a space (the
    class's one white space character), so the rest then finds a dash only at a "-" inside
    the run (its other characters are neither "(" nor a dash), or after the run's end. So the
    pattern matches where the rest matches at ``r``, or ``text[r]`` is a comma and, for a
    start of the run after the comma's white space (a space in it, or its end), the run holds
    a "-" after its first character or the rest matches at its end."""
    if _dash_after(text, r):
        return True
    if text[r] != ",":
        return False
    w = _stop(_WHITE, text, r + 1)
    for x in range(r + 1, w + 1):
        if x < w and text[x] != " ":
            continue
        e = _stop(_TAIL_RUN, text, x)
        if e > x and (text.find("-", x + 1, e) >= 0 or _dash_after(text, e)):
            return True
    return False


def _stop(rx, text: str, i: int) -> int:
    """Where a match of ``rx`` (a pattern that matches the empty string too) at ``i`` ends."""
    m = rx.match(text, i)
    return i if m is None else m.end()


def _dash_after(text: str, y: int) -> bool:
    r"""``re.match(r"\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]", text[y:])``: after the white space, a
    dash, or "(" with a ")" after it and a dash after that one's white space (``[^)]*`` stops
    at the first ")")."""
    s = _stop(_WHITE, text, y)
    if s == len(text):
        return False
    c = text[s]
    if c in _DASHES:
        return True
    if c != "(":
        return False
    q = text.find(")", s + 1)
    if q < 0:
        return False
    s = _stop(_WHITE, text, q + 1)
    return s < len(text) and text[s] in _DASHES


def contributed_starts(doc) -> list[int] | None:
    """Where a match of _LEGIT_CONTRIBUTED can open in ``doc.text`` (some of these places may
    hold none; sorted), found once per document, or None when that is not known (the text
    holds U+0130 or U+0131). A line of the text is asked :func:`_contributed` only when one of
    them lies inside it.

    A match's "contributed" is eleven letters (matched ignoring case: only A-Z and a-z, and
    U+0130 and U+0131 for "i") followed by white space, so it ends one of the Document's words
    (which hold every run of letters and digits), whose UTF-8 bytes lower-cased (only A-Z
    change) then end with b"contributed". Such words are found among the distinct ones, all in
    one bytes object, and each such word as written is then looked for in the text
    (``str.find``). Most documents hold none: then no line is asked at all, where lower-casing
    each line cost some 5 instructions a character of ASCII text and 12 of other text."""
    return doc.memo("boilerplate.contributed-starts", lambda: _contributed_starts(doc))


def _contributed_starts(doc) -> list[int] | None:
    na = doc.non_ascii
    if "\u0130" in na or "\u0131" in na:
        return None
    # (the distinct words one a line; no word holds a line break)
    b = ("\n".join(doc.word_counts) + "\n").encode("utf-8", "surrogatepass")
    low = b.lower()
    i = low.find(b"contributed\n")
    if i < 0:
        return []
    forms = []
    while i >= 0:
        end = i + 11
        forms.append(b[b.rfind(b"\n", 0, i) + 1 : end].decode("utf-8", "surrogatepass"))
        i = low.find(b"contributed\n", end + 1)
    text = doc.text
    out: list[int] = []
    for w in forms:
        k = len(w) - 11
        i = text.find(w)
        while i >= 0:
            out.append(i + k)
            i = text.find(w, i + 1)
    out.sort()
    return out
