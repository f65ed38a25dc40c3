"""The shape of a scraped page: which lines are the article and which are the site's template.

A block classifier over the units of :mod:`garblint.rules.boilerplate` (lines; hard-wrapped
prose paragraphs as one unit), in the spirit of jusText's paragraph classifier, but from what
plain text shows (no tags, no links):

1. every unit gets a class from its own features: ``good`` (running prose: long enough, ends
   like a sentence, a normal share of function words), ``near`` (a shorter sentence),
   ``short`` (no sentence punctuation, or few words) or ``bad`` (the phrase rule B001 already
   calls it boilerplate);
2. the article's *core* is the densest run of prose: the run of units with the largest sum of
   weights (prose counts its words, short and bad units count against it);
3. outside the core, runs of short units are the page template: navigation menus (one- to
   four-word items), teaser headlines of other stories (title-like lines without a full
   stop, several in a row), sign-up and widget lines. A short unit between two prose units
   (a subheading of an article part the core missed) is left alone, as jusText's context
   pass does; so is the headline just before the core;
4. anywhere, a unit made of a byline, a date, a time or a relative timestamp ("By Jane Doe |
   Updated 3 hours ago") is a dateline, and such a prefix glued to a paragraph is too.

The phrase rule's findings stay the strongest evidence: the classifier only adds units.
Nothing here runs on Markdown or reStructuredText files, whose short lines are the author's
own structure, nor on documents without a core of prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._blegit import _LEGIT_FIRST, _contributed
from .boilerplate import _LEGIT_START, SOCIAL, Unit, _own_notice, _word_list, classify
from ..lint.lazyre import lazy_re
from ..lint._records import FACTORY, record
from ._datelines import _NUMERIC, _BARE_TIME, _BYLINE_RE, _LONE_AGO, _TIMEISH, dateline_kind, glued_prefix  # noqa: F401 - dateline_kind, glued_prefix re-exported
from ..lint.wordlists import data_text
from ._pagelike import _INDENTED, MARKUP_SUFFIXES, _indented, page_like  # noqa: F401 (re-exported)


@lru_cache(maxsize=4)
def _word_set(name: str) -> frozenset[str]:
    raw = data_text(name)
    return frozenset(ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


def function_words() -> frozenset[str]:
    return _word_set("function-words.txt")


def interface_words() -> frozenset[str]:
    return _word_set("web-interface-words.txt")


# ---------------------------------------------------------------- classification
@record(("units", "cls", "core", "flags", "glued", "strong"))
class Page:
    units: list[Unit]
    cls: list[str]  # good / near / short / bad / legit
    core: tuple[int, int] = (-1, -2)  # first and last unit of the core (inclusive)
    #: unit index -> (code, kind, confidence) for units the shape rules flag
    flags: dict[int, tuple[str, str, float]]
    #: unit index -> length of a glued dateline prefix
    glued: dict[int, tuple[int, str]]
    strong: bool = False  # the phrase rule found strong boilerplate

    def __init__(
        self,
        units: list[Unit],
        cls: list[str] = FACTORY,
        core: tuple[int, int] = (-1, -2),
        flags: dict[int, tuple[str, str, float]] = FACTORY,
        glued: dict[int, tuple[int, str]] = FACTORY,
        strong: bool = False,
    ) -> None:
        self.units = units
        self.cls = [] if cls is FACTORY else cls
        self.core = core
        self.flags = {} if flags is FACTORY else flags
        self.glued = {} if glued is FACTORY else glued
        self.strong = strong


GOOD_MIN_WORDS = 15
NEAR_MIN_WORDS = 7
CORE_MIN_WORDS = 60
LONE_RUN = 4  # short lines in a row that are template on a page without other evidence
IN_CORE_NOTICE = 4  # notice score that flags a line inside the article
MENU_MAX_WORDS = 4
HEADLINE_MAX_WORDS = 22


# punctuation to white space, so that str.split gives the words (a fast stand-in for the word
# pattern where only membership in word lists matters)
_SPACE_PUNCT = str.maketrans({c: " " for c in '.,;:!?"()[]{}<>|/\\*#@&+=~^`$%\u201c\u201d\u2018\u00ab\u00bb\u2026\u2013\u2014\u00b7\u2022'})
_PUNCT_CHARS = '.,;:!?"()[]{}<>|/\\*#@&+=~^`$%'
# the same for ASCII text as a byte table (bytes.translate is a plain table lookup)
_SPACE_PUNCT_ASCII = bytes.maketrans(_PUNCT_CHARS.encode(), b" " * len(_PUNCT_CHARS))


_NON_ASCII_PUNCT = tuple(chr(c) for c in _SPACE_PUNCT if c > 127)


def _spaced(s: str) -> str:
    """``s.translate(_SPACE_PUNCT)``: punctuation to white space. (str.translate looks each
    character of a text that is not ASCII up in the table; the bytes of its UTF-8 form that
    are ASCII are its ASCII characters, so a byte table does those, and ``str.replace`` the
    few others that occur.)"""
    if s.isascii():
        return s.encode().translate(_SPACE_PUNCT_ASCII).decode()
    s = s.encode("utf-8", "surrogatepass").translate(_SPACE_PUNCT_ASCII).decode("utf-8", "surrogatepass")
    for ch in _NON_ASCII_PUNCT:
        if ch in s:
            s = s.replace(ch, " ")
    return s


_LIST_ITEM = lazy_re(r"^(?:\(?\d{1,3}[.)]\s|\(?[a-z]{1,3}\)\s|[A-Z][a-z]?\s?:\s|[-*\u2022\u25cf\u25aa]\s)")


def _digit_count(text: str) -> int:
    """``len(_NUMERIC.findall(text))``: of an ASCII text (where \\d is 0-9), its length less
    what is left once the digits are deleted, in C, without a list of them."""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, b"0123456789"))
    return len(_NUMERIC.findall(text))


def _unit_class(u: Unit, fw: frozenset[str], english: bool) -> str:
    if u.kind:
        return "bad"
    text = u.text
    if _LIST_ITEM.match(text) or (4 <= u.words <= 30 and _digit_count(text) * 4 >= len(text)):
        # a numbered or bulleted item, "Q: ... A: ...", a row of figures: the article's
        # own list or table (menus and teasers are neither numbered nor numeric)
        return "list"
    if u.legit and (u.words == 0 or _legit_credit(text)):
        return "legit"
    if u.punct and _DIALOGUE.match(text):
        return "near"  # quoted speech, however short ("Run."): a story's dialogue, not a menu
    if u.words < 3:
        return "short"
    # one list of words for both tests below (of a long unit, the first 600 characters': a
    # sample enough for shares)
    head = text[:600].lower()
    words = _spaced(head).split() if u.words <= 30 else head.split()
    if (u.words < 25 or not _UI.isdisjoint(words)) and _notice(u, words):
        return "notice"  # (_notice's first test, without the call when it fails)
    if u.words < NEAR_MIN_WORDS:
        return "short"
    sample = words[:60]  # (a share: some sixty words tell it)
    share = sum(map(fw.__contains__, sample)) / max(1, len(sample))
    sentence = u.punct or text.count(". ") >= 1
    if u.words >= GOOD_MIN_WORDS and sentence and (share >= 0.2 or not english):
        return "good"
    if sentence and (share >= 0.15 or not english):
        return "near"
    if u.words >= 40 and (share >= 0.25 or not english):
        return "near"  # a long sentence whose scrape lost its full stop
    return "short"


def _wrapped_paragraphs(units: list[Unit], cls: list[str], fw: frozenset[str], english: bool) -> None:
    """Lines of a hard-wrapped paragraph of prose (it ends like a sentence, four words or more
    a line) take the class of the whole paragraph: short lines, but not short units."""
    k, n = 0, len(units)
    while k < n:
        j = k
        while j + 1 < n and units[j + 1].para == units[k].para:
            j += 1
        if j > k and not any(units[i].kind for i in range(k, j + 1)):
            words = sum(units[i].words for i in range(k, j + 1))
            last = units[j]
            if last.punct and words >= 4 * (j - k + 1):
                text = " ".join(units[i].text for i in range(k, j + 1))
                whole = Unit(units[k].start, last.end, text, "", words, True, True, last.para)
                c = _unit_class(whole, fw, english)
                if c == "list" and words >= NEAR_MIN_WORDS:
                    c = "near"  # a wrapped list item or answer ("Q: ...", "(1) ...") of sentences
                if c in ("good", "near"):
                    for i in range(k, j + 1):
                        cls[i] = c
        k = j + 1


def _legit_credit(text: str) -> bool:
    """A credit, correction or end mark (B001's legitimate lines, without its dateline test:
    a dateline starts a paragraph of prose, which is prose here anyway)."""
    # (``_LEGIT_START.match(text) is not None or _LEGIT_CONTRIBUTED.search(text) is not None``
    # by B001's fast forms: the start pattern asked only of a line opening with a character it
    # can open with, "contributed ..." tried only at each "contr" of the lower-cased line, not
    # searched ignoring case at every position)
    c = text[:1]
    return (c in _LEGIT_FIRST or not c.isascii()) and _LEGIT_START.match(text) is not None or _contributed(text)


_IMPERATIVE = frozenset(
    """click tap sign log subscribe register follow like join share download get enter select
    please create confirm choose watch listen read continue customize customise submit
    sign-up login""".split()
)
_QUOTES = "\"'\u201c\u2018"
_UI = interface_words() | SOCIAL  # the words of a site's interface and its share buttons
_READER = frozenset("you your yours".split())
# a line of dialogue: it opens with a quotation mark that closes after the speech's own
# punctuation ("Run." / "Wait," she said.), not a quoted title opening a headline
_DIALOGUE = lazy_re("^[\"'\u201c\u2018][^\n]*?[.!?,\u2014\u2026-][\"'\u201d\u2019]")


def notice_score(text: str, words: list[str] | None = None) -> int:
    """How much ``text`` reads like a site notice: web interface words, addressing the reader,
    an imperative first word, a share-button network name. Quoted speech scores 0.
    ``words``: the words of ``text`` lower-cased, when the caller has them."""
    if text[:1] in _QUOTES:
        return 0
    if words is None:
        words = _spaced(text[:600].lower()).split()
    if not words:
        return 0
    score = sum(map(_UI.__contains__, words))
    if text[:1] == "\u00a9" or words[0] == "copyright":
        score += 2
    if words[0] in _IMPERATIVE:
        score += 1
    if not _READER.isdisjoint(words):
        score += 1
    return score


def _notice(u: Unit, words: list[str]) -> bool:
    if u.words >= 25 and _UI.isdisjoint(words):
        return False  # (without interface words a long unit scores 3 at most)
    score = notice_score(u.text, words)
    if u.words < 25:
        if score >= 3:
            return True
        # an interface instruction: "Select your teams", "Create a new password"
        return score >= 2 and u.words <= 20 and words[0] in _IMPERATIVE
    return score >= 4 and score * 10 >= len(words)


def _english(units: list[Unit], fw: frozenset[str]) -> bool:
    hits = total = 0
    for u in units:
        if u.words >= GOOD_MIN_WORDS and not u.kind:
            ws = u.text[:600].lower().split()
            hits += sum(map(fw.__contains__, ws))
            total += len(ws)
            if total > 600:
                break
    return total > 0 and hits / total >= 0.2


def _weight(c: str, u: Unit) -> float:
    if c == "good":
        return float(min(u.words, 80))
    if c == "near":
        return u.words * 0.6
    if c == "bad":
        return -20.0
    if c == "notice":
        return -10.0
    if c == "dated":
        return -8.0
    if c == "list":
        # the article's own numbered steps or clauses: prose when they are sentences
        return u.words * 0.6 if u.punct and u.words >= NEAR_MIN_WORDS else 0.0
    if c == "legit":
        return 0.0
    return -(2.0 + 0.5 * min(u.words, 20))


def _cores(units: list[Unit], cls: list[str], a: int, b: int, main: bool = True) -> list[tuple[int, int]]:
    """The core of ``units[a:b]`` and, left and right of it, further runs of prose dense
    enough to be parts of the article the core's edges cut off (a recipe's steps, a story
    continued after a gallery): each with two or more paragraphs of prose."""
    if b - a <= 0:
        return []
    s, e = _core(units[a:b], cls[a:b])
    if s < 0:
        return []
    s, e = s + a, e + a
    if not main and sum(1 for c in cls[s : e + 1] if c == "good") < 2:
        return []
    return [(s, e)] + _cores(units, cls, a, s, False) + _cores(units, cls, e + 1, b, False)


def _core(units: list[Unit], cls: list[str]) -> tuple[int, int]:
    """The run of units with the largest sum of weights (Kadane's algorithm); a run of short
    lines costs more the longer it gets, so the core does not bridge a menu or widget."""
    best, cur, start = 0.0, 0.0, 0
    span = (-1, -2)
    streak = 0
    for k, (u, c) in enumerate(zip(units, cls)):
        w = _weight(c, u)
        if c in ("short", "bad", "notice", "dated"):
            streak += 1
            w -= 1.5 * (streak - 1)
        elif c == "good":
            streak = 0
        if cur <= 0:
            cur, start = w, k
        else:
            cur += w
        if cur > best:
            best, span = cur, (start, k)
    return span if best >= CORE_MIN_WORDS else (-1, -2)


def _titleish(u: Unit) -> bool:
    """Most words capitalised, as in a menu item or a headline ("Home & Garden", "Council
    Approves New Budget"); an ingredient or a list item is not."""
    words = [w for w in u.text.split() if w[:1].isalpha()]
    words = [w for w in words if w.lower() not in function_words()] or words  # ("About")
    return bool(words) and sum(1 for w in words if w[:1].isupper()) * 10 >= len(words) * 7


def _headline(u: Unit) -> bool:
    return 3 <= u.words <= HEADLINE_MAX_WORDS and (not u.punct or u.text.rstrip("\"'\u201d\u2019").endswith("?"))


def _menu(u: Unit) -> bool:
    return u.words <= MENU_MAX_WORDS and not u.punct


def analyse(doc, config) -> Page:
    """The page's classification, computed once per document and configuration (B001-B004
    share it)."""
    return doc.memo("boilerplate.page", lambda: _analyse(doc, config), on=config)


def _analyse(doc, config) -> Page:
    units = classify(doc, config)
    page = Page(units)
    page.strong = any(u.strong for u in units)
    if not units or not config.get("boilerplate-shape"):
        return page  # B002 and B003 are off unless the setting is on (B001 needs the units only)
    # datelines anywhere: standalone units, or a prefix glued to a paragraph (they do not need
    # the classes, so they come first: a page without them often cannot have a B002 line)
    dated = _datelines(units, page)
    if (doc.path or "").lower().endswith(MARKUP_SUFFIXES):
        page.flags = {k: v for k, v in page.flags.items() if v[1] != "date"}
        return page  # (no B002 in markup: its short lines are the author's structure)
    if not page.flags and not page.glued and not _may_template(units, doc):
        return page  # nothing B002 could flag, and no dateline: the classes are not needed
    fw = function_words()
    english = _english(units, fw)
    page.cls = cls = [_unit_class(u, fw, english) for u in units]
    _wrapped_paragraphs(units, cls, fw, english)
    for k, c in enumerate(cls):
        if c == "notice" and _own_notice(doc, units, k, units[k].text):
            cls[k] = "legit"  # a licence's or a manual's own copyright line, as B001 reads it
    for k in dated:
        cls[k] = "dated"
    cores = _cores(units, cls, 0, len(units))
    page.core = cs, ce = cores[0] if cores else (-1, -2)
    incore = [False] * len(units)
    if cores:
        # the article: the core, joined with the further runs of prose next to it when no
        # boilerplate the phrase rule or the notice test found lies between them
        a, b = cores[0]
        for s2, e2 in sorted((c for c in cores[1:] if c[0] > b), key=lambda c: c[0]):
            if not _joinable(units, cls, range(b + 1, s2)):
                break
            b = e2
        for s2, e2 in sorted((c for c in cores[1:] if c[1] < a), key=lambda c: -c[0]):
            if not _joinable(units, cls, range(e2 + 1, a)):
                break
            a = s2
        for k in range(a, b + 1):
            incore[k] = True
    # bare dates inside the article are a timeline's subheadings when there are several, and
    # only the first lines' dates are the page's; without an article, only the first lines'
    first = incore.index(True) if True in incore else 3
    dates = [k for k, v in page.flags.items() if v[1] == "date" and (incore[k] or not cores)]
    for k in dates:
        if len(dates) >= 2 or k > first + 2:
            del page.flags[k]
    # so are bare times (a live blog's entries)
    times = [k for k, v in page.flags.items() if v[1] == "timestamp" and incore[k] and _BARE_TIME.match(units[k].text)]
    if len(times) >= 2:
        for k in times:
            del page.flags[k]
    if cs >= 0 and page_like(doc):
        _template(doc, page, cls, incore, cs)
    # a bare byline ("By Helen Marsh") is part of a newsroom's own story: it is the page's only
    # on a page whose template shows in its shape (B002 lines, a timestamp), not just a phrase
    bare = [k for k, v in page.flags.items() if v[1] == "byline" and not _TIMEISH.search(units[k].text)]
    if bare and not any(k not in bare for k in page.flags):
        for k in bare:
            del page.flags[k]
    return page


def _datelines(units: list[Unit], page: Page) -> list[int]:
    """B003: datelines anywhere, standalone units or a prefix glued to a paragraph, into
    ``page.flags`` and ``page.glued``; returns the units that are datelines with a byline or
    a time (their class becomes "dated")."""
    dated: list[int] = []
    flags, glued = page.flags, page.glued
    prev_para, prev_words = -1, 0  # (the unit before)
    for k, u in enumerate(units):
        text = u.text
        same, before = u.para == prev_para, prev_words
        prev_para, prev_words = u.para, u.words
        if u.kind or text[:1] in _QUOTES or text[:1] == "(":  # (a parenthesised note is the text's own)
            continue
        if same and before >= 8 and (not dated or dated[-1] != k - 1):
            continue  # the last line of a wrapped paragraph ("... United v.\nWanderers, 7.45 p.m.")
        if not u.fresh and not (same and (not before or _LONE_AGO.match(text) or flags.get(k - 1, ("",))[0] == "B003")):
            continue  # the rest of a sentence begun on the line before (but a teaser's own
            # "~9 hours ago" line, a date after a separator line, or after a dateline line
            # ("Posted at 8:20 PM" / "and last updated ..."), is the page's)
        if u.words <= 30 and not (u.punct and u.words > 12):
            kind = dateline_kind(text)
            if kind:
                flags[k] = ("B003", kind, 0.8 if kind != "date" else 0.7)
                if kind != "date":
                    dated.append(k)
                continue
        if u.fresh and u.words >= 8:
            g = glued_prefix(text)
            if g:
                glued[k] = (g, "byline" if _BYLINE_RE.match(text) else "timestamp")
    return dated


def _may_template(units: list[Unit], doc) -> bool:
    """Can B002 flag a line of a page without datelines? Only with a core of prose (at least
    CORE_MIN_WORDS words outside boilerplate) and some sign of a template that _scraped or the
    notice flags need: two phrase-rule lines, three short lines in a row (a menu or teasers),
    or a unit that reads as a site notice. False means no B002 line, as the full analysis
    would find (each test is implied by what that analysis needs)."""
    total = kinds = run = 0
    for u in units:
        if u.kind:
            kinds += 1
            run = 0
            continue
        total += u.words
        if u.words > HEADLINE_MAX_WORDS:
            run = 0
        else:
            run += 1
            if run >= 3:
                break
    if total < CORE_MIN_WORDS and run < 3:
        # (a run of three: the rest of the words is uncounted; go the long way)
        return False  # no core: _template does not run
    if kinds >= 2 or run >= 3:
        return True
    # A unit is a notice only with a word of a site's interface, or (under 25 words) a
    # copyright sign or an imperative first word. Each of its words (_unit_words) that is in
    # _UI is one of the Document's words lower-cased (its letters are bounded by white space
    # or punctuation, neither of which joins a Document word), except the last word of a head
    # cut at 600 characters.
    plain = _UI.isdisjoint(map(str.lower, doc.word_counts))
    for u in units:
        if u.kind or u.words < 3:
            continue
        text = u.text
        if plain and len(text) <= 600:
            if u.words >= 25:
                continue
            if text[:1] != "\u00a9":
                m = _FIRST_TOKEN.search(text)
                first = m.group().lower() if m is not None else ""
                if first != "copyright" and first not in _IMPERATIVE:
                    continue
        if _notice(u, _unit_words(text, u.words)):
            return True
    return False


# the first of _unit_words (of a unit of up to 30 words: white space and _SPACE_PUNCT split it)
_FIRST_TOKEN = lazy_re("[^\\s" + "".join(re.escape(chr(c)) for c in _SPACE_PUNCT) + "]+")


def _unit_words(text: str, n: int) -> list[str]:
    """The lower-case words _unit_class reads (of a long unit, the first 600 characters')."""
    head = text[:600].lower()
    return _spaced(head).split() if n <= 30 else head.split()


def _template(doc, page: Page, cls: list[str], incore: list[bool], cs: int) -> None:
    """B002: the page template outside the article (see the module's docstring)."""
    units = page.units
    for k, c in enumerate(cls):
        if c == "notice" and k not in page.flags and (not incore[k] or notice_score(units[k].text) >= IN_CORE_NOTICE):
            page.flags[k] = ("B002", "site notice", 0.7 if not incore[k] else 0.6)
    # runs of short lines only on a page that shows its template: on a document of the
    # author's own they are its lists, headings and credits
    if not _scraped(page, cls, incore):
        return
    # the page template outside the core, run by run (a run: the units between two prose units)
    runs = _zone_runs(cls, incore)
    templated = page.strong or any(len(r) >= 3 for r in runs)
    title = _title_index(units, cls, cs, page.flags)
    end = len(incore) - 1 - incore[::-1].index(True) if True in incore else len(units)
    for run in runs:
        # after the article's end, a short line on a page of template is template too
        if run[0] < end and (len(run) < 3 or not _template_run(units, cls, run, page, templated)):
            continue
        for k in run:
            if k in page.flags or k == title or cls[k] != "short" or units[k].text[:1].isdigit():
                continue  # (a line opening with a figure: a quantity or a list item)
            kind, conf = _template_kind(units, cls, k)
            page.flags[k] = ("B002", kind, conf if len(run) >= 3 else conf - 0.1)
    # a zone before or after the article made mostly of template: its short sentences between
    # template lines are teaser blurbs and widget text too
    first = incore.index(True) if True in incore else len(units)
    last = len(units) - 1 - incore[::-1].index(True) if True in incore else -1
    for zone, allowed in ((range(0, first), ("short",)), (range(last + 1, len(units)), ("short", "near", "good"))):
        if len(zone) < 4:
            continue
        flagged = sum(1 for k in zone if k in page.flags or cls[k] in ("bad", "dated", "notice"))
        if flagged * 2 < len(zone):
            continue
        for k in zone:
            if k in page.flags or k == title or cls[k] not in allowed or _DIALOGUE.match(units[k].text):
                continue
            before = k == zone[0] or (k - 1) in page.flags or cls[k - 1] == "bad"
            after = k == zone[-1] or (k + 1) in page.flags or cls[k + 1] == "bad"
            if before and after or (before or after) and cls[k] != "good":
                kind, conf = _template_kind(units, cls, k)
                page.flags[k] = ("B002", kind, 0.6)


def _scraped(page: Page, cls: list[str], incore: list[bool]) -> bool:
    """Does the page show a site's template beyond one pasted line? Two or more phrase-rule
    lines, a site notice, a timestamp or date, a navigation menu (three or more one- to
    four-word title-like lines in a row outside the article, without figures) or, after the
    article, four title-like lines in a row (other stories' headlines). A document
    of the author's own (a recipe, a regulation, a report with its headline and byline) with
    one link line pasted in shows none of them, so its lists and headings stay its own."""
    units = page.units
    if sum(1 for u in units if u.kind) >= 2 or "notice" in cls:
        return True
    if any(v[1] != "byline" or _TIMEISH.search(units[k].text) for k, v in page.flags.items()):
        return True
    streak = teasers = 0
    last = len(incore) - 1 - incore[::-1].index(True) if True in incore else len(units)
    for k, u in enumerate(units):
        if incore[k] or u.kind or u.words > HEADLINE_MAX_WORDS or not _titleish(u):
            streak = teasers = 0
            continue
        # a menu; or after the article, a list of other stories' headlines
        streak = streak + 1 if _menu(u) and _NUMERIC.search(u.text) is None else 0
        teasers = teasers + 1 if k > last and u.words >= 3 else 0
        if streak >= 3 or teasers >= LONE_RUN:
            return True
    return False


def _joinable(units: list[Unit], cls: list[str], gap: range) -> bool:
    """Can two runs of prose with ``gap`` between them be one article? Not across
    boilerplate, nor across two or more teaser blurbs (sentences of ten words or more
    without a full stop)."""
    blurbs = sum(1 for k in gap if cls[k] == "short" and units[k].words >= 10 and units[k].text[:1].isupper())
    return blurbs < 2 and not any(cls[k] in ("bad", "notice", "dated") for k in gap)


def _zone_runs(cls: list[str], incore: list[bool]) -> list[list[int]]:
    """The runs of non-prose units outside the cores."""
    out: list[list[int]] = []
    cur: list[int] = []
    for k, c in enumerate(cls):
        if incore[k] or c in ("good", "near", "notice", "list"):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(k)
    if cur:
        out.append(cur)
    return out


def _template_run(units: list[Unit], cls: list[str], run: list[int], page: Page, templated: bool) -> bool:
    """Is this run of short lines outside the core the site's template?

    Three or more lines in a row are; a shorter run only when it holds boilerplate the
    phrase rule or a dateline found, or sits at the page's edge on a page whose template
    shows elsewhere. A short run between two prose paragraphs is a subheading of a part of
    the article the core missed (jusText's context rule).
    """
    if len(run) >= 3:
        return True
    if any(cls[k] in ("bad",) or k in page.flags for k in run):
        return True
    edge = run[0] == 0 or run[-1] == len(units) - 1
    return edge and templated


def _content(text: str, fw: frozenset[str]) -> set[str]:
    # the distinct lower-case words without the function words, by set operations in C first
    return {w for w in set(map(str.lower, _word_list(text))) - fw if len(w) > 2 and not w.isdigit()}


def _title_index(units: list[Unit], cls: list[str], cs: int, flags: dict) -> int:
    """The article's headline: of the title-like lines just before the core, the one that
    shares the most words with the core's first paragraphs (a teaser of another story
    shares few). -1 when none shares at least two words and a quarter of its own."""
    fw = function_words()
    lede: set[str] | None = None
    best, best_k = 0.0, -1
    for k in range(max(0, cs - 8), cs):
        u = units[k]
        if u.kind or cls[k] not in ("short", "near") or not 2 <= u.words <= 30:
            continue
        words = _content(u.text, fw)
        if not words:
            continue
        if lede is None:  # (read once, and only where a line could be the headline)
            lede = set()
            for v, c in zip(units[cs : cs + 6], cls[cs : cs + 6]):
                if c in ("good", "near"):
                    lede |= _content(v.text, fw)
        shared = len(words & lede)
        score = shared / len(words)
        if shared >= 2 and score >= 0.25 and score >= best:
            best, best_k = score, k
    return best_k


def _between_prose(cls: list[str], k: int) -> bool:
    """A short unit whose nearest non-short neighbours on both sides are prose, within two units."""

    def side(step: int) -> bool:
        j, seen = k + step, 0
        while 0 <= j < len(cls) and seen < 2:
            if cls[j] in ("good", "near"):
                return True
            if cls[j] in ("bad", "legit"):
                return False
            j += step
            seen += 1
        return False

    return side(-1) and side(1)


def _template_kind(units: list[Unit], cls: list[str], k: int) -> tuple[str, float]:
    u = units[k]
    n = len(units)

    def run(pred) -> int:
        a = k
        while a > 0 and pred(units[a - 1]) and cls[a - 1] == "short":
            a -= 1
        b = k
        while b + 1 < n and pred(units[b + 1]) and cls[b + 1] == "short":
            b += 1
        return b - a + 1

    if _menu(u):
        r = run(_menu)
        return "navigation menu", 0.8 if r >= 3 else 0.7 if r == 2 else 0.6
    if _headline(u):
        r = run(_headline)
        return "teaser headline", 0.8 if r >= 3 else 0.7 if r == 2 else 0.6
    return "page template line", 0.6
