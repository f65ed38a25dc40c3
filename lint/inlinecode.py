"""Code written inside the prose of a plain-text or documentation file: the signs that make a
document technical (``code_signs``), the code tokens of a technical plain-text document's prose
(``_inline_code``) and the code left in the prose of technical Markdown and reStructuredText
once their markup is blanked (``markup_code``). lint/layout.py finds the layout around them.
"""

from __future__ import annotations

import re

from .lazyre import lazy_re


# signs of code in running text: snake_case, system paths, a program run from here ("./configure"),
# long options, source and configuration file names, $VARIABLES, <placeholders>, calls. Every
# alternative opens with a character of its own (the look-behind of "./configure" comes after
# its "/"), so the engine skips to those characters in C rather than trying a look-ahead at
# every position: a fifth of the time over a text (tests/test_regex_rewrites.py: the same
# matches as the form with the look-ahead first)
_CODE_SIGN = lazy_re(
    r"_[a-z]|/(?:usr|etc|var|tmp|dev|bin|lib|opt|home|proc|sys|run|srv)/|~/|/(?<=\s\./)[A-Za-z_.]"
    r"|--[a-z]+(?:-[a-z]+)+(?![\w-])|--[a-z][\w-]*=|\.(?:[ch]|py|conf|sh|so|deb|ya?ml|cfg|ini|pl|json|toml)\b"
    r"|\$[A-Z{(]|<[a-z][\w-]*>|\(\)"
)


#: code_signs reads this many characters at most (a README's head): a bounded cost per file
SIGNS_WINDOW = 20_000


def code_signs(text: str, enough: int = 3) -> int:
    """How many signs of code the text's first ``SIGNS_WINDOW`` characters hold, counted up to
    ``enough``: a README that names commands, paths and packages without much layout of its
    own. A snake_case name counts only with a letter before the underscore and no @ or # in
    front (social handles); news and books show none of these."""
    n = 0
    for m in _CODE_SIGN.finditer(text, 0, SIGNS_WINDOW):
        a = m.start()
        if text[a] == "_":
            k = a
            while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                k -= 1
            if k == a or (k > 0 and text[k - 1] in "@#"):
                continue
        elif text[a] == "." and (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "_-")):
            continue
        n += 1
        if n >= enough:
            break
    return n


_CODE_IN_PROSE = lazy_re(
    r"""(?<!\S)(?:
        0x[0-9A-Fa-f]+ | [0-9A-Fa-f]{8,}(?![^\s.,;:)])        # hexadecimal values
      | ["'(]?[A-Za-z]\w*(?:,[A-Za-z]\w*)+,?(?:\.\.\.)?["')]?[.,;:]?(?!\S)  # lists without spaces: K,M,G; "a,b".
      | \S*(?:[\\{}\[\]<>|=~^`@*]|\(\)|\$[A-Za-z{(]|%[a-z])\S*  # symbols of code: \B, {n,m}, f(), *.c
      | \(?--?[A-Za-z0-9][\w-]*(?:=\S*)?                      # options: -v, --include=GLOB
      | (?:~|\.\.?)?/[A-Za-z_][\w.-]*(?:/[\w.*-]*)*            # paths: /etc/hosts, ~/.config
      | (?:[\w.-]+/)+(?:[\w*-]+\.\w+)?(?!\w)                  # relative paths: Documentation/, doc/a.txt
      | ["'\u2018\u201c][^\w\s"'\u2019\u201d]{1,3}["'\u2019\u201d]  # a symbol cited in quotes: "!", '/'
      | \(["'`]\)                                            # a quotation mark in brackets: (")
      | :[A-Za-z]\w*                                         # editor commands, specifiers: :help, :S
      | \(?[.?!:;,/*~-]{1,3}\)?[.,;:]?(?!\S)                   # symbols standing alone: . and .., (;)
    )""",
    re.X,
)
_TRIM_RIGHT = ".,;:!?)\"'\u201d\u2019"
# Code left in the prose of Markdown and reStructuredText documentation once the markup is
# blanked: tokens holding a symbol of code that prose never writes ("{l_bar}{bar}", "'\\n'",
# "x||y", "~/.config", "greenlet>=1.0", "twine#242", "width()", "C/C++") and symbols cited in
# quotes ('"["', "'{'"). Brackets, stars and lone stops are left alone there: they are the
# markup's link texts and emphasis, and the stops after blanked code.
_CODE_IN_MARKUP = lazy_re(
    r"""(?<!\S)(?:
        \S*(?:[{}\\|^~=<>]|\w\#\w|\w\(\)|\+\+|\w::\w|->|&&)\S*
      | ["'\u2018\u201c][^\w\s"'\u2019\u201d]{1,3}["'\u2019\u201d]
    )""",
    re.X,
)


def markup_code(text: str) -> list[tuple[int, int]]:
    """Code written in the prose of a technical Markdown or reStructuredText document (its markup
    already blanked in ``text``): see ``_CODE_IN_MARKUP``."""
    out = []
    for m in _CODE_IN_MARKUP.finditer(text):
        a, b = _trim_balanced(text, *m.span())
        if a < b:
            out.append((a, b))
    return out


_PAIRS = {")": "(", "]": "[", "}": "{", "\u201d": "\u201c", "\u2019": "\u2018"}
_OPENERS = {v: k for k, v in _PAIRS.items()}


def _trim_balanced(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the prose's punctuation around it: stops, and brackets and quotation
    marks that have no partner inside ("(see f()).", "[default: '\\n']", 'a "x||y"')."""
    while b > a:
        c = text[b - 1]
        if c in ".,;:!?":
            b -= 1
        elif c in _PAIRS and text.count(_PAIRS[c], a, b) < text.count(c, a, b):
            b -= 1
        elif c in "\"'" and text.count(c, a, b) % 2:
            b -= 1
        else:
            break
    while a < b:
        c = text[a]
        if c in _OPENERS and text.count(_OPENERS[c], a, b) < text.count(c, a, b):
            a += 1
        elif c in "\"'" and text.count(c, a, b) % 2:
            a += 1
        else:
            break
    return a, b


# Where _CODE_IN_PROSE can match: only at the start of a token (a run of non-blank characters),
# and only at a token that holds one of _CODE_TOKEN_SIGN's signs or starts as _CODE_START says (each
# alternative of the pattern needs one of them; tests/rules/test_fast_paths.py).
_CODE_START = lazy_re(r"\s(?:[.?!:;,/*~-]|0x|[0-9A-Fa-f]{8}|[\"'\u2018\u201c][^\w\s\"'\u2019\u201d]|\([-.?!:;,/*~\"'`])")
_CODE_TOKEN_SIGN = lazy_re(r"[\\{}\[\]<>|=~^`@*$%/(,](?:(?<=[(])\)|(?<=,)[A-Za-z]|(?<![(,]))")  # (or "()", ",a")
_TOKEN_REST = lazy_re(r"\S*")


def _code_token_starts(text: str) -> list[int]:
    """The starts of the tokens at which _CODE_IN_PROSE can match, in order."""
    starts = {m.start() + 1 for m in _CODE_START.finditer(text)}
    if text[:1] and not text[0].isspace():
        starts.add(0)
    rest = _TOKEN_REST.match
    token_end = -1
    for m in _CODE_TOKEN_SIGN.finditer(text):
        q = m.start()
        if q < token_end:
            continue  # (the token of this sign is taken)
        i = q
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        starts.add(i)
        tm = rest(text, q)  # (always a match)
        token_end = tm.end() if tm is not None else len(text)
    return sorted(starts)


# what follows a full stop that ends a sentence: spaces and a capital
_NEXT_SENTENCE = lazy_re(r"[ \t]+[\"\u201c]?[A-Z]")


def _inline_code(text: str) -> list[tuple[int, int]]:
    """The code tokens in ``text``: ``_CODE_IN_PROSE``'s matches, tried only at the starts of
    the tokens where it can match, trimmed."""
    out = []
    match = _CODE_IN_PROSE.match
    for p in _code_token_starts(text):
        m = match(text, p)
        if m is None:
            continue
        a, b = m.span()
        if not any(c.isalnum() for c in m.group()):
            if m.group().startswith("(") and ")" in m.group():
                if text[b - 1] in ".!?" and _NEXT_SENTENCE.match(text, b):
                    b -= 1  # the sentence's full stop stays: "a backslash (‘\’).  If no option ..."
                out.append((a, b))  # a symbol in brackets, with the stop after it: "(;),"
                continue
            if any(c not in ".,;:!?)" for c in m.group()):
                while b - 1 > a and text[b - 1] in ".,;:!?":
                    b -= 1  # the sentence's own stop: "(end with a })."
            if text[b - 1] == ")" and "(" not in text[a:b] and b - 1 > a:
                b -= 1  # the bracket closes the prose's parenthesis: "(one of */=>@|)"
            if a < b:
                out.append((a, b))  # a symbol on its own: "implied . and ..", "print ? instead"
            continue
        while b > a and text[b - 1] in _TRIM_RIGHT and not m.group().endswith(",..."):
            if text[b - 1] == ")" and text.count("(", a, b) >= text.count(")", a, b):
                break  # the call's own bracket: "g()"
            b -= 1
        while a < b and text[a] in '("\u201c':
            if text[a] == "(" and text.count(")", a, b) >= text.count("(", a, b):
                break
            a += 1
        if a < b:
            out.append((a, b))
    return out
