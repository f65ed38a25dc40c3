"""The G rules' sentence analysis (``rules/_sentences._analyse``), built as parallel lists in C,
compared with the walk over every sentence it replaced (kept here as it was at 1967ea2) on
generated texts: plain text, Markdown (list markers blanked in ``text``, kept in ``source``),
CRLF and lone CR line ends, quotation marks, headlines, list items, names."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import compress

import pytest

from garblint.lint.textio import make_document
from garblint.rules import _sentences as SA
from tests.generated import d_text, g_rule_text, g_text


def _mid_after_word(text: str, start: int) -> bool:
    """``mid_sentence_context`` for a word at ``start`` that follows another word of its
    sentence: the first character before it other than blanks is no opening mark, line break,
    sentence end or other stop (that word ends on a letter or digit inside the sentence, so
    the scan back needs no bound)."""
    i = start - 1
    c = text[i]
    while c in SA._BLANKS:
        i -= 1
        c = text[i]
    return c not in SA._NOT_MID


def _old_analyse(doc):
    """``_analyse`` as it was: one loop over the sentences, then over their title-case words."""
    text = doc.text
    words = doc.words
    starts = [w[0] for w in words]
    n = len(words)
    an = SA.Analysis()
    cap_in_name, cap_name_last, cap_isolated = an.cap_in_name, an.cap_name_last, an.cap_isolated
    cap_mid_sentence, cap_mid_word = an.cap_mid_sentence, an.cap_mid_word
    texts = doc.word_texts
    counts = doc.word_counts
    title_words = {t for t in counts if len(t) > 1 and t[0].isupper() and t[1:].islower()}
    tpos = list(compress(range(n), map(title_words.__contains__, texts)))
    n_title = len(tpos)
    asked: set[str] = set()
    runs: list[tuple[int, int]] = []
    b = 0
    prev_end = 0
    for pi, para in enumerate(doc.paragraphs):
        sents = doc.paragraph_sentences(pi)
        quote_open = False
        sent_words = []
        ranges = []
        for s in sents:
            if s.start >= prev_end:
                a = bisect_left(starts, s.start, b, min(n, b + s.start - prev_end))
            else:
                a = bisect_left(starts, s.start)
            b = bisect_left(starts, s.end, a, min(n, a + s.end - s.start))
            prev_end = s.end
            sent_words.append(words[a:b])
            ranges.append(a)
        head = SA._headline(sent_words[0] if len(sents) == 1 else [], para.text, len(sents))
        ls = text.rfind("\n", 0, para.start) + 1
        scan_from = para.start
        for si, (s, ws) in enumerate(zip(sents, sent_words)):
            nl = text.rfind("\n", scan_from, s.start)
            if nl >= 0:
                ls = nl + 1
            scan_from = s.start
            list_item = bool(SA._LIST_MARKER.match(text, s.start)) or (ls < s.start and bool(SA._LIST_MARKER.fullmatch(doc.source, ls, s.start)))
            si_global = len(an.sentences)
            an.sentences.append((s, ws, si, len(sents), quote_open, head, list_item, si_global, head and SA._title_case(ws)))
            quote_open = SA._quote_open_after(s.text, quote_open)
            a = ranges[si]
            end = a + len(ws)
            j = bisect_right(tpos, a)
            if head:
                while j < n_title and tpos[j] < end:
                    asked.add(texts[tpos[j]].casefold())
                    j += 1
                continue
            if len(ws) > 1:
                runs.append((a, end))
            while j < n_title and tpos[j] < end:
                p = tpos[j]
                j += 1
                if not _mid_after_word(text, starts[p]):
                    continue
                k = p - a
                cap_mid_sentence.append(si_global)
                cap_mid_word.append(k)
                w = ws[k]
                low = w.text.casefold()
                asked.add(low)
                prev_cap = SA.is_capitalised(ws[k - 1].text) and text[ws[k - 1].end : w.start].strip() == ""
                next_cap = k + 1 < len(ws) and SA.is_capitalised(ws[k + 1].text) and text[w.end : ws[k + 1].start].strip() in ("", "of", "and")
                if prev_cap or next_cap:
                    cap_in_name[low] = cap_in_name.get(low, 0) + 1
                    if prev_cap and not next_cap:
                        cap_name_last[low] = cap_name_last.get(low, 0) + 1
                else:
                    cap_isolated[low] = cap_isolated.get(low, 0) + 1
    lower = list(filter(str.islower, counts))
    wanted = set(compress(lower, map(asked.__contains__, map(str.casefold, lower))))
    found: list[str] = []
    if wanted:
        lpos = list(compress(range(len(texts)), map(wanted.__contains__, texts)))
        for a, end in runs:
            j = bisect_right(lpos, a)
            while j < len(lpos) and lpos[j] < end:
                p = lpos[j]
                j += 1
                if _mid_after_word(text, starts[p]):
                    found.append(texts[p])
    an.lower_mid = dict(Counter(map(str.casefold, found)))
    return an


_PIECES = [
    "the",
    "The",
    "THE",
    "in",
    "In",
    "said",
    "Said",
    "Hague",
    "council",
    "Council",
    "Of",
    "of",
    "and",
    "And",
    "May",
    "may",
    "Bank",
    "bank",
    "straße",
    "Straße",
    "ǅemal",
    "x",
    "42",
    "iv",
    "a",
    "A",
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u00a0",
    " \u00a0 ",
    ", ",
    ". ",
    ".  ",
    "! ",
    "? ",
    ": ",
    "; ",
    " - ",
    " \u2014 ",
    "/",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u2018",
    "\u2019",
    "(",
    ")",
    "[",
    "_",
    "*",
    "#",
    "|",
    "=",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\n\n",
    "\r\n\r\n",
    "\n  ",
    "\n- ",
    "\n* ",
    "\n1. ",
    "\n(a) ",
    "\n> ",
    "- ",
    "2) ",
    "\u2022 ",
    "Council Approves Budget",
    "the Bank and Trust",
    "the Bank of Dreams",
    "Bank , Council",
    "when Hague  Council",
    "Budget Plan\n\n",
    ".\n\n",
    "`code`",
    "**Bold**",
]


def _texts(seed: int):
    rng = random.Random(seed)
    yield "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 200)))
    yield g_text(rng)
    yield g_rule_text(rng)
    yield d_text(rng)


def _fields(an):
    return (
        [tuple(info) for info in an.sentences],
        an.cap_mid_sentence,
        an.cap_mid_word,
        list(an.cap_in_name.items()),
        list(an.cap_name_last.items()),
        list(an.cap_isolated.items()),
        list(an.lower_mid.items()),
    )


@pytest.mark.parametrize("seed", range(150))
def test_analysis_same_as_the_walk_over_every_sentence(seed):
    for k, text in enumerate(_texts(seed)):
        for path in (None, "x.md", "x.rst"):
            doc = make_document(text, path)
            new = SA._analyse(make_document(text, path))
            assert _fields(new) == _fields(_old_analyse(doc)), (seed, k, path)


def test_sentence_info_fields_by_name():
    doc = make_document("Council Approves Budget\n\nThe plan, she said, \u201cworks. Really.\u201d Then it ended.\n\n- a list item here.")
    infos = SA._analyse(doc).sentences
    assert [i.sent.text for i in infos] == [
        "Council Approves Budget",
        "The plan, she said, \u201cworks.",
        "Really.\u201d",
        "Then it ended.",
        "- a list item here.",
    ]
    assert [(i.headline, i.title_case) for i in infos] == [(True, True)] + [(False, False)] * 4
    assert [i.in_quote for i in infos] == [False, False, True, False, False]
    assert [(i.index_in_para, i.para_len, i.global_index) for i in infos] == [(0, 1, 0), (0, 3, 1), (1, 3, 2), (2, 3, 3), (0, 1, 4)]
    assert [i.list_item for i in infos] == [False, False, False, False, True]
    assert [w.text for w in infos[1].words] == ["The", "plan", "she", "said", "works"]
