"""Masking: which parts of a file are not prose, so rules never see them.

A Markdown file is parsed with markdown-it-py (CommonMark), which gives each block its source
lines; a reStructuredText file with docutils (see :mod:`garblint.lint.rst`). Lines of code blocks, HTML blocks, front matter, link reference definitions and
table rules are not prose; inside prose lines, code spans, autolinks and bare URLs, inline
HTML and comments, link targets and image paths, and character entities are not prose either.

Every such region is *blanked*: replaced by spaces of the same length, line breaks kept. The
Document's ``text`` is the blanked text and its ``source`` the original, so every offset, line
and column is the same in both: findings point into the original file and fixes edit it.

Suppression directives (``<!-- garblint-disable ... -->``, ``garblint: disable=...``) are
blanked in every kind of file, so no rule trips over them.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from itertools import filterfalse
from typing import Iterable, Iterator

from .inlinecode import code_signs, markup_code
from .layout import layout_regions
from .suppress import directive_spans
from .lazyre import lazy_re

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
RST_EXTENSIONS = (".rst", ".rest")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
_HTML_RAW = lazy_re(r"<(script|style|pre|code|textarea)\b[^>]*>.*?</\1\s*>", re.I | re.S)

_FRONT_OPEN = lazy_re(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_FRONT_KEY = lazy_re(r"[A-Za-z_][\w.\-]*[ \t]*(?::(?:[ \t]|$)|=)")

# Inline constructs inside prose lines.
_BACKTICKS = lazy_re(r"`+")
_AUTOLINK = lazy_re(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-.]*[A-Za-z0-9])?)>")
_HTML_COMMENT = lazy_re(r"<!--.*?-->", re.S)
_HTML_TAG = lazy_re(
    r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:\-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
)
_BARE_URL = lazy_re(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'\u201d\u2019*_]", re.I)
_EMAIL = lazy_re(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
# GitHub/Slack emoji shortcodes (":tada:", ":+1:"): markup, not words or punctuation
_EMOJI_SHORTCODE = lazy_re(r"(?<![\w:]):[a-z0-9_+\-]{2,40}:(?![\w:])")
_ENTITY = lazy_re(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_LINE_MARKER = lazy_re(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}|[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|\Z))")
_QUOTE_MARKER = lazy_re(r"[ \t]*(?:>[ \t]?)+")
_TABLE_PIPE = lazy_re(r"[ \t]*(?<!\\)\|[ \t]*")
# a table cell holding one token without code marks: "| pacin |"
_ONE_TOKEN_CELL = lazy_re(r"(?<=\|)[ \t]*([^\s|`]+)[ \t]*(?=\|)")
_MD_EMPHASIS = lazy_re(r"(?<![\\\w*_])(\*\*|__|\*|_)(?=[^\s*_])[^\n]*?(?<=[^\s\\*_])\1(?![\w*_])")
# A MyST (Sphinx Markdown) role before a code span: "{ref}`target`", "{py:func}`name`".
_MYST_ROLE_NAME = r"(?<![\w}])\{[A-Za-z][\w.:+\-]*\}"
_MYST_ROLE = lazy_re(_MYST_ROLE_NAME + r"\Z")
# (bounded: a line of many "{%" and no "%}" costs a scan of 300 characters each)
_LIQUID = lazy_re(r"\{%[^\n]{0,300}?%\}|\{\{[^\n]{0,300}?\}\}")
_LIQUID_HIGHLIGHT = lazy_re(r"\{%-?[ \t]*(end)?highlight\b[^\n]{0,300}?%\}")
_MYST_ROLE_ANY = lazy_re(_MYST_ROLE_NAME + "`")  # (anywhere in the text)
_MYST_FENCE = lazy_re(r"^[ \t]*:{3,}(\{[A-Za-z][\w.:+\-]*\}[^\n]*)?[ \t\r]*$", re.M)
_MYST_OPTION = lazy_re(r"[ \t]*:[A-Za-z][\w\-]*:(?:[ \t][^\n]*)?\r?$", re.M)
_MYST_COMMENT = lazy_re(r"^%[^\n]*$", re.M)
# "{.class}", "{#id}", "{width=200px}", "{: .note}" after ")", "]", ">" or at a line's start
_MD_ATTRIBUTES = lazy_re(r"(?:(?<=[)\]>])|^[ \t]*)\{:?[ \t]*(?:[.#][A-Za-z][\w\-]*|[A-Za-z][\w\-]*=)[^{}\n]*\}", re.M)
# "](" starts an inline link target; "][" a reference label.
_LINK_OPEN = lazy_re(r"\]\(|\]\[")


def is_markdown(path: str | None) -> bool:
    return bool(path) and os.path.splitext(path)[1].lower() in MARKDOWN_EXTENSIONS


def is_rst(path: str | None) -> bool:
    return bool(path) and os.path.splitext(path)[1].lower() in RST_EXTENSIONS


def is_html(path: str | None) -> bool:
    return bool(path) and os.path.splitext(path)[1].lower() in HTML_EXTENSIONS


def blank(text: str, regions: Iterable[tuple[int, int]]) -> str:
    """``text`` with each region replaced by spaces, line breaks kept."""
    regions = merge(regions)
    if not regions:
        return text
    out: list[str] = []
    pos = 0
    for a, b in regions:
        out.append(text[pos:a])
        out.append(re.sub(r"[^\r\n]", " ", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def merge(regions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in regions if r[1] > r[0]):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# The signature under a social-media post that an article embeds, as news sites print it:
# a dash, the author, the handle in brackets and the date ("— Jane Roe (@janeroe) May 3, 2019").
_POST_SIGNATURE = lazy_re(
    r"^[ \t]*[\u2014\u2013-][ \t]*[^\r\n]{1,80}?\(@\w{1,30}\)[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})[ \t]*$",
    re.M,
)
_BLANK_LINES = lazy_re(r"(?:[ \t]*(?:\r\n|\r|\n))+[ \t]*\Z")
_POST_MAX = 800  # a post is short (280 characters and its links): a longer block is the article's


def _post_signatures(text: str) -> Iterator[re.Match[str]]:
    """``_POST_SIGNATURE.finditer(text)``, tried only at the starts of the lines that hold a
    "(@" (found in C), not at every line start: a signature is one line with its "(@" in it."""
    match = _POST_SIGNATURE.match
    done = -1  # (the start of the last line tried)
    i = text.find("(@")
    while i != -1:
        start = text.rfind("\n", 0, i) + 1
        if start != done:
            done = start
            m = match(text, start)
            if m is not None:
                yield m
        i = text.find("(@", i + 2)


def embedded_post_regions(text: str) -> list[tuple[int, int]]:
    """Posts an article quotes from a social network: the block just above each signature line,
    and the signature. They are someone else's words, reproduced as posted (their spelling,
    their "see. you. there."): no slip of the article and nothing an editor may change."""
    if "(@" not in text:
        return []
    out = []
    for m in _post_signatures(text):
        a = m.start()
        gap = _BLANK_LINES.search(text, max(0, a - 40), a)
        end_prev = gap.start() if gap else a
        start_prev = max(text.rfind("\n\n", 0, end_prev), text.rfind("\r\n\r\n", 0, end_prev))
        start_prev = 0 if start_prev < 0 else start_prev + (4 if text.startswith("\r\n\r\n", start_prev) else 2)
        if 0 < end_prev - start_prev <= _POST_MAX:
            a = start_prev
        out.append((a, m.end()))
    return out


def mask_regions(text: str, path: str | None) -> list[tuple[int, int]]:
    """The non-prose regions of ``text`` (a file called ``path``), merged and sorted."""
    return mask_layers(text, path)[0]


def mask_layers(text: str, path: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the non-prose regions, merged and sorted; the part of them that is plain-text layout:
    code, tables, rules, option lists that structural rules still read, see
    ``Document.structural_text``)."""
    regions = list(directive_spans(text))  # in Markdown code they are blanked as code anyway
    regions.extend(embedded_post_regions(text))
    ext = os.path.splitext(path)[1].lower() if path else ""  # (is_markdown, is_rst, is_html)
    md = ext in MARKDOWN_EXTENSIONS
    if md or ext in RST_EXTENSIONS:
        if md:
            regions.extend(markdown_regions(text))
        else:
            from .rst import rst_regions  # docutils is slow to import: only for .rst files

            regions.extend(rst_regions(text))
        if code_signs(text) >= 3:
            # technical documentation: code its prose writes without markup ("{desc}", "x||y")
            regions.extend(markup_code(blank(text, regions)))
    elif ext in HTML_EXTENSIONS:
        regions.extend(html_regions(text))
    else:
        # plain text: code, tables, rules, option lists...
        layout = merge(layout_regions(text) + ([(0, end)] if (end := front_matter_end(text)) else []))
        regions.extend(layout)
        return merge(regions), layout
    return merge(regions), []


def front_matter_end(text: str) -> int:
    """Where the metadata block that opens ``text`` ends ("---" ... "---" of YAML or "+++" of
    TOML, as Jekyll, Hugo and Pandoc write it, in Markdown or in a plain-text file), or 0."""
    m = _FRONT_OPEN.match(text)
    if m is None:
        return 0
    close = re.compile(r"^(?:%s|\.\.\.)[ \t]*$" % re.escape(m.group(1)), re.M)
    c = close.search(text, m.end())
    if c is None:
        return 0
    body = [ln for ln in text[m.end() : c.start()].splitlines() if ln.strip()]
    # the lines of a metadata block are "key: value" or "key = value" lines and what they hold
    # (indented lines, list items): not a text that happens to open with a rule
    if not body or not _FRONT_KEY.match(body[0]):
        return 0
    return c.end()


def html_regions(text: str) -> list[tuple[int, int]]:
    """HTML (when ``.html`` is added to ``extensions``): tags, comments, entities, URLs and
    the contents of script, style, pre, code and textarea elements are not prose."""
    out = [m.span() for m in _HTML_RAW.finditer(text)]
    for rx in (_HTML_COMMENT, _HTML_TAG, _ENTITY, _BARE_URL):
        out.extend(m.span() for m in rx.finditer(text))
    return merge(out)


# ------------------------------------------------------------------- Markdown
def _line_offsets(text: str) -> list[int]:
    starts = [0]
    for m in _LINE.finditer(text):
        if m.end() == m.start():
            break
        starts.append(m.end())
    if starts[-1] != len(text):
        starts.append(len(text))
    return starts


def markdown_regions(text: str) -> list[tuple[int, int]]:
    return markdown_analysis(text)[0]


def code_regions(text: str, path: str | None) -> list[tuple[int, int]]:
    """Markdown code blocks and code spans, HTML pre/code/script (where directives are
    examples, not directives)."""
    if is_html(path):
        return [m.span() for m in _HTML_RAW.finditer(text)]
    if not is_markdown(path):
        return []
    return markdown_analysis(text)[1]


_PARSER = None


def _parser():
    """One block-level CommonMark parser per process: inline parsing is skipped (garblint
    scans inline code, HTML and links itself, with exact offsets), which halves the time."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        for rule in ("inline", "text_join"):
            try:
                md.disable(rule)
            except (KeyError, ValueError):
                pass
        _PARSER = md
    return _PARSER


def markdown_analysis(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(non-prose regions, code regions) of a Markdown text.

    The last text's answer is kept (as copies): masking asks for the regions and, in a file
    that mentions garblint, the suppression directives ask again for the code regions; parsing
    a long table twice was a third of the run on a 64,000-word one."""
    if _last_analysis and (_last_analysis[0] is text or _last_analysis[0] == text):
        regions, code = _last_analysis[1]
        return list(regions), list(code)
    result = _markdown_analysis(text)
    _last_analysis[:] = [text, (list(result[0]), list(result[1]))]
    return result


_last_analysis: list = []


def _markdown_analysis(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:

    starts = _line_offsets(text)  # starts[i] = offset of line i (0-based); last = len(text)
    n_lines = len(starts) - 1

    def line_off(i: int) -> int:
        return starts[min(i, n_lines)]

    regions: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    parse_text = text
    end = front_matter_end(text)
    if end:
        regions.append((0, end))
        # Keep the line count: the parser sees blank lines where the front matter was.
        parse_text = blank(text, [(0, end)])
    md = _parser()
    try:
        tokens = md.parse(parse_text)
    except Exception:  # a parser bug must not stop linting: lint the file as plain text
        return regions, code
    prose = [False] * (n_lines + 1)
    inline_blocks: list[tuple[int, int]] = []
    tables: list[tuple[int, int]] = []
    for tok in tokens:
        if tok.type == "inline" and tok.map:
            a, b = tok.map
            for i in range(a, min(b, n_lines)):
                prose[i] = True
            inline_blocks.append((a, b))
        elif tok.type in ("fence", "code_block") and tok.map:
            code.append((line_off(tok.map[0]), line_off(tok.map[1])))
        elif tok.map and (tok.type == "list_item_open" or (tok.type == "heading_open" and tok.markup.startswith("#"))):
            # The marker and the spaces after it ("-   item", "#  Title") are layout, not prose.
            m = _LINE_MARKER.match(text, line_off(tok.map[0]), line_off(tok.map[0] + 1))
            if m and m.end() > m.start():
                regions.append(m.span())
        elif tok.type == "blockquote_open" and tok.map:
            for i in range(tok.map[0], min(tok.map[1], n_lines)):
                m = _QUOTE_MARKER.match(text, line_off(i), line_off(i + 1))
                if m and m.end() > m.start():
                    regions.append(m.span())
        elif tok.type == "table_open" and tok.map:
            # Pipes and the padding around them: aligned columns are not doubled spaces.
            a, b = line_off(tok.map[0]), line_off(tok.map[1])
            regions.extend(m.span() for m in _TABLE_PIPE.finditer(text, a, b))
            tables.append((a, b))
    # Every line that no inline (prose) token covers is not prose: code, HTML, rules, etc.
    i = 0
    while i < n_lines:
        if prose[i]:
            i += 1
            continue
        j = i
        while j < n_lines and not prose[j]:
            j += 1
        regions.append((line_off(i), line_off(j)))
        i = j
    for a, b in inline_blocks:
        inline, spans = _inline_regions(text, line_off(a), line_off(b))
        regions.extend(inline)
        code.extend(spans)
    regions.extend(_template_regions(text))
    if tables:
        regions.extend(_name_cells(text, tables, merge(code)))
    return merge(regions), merge(code)


def _name_cells(text: str, tables: list[tuple[int, int]], code: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a table of code (half its rows or more hold a code span: aliases and the commands
    they run, options and their values), a cell of one token is a name, not a word of prose:
    "| gofa | `go fmt ./...` | Run go fmt ... |"."""
    starts = [x for x, _ in code]
    out: list[tuple[int, int]] = []
    for a, b in tables:
        rows = [m.span() for m in _LINE.finditer(text, a, b) if m.end() > m.start()][2:]  # (after the header and its rule)
        if not rows:
            continue
        # (code spans are merged and sorted: the last one starting before a row's end decides)
        with_code = sum(1 for x, y in rows if (k := bisect_left(starts, y) - 1) >= 0 and code[k][1] > x)
        if with_code * 2 < len(rows):
            continue
        for x, y in rows:
            for m in _ONE_TOKEN_CELL.finditer(text, x, y):
                out.append(m.span(1))
    return out


def _template_regions(text: str) -> list[tuple[int, int]]:
    """Template and MyST (Sphinx Markdown) markup that CommonMark reads as prose: Liquid tags
    and output ("{% include note.html %}", "{{ site.url }}", the code of a "{% highlight %}"
    block), colon-fenced directives (":::{note}", their ":option: value" lines and the closing
    ":::"), comment lines ("% ...", in a document that uses MyST), and attribute blocks after
    an image, a link or at a line's start ("{.class width=200px}", "{#anchor}")."""
    if "{" not in text and ":::" not in text:
        return []
    out: list[tuple[int, int]] = []
    if "{%" in text or "{{" in text:
        opened = None  # "{% highlight ruby %}" ... "{% endhighlight %}": code between
        for m in _LIQUID_HIGHLIGHT.finditer(text):
            if m.group(1) is None:
                opened = m.start() if opened is None else opened
            elif opened is not None:
                out.append((opened, m.end()))
                opened = None
        out.extend(m.span() for m in _LIQUID.finditer(text))
    myst = False
    for m in _MYST_FENCE.finditer(text):
        out.append(m.span())
        myst = True
        if m.group(1):  # an opening fence: the directive's options follow it
            pos = m.end() + 1
            while (o := _MYST_OPTION.match(text, pos)) is not None:
                out.append(o.span())
                pos = o.end() + 1
    if myst or _MYST_ROLE_ANY.search(text):
        out.extend(m.span() for m in _MYST_COMMENT.finditer(text))
    out.extend(m.span() for m in _MD_ATTRIBUTES.finditer(text))
    return out


def _inline_regions(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(code spans, HTML, autolinks, URLs, link targets and entities; the code spans alone)."""
    out: list[tuple[int, int]] = []
    # Code spans first: nothing inside them is markup (CommonMark: a run of n backticks
    # opens a span closed by the next run of exactly n backticks).
    code: list[tuple[int, int]] = []
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
    # next_same[k]: the next run with the same length as run k (linear, from the right)
    next_same: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for k in range(len(runs) - 1, -1, -1):
        n = runs[k][1] - runs[k][0]
        next_same[k] = last.get(n)
        last[n] = k
    k = 0
    while k < len(runs):
        a, b = runs[k]
        close = next_same[k]
        if (a > start and text[a - 1] == "\\") or close is None:
            k += 1
            continue
        code.append((a, runs[close][1]))
        k = close + 1
    out.extend(code)
    # A MyST role written just before its code span ("see {ref}`aliases`"): markup as well.
    for a, _ in code:
        if a > start and text[a - 1] == "}":
            m = _MYST_ROLE.search(text, max(start, a - 40), a)
            if m:
                out.append(m.span())
    code_starts = [a for a, _ in code]

    def in_code(pos: int) -> bool:
        i = bisect_right(code_starts, pos) - 1
        return i >= 0 and pos < code[i][1]

    for rx in (_HTML_COMMENT, _AUTOLINK, _HTML_TAG, _BARE_URL, _EMAIL, _ENTITY, _EMOJI_SHORTCODE):
        for m in rx.finditer(text, start, end):
            if not in_code(m.start()):
                out.append(m.span())
    # Emphasis delimiters ("**port**", "_word_"): markup around words, not punctuation.
    for m in _MD_EMPHASIS.finditer(text, start, end):
        if not in_code(m.start()):
            k = len(m.group(1))
            out.append((m.start(), m.start() + k))
            out.append((m.end() - k, m.end()))
    # Link targets: "](dest "title")" and reference labels "][label]".
    for m in _LINK_OPEN.finditer(text, start, end):
        if in_code(m.start()):
            continue
        close_ch = ")" if m.group() == "](" else "]"
        j = _matching(text, m.end(), end, close_ch)
        if j is not None:
            out.append((m.start() + 1, j + 1))
    return out, code


def _matching(text: str, pos: int, end: int, close_ch: str) -> int | None:
    """Index of the bracket closing a link target opened just before ``pos`` (nesting aware)."""
    depth = 0
    open_ch = "(" if close_ch == ")" else "["
    i = pos
    limit = min(end, pos + 2048)
    while i < limit:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "<" and close_ch == ")" and i == pos:
            k = text.find(">", i, limit)
            if k == -1:
                return None
            i = k + 1
            continue
        if ch == open_ch:
            depth += 1
        elif ch == close_ch:
            if depth == 0:
                return i
            depth -= 1
        elif ch in "\r\n" and close_ch == "]":
            return None
        i += 1
    return None


# words inside identifiers: "app.config" -> app, config; "HTTPTransport" -> http, transport
_CODE_WORD = lazy_re(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


_LINK_OR_TAG = lazy_re(r"\]\([^)]*\)|<[^>]*>")
_LETTERS = lazy_re(r"[A-Za-z]+")


def _masked_words_in(src: str, masks: Iterable[tuple[int, int]]) -> frozenset[str]:
    """``masked_words`` of a source and its blanked regions, found by a few scans in C of the
    regions' texts joined by newlines instead of four per region (the clean corpus' 8,259
    regions: 54 -> 19 ms); tests/test_markup_words.py compares with the region-by-region form.

    No match crosses a newline (the address and e-mail patterns take no white space, the word
    patterns letters only), and a newline stands where the edge of a region stood for their
    word boundaries and look-aheads. Only the link and tag pattern reads past a newline, so a
    region holding "](" or "<" is cleaned on its own (an address or e-mail match holds
    neither and is put out as a space: that test answers the same before and after them). An
    address needs "://" or "www." (any case), an e-mail address "@". The split of
    identifiers (``_CODE_WORD``) never crosses a non-letter either, so it is asked only of
    the distinct runs of letters with a capital in them: a run of small letters is its own
    one word."""
    parts = [src[a:b] for a, b in masks]
    # (links and addresses are left out: their slugs are ordinary words)
    cleaned = [_LINK_OR_TAG.sub(" ", _EMAIL.sub(" ", _BARE_URL.sub(" ", p))) for p in parts if "](" in p or "<" in p]
    text = "\n".join([p for p in parts if "](" not in p and "<" not in p])
    if "://" in text or "www." in text.lower():
        text = _BARE_URL.sub(" ", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    cleaned.append(text)
    runs = set(_LETTERS.findall("\n".join(cleaned)))  # the whole identifiers ("HTTPTransport", "doctree")
    out = set(map(str.casefold, runs))
    out.update(map(str.casefold, _CODE_WORD.findall("\n".join(filterfalse(str.islower, runs)))))
    return frozenset(out)


def masked_words(doc) -> frozenset[str]:
    """The words (casefolded; identifiers split at ``_``, dots and camel-case joins) that the
    document writes inside its blanked regions: code, literals, options, link targets. A word
    the document itself writes as code is one of its terms ("the ``todo`` directive ... a todo
    entry"), not a misspelling, when it turns up in the prose."""

    def build() -> frozenset[str]:
        if not doc.masks:
            return frozenset()
        return _masked_words_in(doc.source, doc.masks)

    return doc.memo("markup.masked_words", build)  # type: ignore[no-any-return]


_CODE_SIGN = lazy_re(r"[_=<>{}\[\]$\\/|`]|(?<!\w)--?\w|\w\.\w|\w\(")


def technical(doc) -> bool:
    """Is ``doc`` technical documentation: one of its non-blank lines in twelve at least (and
    five or more) blanked as code, tables, options or markup, three blanked regions at least
    with a sign of code (a symbol, an option, a path)? Reference text repeats its short
    descriptions and starts sentences with command names on purpose."""

    def build() -> bool:
        if not doc.masks:
            return False
        src, text = doc.source, doc.text
        # code, options or paths among the blanked regions (a table of contents is no sign)
        signs = 0
        for a, b in doc.masks:
            if _CODE_SIGN.search(src, a, b):
                signs += 1
                if signs >= 3:
                    break
        if signs < 3:
            return False
        starts = doc.line_starts
        ends = starts[1:] + [len(text)]
        # (``text`` is ``source`` with the masks blanked: a line no mask touches reads the same)
        lines = _touched_lines(doc.masks, starts)
        blanked_at = [starts[i] for i in lines if src[starts[i] : ends[i]].strip() and not text[starts[i] : ends[i]].strip()]
        if len(blanked_at) < 5:
            return False
        posts = embedded_post_regions(src)  # quoted posts are blanked in news, not code
        blanked = sum(1 for a in blanked_at if not any(x <= a < y for x, y in posts))
        if blanked < 5:
            return False
        # the source's non-blank lines, counted in C
        n = sum(map(bool, map(str.strip, map(src.__getitem__, map(slice, starts, ends)))))
        return blanked * 12 >= n

    return doc.memo("markup.technical", build)  # type: ignore[no-any-return]


def _touched_lines(regions, starts: list[int]) -> list[int]:
    """The indexes of the lines (``starts``: where each begins) that hold a character of one of
    ``regions``, in order: where masking changed the text, the only lines it can have blanked."""
    out: set[int] = set()
    for a, b in regions:
        if a < b:
            out.update(range(bisect_right(starts, a) - 1, bisect_right(starts, b - 1)))
    return sorted(out)


def code_term(doc, word: str) -> bool:
    """Does ``doc`` write ``word`` (or its singular: "dicts", "doctrees") as code?"""
    if not doc.masks:
        return False
    words = masked_words(doc)
    low = word.casefold()
    return low in words or (low.endswith("s") and (low[:-1] in words or (low.endswith("es") and low[:-2] in words)))


def blanked_beside(doc, start: int, end: int) -> bool:
    """Did the masking blank part of ``[start, end)`` or what stands just before it on its line
    (code, a label, a list marker)? Then some of its words are not in ``doc.text``: "`unpack`
    and `load` unpack from a file", "- `--prebuilt` is default."."""
    text = doc.text
    a = start
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    return doc.source[a:end] != text[a:end]


def _blanked_next(doc, i: int, step: int) -> bool:
    src = doc.source
    while 0 <= i < len(src) and src[i].isspace():
        i += step
    return 0 <= i < len(src) and doc.text[i] != src[i]


def blanked_before(doc, start: int) -> bool:
    """Is the last thing written before ``start`` (past spaces and line breaks) blanked as
    layout or code: the sentence began before an example or a line of code?"""
    return _blanked_next(doc, start - 1, -1)


def blanked_after(doc, end: int) -> bool:
    """Is the first thing written after ``end`` (past spaces and line breaks) blanked as layout
    or code: an example, an option, a table the words before it lead into?"""
    return _blanked_next(doc, end, 1)


_MD_HEADING = lazy_re(r"^[ \t]{0,3}#{1,6}[ \t]+[^\w\r\n]*([A-Z][a-z]+)", re.M)
_RST_HEADING = lazy_re(r"^[^\w\r\n]*([A-Z][a-z]+)[^\r\n]*\r?\n([=\-~^\"'`#*+.:_])\2{2,}[ \t]*$", re.M)


def heading_words(doc) -> frozenset[str]:
    """The first words (casefolded) of a Markdown or reStructuredText document's headings: a
    capitalised word of the prose that opens one names a section ("the Usage example below",
    "see `Training a model`_")."""

    def build() -> frozenset[str]:
        rx = _MD_HEADING if is_markdown(doc.path) else _RST_HEADING if is_rst(doc.path) else None
        if rx is None:
            return frozenset()
        return frozenset(m.group(1).casefold() for m in rx.finditer(doc.source))

    return doc.memo("markup.heading_words", build)  # type: ignore[no-any-return]
