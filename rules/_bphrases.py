"""The phrase lists of B001 (``rules/data/boilerplate.txt`` and the user's files named by
``boilerplate-phrases``): loaded, grouped for matching at a line's start, and the line
normalisation both sides are compared in."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..lint.vocab import read_list
from ..lint.wordlists import data_text
from ..lint.lazyre import lazy_re
from ..lint._records import record


@record(("starts", "exact", "contains", "headers"), frozen=True)
class Phrases:
    starts: tuple[str, ...]
    exact: frozenset[str]
    contains: tuple[str, ...]
    headers: tuple[str, ...]

    def __init__(self, starts: tuple[str, ...], exact: frozenset[str], contains: tuple[str, ...], headers: tuple[str, ...]) -> None:
        _set = object.__setattr__
        _set(self, "starts", starts)
        _set(self, "exact", exact)
        _set(self, "contains", contains)
        _set(self, "headers", headers)

    @property
    def starts_by_char(self) -> _Groups:
        return _by_first_char(self.starts)

    @property
    def headers_by_char(self) -> _Groups:
        return _by_first_char(self.headers)


_Groups = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


@lru_cache(maxsize=32)
def _by_first_char(phrases: tuple[str, ...]) -> _Groups:
    """The phrases grouped by their first two characters, each group in the order of
    ``phrases`` (with the one-character phrases of its first character), and the
    one-character phrases by their character.

    A line can only start with a phrase of two or more characters that shares its first two,
    so the first phrase of that group that matches is the first of all ``phrases`` that
    matches: the same answer as scanning all of them, with a test or two instead of ninety
    per line. A line whose first two characters start no such phrase can start only with a
    one-character phrase.
    """
    two = {p[:2] for p in phrases if len(p) >= 2}
    groups = {k: tuple(p for p in phrases if p[:2] == k or p == k[:1]) for k in two}
    one: dict[str, list[str]] = {}
    for p in phrases:
        if len(p) == 1:
            one.setdefault(p, []).append(p)
    return groups, {c: tuple(g) for c, g in one.items()}


def _first_start(line: str, by_char: _Groups) -> str | None:
    """``next((p for p in phrases if _starts_with(line, p)), None)``, via :func:`_by_first_char`."""
    groups, one = by_char
    group = groups.get(line[:2])
    if group is None:
        group = one.get(line[:1], ())
    for p in group:
        if line.startswith(p) and _starts_with(line, p):
            return p
    return None


def _parse(entries: list[str], acc: dict[str, list[str]]) -> None:
    for raw in entries:
        kind = "starts"
        if raw[:1] in "=*>":
            kind = {"=": "exact", "*": "contains", ">": "headers"}[raw[0]]
            raw = raw[1:]
        phrase = _norm(raw) if kind == "exact" else _norm_keep(raw)
        if phrase:
            acc[kind].append(phrase)


@lru_cache(maxsize=8)
def load_phrases(extra_files: tuple[str, ...] = ()) -> Phrases:
    """The built-in phrase list plus the user's files (read once per set of files)."""
    acc: dict[str, list[str]] = {"starts": [], "exact": [], "contains": [], "headers": []}
    builtin = data_text("boilerplate.txt")
    _parse([ln.split(" #", 1)[0].strip() for ln in builtin.splitlines() if ln.strip() and not ln.lstrip().startswith("#")], acc)
    for f in extra_files:
        _parse(read_list(f), acc)
    return Phrases(
        starts=tuple(sorted(set(acc["starts"]), key=len, reverse=True)),
        exact=frozenset(acc["exact"]),
        contains=tuple(sorted(set(acc["contains"]))),
        headers=tuple(sorted(set(acc["headers"]), key=len, reverse=True)),
    )


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})
_EDGE = lazy_re(r"^[\W_]+|[\W_]+$")
_LEAD_SYMBOLS = lazy_re(r"^[\s\-*\u2022\u25cf\u25aa\u25ba\u203a\u00bb>|#]+")
_SPACES = lazy_re(r"\s+")


def _norm_keep(s: str) -> str:
    r"""Case-folded, symbols at the start removed, inner punctuation kept.

    That is ``_SPACES.sub(" ", _LEAD_SYMBOLS.sub("", NFKC(s).translate(_APOS).casefold())).strip()``,
    computed faster and identically: the three mapped characters are non-ASCII and map to ASCII
    (so ``str.replace`` does it, and only for non-ASCII text); _LEAD_SYMBOLS is anchored at the
    start, so one ``match`` replaces ``sub``; ``str.split()`` splits on exactly the characters
    ``\s`` matches, so joining the pieces with a space equals substituting runs and stripping.
    """
    if not s.isascii():  # (ASCII text is its own NFKC form)
        s = unicodedata.normalize("NFKC", s)
    if not s.isascii():
        s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = s.casefold()
    m = _LEAD_SYMBOLS.match(s)
    if m is not None and m.end():
        s = s[m.end() :]
    if "  " not in s and s[-1:] != " " and s.isprintable():
        return s  # (no white space but single spaces inside: nothing for split and join to do)
    if "\n" in s:
        # A hard-wrapped line or paragraph: its line breaks made spaces, the same test (the
        # match above left no white space at the start).
        one = s.replace("\n", " ")
        if "  " not in one and one[-1:] != " " and one.isprintable():
            return one
    return " ".join(s.split())


_ASCII_NOT_ALNUM = "".join(chr(c) for c in range(128) if not chr(c).isalnum())


def _strip_edges(s: str) -> str:
    r"""``_EDGE.sub("", s)``: the text without the non-alphanumeric characters at either end
    (``[\W_]`` is what is not ``str.isalnum``). ``str.strip`` of the ASCII characters that
    are not alphanumeric takes those in C first (all of them, of an ASCII text)."""
    s = s.strip(_ASCII_NOT_ALNUM)
    if s.isascii() or (s[0].isalnum() and s[-1].isalnum()):
        return s
    a, b = 0, len(s)
    while a < b and not s[a].isalnum():
        a += 1
    while b > a and not s[b - 1].isalnum():
        b -= 1
    return s[a:b]


def _norm(s: str) -> str:
    """Case-folded, punctuation and symbols at both ends removed."""
    return _strip_edges(_norm_keep(s))


def _starts_with(line: str, phrase: str) -> bool:
    if not line.startswith(phrase):
        return False
    if len(line) == len(phrase) or not phrase[-1:].isalnum():
        return True
    return not line[len(phrase)].isalnum()
