"""What is not prose in a plain-text file: code, synopses, option lists, tables, rules, headers.

Plain text has no markup to say where the prose is, but its layout does. Lines are classified
one block (run of non-blank lines) at a time, from features of the class, never of a word list:

* **rules and banners**: lines made mostly of symbols (``=====``, ``-*-*-``, ``* * *``);
* **code, synopses and lists of names**: lines where most tokens look like code (brackets,
  operators, paths, ``name(1)`` references, ``--options``, ``snake_case``), or that start
  with a shell or interpreter prompt;
* **columns and tables**: lines with two or more gaps of three spaces or more between cells,
  and the term of a ``term   description`` line (the description stays prose);
* **option lists**: the options at the head of a line (``-c, --create``);
* **terms of a list of terms**: a short line over a more indented description;
* **key-value headers**: two or more consecutive ``Key: value`` lines;
* **headings in capitals** (``DESCRIPTION``, ``SEE ALSO``): labels, not sentences.

A block whose lines are mostly non-prose is non-prose whole. The regions found are blanked in
``Document.text`` like Markdown code (offsets unchanged, fixes never touch them). Text with
none of the features (news, fiction) costs one regular-expression search.

``justified_lines`` tells which lines are set justified (padded with doubled spaces to a common
width, as ``man`` and ``fmt``-style tools print them): there doubled spaces and a hyphen at the
end of a line are typesetting, not damage.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from .lazyre import lazy_re

# Any sign of layout at a line's start: indentation, a run of symbols, a "Key: value" line, an
# option, a prompt; or a gap of two spaces inside a line. Prose without these skips the
# line-by-line pass.
_CANDIDATE_START = lazy_re(r"[ \t]+\S|[^\w\s]{3,}|[A-Z][\w-]*(?: [\w-]+){0,3}:[ \t]|-{1,2}\w|\$ |[*|#+][ \t]|\d+(?:\.\d+)*\.?[ \t]+[A-Z]")
# an ASCII box: a line framed by one symbol at both ends ("*  text  *", "| text |")
_FRAME = lazy_re(r"^([ \t]*([*|#+])[ \t]).*?([ \t]\2[ \t]*)$")
_HEADING_LABEL = lazy_re(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)[ \t]+")
_SMALL_WORDS = frozenset("a an the and or of to in on for by with as at from nor but vs".split())
_NEWLINE = lazy_re(r"\r\n?|\n")
_SPACES = lazy_re(r"  +")
_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_GAP3 = lazy_re(r"(?<=\S)[ \t]{3,}(?=\S)")
_OPTIONS = lazy_re(
    r"[ \t]*(?:-{1,2}[A-Za-z0-9?#][\w.?#-]*(?:\[?=[^\s,]+\]?|[ ]<[^>]+>|[ ][A-Z_]{2,}\b)?"
    r"(?:,?[ \t]+-{1,2}[A-Za-z0-9?][\w.-]*(?:\[?=[^\s,]+\]?|[ ]<[^>]+>|[ ][A-Z_]{2,}\b)?)*)(?=[ \t]{2,}|[ \t]*$|[ \t][A-Z][a-z])"
)
_KEY_VALUE = lazy_re(r"[ \t]*[A-Z][\w.-]*(?: [\w.-]+){0,3}:(?:[ \t]+\S|[ \t]*$)")
_PROMPT = lazy_re(r"[ \t]*(?:\$|>>>)[ \t]+\S")
_CODE_CHARS = lazy_re(r"[\[\]{}<>|$=;\\_/*&~^`@#%+]")
_CODE_TOKEN = lazy_re(
    r"""^(?:[-+]{1,2}[A-Za-z]|.*[\[\]{}<>|$=;\\_/`@#%&~^]|[\w.-]+\(\w*\)[,.;:]?$|[\w-]+\.(?:[a-z]{1,4})$|\W+$|\d+\w*[A-Za-z]\w*$)""",
    re.S,
)
_WORDISH = lazy_re(r"[A-Za-z][a-z'’-]*[.,;:!?)\"”’]*$|\(?[A-Za-z][a-z'’-]*$")
_SENTENCE_END = lazy_re(r"[.!?:][\"'”’)]*$")


def _symbolic(s: str) -> bool:
    """A rule, banner or ornament line."""
    n = len(s.replace(" ", ""))
    if n < 3:
        return False
    sym = sum(1 for c in s if not c.isalnum() and not c.isspace())
    return sym / n >= 0.6


#: dashes, bullets and list or heading marks standing alone are prose punctuation or layout
_MARKERS = frozenset(("-", "--", "\u2013", "\u2014", "#", "*", "\u2022", "/", "+", "&"))


def _is_code_token(t: str) -> bool:
    """A token that reads as code: prose punctuation after it ("rules;", "item,") and marks
    standing alone ("-", "#", "/") do not count."""
    core = t.rstrip(".,;:!?\"'\u201d\u2019")
    if not core or core in _MARKERS:
        return False
    return _CODE_TOKEN.match(core) is not None


_ASSIGNMENT = lazy_re(r"^[\w.\[\]'\"]+[ \t]*(?:=|\+=|-=|:=|==)[ \t]*\S")
_FENCE = lazy_re(r"^[ \t]*(```|~~~)")


def _code_like(s: str) -> bool:
    if _PROMPT.match(s) or _ASSIGNMENT.match(s):
        return True
    toks = s.split()
    if not toks:
        return False
    code = sum(1 for t in toks if _is_code_token(t))
    if code:
        # beside code, words in capitals are placeholders: "tar -A [OPTIONS] ARCHIVE ARCHIVE"
        code += sum(1 for t in toks if len(t) > 1 and t.isupper() and t.isalpha())
    if len(toks) == 1:
        return code == 1 and len(toks[0]) > 1 and not _SENTENCE_END.search(toks[0])
    return code * 2 >= len(toks) and not (len(toks) >= 8 and _SENTENCE_END.search(s) and code * 3 < len(toks) * 2)


def _title_heading(s: str) -> bool:
    """A heading in title case ("15. Disclaimer of Warranty.", "Terms and Conditions"): every word
    but the small ones capitalised, a short line, a final full stop only after a number label."""
    label = _HEADING_LABEL.match(s)
    body = s[label.end() :] if label else s
    if body.endswith(".") and not label:
        return False
    words = body.rstrip(".").split()
    if not 2 <= len(words) <= 10:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in big) and not any(c in body for c in ",;:!?")


def _heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return (
        len(letters) >= 2
        and s.upper() == s
        and len(s.split()) <= 6
        and not _SENTENCE_END.search(s)
        and sum(c.isalpha() or c.isspace() for c in s) >= 0.8 * len(s)
    )


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


_BLANK = lazy_re(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")


def _candidates(text: str) -> list[int]:
    """Offsets of the signs of layout, sorted."""
    out = []
    match = _CANDIDATE_START.match
    if match(text, 0):
        out.append(0)
    for m in _NEWLINE.finditer(text):
        if match(text, m.end()):
            out.append(m.end())
    if "  " in text:
        n = len(text)
        for m in _SPACES.finditer(text):
            a, b = m.start(), m.end()
            if a > 0 and b < n and not text[a - 1].isspace() and not text[b].isspace():
                out.append(a)
        out.sort()
    return out


def layout_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) regions of ``text`` (plain text) that are not prose, sorted."""
    cands = _candidates(text)
    if not cands:
        return []
    # Only the blocks (runs of non-blank lines) with a sign of layout are read line by line.
    seps = [(m.start(), m.end()) for m in _BLANK.finditer(text)]
    sep_ends = [b for _, b in seps]
    out: list[tuple[int, int]] = []
    done_until = -1
    strong = 0  # lines of code, synopses and options: the signs of a technical document
    for pos in cands:
        if pos < done_until:
            continue
        k = bisect_right(sep_ends, pos)
        a = sep_ends[k - 1] if k else 0
        b = seps[k][0] if k < len(seps) else len(text)
        block = _block_lines(text, a, b)
        prev_indent = None
        if k >= 1:
            prev = _block_lines(text, sep_ends[k - 2] if k >= 2 else 0, seps[k - 1][0])
            if prev:
                prev_indent = _indent(prev[0][1])
        if block:
            strong += _classify(block, out, prev_indent)
        done_until = b
    if strong >= 3:
        # A technical document: inside its prose, tokens with code symbols are code too
        # ("matches \B", "the {n,m} construct", "type `show c'").
        out.extend(_inline_code(text))
    out.sort()
    return out


def _block_lines(text: str, a: int, b: int) -> list[tuple[int, str]]:
    block = []
    for lm in _LINE.finditer(text, a, b):
        if lm.end() == lm.start():
            break
        line = lm.group().rstrip("\r\n")
        if line.strip():
            block.append((lm.start(), line))
    return block


_CODE_IN_PROSE = lazy_re(r"(?<!\S)(?:\S*(?:[\\{}\[\]<>|=~^`@]|\$[A-Za-z{(]|%[a-z])\S*|[.?!:;,/*~-]{1,3}(?!\S))")
_TRIM_RIGHT = ".,;:!?)\"'\u201d\u2019"


def _inline_code(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _CODE_IN_PROSE.finditer(text):
        a, b = m.span()
        if not any(c.isalnum() for c in m.group()):
            if text[b - 1] == ")" and "(" not in m.group():
                b -= 1  # the bracket closes the prose's parenthesis: "(one of */=>@|)"
            if a < b:
                out.append((a, b))  # a symbol on its own: "implied . and ..", "print ? instead"
            continue
        while b > a and text[b - 1] in _TRIM_RIGHT:
            b -= 1
        while a < b and text[a] in "(\"\u201c":
            a += 1
        if a < b:
            out.append((a, b))
    return out


def _classify(block: list[tuple[int, str]], out: list[tuple[int, int]], prev_indent: int | None = None) -> int:
    """Add the block's non-prose regions to ``out``; return its count of code and option lines."""
    n = len(block)
    whole = [False] * n  # the whole line is not prose
    parts: list[tuple[int, int]] = []  # part of a line is not prose (a term, options)
    strong = 0
    kv = [bool(_KEY_VALUE.match(line)) and not (len(line.split()) >= 8 and _SENTENCE_END.search(line)) for _, line in block]
    indents = [_indent(line) for _, line in block]
    if n >= 2 and _FENCE.match(block[0][1]) and _FENCE.match(block[-1][1]):
        out.append((block[0][0], block[-1][0] + len(block[-1][1])))  # a fenced code block
        return 1
    framed = [_FRAME.match(line) for _, line in block]
    if sum(1 for f in framed if f) * 2 > n:
        # an ASCII box: its frame is layout; its content is read as blocks of its own, split at
        # the box's empty lines
        runs: list[list[tuple[int, str]]] = [[]]
        for (start, line), f in zip(block, framed):
            if f:
                out.append((start, start + f.end(1)))
                out.append((start + f.start(3), start + len(line)))
                body = line[f.end(1) : f.start(3)]
                if body.strip():
                    runs[-1].append((start + f.end(1), body))
                else:
                    runs.append([])
            else:
                runs[-1].append((start, line))
        return sum(_classify(run, out) for run in runs if run)
    for i, (start, line) in enumerate(block):
        s = line.strip()
        lead = len(line) - len(line.lstrip())
        if _title_heading(s) and (n == 1 or (i + 1 < n and _symbolic(block[i + 1][1].strip()))):
            whole[i] = True
            continue
        if _symbolic(s) or _heading(s) and (n == 1 or i == 0 and indents[1] > indents[0]):
            whole[i] = True
            continue
        if kv[i] and ((i > 0 and kv[i - 1]) or (i + 1 < n and kv[i + 1])):
            whole[i] = True
            continue
        gaps = list(_GAP3.finditer(line, lead))
        if len(gaps) >= 2 and not _justified_line(line):
            whole[i] = True
            continue
        om = _OPTIONS.match(line)
        if om and om.end() > lead and line[lead] == "-":
            parts.append((start + lead, start + om.end()))
            strong += 1
            continue
        if _code_like(s):
            whole[i] = True
            strong += 1
            continue
        term = line[lead : gaps[0].start()] if gaps else ""
        if (
            gaps
            and len(term) <= 30
            and len(term.split()) <= 3
            and not term.endswith((".", ",", ";", ":", "!", "?"))
            and (i == 0 or indents[i] < indents[i - 1])
            and not _justified_line(line)
        ):
            # "term      description": the term is a label
            parts.append((start + lead, start + gaps[0].start()))
            continue
        if (
            i + 1 < n
            and indents[i + 1] >= indents[i] + 3
            and len(s.split()) <= 5
            and not _SENTENCE_END.search(s)
            and (i == 0 or indents[i - 1] <= indents[i])
        ):
            whole[i] = True  # a term over its indented description
    if (
        prev_indent is not None
        and n <= 3
        and min(indents) >= prev_indent + 4
        and all(len(line.split()) <= 8 and not _SENTENCE_END.search(line) for _, line in block)
    ):
        # a short display more indented than the text before it: an example or a command
        out.append((block[0][0], block[-1][0] + len(block[-1][1])))
        return strong + 1
    if n >= 3 and sum(whole) * 10 >= n * 6 and not any(
        not whole[i] and len(line.split()) >= 5 and _SENTENCE_END.search(line) for i, (_, line) in enumerate(block)
    ):
        a = block[0][0]
        b = block[-1][0] + len(block[-1][1])
        out.append((a, b))
        return strong
    for i, (start, line) in enumerate(block):
        if whole[i]:
            out.append((start, start + len(line)))
    out.extend(parts)
    return strong


def _justified_line(line: str) -> bool:
    """Padding between most words (justified text), not cells."""
    words = line.split()
    if len(words) < 6:
        return False
    gaps = re.findall(r"(?<=\S) +(?=\S)", line)
    wide = [g for g in gaps if len(g) > 1]
    return all(len(g) <= 3 for g in gaps) and len(wide) < len(gaps)


def justified_lines(text: str, line_starts: list[int]) -> frozenset[int]:
    """1-based numbers of the lines set justified: in a paragraph of two lines or more, the
    lines (the last aside) of one common length, one of them at least padded with doubled
    spaces. Decided paragraph by paragraph, so a file linted in pieces gets the same answer."""
    if "  " not in text:
        return frozenset()
    out: set[int] = set()
    nlines = len(line_starts)
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if len(block) >= 2:
            body = block[:-1]
            widths: dict[int, int] = {}
            for _, ln in body:
                widths[len(ln)] = widths.get(len(ln), 0) + 1
            w, c = max(widths.items(), key=lambda kv: kv[1])
            if c >= 2 and c * 10 >= len(body) * 6 and any(len(ln) == w and "  " in ln.strip() for _, ln in body):
                out.update(i + 1 for i, ln in body if abs(len(ln) - w) <= 1)
        block.clear()

    for i in range(nlines):
        a = line_starts[i]
        b = line_starts[i + 1] if i + 1 < nlines else len(text)
        line = text[a:b].rstrip("\r\n").rstrip()
        if line.strip():
            block.append((i, line))
        else:
            flush()
    flush()
    return frozenset(out)
