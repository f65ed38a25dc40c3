"""A document-level test that proves B001-B003 can find nothing in a document, so that the
page analysis (``_pageshape.analyse``: the units, the phrase tests, datelines, the template
pre-test) is skipped for plain prose: most documents hold no scraped page at all.

``quiet(doc, config)`` is True only when each way to a finding is ruled out:

* B001 needs a strong unit (every weak one follows a strong one): a phrase of the lists, a
  navigation trail, a row of share buttons or a writer bio. A unit's normalised text is its
  text case-folded (NFKC and the three mapped characters change nothing in a text of ASCII
  and the few punctuation marks ``_SAFE``), leading symbols cut, white space collapsed, so
  its maximal runs of letters and digits are the text's. A start, header or exact phrase
  makes the unit's normalised text start with it: every run of the phrase is a maximal run
  of the unit (its edges are the phrase's non-alphanumeric characters, or the unit's, as
  ``_starts_with`` and the edge stripping require), and its first run is the unit's first.
  So the phrase needs its first run as a line's first run and all its runs among the
  document's (the document's words split at their joiners). A "contains" phrase is looked
  for in the whole text normalised the same way. A trail needs one of ``>|/``; a share row
  and a bio a word of theirs (the share buttons' words are among ``_UI``'s).
* B003 needs ``dateline_kind`` or ``glued_prefix`` of a unit: both are asked here of each
  unit (one line paragraphs only: a paragraph of several lines makes the test give up).
* B002 needs ``_may_template``: without any B001 line it needs three units of at most
  HEADLINE_MAX_WORDS words in a row, or a site notice (a word of a site's interface in the
  document, or a unit of fewer than 25 words opening with a copyright sign, "copyright" or
  an imperative word).

A document over MAX_CHARS characters, a long phrase of the user's lists, a unit longer than
600 characters (its normalised head is cut) or other characters make the test answer False:
the full analysis runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ._bphrases import Phrases, load_phrases
from ._datelines import dateline_kind, glued_prefix
from ._pageshape import _FIRST_TOKEN, _IMPERATIVE, _UI, HEADLINE_MAX_WORDS, Page
from .boilerplate import _BIO_WORDS, NORM_HEAD

# non-ASCII characters whose NFKC form and case folding are themselves and that are not
# letters or digits (the two quotation marks map to "'" in the normalised text)
_SAFE = "\u201c\u201d\u2018\u2019\u2014\u2013\u2026"
_RUN = re.compile(r"[^\W_]+")
_JOINERS = re.compile("['\u2019-]")
# the words _BIO_WORDS matches, as runs (bachelor['\u2019]?s, master['\u2019]?s)
_BIO_RUNS = frozenset(w for w in _BIO_WORDS.pattern.replace("['\\u2019]?s", "").split("(?:", 1)[1].split(")\\b")[0].split("|")) | {
    "bachelors",
    "masters",
}
_NOTICE_FIRST = _IMPERATIVE | {"copyright"}
MAX_CHARS = 20_000  # longer documents go the long way
_MAX_PHRASE = 200  # a longer phrase could reach the cut head of a long unit


@lru_cache(maxsize=8)
def _index(phrases: Phrases):
    """Start, header and exact phrases by their first run: (first run -> run sets), the
    phrases without a run, the contains phrases; None when a phrase is too long."""
    by_first: dict[str, list[frozenset[str]]] = {}
    bare: list[str] = []
    for p in (*phrases.starts, *phrases.headers, *phrases.exact):
        if len(p) > _MAX_PHRASE:
            return None
        runs = _RUN.findall(p)
        if runs:
            by_first.setdefault(runs[0], []).append(frozenset(runs))
        else:
            bare.append(p)
    return by_first, tuple(bare), phrases.contains


def empty_page() -> Page:
    """The analysis of a quiet document as far as B001-B003 read it: no unit flagged."""
    return Page([])


def quiet(doc, config) -> bool:
    """True when no B001, B002 or B003 finding is possible in ``doc`` (see the module)."""
    return doc.memo("boilerplate.quiet", lambda: _quiet(doc, config), on=config)


def _quiet(doc, config) -> bool:
    text = doc.text
    if len(text) > MAX_CHARS:
        return False  # (the test's own cost grows with the text, its chance of passing falls)
    if not text.isascii():
        rest = text
        for ch in _SAFE:
            if ch in rest:
                rest = rest.replace(ch, "")
        if not rest.isascii():
            return False
    if ">" in text or "|" in text or "/" in text:
        return False  # (a navigation trail's separators)
    index = _index(load_phrases(tuple(config.get("boilerplate-phrases") or ())))
    if index is None:
        return False
    by_first, bare, contains = index
    # (the distinct words lower-cased: no word holds white space, so one join, lower and split)
    low = set(" ".join(doc.word_counts).lower().split())
    runs = low
    if "-" in text or "'" in text or "\u2019" in text:
        runs = set(low)
        for w in low:
            if "-" in w or "'" in w or "\u2019" in w:
                runs.update(_JOINERS.split(w))
    if not _UI.isdisjoint(runs) or not _BIO_RUNS.isdisjoint(runs):
        return False  # (_UI holds SOCIAL: the share buttons' words)
    if bare or contains:
        # every unit's normalised text is a piece of this (with units of one line holding
        # single spaces only, the lower-cased text itself)
        norm = text.lower()
        if "  " in text or "\u2019" in text or "\u2018" in text:
            norm = " ".join(norm.replace("\u2019", "'").replace("\u2018", "'").split())
        if any(p in norm for p in bare) or any(c in norm for c in contains):
            return False
    paras = doc.paragraphs
    for p in paras:
        t = p.text
        if len(t) > 600 or not t.isprintable():
            return False  # (a long unit's cut head; a paragraph of several lines)
        if len(t) > NORM_HEAD and t[NORM_HEAD - 1].isalnum() and t[NORM_HEAD].isalnum():
            # a long unit's phrases are read in its first NORM_HEAD characters: a run cut
            # there is a run of that head
            a = NORM_HEAD - 1
            while a > 0 and t[a - 1].isalnum():
                a -= 1
            if runs is low:
                runs = set(low)
            runs.add(t[a:NORM_HEAD].lower())
    words = doc.words
    run = 0
    for p in paras:
        t = p.text
        m = _RUN.search(t)
        if m is not None:
            if m.end() > 250:
                return False
            sets = by_first.get(m.group().lower())
            if sets is not None and any(s <= runs for s in sets):
                return False
        n = bisect_left(words, (p.end,)) - bisect_left(words, (p.start,))
        if n < 25 and n >= 3:
            f = _FIRST_TOKEN.search(t)
            if t[:1] == "\u00a9" or (f is not None and f.group().lower() in _NOTICE_FIRST):
                return False
        if n <= 30 and dateline_kind(t) or glued_prefix(t):
            return False
        run = run + 1 if n <= HEADLINE_MAX_WORDS else 0
        if run >= 3:
            return False
    return True
