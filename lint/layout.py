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
from typing import Callable
from .inlinecode import _inline_code, code_signs
from .lazyre import lazy_re

# Any sign of layout at a line's start: indentation, a run of symbols, a "Key: value" line, an
# option, a prompt; or a gap of two spaces inside a line. Prose without these skips the
# line-by-line pass.
_CANDIDATE_START = lazy_re(r"[ \t]+\S|[^\w\s]{3,}|[A-Z][\w-]*(?: [\w-]+){0,3}:[ \t]|-{1,2}\w|\$ |[*|#+][ \t]|\d+(?:\.\d+)*\.?[ \t]+[A-Z]|\d+[ \t]+-[ \t]|\.[ \t]+[-+*][ \t]")
_CANDIDATE_LINE = lazy_re(r"\n(?=[ \t]+\S|[^\w\s]{3,}|[A-Z][\w-]*(?: [\w-]+){0,3}:[ \t]|-{1,2}\w|\$ |[*|#+][ \t]|\d+(?:\.\d+)*\.?[ \t]+[A-Z]|\d+[ \t]+-[ \t]|\.[ \t]+[-+*][ \t])")
# an ASCII box: a line framed by one symbol at both ends ("*  text  *", "| text |")
_FRAME = lazy_re(r"^([ \t]*([*|#+])[ \t]).*?([ \t]\2[ \t]*)$")
_HEADING_LABEL = lazy_re(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)[ \t]+")
_HEADING_STOP = lazy_re(r"[,;:!?]")
_SMALL_WORDS = frozenset("a an the and or of to in on for by with as at from nor but vs".split())
_NEWLINE = lazy_re(r"\r\n?|\n")
# a run of two spaces or more between two characters that are not white space (its literal
# start first: the engine scans for "  " in C)
_SPACED_GAP = lazy_re(r"  (?<=\S  ) *(?=\S)")
_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
# the names before the dash of a manual's NAME line
_NAME_LINE = lazy_re(r"[ \t]+([a-z0-9][a-z0-9._+-]*(?:,[ \t]*[a-z0-9][a-z0-9._+-]*)*[ \t]+\\?[-\u2010\u2013\u2014])[ \t]+[A-Za-z]")
# a line of one to four lower-case names ("gvim gview evim eview")
_NAME = r"[a-z0-9][a-z0-9_+-]*(?:\.[a-z0-9_+-]+)*"
_NAMES = lazy_re(rf"[ \t]*{_NAME}(?:[ \t]+{_NAME}){{0,3}}[ \t]*$")
# a cell border of a table row ("64000 | ftn | fidogate", "| a | b |")
_PIPE_CELL = lazy_re(r"(?:^|[ \t])\|(?=[ \t]|$)")
_GAP3 = lazy_re(r"(?<=\S)[ \t]{3,}(?=\S)")
_OPTIONS = lazy_re(
    r"[ \t]*(?:-{1,2}[A-Za-z0-9?#][\w.?#-]*(?:\[?=[^\s,]+\]?|[ ]<[^>]+>|[ ][A-Z_]{2,}\b)?"
    r"(?:,?[ \t]+-{1,2}[A-Za-z0-9?][\w.-]*(?:\[?=[^\s,]+\]?|[ ]<[^>]+>|[ ][A-Z_]{2,}\b)?)*)(?=[ \t]{2,}|[ \t]*$|[ \t][A-Z][a-z])"
)
_KEY_VALUE = lazy_re(r"[ \t]*[A-Z][\w.-]*(?: [\w.-]+){0,3}:(?:[ \t]+\S|[ \t]*$)")
_PROMPT = lazy_re(r"[ \t]*(?:\$|>>>)[ \t]+\S")
_CODE_CHARS = lazy_re(r"[\[\]{}<>|$=;\\_/*&~^`@#%+]")
_CODE_TOKEN = lazy_re(
    r"""^(?:[-+]{1,2}[A-Za-z]|.*[\[\]{}<>|$=;\\_/`@#%&~^]|[\w.-]+\(\w*\)[,.;:]?$|.*\w\(\)|[\w:]+\([a-z]+$|[\w-]+\.(?:[a-z]{1,4})$|\W+$|\d+\w*[A-Za-z]\w*$)""",
    re.S,
)
_WORDISH = lazy_re(r"[A-Za-z][a-z'’-]*[.,;:!?)\"”’]*$|\(?[A-Za-z][a-z'’-]*$")
_SENTENCE_END = lazy_re(r"[.!?:][\"'”’)]*$")


_SYMBOL = lazy_re(r"[^\w\s]|_")


def _symbolic(s: str) -> bool:
    """A rule, banner or ornament line."""
    n = len(s.replace(" ", ""))
    if n < 3:
        return False
    if s.isascii():  # (_SYMBOL's matches in ASCII are _ASCII_SYMBOLS: deleted from the bytes in C)
        sym = len(s) - len(s.encode().translate(None, _ASCII_SYMBOLS))
    else:
        sym = len(_SYMBOL.findall(s))  # (the characters neither str.isalnum nor str.isspace, counted in C)
    return sym / n >= 0.6


_ASCII_SYMBOLS = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c).isspace()))


#: dashes, bullets and list or heading marks standing alone are prose punctuation or layout
_MARKERS = frozenset(("-", "--", "\u2013", "\u2014", "#", "*", "\u2022", "/", "+", "&"))


_PROSE_TAIL = ".,;:!?\"'\u201d\u2019"  # the prose's punctuation after a word


def _is_code_token(t: str) -> bool:
    """A token that reads as code: prose punctuation after it ("rules;", "item,") and marks
    standing alone ("-", "#", "/") do not count."""
    return _is_code_core(t.rstrip(_PROSE_TAIL))


def _is_code_core(core: str) -> bool:
    """``_is_code_token`` of a token whose prose punctuation is stripped (``core``)."""
    if not core or core in _MARKERS or core.isalpha():  # (a word of letters matches no alternative)
        return False
    return _CODE_TOKEN.match(core) is not None


# a statement or declaration of C-like code: a call and a closing ";", "{" or ")" at the end
_C_STATEMENT = lazy_re(r"[\w\])]\([^)]*\).*[;{)][ \t]*$|[\w\])]\(.*[;{][ \t]*$")
_PROSE_STOP = lazy_re(r"[a-z]{2,}[.!?] +[A-Z]")
_NUMBERISH = lazy_re(r"^(?=.*\d)[\d:.,/-]+$")
_ASSIGNMENT = lazy_re(r"^[\w.\[\]'\"]+[ \t]*(?:=|\+=|-=|:=|==)[ \t]*\S")
_FENCE = lazy_re(r"^[ \t]*(```|~~~)")


class _CodeTokens(dict):
    """token -> 1 if it reads as code (``_is_code_token``), else 0: decided the first time the
    token is met, then looked up in C (a text repeats its tokens; a regular-expression match per
    token was most of the time of a technical document's layout). Emptied when it reaches
    _CODE_TOKENS_MAX tokens."""

    def __missing__(self, t: str) -> int:
        core = t.rstrip(_PROSE_TAIL)
        # (a word of letters with prose punctuation after it is no code token)
        v = 0 if core.isalpha() else int(_is_code_core(core))
        if len(self) >= _CODE_TOKENS_MAX:
            self.clear()
        self[t] = v
        return v


_CODE_TOKENS_MAX = 100_000
_CODE_TOKENS = _CodeTokens()


def _code_like(s: str) -> bool:
    # (each pattern needs a character the line may not hold: tested first, in C)
    if (
        (("$" in s or ">>>" in s) and _PROMPT.match(s))
        or ("=" in s and _ASSIGNMENT.match(s))
        or ("(" in s and _C_STATEMENT.search(s) and not _PROSE_STOP.search(s))
    ):
        return True
    toks = s.split()
    if not toks:
        return False
    code = sum(map(_CODE_TOKENS.__getitem__, toks))
    if code:
        # beside code, words in capitals are placeholders: "tar -A [OPTIONS] ARCHIVE ARCHIVE"
        code += sum(1 for t in toks if len(t) > 1 and t.isupper() and t.isalpha())
        # and numbers, dates and times are neither: "-rwxr-xr-x 1 root root 30736 2007-01-31"
        toks = [t for t in toks if _is_code_token(t) or not _NUMBERISH.match(t)] or toks
    if len(toks) == 1:
        return code == 1 and (len(toks[0]) > 1 or toks[0] in "{}[]();") and not _SENTENCE_END.search(toks[0])
    return code * 2 >= len(toks) and not (len(toks) >= 8 and _SENTENCE_END.search(s) and code * 3 < len(toks) * 2)


def _title_heading(s: str) -> bool:
    """A heading in title case ("15. Disclaimer of Warranty.", "Terms and Conditions"): every word
    but the small ones capitalised, a short line, a final full stop only after a number label."""
    if _HEADING_STOP.search(s):  # (a label holds none of them: tested on the line first)
        return False
    label = _HEADING_LABEL.match(s)
    body = s[label.end() :] if label else s
    if body.endswith(".") and not label:
        return False
    words = body.rstrip(".").split(None, 10)  # (11 items: more than 10 words, the rest not split)
    if not 2 <= len(words) <= 10:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def _heading(s: str) -> bool:
    if s.upper() != s:  # (most lines: decided before the letters are counted)
        return False
    letters = [c for c in s if c.isalpha()]
    return (
        len(letters) >= 2
        and len(s.split()) <= 6
        and not _SENTENCE_END.search(s)
        and sum(c.isalpha() or c.isspace() for c in s) >= 0.8 * len(s)
    )


def _indent(line: str) -> int:
    if "\t" not in line:  # (expandtabs changes only tabs: most lines have none)
        return len(line) - len(line.lstrip())
    wide = line.expandtabs(8)
    return len(wide) - len(wide.lstrip())


_BLANK = lazy_re(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")
_BLANK_LF = lazy_re(r"\n(?:[ \t]*\n)+")  # (the same matches in a text without "\r", found faster)


def _candidates(text: str) -> list[int]:
    """Offsets of the signs of layout, sorted."""
    out = []
    if "\r" not in text:
        # one pass of the regular-expression engine from line break to line break
        if _CANDIDATE_START.match(text, 0):
            out.append(0)
        out.extend(m.end() for m in _CANDIDATE_LINE.finditer(text))
    else:
        match = _CANDIDATE_START.match
        if match(text, 0):
            out.append(0)
        for m in _NEWLINE.finditer(text):
            if match(text, m.end()):
                out.append(m.end())
    if "  " in text:
        # (the runs of two spaces or more between two characters that are not white space)
        out.extend([m.start() for m in _SPACED_GAP.finditer(text)])
        out.sort()
    return out


def layout_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) regions of ``text`` (plain text) that are not prose, sorted."""
    out, strong = layout_blocks(text)
    return finish_layout(text, out, strong >= 3 or code_signs(text) >= 3)


def finish_layout(text: str, out: list[tuple[int, int]], technical: bool) -> list[tuple[int, int]]:
    """``layout_blocks``' regions, with the code tokens inside the prose of a ``technical``
    document (decided on the whole document: a huge file's windows share the decision)."""
    if technical:
        # A technical document: inside its prose, tokens with code symbols are code too
        # ("matches \B", "the {n,m} construct", "type `show c'").
        out.extend(_inline_code(text))
    out.sort()
    return out


def layout_blocks(text: str) -> tuple[list[tuple[int, int]], int]:
    """The layout blocks of ``text`` (plain text), unsorted, and how many lines of code,
    synopses and options they hold (the signs of a technical document)."""
    cands = _candidates(text)
    if not cands:
        return [], 0
    # Only the blocks (runs of non-blank lines) with a sign of layout are read line by line.
    seps = [m.span() for m in (_BLANK if "\r" in text else _BLANK_LF).finditer(text)]
    sep_ends = [b for _, b in seps]
    out: list[tuple[int, int]] = []
    done_until = -1
    strong = 0  # lines of code, synopses and options: the signs of a technical document
    last = (-1, False)  # the last block read, and whether it held code
    last_lines: list[tuple[int, str]] = []  # its lines
    hangs: list[frozenset[tuple[int, int]]] = []

    def hang_columns() -> frozenset[tuple[int, int]]:
        # (tag indent, description column) of the text's tagged paragraphs whose tag stands on
        # a line of its own ("       offline, rewoffl" over "              Rewind the tape.")
        if not hangs:
            hangs.append(frozenset((len(m.group(1)), len(m.group(2))) for m in _HANG.finditer(text) if len(m.group(2)) >= len(m.group(1)) + 4))
        return hangs[0]

    for pos in cands:
        if pos < done_until:
            continue
        k = bisect_right(sep_ends, pos)
        a = sep_ends[k - 1] if k else 0
        b = seps[k][0] if k < len(seps) else len(text)
        block = _block_lines(text, a, b)
        prev_indent = None
        if k >= 1:
            # (the block before: often the one read just before this one)
            prev = last_lines if last[0] == k - 1 else _block_lines(text, sep_ends[k - 2] if k >= 2 else 0, seps[k - 1][0])
            if prev:
                prev_indent = _indent(prev[0][1])
        if block:
            last_lines = block
            got = _classify(block, out, prev_indent, after_code=last == (k - 1, True), hang_columns=hang_columns)
            strong += got
            last = (k, got > 0)
        done_until = b
    return out, strong


def _block_lines(text: str, a: int, b: int) -> list[tuple[int, str]]:
    block = []
    seg = text[a:b]
    if "\r" not in seg:
        # (the same lines, split in C: each line's start is the one before's end plus its "\n")
        for line in seg.split("\n"):
            if line.strip():
                block.append((a, line))
            a += len(line) + 1
        return block
    for lm in _LINE.finditer(text, a, b):
        if lm.end() == lm.start():
            break
        line = lm.group().rstrip("\r\n")
        if line.strip():
            block.append((lm.start(), line))
    return block


def _classify(
    block: list[tuple[int, str]],
    out: list[tuple[int, int]],
    prev_indent: int | None = None,
    after_code: bool = False,
    hang_columns: Callable[[], frozenset[tuple[int, int]]] | None = None,
) -> int:
    """Add the block's non-prose regions to ``out``; return its count of code and option lines."""
    n = len(block)
    whole = [False] * n  # the whole line is not prose
    parts: list[tuple[int, int]] = []  # part of a line is not prose (a term, options)
    strong = 0
    kv = [":" in line and bool(_KEY_VALUE.match(line)) and not (len(line.split()) >= 8 and _SENTENCE_END.search(line)) for _, line in block]
    indents = [_indent(line) for _, line in block]
    widths: dict[int, int] = {}
    for _, line in block:
        w = len(line.rstrip())
        widths[w] = widths.get(w, 0) + 1
    if n >= 2 and _FENCE.match(block[0][1]) and _FENCE.match(block[-1][1]):
        out.append((block[0][0], block[-1][0] + len(block[-1][1])))  # a fenced code block
        return 1
    term_col: dict[int, int] = {}  # line -> column of its description, for the lines with a term
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
        gaps = list(_GAP3.finditer(line, lead)) if "   " in line or "\t" in line else []
        if len(gaps) >= 2 and not _justified_line(line, widths) or "|" in line and len(_PIPE_CELL.findall(line)) >= 2:
            whole[i] = True
            continue
        nm = _NAME_LINE.match(line) if line[0] in " \t" else None
        if nm and ("," in nm.group(1) or (i > 0 and whole[i - 1] and _heading(block[i - 1][1].strip()))):
            # a manual's NAME line ("grep, egrep - print lines ..."): the names and the dash are labels
            parts.append((start + nm.start(1), start + nm.end(1)))
            continue
        im = _ITEM_MARK.match(line)
        if im:
            # "42 - Too large marks", ". + Support roff": the mark of a numbered or ticked item
            parts.append((start + lead, start + im.end(1)))
            continue
        om = _OPTIONS.match(line) if line[lead] == "-" else None
        if om and om.end() > lead:
            parts.append((start + lead, start + om.end()))
            strong += 1
            continue
        hang = _hanging_term(line, lead, indents[i + 1] if i + 1 < n else -1)
        if hang:
            # "sl=    SGR substring for ...", "number Match only ..." over a description indented
            # to where its second part starts: a tagged paragraph, the tag is a label
            parts.append((start + lead, start + lead + len(hang)))
            strong += _is_code_token(hang.split()[0])
            continue
        if _code_like(s):
            strong += 1
            if not _sentence_tail(block, i, whole, indents):
                whole[i] = True
            continue
        term = line[lead : gaps[0].start()] if gaps else ""
        if (
            gaps
            and len(term) <= 30
            and len(term.split()) <= 3
            and not term.endswith((".", ",", ";", ":", "!", "?"))
            and (i == 0 or indents[i] < indents[i - 1] or whole[i - 1] or term_col.get(i - 1) == gaps[0].end())
            and (not _justified_line(line, widths) or "  " not in line[gaps[0].end() :].strip())
        ):
            # "term      description": the term is a label; so is each term of a column of them
            # ("9062    Fix net-server.c ..." / "9063    Fix memory leak ...")
            parts.append((start + lead, start + gaps[0].start()))
            term_col[i] = gaps[0].end()
            continue
        if i == 0 and hang_columns is not None and "\t" not in line[:lead]:
            sm = _SHORT_TAG.match(line, lead)
            if sm and (lead, sm.end()) in hang_columns() and all(indents[k] >= sm.end() for k in range(1, n)):
                # "rewind Rewind the tape.", "-o file An alias ...": a tag short enough for its
                # description to start on its line, at the column the text's other tagged
                # paragraphs indent their descriptions to
                parts.append((start + lead, start + sm.end(1)))
                continue
        tm = _TERM_GAP.match(line, lead) if "  " in line or "\t" in line else None
        if tm and _short_term(tm.group(1)) and (i == 0 or term_col):
            col = tm.end()
            width = len(line[:col].expandtabs(8))
            if "\t" in tm.group(0) and _tab_terms(block) or lead and "  " not in line[col:].strip() and all(indents[k] >= width for k in range(i + 1, n)):
                # "type  The type field ...", "etc/a2ps_cfg<TAB>The default configuration": a
                # term and its description at the head of a block, after a tab (a column of such
                # terms: _tab_terms) or (indented,
                # the rest of the line set with single spaces, the lines below indented as far
                # as the description) after two spaces
                parts.append((start + lead, start + lead + len(tm.group(1))))
                term_col[i] = col
                continue
        if (
            i + 1 < n
            and indents[i + 1] >= indents[i] + 3
            and len(s.split()) <= 5
            and not _SENTENCE_END.search(s)
            and (i == 0 or indents[i - 1] <= indents[i])
        ):
            whole[i] = True  # a term over its indented description
    if strong and any(whole) or after_code:
        # beside code lines, short lines of lower-case names are a list of commands or files
        # ("vim [options] FILE" / "gvim gview evim")
        for i, (_, line) in enumerate(block):
            if not whole[i] and _NAMES.match(line):
                whole[i] = True
                strong += after_code
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


_LOWER_WORD = lazy_re(r"[a-z]{2,}[,;:]?$")
_TAIL_END = lazy_re(r"[.!?)][\"'\u201d\u2019]*$")


# the mark of an item of a to-do or change list: a number and a dash ("42 - "), a stop and a
# plus or a dash (". + ", ".  - ")
_ITEM_MARK = lazy_re(r"[ \t]*(\d+[ \t]+-|\.[ \t]+[-+*])[ \t]+(?=[A-Za-z])")
# a line of its own (a short tag) over a more indented line: a tagged paragraph's layout
_HANG = lazy_re(r"\n( +)[^ \n][^\n]{0,30}\n( +)\S")
# a short tag and one space before a capitalised description: a lower-case word or an option
# with its argument ("rewind ", "-o file ")
_SHORT_TAG = lazy_re(r"((?:[a-z][\w-]*|-{1,2}\w[\w-]*(?: [a-z]+)?)) (?=[A-Z][a-z])")
# a term of one token before its description, two spaces or a tab between ("size  The size")
_TERM_GAP = lazy_re(r"(\S{1,16})(?:  |\t+ *)(?=\S)")
_TAB_TERM = lazy_re(r"[ \t]*\S{1,16}\t+ *\S")


def _tab_terms(block: list[tuple[int, str]]) -> bool:
    """Is the block a column of terms and descriptions set apart by tabs: two such lines at
    least, and half the block's lines or more?"""
    k = sum(1 for _, ln in block if _TAB_TERM.match(ln))
    return k >= 2 and k * 2 >= len(block)


def _short_term(term: str) -> bool:
    """A term of a list of terms: no prose punctuation at its end unless it is code ("$.")."""
    return not term.endswith((",", ";", ".", ":", "!", "?")) or _is_code_token(term)


def _sentence_tail(block: list[tuple[int, str]], i: int, whole: list[bool], indents: list[int]) -> bool:
    """Line ``i`` ends a sentence the prose line above it began ("... (for portability" /
    "use POSIX -E)."): same indentation, the line above unfinished, this one closing with a stop
    or a bracket and holding a word of prose."""
    if i == 0 or whole[i - 1] or indents[i] != indents[i - 1]:
        return False
    above = block[i - 1][1].rstrip()
    line = block[i][1].strip()
    if _SENTENCE_END.search(above) or not _TAIL_END.search(line):
        return False
    return any(_LOWER_WORD.match(t) for t in line.split())


def _hanging_term(line: str, lead: int, col: int) -> str:
    """The tag of a tagged paragraph's first line: the text before column ``col`` (where the
    next line's description starts, more indented than this line) when a word starts there, the
    tag is short and no sentence ends in it; else ""."""
    if col <= lead + 1 or col >= len(line) or "\t" in line or line[col - 1] != " " or line[col] == " ":
        return ""
    term = line[lead:col].rstrip()
    if len(term) > 30 or len(term.split()) > 3 or _SENTENCE_END.search(term) or term.endswith((",", ";")):
        return ""
    if len(line[col:].split()) < 2:
        return ""
    return term


def _justified_line(line: str, widths: dict[int, int] | None = None) -> bool:
    """Padding between most words (justified text), not cells: gaps of at most three spaces,
    and some single spaces or a width shared with another line of the block (``widths``: line
    width -> count), where the typesetter padded every gap."""
    words = line.split()
    if len(words) < 6:
        return False
    gaps = re.findall(r"(?<=\S) +(?=\S)", line)
    wide = [g for g in gaps if len(g) > 1]
    if not all(len(g) <= 3 for g in gaps):
        return False
    return len(wide) < len(gaps) or (widths is not None and widths.get(len(line.rstrip()), 0) >= 2)


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
