"""B: scraper boilerplate, the leftovers of the web page an article was scraped from.

Each non-blank line is a unit. A unit is boilerplate on strong evidence (a phrase from the
phrase lists in ``rules/data/boilerplate.txt`` and the files named by the config key
``boilerplate-phrases``; a navigation crumb trail; a row of social network names; a
third-person writer bio at the end) or, weakly, by its shape (short, no sentence punctuation,
title-like) when it sits in a run of boilerplate: the link titles under a "Related Articles"
heading, a byline name before a bio, the lines after the article's last real paragraph.
Lines a news report legitimately ends or starts with (credit and contributor lines,
correction notices, datelines) are never boilerplate.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from functools import lru_cache

from ..lint.finding import Edit, Suggestion
from ..lint.rule import Rule
from ..lint.segment import trim_span
from ..lint.lazyre import lazy_re
from ..lint.markup import is_markdown, is_rst
from ._bunit import Unit
from ._techterms import technical_prose
from ._charscan import inner_joiners
from ._bphrases import _first_start, _norm_keep, _starts_with, _strip_edges, load_phrases
from ._blegit import _BARE_CREDIT, _LEGIT_CONTRIBUTED, _LEGIT_DASHED, _LEGIT_START, _dashed, _legit, contributed_starts  # noqa: F401 (re-exported)


# -------------------------------------------------------------- structural signals
_WORD = lazy_re(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
# _WORD for ASCII text, where ``[^\W_]`` (str.isalnum) is exactly [A-Za-z0-9]: a plain set
# the regex engine tests faster (\u2019 cannot occur in ASCII text)
_WORD_ASCII = lazy_re(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")


def _word_list(t: str) -> list[str]:
    """``_WORD.findall(t)``."""
    return (_WORD_ASCII if t.isascii() else _WORD).findall(t)


_SENTENCE_END = lazy_re(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_CLOSERS = "\"'\u201d\u2019)]"
#: the inner joiners of the Document's word pattern that _WORD has not, but "\u02bc": a letter
#: (``str.isalnum``), which both patterns take as a word character
_EXTRA_JOINERS = "\u2010\u2011"
_TERMINALS = ".!?\u2026"
_TERMINAL_SET = frozenset(_TERMINALS)


def _ends_sentence(t: str) -> bool:
    """``_SENTENCE_END.search(t) is not None`` without trying the regex at every position:
    the closing characters stripped, the last one left must be a terminal. (``$`` also
    matches before a final newline, hence the second test.)"""
    u = t.rstrip(_CLOSERS)
    if u and u[-1] in _TERMINALS:
        return True
    if t.endswith("\n"):
        u = t[:-1].rstrip(_CLOSERS)
        return bool(u) and u[-1] in _TERMINALS
    return False


_LINKISH = lazy_re(r"https?://|www\.|\.(?:com|in|net|org|co\.uk)\b|\s[|\u00bb\u203a]\s", re.I)
_CRUMBS = lazy_re(r"^\s*(?:[^\W\d_][\w&'\u2019. -]{0,30}?\s*(?:[>\u00bb\u203a|/]|->)\s*){2,}[^\W\d_][\w&'\u2019. -]{0,40}\s*$")
SOCIAL = frozenset(
    """facebook twitter x whatsapp telegram linkedin instagram pinterest reddit tumblr email
    e-mail print share tweet youtube tiktok threads mastodon bluesky copy link messenger
    sms""".split()
)
# A third-person writer bio: "Name, a dedicated writer …", "Name is a blogger who …".
_BIO_START = lazy_re(
    r"^(?P<name>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})(?:,\s+(?:a|an|the|our)\b|\s+(?:is|was|has\s+been)\s+(?:a|an|the|our)\b)"
)
_BIO_WORDS = lazy_re(
    r"\b(?:writer|writers|writing|blog|blogs|blogger|blogging|author|content|articles|passion|passionate|"
    r"dedicated|enthusiast|explorer|exploration|degree|bachelor['\u2019]?s|master['\u2019]?s|graduate|"
    r"versatility|topics|expertise|loves|journey|readers|seo|freelance|curious|insights)\b",
    re.I,
)
_THIRD_PERSON = lazy_re(r"\b(?:he|she|they|his|her|hers|their|him|them)\b", re.I)
_NAME_LINE = lazy_re(r"^(?:by\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}$")

_QUOTE_START = frozenset("\"'\u201c\u2018\u00ab\u201e")
START_MAX_WORDS = 20  # a start-phrase line with sentence punctuation is boilerplate up to this length
CONTAINS_MAX_WORDS = 25
NORM_HEAD = 300  # characters normalised of a longer unit (exact, "contains" phrases and B004 read short ones)
WEAK_MAX_WORDS = 14
LINK_TITLE_MAX_WORDS = 22
EDGE_UNITS = 6  # the last lines of a document count as its footer zone
BIO_MIN_WORDS = 25


def _units(doc, reach: int = 0) -> list[Unit]:
    """The units of ``doc`` (see the module's docstring). A unit of more than
    CONTAINS_MAX_WORDS words is asked only about the phrases it starts with (and whether it
    is an exact phrase, which it is too long to be): with ``reach`` the longest such phrase's
    length plus one, its ``norm`` may be the normalised text of a shorter head, cut before a
    space, once that head without its edges (``_strip_edges``) is longer than ``reach``.

    Such a head's normalised text is a prefix of the NORM_HEAD head's: NFKC composes nothing
    across a space, case folding goes character by character, the leading symbols stripped
    are the same run, and the words of a text cut at white space are its first words. So
    every phrase of up to ``reach - 1`` characters, and the character after it, read the
    same characters in both; and the unit's stripped text, longer than ``reach`` in both,
    is no exact phrase in either.
    """
    window = 2 * reach + 20 if reach and 2 * reach + 20 < NORM_HEAD else 0
    reach = reach if window else 0
    text = doc.text
    starts = doc.word_starts  # (the words' starts: bisect_left(starts, b) is bisect_left(words, (b,)))
    nwords = len(starts)
    out: list[Unit] = []
    lo = 0  # (the words before the current unit: bisect from there)
    for pi, p in enumerate(doc.paragraphs):
        pt = p.text
        raw = pt.splitlines()  # (one line: a list of the text itself, no copy)
        if len(raw) <= 1:
            # one line, and a paragraph is trimmed already (str.splitlines scans in C where
            # str.isprintable, the test before, looked each character up: 35 against 5
            # instructions a character of text outside ASCII)
            spans = [(p.start, p.end)]
        else:
            # Its lines as trim_span leaves them (both trim what str.isspace calls white space,
            # every line break among it), the empty ones left out, made in C: hard-wrapped
            # prose is one unit, and only a list of lines needs their spans.
            lines = list(filter(None, map(str.strip, raw)))
            if len(lines) > 1 and _wrapped_lines(lines):
                spans = [(p.start, p.end)]  # hard-wrapped prose: one unit, not a list of lines
            else:
                spans = []
                pos = p.start
                for line in pt.splitlines(keepends=True):
                    a, b = pos, pos + len(line.rstrip("\r\n"))
                    pos += len(line)
                    a, b = trim_span(text, a, b)
                    if a < b:
                        spans.append((a, b))
        prev_done = True
        for a, b in spans:
            t = pt if len(spans) == 1 and a == p.start and b == p.end else text[a:b]
            # _ends_sentence(t): a unit is trimmed, so only the final-newline case is left over
            punct = t.rstrip(_CLOSERS)[-1:] in _TERMINAL_SET or (t[-1:] == "\n" and _ends_sentence(t))
            # len(_WORD.findall(t)), from the Document's words: a unit is trimmed, so no word
            # crosses its edges, and the Document's word pattern is _WORD with more inner
            # joiners (_EXTRA_JOINERS: see inner_joiners). No word starts between two units
            # (only white space lies there), so the unit's first word is the first after the
            # unit before; its words, one character or more with a character between them, are
            # fewer than b - a
            hi = lo + b - a  # (min(nwords, ...) without a call)
            if hi > nwords:
                hi = nwords
            i, lo = lo, bisect_left(starts, b, lo, hi)
            n = lo - i
            if not t.isascii() and ("\u2010" in t or "\u2011" in t):
                n += inner_joiners(t, _EXTRA_JOINERS)  # (len(_WORD.findall(t)): see inner_joiners)
            # (a long unit's start phrases are in its head)
            if n <= CONTAINS_MAX_WORDS:
                norm = _norm_keep(t)
            else:
                cut = t.rfind(" ", 0, window) if reach else -1
                norm = _norm_keep(t[:cut]) if cut > 0 else ""
                if len(_strip_edges(norm)) <= reach:
                    norm = _norm_keep(t if len(t) <= NORM_HEAD else t[:NORM_HEAD])
            out.append(Unit(a, b, t, norm, n, punct, prev_done, pi, len(out)))
            prev_done = punct or t[-1:] == ":"
    return out


def _wrapped_lines(lines: list[str]) -> bool:
    """Lines (trimmed, none empty) broken mid-sentence at a fixed width, rather than a list of
    separate lines.

    That is, of the lines but the last, those of 40 characters or more that do not end a
    sentence (``_ends_sentence``: a trimmed line has no final newline) are half or more;
    counted until the answer is known either way.
    """
    need = len(lines) // 2  # (broken * 2 >= len(lines) - 1)
    left = len(lines) - 1  # (lines still to look at)
    broken = 0
    for t in lines[:-1]:
        if broken >= need:
            return True
        if broken + left < need:
            return False
        left -= 1
        if len(t) >= 40 and t.rstrip(_CLOSERS)[-1:] not in _TERMINAL_SET:
            broken += 1
    return broken >= need


_NOTICE = lazy_re(r"(?i)^(?:copyright|\u00a9|\(c\)|all rights reserved)")
_MD_HEADING = lazy_re(r"[ \t]{0,3}#{1,6}[ \t]")
_AUTHOR_EMAIL = lazy_re(r"<[^<>@\s]+@[^<>@\s]+>")
_LICENCE_TERMS = lazy_re(
    r"(?i)\b(?:licen[cs]e[ds]?\b(?! agreement)|permission is hereby granted|permission to (?:use|copy|distribute|modify)\b|warrant(?:y|ies)\b|free (?:software|documentation)\b|GPL)"
)
# the heading of a document's own notice section: "Copyright", "Copyright and Other Notices"
_NOTICE_HEADING = lazy_re(r"(?i)(?:copyright|licen[cs]e|legal)\b[A-Za-z ,&]{0,40}")


def _own_notice(doc, units, k: int, phrase: str) -> bool:
    """A copyright line that is the document's own notice (a licence's or a manual's), not a
    scraped site footer: licence terms stand beside it ("Copyright (c) 2015 ... Permission is
    hereby granted", "License GPLv3+: GNU GPL version 3"), it gives the holder's address (in the
    source: plain-text layout may blank it), or, in technical documentation, it opens the
    document's section headed "Copyright" ("Copyright and Other Notices")."""
    if not _NOTICE.match(phrase.strip()):
        return False
    u = units[k]
    eol = doc.source.find("\n", u.end)
    if _AUTHOR_EMAIL.search(doc.source, u.start, len(doc.source) if eol < 0 else eol):
        return True  # an author's notice with the address: "Copyright (c) 2005 Ann Lee <ann@example.org>"
    near = " ".join(units[j].text for j in range(max(0, k - 1), min(len(units), k + 3)))
    if _LICENCE_TERMS.search(near) is not None:
        return True
    above = doc.source[max(0, u.start - 400) : u.start].splitlines()
    for line in reversed(above[1:] if u.start > 400 else above):
        line = line.strip().lstrip("#").strip()
        if _NOTICE_HEADING.fullmatch(line):
            break
        if not line or not any(c.isalnum() for c in line) or _NOTICE.match(line):
            continue  # blank lines, heading underlines, the notices above it
        return False
    else:
        return False
    return technical_prose(doc)


@lru_cache(maxsize=8)
def _reach(phrases) -> int:
    """The length of the longest start, header or exact phrase, plus one (see _units)."""
    return 1 + max(map(len, phrases.starts + phrases.headers + tuple(phrases.exact)), default=0)


def classify(doc, config) -> list[Unit]:
    phrases = load_phrases(tuple(config.get("boilerplate-phrases") or ()))
    units = _units(doc, _reach(phrases))
    n = len(units)
    headers, starts = phrases.headers_by_char, phrases.starts_by_char
    md = is_markdown(doc.path)
    # where "... contributed to this report" may stand (None: anywhere); most texts hold none
    cpos = contributed_starts(doc)
    for k, u in enumerate(units):
        if not u.text[0].isalpha() and not any(ch.isalpha() for ch in u.text):
            u.legit = True
            continue
        if md and _MD_HEADING.match(doc.source, doc.source.rfind("\n", 0, u.start) + 1):
            u.legit = True  # a Markdown heading is the document's own section: "## See also"
            continue
        ci = bisect_left(cpos, u.start) if cpos else 0  # (the first place at or after the unit's start)
        if _legit(u.text, cpos is None or (ci < len(cpos) and cpos[ci] < u.end)):
            u.legit = True
            continue
        if u.text[0] in _QUOTE_START:
            continue  # quoted speech is never a page template
        if not u.fresh and not (k and units[k - 1].para == u.para and units[k - 1].kind):
            continue  # the rest of a sentence begun on the line before
        edge = k < 2 or k >= n - EDGE_UNITS
        # (the link test only where a phrase matched: it decides nothing else)
        short_or_edge = not u.punct or u.words <= START_MAX_WORDS and edge
        norm = u.norm
        bare = norm if norm[:1].isalnum() and norm[-1:].isalnum() else _strip_edges(norm)
        if bare in phrases.exact:
            u.kind, u.strong = f"the line \u201c{u.text.strip()}\u201d", True
            u.header = any(_starts_with(bare, h) for h in phrases.headers)
            continue
        h = _first_start(u.norm, headers)
        if h is not None and (short_or_edge or _LINKISH.search(u.text)):
            u.kind, u.strong = f"a \u201c{h}\u201d link line", True
            # a heading on its own line introduces a list of links
            u.header = u.words <= 4
            continue
        s = _first_start(u.norm, starts)
        if s is not None and (short_or_edge or _LINKISH.search(u.text)):
            if _own_notice(doc, units, k, s):
                continue
            u.kind, u.strong = f"a line starting \u201c{s}\u201d", True
            continue
        if u.words <= CONTAINS_MAX_WORDS and (not u.punct or edge):
            c = next((c for c in phrases.contains if c in u.norm), None)
            if c is not None and _own_notice(doc, units, k, c):
                continue
            if c is not None:
                u.kind, u.strong = f"a line with \u201c{c}\u201d", True
                continue
        if not u.punct and _CRUMBS.match(u.text):
            u.kind, u.strong = "a navigation trail", True
            continue
        # (u.words is the number of _WORD tokens: the tokens are listed only when it is 2+)
        # (the first word tested alone first: most lines fail there)
        if u.words >= 2 and not u.punct and _first_word_social(u.text) and all(t.casefold() in SOCIAL for t in _word_list(u.text)):
            u.kind, u.strong = "a row of share buttons", True
            continue
        if k >= n - 4 and _is_bio(u):
            u.kind, u.strong = "a writer bio of the republishing site", True
            continue
    # Weak units: title-like lines in a run of boilerplate.
    # (1) the link titles under a list heading
    k = 0
    while k < n:
        if units[k].header:
            j = k + 1
            while j < n and _link_title(units[j]):
                units[j].kind = "a link title under \u201c%s\u201d" % units[k].text.strip()
                j += 1
            k = j
        else:
            k += 1
    # (2) the footer: short lines after the last real paragraph, when it holds boilerplate
    last_body = -1
    for k, u in enumerate(units):
        if not u.kind and not u.legit and (u.punct or u.words > WEAK_MAX_WORDS):
            last_body = k
    tail = units[last_body + 1 :]
    if any(u.strong for u in tail):
        for u in tail:
            if not u.kind and not u.legit and u.words <= WEAK_MAX_WORDS and not u.punct:
                u.kind = "a short line in the scraped page's footer"
    return units


def _first_word_social(t: str) -> bool:
    """Whether the first of ``_word_list(t)`` is a share button's word (False without words)."""
    m = (_WORD_ASCII if t.isascii() else _WORD).search(t)
    return m is not None and m.group().casefold() in SOCIAL


def _link_title(u: Unit) -> bool:
    return (
        not u.strong
        and not u.legit
        and not u.kind
        and 1 <= u.words <= LINK_TITLE_MAX_WORDS
        and (not u.punct or u.text.rstrip("\"'\u201d\u2019").endswith("?"))
    )


def _is_bio(u: Unit) -> bool:
    m = _BIO_START.match(u.text)
    if not m:
        return False
    hits = len(_BIO_WORDS.findall(u.text))
    third = len(_THIRD_PERSON.findall(u.text)) + u.text.count(m.group("name").split()[0]) - 1
    return (u.words >= BIO_MIN_WORDS and hits >= 3 and third >= 1) or hits >= 5


def blocks(units: list[Unit]) -> list[list[Unit]]:
    """Group boilerplate units into blocks to delete together.

    A strong unit starts a block; weak units join the block before them, except a byline
    name directly above a bio, which goes with the bio.
    """
    out: list[list[Unit]] = []
    prev_flagged = False
    for k, u in enumerate(units):
        if not u.kind:
            prev_flagged = False
            continue
        starts_new = not prev_flagged or u.strong
        if u.strong and u.kind.startswith("a writer bio") and out and prev_flagged:
            last = out[-1][-1]
            if not last.strong and _NAME_LINE.match(last.text) and u.text.startswith(last.text.replace("By ", "").strip()):
                out[-1].pop()
                if not out[-1]:
                    out.pop()
                out.append([last, u])
                prev_flagged = True
                continue
        if not u.strong and k + 1 < len(units):
            nxt = units[k + 1]
            if nxt.strong and nxt.kind.startswith("a writer bio") and _NAME_LINE.match(u.text):
                starts_new = True
        if starts_new:
            out.append([u])
        else:
            out[-1].append(u)
        prev_flagged = True
    return out


def _deletion_span(doc, units: list[Unit], block: list[Unit], last_kept: int) -> tuple[int, int]:
    """The block plus one separating gap, so deleting it leaves clean text (the fix's edit;
    the finding's span is the block itself)."""
    text = doc.text
    first, last = block[0], block[-1]
    k = last.idx
    # Blocks followed only by other boilerplate take the gap before them, so that deleting
    # every block of a scraped footer leaves the article's last line and its newline.
    if k < last_kept:
        return first.start, units[k + 1].start
    a = first.start
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return a, last.end


class ScraperBoilerplate(Rule):
    """What it flags: lines a scraped web page left in the article: "See also" and "Read more" links, "Related Articles" lists, "Follow us on …" and "Join our WhatsApp group" calls, share buttons, "Advertisement", "Source link", "Leave a Reply", cookie and newsletter notices, copyright footers, navigation trails, and the republishing site's writer bio.

    Why: content sites that republish news wrap it in their own template, and scrapers copy
    the template along with the story; the result reads as part of the article. Phrase lists
    (extendable with the config key `boilerplate-phrases`) are combined with the shape of the
    line (no sentence punctuation, title-like, at the start or end, in a run of such lines).
    Credit and contributor lines, datelines and correction notices are left alone.

    Example: "… contributed to this report.\\n\\nFollow us on Facebook and join our WhatsApp group\\n\\nRelated Articles" -> "… contributed to this report."

    Fix: deletes the block with one separating blank line. Unsafe: a phrase list can match a
    real line, so a reader should confirm.
    """

    code = "B001"
    name = "scraper-boilerplate"
    family_cost = 2.0
    category = "boilerplate"
    severity = "warning"
    fix_priority = 4

    def check(self, doc, config):
        if _rst(doc.path):
            return  # reStructuredText is a documentation source, never a scraped page
        page = _page(doc, config)
        if not page.strong:
            return  # (every weak boilerplate line follows a strong one: none without)
        units = page.units  # classify(doc, config), shared with B002-B004
        last_kept = max((u.idx for u in units if not u.kind), default=-1)
        for block in blocks(units):
            start, end = block[0].start, block[-1].end
            cut_start, cut_end = _deletion_span(doc, units, block, last_kept)
            reasons = []
            for u in block:
                if u.kind not in reasons:
                    reasons.append(u.kind)
            what = "; ".join(reasons[:3])
            n = len(block)
            msg = f"scraper boilerplate ({what})" if n == 1 else f"scraper boilerplate, {n} lines ({what})"
            conf = 0.85 if any(u.strong for u in block) else 0.6
            edits = (Edit(cut_start, cut_end, ""),) if (cut_start, cut_end) != (start, end) else ()
            yield self.finding(doc, start, end, msg, [Suggestion("", False, edits=edits)], confidence=conf)


# ------------------------------------------------------- the page's shape (B002-B004)
@lru_cache(maxsize=256)
def _rst(path: str | None) -> bool:
    """``is_rst(path)``, asked by B001-B003 of each document (once each; the runner runs each
    rule over a batch of up to runner.BATCH_FILES documents before the next rule, so the cache
    holds more paths than a batch)."""
    return is_rst(path)


_analyse_page = None


def _page(doc, config):
    """``_pageshape.analyse(doc, config)`` (imported on first use: _pageshape imports this
    module; an import statement in each rule's check costs more than the memo look-up)."""
    global _analyse_page
    if _analyse_page is None:
        from ._pageshape import analyse

        _analyse_page = analyse
    return _analyse_page(doc, config)


def _deletion_edits(doc, units: list[Unit], block: list[Unit], last_kept: int) -> tuple[Edit, ...]:
    """The edit deleting ``block`` with one separating gap (none when that is the span itself)."""
    cut = _deletion_span(doc, units, block, last_kept)
    return (Edit(cut[0], cut[1], ""),) if cut != (block[0].start, block[-1].end) else ()


def _last_kept(units: list[Unit], flags: dict) -> int:
    return max((u.idx for u in units if not u.kind and u.idx not in flags), default=-1)


def _runs(page, code: str) -> list[list[int]]:
    """Consecutive units flagged with ``code``, one run per kind."""
    out: list[list[int]] = []
    for k in sorted(k for k, v in page.flags.items() if v[0] == code):
        if out and out[-1][-1] == k - 1 and page.flags[out[-1][-1]][1] == page.flags[k][1]:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _run_findings(rule, doc, page, code: str, what):
    units = page.units
    last_kept = _last_kept(units, page.flags)
    for run in _runs(page, code):
        block = [units[k] for k in run]
        start, end = block[0].start, block[-1].end
        edits = _deletion_edits(doc, units, block, last_kept)
        kind = page.flags[run[0]][1]
        conf = max(page.flags[k][2] for k in run)
        if page.strong:
            conf = min(0.95, conf + 0.05)
        n = len(run)
        msg = f"{what} ({kind})" if n == 1 else f"{what}, {n} lines ({kind})"
        yield rule.finding(doc, start, end, msg, [Suggestion("", False, edits=edits)], confidence=conf, properties={"kind": kind})


class PageTemplate(Rule):
    """What it flags: the web page's template around a scraped article, found by the page's shape: navigation menus (runs of one- to four-word section names), teaser headlines of other stories, and widget or sign-up lines before and after the article's prose.

    Why: a naive scraper keeps every paragraph and heading of the page, so the site's menus,
    its lists of other stories and its sign-up prompts end up in the text. Each line is
    classed from what plain text shows (length, sentence punctuation, share of function
    words, words of a site's interface, list markers) and the article is the densest run of
    prose; runs of short lines outside it are the template. The headline, subheadings between
    paragraphs, captions, pull quotes and lists inside the article are left alone; Markdown,
    reStructuredText and preformatted files (manual pages) are not read as pages.

    Example: "News\\n\\nSport\\n\\nBusiness\\n\\nOpinion\\n\\nCulture\\n\\nThe city council voted on Tuesday …" -> "The city council voted on Tuesday …"

    Fix: deletes the run of lines with one separating blank line. Unsafe: confirm that the
    lines are not part of the story.
    """

    code = "B002"
    name = "page-template"
    category = "boilerplate"
    severity = "warning"
    fix_priority = 4

    def check(self, doc, config):
        if _rst(doc.path):
            return  # reStructuredText is a documentation source, never a scraped page
        page = _page(doc, config)
        if page.flags:
            yield from _run_findings(self, doc, page, self.code, "scraped page template")


class ScrapedDateline(Rule):
    """What it flags: bylines, dates and timestamps a scraper left on their own line or glued to the start of a paragraph ("By Jane Doe | Updated 3 hours ago", "Published: March 2, 2021 4:15 pm ET", "5 min read").

    Why: article pages print the author, the time of publication and reading time around the
    headline; scraped text keeps them as lines of their own or runs them into the first
    paragraph. A wire dateline ("LONDON (Reuters) —") belongs to the story and is left
    alone, as are dates among several in a timeline and quoted text.

    Example: "By Jane Doe | Updated 3 hours ago\\n\\nThe council voted …" -> "The council voted …"

    Fix: deletes the line with one separating blank line, or the glued prefix. Unsafe.
    """

    code = "B003"
    name = "scraped-dateline"
    category = "boilerplate"
    severity = "warning"
    fix_priority = 4

    def check(self, doc, config):
        if _rst(doc.path):
            return  # reStructuredText is a documentation source, never a scraped page
        page = _page(doc, config)
        if page.flags:
            for f in _run_findings(self, doc, page, self.code, "scraped byline or timestamp"):
                if not (is_markdown(doc.path) and _MD_HEADING.match(doc.source, doc.source.rfind("\n", 0, f.start) + 1)):
                    yield f  # (a Markdown heading is the document's own: "## 3.18.x series")
        for k, (length, kind) in page.glued.items():
            u = page.units[k]
            end = u.start + len(doc.text[u.start : u.start + length].rstrip())
            edits = (Edit(u.start, u.start + length, ""),)  # with the space after it
            yield self.finding(
                doc,
                u.start,
                end,
                f"scraped {kind} glued to the paragraph",
                [Suggestion("", False, edits=edits)],
                confidence=0.75,
                properties={"kind": kind},
            )


# ------------------------------------------------------- lines repeated across a run (B004)
TEMPLATE_MIN_FILES = 3  # a line in this many files of one run is the site's template
TEMPLATE_MAX_WORDS = 25
TEMPLATE_SENTENCE_WORDS = 12


def _template_keys(doc, config) -> dict[int, int]:
    """Unit index -> key of the lines that could be template: not quoted, not a credit, up to
    TEMPLATE_MAX_WORDS words, with letters (once per document: collect and check share it)."""
    return doc.memo("boilerplate.template_keys", lambda: _compute_template_keys(doc, config), on=config)


def _compute_template_keys(doc, config) -> dict[int, int]:
    from ._pageshape import analyse, page_like

    out: dict[int, int] = {}
    if not page_like(doc):
        return out
    units = analyse(doc, config).units
    for k, u in enumerate(units):
        if u.legit or not 1 <= u.words <= TEMPLATE_MAX_WORDS or u.text[:1] in _QUOTE_START:
            continue
        if u.punct and u.words > TEMPLATE_SENTENCE_WORDS:
            continue  # a sentence shared by several files is text, not template
        if k + 1 < len(units) and units[k + 1].para == u.para and units[k + 1].text[:1].islower():
            continue  # a line of hard-wrapped prose
        bare = _strip_edges(u.norm)
        if bare:
            out[k] = zlib.crc32(bare.encode("utf-8"))
    return out


class RepeatedTemplateLine(Rule):
    """What it flags: a line that appears in three or more files of the same run (a folder of pages scraped from one site, or the files given with `--corpus`): the site's template, not the story. Off by default: select it for such a folder.

    Why: every page of a site carries the same menus, sign-up prompts, footers and section
    names; a story's own sentences are its own. Lines of up to 25 words are compared after
    case folding and trimming punctuation; quoted speech and credit lines are left alone, as
    are lines the other B rules already report.

    Example: "Sign up for our morning briefing" in 40 files of a scraped site -> deleted from each

    Fix: deletes the line (with its run of repeated lines) and one separating blank line.
    Unsafe: a recurring subheading ("What happens next") can be the site's style.
    """

    code = "B004"
    name = "repeated-template-line"
    category = "boilerplate"
    severity = "warning"
    # off by default: a run of files from different sources shares lines by chance, and a
    # corpus rule that may flag makes the runner lint those files twice; name it (or B) in
    # ``select`` for a folder of pages scraped from one site
    default_enabled = False
    corpus = True
    fix_priority = 4

    def collect(self, doc, config):
        return sorted(set(_template_keys(doc, config).values()))

    def merge(self, facts):
        counts: dict[int, int] = {}
        for f in facts:
            for key in f or ():
                counts[key] = counts.get(key, 0) + 1
        return {"n": len(facts), "counts": {k: c for k, c in counts.items() if c >= TEMPLATE_MIN_FILES}}

    def may_flag(self, facts, merged):
        counts = (merged or {}).get("counts") or {}
        return any(k in counts for k in facts or ())

    def check(self, doc, config):
        from ._pageshape import analyse

        corpus = doc.corpus.get(self.code) or {}
        counts = corpus.get("counts") or {}
        if not counts:
            return
        page = analyse(doc, config)
        units = page.units
        hits = {k: counts[key] for k, key in _template_keys(doc, config).items() if key in counts}
        hits = {k: c for k, c in hits.items() if not units[k].kind and k not in page.flags}
        if not hits:
            return
        flags = dict(page.flags)
        flags.update({k: ("B004", "", 0.0) for k in hits})
        last_kept = _last_kept(units, flags)
        run: list[int] = []
        for k in sorted(hits) + [-2]:
            if run and k == run[-1] + 1:
                run.append(k)
                continue
            if run:
                block = [units[i] for i in run]
                start, end = block[0].start, block[-1].end
                edits = _deletion_edits(doc, units, block, last_kept)
                most = max(hits[i] for i in run)
                conf = min(0.9, 0.6 + 0.05 * most)
                what = f"in {most} files of this run"
                msg = f"template line repeated {what}" if len(run) == 1 else f"{len(run)} template lines repeated {what}"
                yield self.finding(doc, start, end, msg, [Suggestion("", False, edits=edits)], confidence=conf, properties={"files": most})
            run = [k]
