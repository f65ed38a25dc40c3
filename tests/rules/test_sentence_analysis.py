"""The G rules' sentence analysis (``rules/_sentences._analyse``), built as parallel lists in C,
compared with the walk over every sentence it replaced (kept here as it was at 1967ea2) on
generated texts: plain text, Markdown (list markers blanked in ``text``, kept in ``source``),
CRLF and lone CR line ends, quotation marks, headlines, list items, names."""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import compress
from operator import itemgetter, le

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
    "strasse",
    "Strasse",
    "\u1f40\u03c3\u03bf\u03c2",
    "\u1f48\u03c3\u03bf\u03c2",
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
        list(an.lower_mid),
    )


def _lower_mid_as_asked(new, old) -> bool:
    """``new.lower_mid`` is ``old.lower_mid`` (every use counted) counted up to what the G rules
    ask of it: whether a word has one, and whether it has as many as its capitalised uses
    mid-sentence when those are three or more (defined_terms)."""
    for w, n in old.lower_mid.items():
        limit = old.cap_in_name.get(w, 0) + old.cap_isolated.get(w, 0)
        limit = limit if limit >= 3 else 1
        got = new.lower_mid[w]
        if not (got == n if n < limit else limit <= got <= n):
            return False
    return True


@pytest.mark.parametrize("seed", range(150))
def test_analysis_same_as_the_walk_over_every_sentence(seed):
    for k, text in enumerate(_texts(seed)):
        for path in (None, "x.md", "x.rst"):
            doc = make_document(text, path)
            new_doc = make_document(text, path)
            new = SA._analyse(new_doc)
            old = _old_analyse(doc)
            assert _fields(new) == _fields(old), (seed, k, path)
            assert _lower_mid_as_asked(new, old), (seed, k, path)
            # each sentence's words start at its first_word in the document's words
            assert len(new.first_word) == len(new.sentences)
            for g, info in zip(new.first_word, new.sentences):
                assert new_doc.words[g : g + len(info.words)] == info.words, (seed, k, path)


@pytest.mark.parametrize("seed", range(60))
def test_capital_inside_sentence_candidates_picked_in_c(seed):
    """G010 looks only at the words in _OPENING_WORDS among the analysis' title-case words
    mid-sentence, picked out by their index in the document's words: the same words as the
    loop's first test picks."""
    from garblint.rules import clauses as CL

    rng = random.Random(seed)
    pieces = "The He They Its An the Berlin Paris Lyon said vote after A".split() + [" ", " ", "  ", ", ", ". ", "\n", "\n\n", "\u201c", "("]
    for _ in range(10):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
        doc = make_document(text)
        an = SA._analyse(doc)
        picked = list(CL._opening_candidates(doc, an))
        want = [(g, k) for g, k in zip(an.cap_mid_sentence, an.cap_mid_word) if an.sentences[g].words[k].text in CL._OPENING_WORDS]
        assert picked == want, text


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


def _old_defined_terms(an):
    sents = an.sentences
    count: dict[str, int] = {}
    for g, k in zip(an.cap_mid_sentence, an.cap_mid_word):
        low = sents[g].words[k].text.casefold()
        count[low] = count.get(low, 0) + 1
    return {w for w, n in count.items() if n >= 3 and n > an.lower_mid.get(w, 0)}


def _old_capital_candidates(an):
    """G002's walk over every sentence, as it was: (sentence index, word indexes)."""
    from bisect import bisect_left, bisect_right

    out = []
    cap_sent, cap_word = an.cap_mid_sentence, an.cap_mid_word
    ptr = 0
    for info in an.sentences:
        if info.title_case:
            continue
        if info.headline:
            ks = list(range(1, len(info.words)))
        else:
            gi = info.global_index
            first = ptr = bisect_left(cap_sent, gi, ptr)
            ptr = bisect_right(cap_sent, gi, ptr)
            ks = cap_word[first:ptr]
        if ks:
            out.append((info.global_index, list(ks)))
    return out


def _skipped_one_by_one(an, defined):
    """skipped_candidates as first written: G002's tests of the word alone, word by word."""
    from garblint.rules import _capwords as CW

    out = set()
    for low in set(an.cap_mid_low):
        if low in defined:
            out.add(low)
        elif low in SA.CLOSED_CLASS or low in CW._AUX_AFTER_NAME:
            continue
        elif an.cap_isolated.get(low, 0) > 1 or an.cap_name_last.get(low, 0):
            out.add(low)
        elif not an.lower_mid.get(low, 0) and not any(CW._grammatical_word(low, prev) for prev in CW._VERB_SLOTS | {"", "the"}):
            out.add(low)
    return out


@pytest.mark.parametrize("seed", range(80))
def test_g002_words_passed_over_left_out_first(seed, monkeypatch):
    """G002 with the candidates its word-alone tests pass over left out in C gives the findings
    it gives when it tests every candidate; capital_candidates leaves out exactly those."""
    from garblint.lint.config import Config
    from garblint.rules import _capwords as CW
    from garblint.rules import garble as GB

    rule, config = GB.CapitalisedCommonWord(), Config({})
    rng = random.Random(seed)
    # (auxiliaries after names, capitalised on their own and as names' last words, the same
    # words in lower case)
    aux = "The council Has agreed. Smith Has. the Will said Will Has left. Ann Could go. May Will win. she has said it. to Rise above. to Rose early. we Agreed. is Openly. it Fully said. an Early one. "
    extra = "".join(rng.choice(aux.split(". ")) + ". " for _ in range(rng.randrange(0, 30)))
    for k, text in enumerate([*_texts(seed), extra]):
        an = SA._analyse(make_document(text))
        defined = CW.defined_terms(an)
        skip = CW.skipped_candidates(an, defined)
        assert skip == _skipped_one_by_one(an, defined), (seed, k)
        assert an.cap_mid_low == [an.sentences[g].words[j].text.casefold() for g, j in zip(an.cap_mid_sentence, an.cap_mid_word)]
        heads = set(an.headlines)
        want = [(g, [j for j in ks if g in heads or an.sentences[g].words[j].text.casefold() not in skip]) for g, ks in _old_capital_candidates(an)]
        assert [(info.global_index, list(ks)) for info, ks in CW.capital_candidates(an, skip) if ks] == [(g, ks) for g, ks in want if ks]
        got = list(rule.check(make_document(text), config))
        monkeypatch.setattr(GB, "skipped_candidates", lambda an, defined: set())
        assert list(rule.check(make_document(text), config)) == got, (seed, k)
        monkeypatch.undo()


_NAME_PIECES = _PIECES + [
    "ID.3",
    "x.y",
    "Yahoo.Mail",
    "Mr.",
    "Inc.",
    "A.B",
    "ab1.2",
    "Abcdefg.h",
    "_ID.3",
    "\u00e9ID.3",
    "ID.",
    "Planet.4",
    " Planet.",
]


@pytest.mark.parametrize("seed", range(150))
def test_g_rules_helpers_same_as_the_old_forms(seed):
    """defined_terms from the analysis' counts, G002's candidate sentences without the walk over
    every sentence, G001's names written with a full stop from one search, and G001's first
    letter read directly unless the sentence opens with a mark: as the old forms."""
    from garblint.rules import _capwords as CW
    from garblint.rules import garble as GB

    rng = random.Random(seed)
    for text in _texts(seed):
        an = SA._analyse(make_document(text))
        assert an.headlines == [i.global_index for i in an.sentences if i.headline]
        assert CW.defined_terms(an) == _old_defined_terms(an)
        assert [(info.global_index, list(ks)) for info, ks in CW.capital_candidates(an) if ks] == _old_capital_candidates(an)
    text = "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randrange(0, 200)))
    found = CW._names_with_period(text)
    for name in ("ID", "x", "Yahoo", "Mr", "Inc", "A", "B", "ab", "bcdefg", "Planet", "h", "Hague", "May"):  # (up to six letters)
        key = name + "."
        old = False
        i = text.find(key)
        while i >= 0:
            j = i + len(key)
            if j < len(text) and text[j].isalnum() and (i == 0 or not text[i - 1].isalnum()):
                old = True
                break
            i = text.find(key, i + 1)
        assert (name in found) == old, (text, name)
    # G001's first character after opening marks (by lstrip) is in lower case where the regex
    # it replaced found one
    marks = "\"'\u201c\u2018(\u00ab["
    for s in ("The", "the", "\u201cthe", "(Then", "'em", "\u00ab a", "[x]", "42", "\u2026and", "\u00e9t\u00e9", "", '"', '" x', "(\u24d0"):
        m = re.match(r"[\"'\u201c\u2018(\u00ab\[]*(?P<c>\S)", s)
        old_c = m.group("c") if m else ""
        c = s[:1]
        if c in GB._OPENING_MARKS:
            c = s.lstrip(GB._OPENING_CHARS)[:1]
        assert c.islower() == old_c.islower(), s
    for _ in range(200):
        s = "".join(rng.choice(marks + " a\u24d0A.") for _ in range(rng.randrange(0, 6)))
        m = re.match(r"[\"'\u201c\u2018(\u00ab\[]*(?P<c>\S)", s)
        assert s.lstrip(GB._OPENING_CHARS)[:1].islower() == (m.group("c") if m else "").islower(), s


#: words holding capitals with an ending (G007's), and pieces around and inside them
_MIXED_CASE_PIECES = [
    "REPORTs",
    "URLs",
    "TARGETs",
    "ABCDing",
    "xREPORTs",
    "REPORTs\u2019",
    "ABCD",
    "ABCDes",
    "REPORTed",
    "es",
    "-",
    "ed",
    "\u00c0BCDEs",
    "_",
    "ABCDE",
    "Report",
    "McREPORTs",
    "\u01c5ABCDs",
    "A",
    "BCDEs",
    "\u00c9",
    "2024",
]


@pytest.mark.parametrize("seed", range(100))
def test_mixed_case_scan_skipped_only_without_a_match(seed):
    """G007 scans the text only when a distinct word (not all lower case) holds capitals with an
    ending: a text where none does has no match of the scan's pattern. Leaving out the words in
    title case and in capitals too changes nothing."""
    from itertools import compress
    from operator import not_

    from garblint.lint.document import Document
    from garblint.rules import artefacts as ART

    rng = random.Random(seed)
    pieces = _PIECES + _MIXED_CASE_PIECES
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
    doc = Document(text)
    counts = doc.word_counts
    scanned = any(map(ART._MIXED_IN_WORD.search, compress(counts, map(not_, map(str.islower, counts)))))
    assert scanned or ART._MIXED.search(text) is None, text
    assert ART._mixed_case_word(counts) == scanned, text


@pytest.mark.parametrize("seed", range(60))
def test_mixed_case_matches_by_paragraph_as_the_whole_scan(seed):
    """G007's matches, the pattern tried only in the paragraphs where a word holding capitals
    with an ending occurs (_mixed_matches), are the whole text's ``_MIXED.finditer``: in texts
    of several paragraphs, with such words inside others ("McREPORTs", "xREPORTs"), before an
    underscore, a joiner or a line break, at a paragraph's start and end, and in texts where
    the same letters also stand as part of a longer run ("ABCDEFGHs")."""
    from garblint.lint.document import Document
    from garblint.rules import artefacts as ART

    rng = random.Random(seed)
    pieces = _MIXED_CASE_PIECES + [
        "ABCDEFGHs",
        "REPORTs_",
        "the",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n \n",
        "\t",
        ".",
        ",",
        "\u201c",
        "\u2019",
    ]
    for _ in range(20):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        doc = Document(text)
        assert [m.span() for m in ART._mixed_matches(doc)] == [m.span() for m in ART._MIXED.finditer(text)], text


def _old_foreign_document(doc) -> bool:
    """``_foreign_document`` as it was at 6d2b6d6 (without the count of a few common function
    words first)."""
    counts = doc.word_counts
    if len(doc.words) > SA._FOREIGN_SAMPLE:
        if not SA._few_function_words(Counter(doc.word_texts[: SA._FOREIGN_SAMPLE])):
            return False
    if not SA._few_function_words(counts):
        return False
    return SA.english_share(doc) < SA._FOREIGN_SHARE


_ENGLISH = "the The of to and a A in that is was for which however whom them THE Of".split()
_OTHER = "der und Haus la el que Sie nicht ist dans avec Straße 42 x7 café über ünd".split()


@pytest.mark.parametrize("seed", range(40))
def test_foreign_document_same_as_the_old_form(seed):
    rng = random.Random(seed)
    for _ in range(30):
        share = rng.random() * 0.4  # function words around the threshold (0.13) and beyond
        n = rng.choice([rng.randrange(0, 40), rng.randrange(0, 400), rng.randrange(900, 1300)])
        words = [rng.choice(_ENGLISH) if rng.random() < share else rng.choice(_OTHER) for _ in range(n)]
        text = " ".join(words) + "."
        assert SA._foreign_document(make_document(text)) == _old_foreign_document(make_document(text)), (seed, share, n)


@pytest.mark.parametrize("seed", range(40))
def test_lower_mid_counted_up_to_the_capitalised_uses(seed):
    """A word capitalised mid-sentence three times or more is counted in lower case up to as
    many uses, enough for defined_terms' comparison; one capitalised fewer times up to one."""
    from garblint.rules import _capwords as CW

    rng = random.Random(seed)
    caps, lows = rng.randrange(0, 7), rng.randrange(0, 9)
    sents = ["We saw Vote there."] * caps + ["We saw vote there."] * lows + ["Vote now."] * rng.randrange(0, 3)
    rng.shuffle(sents)
    text = rng.choice([" ", "\n"]).join(sents)
    new, old = SA._analyse(make_document(text)), _old_analyse(make_document(text))
    assert _fields(new) == _fields(old)
    assert _lower_mid_as_asked(new, old)
    # (defined_terms' own sums over the counts of every use)
    count = Counter(old.cap_in_name)
    count.update(old.cap_isolated)
    assert CW.defined_terms(new) == {w for w, n in count.items() if n >= 3 and n > old.lower_mid.get(w, 0)}


@pytest.mark.parametrize("seed", range(20))
def test_sentence_word_ranges_when_a_word_lies_between_sentences(seed):
    """The analysis takes a sentence's end in the words from the next sentence's first word
    only when no word starts between the two (Document.sentences leaves only white space
    there); sentences cut short before their last word take the bisections."""
    from garblint.lint.document import Sentence

    for k, text in enumerate(_texts(seed)):
        docs = [make_document(text), make_document(text)]
        for doc in docs:
            starts = [w[0] for w in doc.words]
            groups = []
            for pi in range(len(doc.paragraphs)):
                group = []
                for s in doc.paragraph_sentences(pi):
                    last = bisect_left(starts, s.end) - 1
                    end = starts[last] if last >= 0 and starts[last] > s.start else s.end
                    group.append(Sentence(s.start, end, doc.text[s.start : end], pi))
                groups.append(group)
            doc.__dict__["_sentences_by_paragraph"] = groups
            doc.__dict__["sentences"] = [s for g in groups for s in g]
            doc.__dict__.pop("paragraph_sizes", None)
        new, old = SA._analyse(docs[0]), _old_analyse(docs[1])
        assert _fields(new) == _fields(old), (seed, k)
        assert _lower_mid_as_asked(new, old), (seed, k)


def _old_headline(words, text: str, n_sentences: int) -> bool:
    """``_headline`` as it was (every word counted)."""
    if n_sentences > 1:
        return False
    if not SA.ends_terminal(text.rstrip()):
        return True
    content = caps = 0
    for w in words:
        t = w.text
        if len(t) > 3 and t[0].isalpha():
            content += 1
            caps += t[0].isupper()
    return caps >= 3 and caps >= 0.75 * content


@pytest.mark.parametrize("seed", range(20))
def test_headline_left_early_same_as_counting_every_word(seed):
    """``_headline`` stops counting once three quarters of capitalised content words are out
    of reach: the same answers as counting all (sentences of up to 40 words, mostly
    capitalised or not, with short words, numbers and title-case letters)."""
    from garblint.lint.document import Token

    rng = random.Random(seed)
    pool = [
        "Council",
        "Budget",
        "Approves",
        "the",
        "and",
        "harbour",
        "of",
        "Ab",
        "2024",
        "\u01c5emal",
        "\u00c9mile",
        "\u00e9t\u00e9",
        "Plan",
        "ferry",
        "X",
    ]
    for _ in range(200):
        caps = rng.random()
        words = [Token(0, 0, rng.choice(pool[:4] + pool[9:] if rng.random() < caps else pool[2:])) for _ in range(rng.randrange(0, 40))]
        for end in (".", ""):
            assert SA._headline(words, "x" + end, 1) == _old_headline(words, "x" + end, 1), [w.text for w in words]


@pytest.mark.parametrize("seed", range(20))
def test_list_lines_found_with_their_blanks_taken_at_once(seed):
    """``_LIST_LINE`` takes a line's leading blanks atomically: the same matches as the plain
    pattern, whose blanks the engine gave back one by one."""
    import re

    plain = re.compile("\n" + SA._LIST_MARKER_PATTERN)
    rng = random.Random(seed)
    pieces = [
        "\n",
        "\n",
        " ",
        "  ",
        "\t",
        "-",
        "*",
        "\u2022",
        ">",
        "(",
        ")",
        ".",
        "1",
        "12",
        "1234",
        "a",
        "B",
        "iv",
        "xx",
        "word",
        "Word",
        ",",
        "\u00a0",
    ]
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        assert [m.end() for m in SA._LIST_LINE.finditer(text)] == [m.end() for m in plain.finditer(text)], text


@pytest.mark.parametrize("seed", range(40))
def test_list_items_by_bisection_same_as_a_look_up_per_sentence(seed):
    """``_list_items`` with the sentences in text order finds the sentences that start where a
    marker line ends by bisections over their starts: the same answers as the look-up of every
    sentence's start (the unordered form), also with several sentences starting at one place."""
    rng = random.Random(seed)
    pieces = ["\n", "\n\n", "- ", "* ", "1. ", "a) ", "(iv) ", "  ", "\t", "Word ", "word. ", "Two words. ", "x", ". "]
    for _ in range(10):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        for doc in (make_document(text), make_document(text, "x.md")):
            sents = doc.sentences
            if rng.random() < 0.5:  # (sentences at one start, one after another: still in order)
                sents = [s for s in sents for _ in range(rng.randrange(1, 3))]
            starts = [s.start for s in sents]
            want = SA._list_items(doc, starts, sents, False)
            assert SA._list_items(doc, starts, sents, True) == want, text


@pytest.mark.parametrize("seed", range(20))
def test_quote_states_same_as_quote_open_after(seed):
    """The analysis' quotation states (``_quote_open_after`` inlined in ``_quote_states``) are
    the walk with ``_quote_open_after`` through each paragraph, with sentences that open or end
    on a curly or straight mark."""
    from itertools import accumulate

    rng = random.Random(seed)
    pieces = ["\u201c", "\u201d", '"', "He said. ", "No. ", "Yes! ", "x", "\n\n", " ", "\u201dSo. ", '"Go. ']
    for _ in range(30):
        doc = make_document("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40))))
        sizes = doc.paragraph_sizes
        want = []
        for pi in range(len(doc.paragraphs)):
            quote_open = False
            for s in doc.paragraph_sentences(pi):
                want.append(quote_open)
                quote_open = SA._quote_open_after(s.text, quote_open)
        got = SA._quote_states(doc.sentences, doc.paragraphs, sizes, list(accumulate(sizes, initial=0)))
        assert got == want, doc.text


def _old_title_case(words) -> bool:
    """``_title_case`` as it was (a list of the content words, then a count)."""
    content = [w.text for w in words[1:] if len(w.text) > 3 and w.text.isalpha()]
    if not content:
        return True
    return sum(1 for w in content if SA.is_capitalised(w)) >= 0.4 * len(content)


@pytest.mark.parametrize("seed", range(10))
def test_title_case_counted_in_one_loop(seed):
    from garblint.lint.document import Token

    rng = random.Random(seed)
    pool = ["Council", "Budget", "the", "and", "harbour", "Ab", "2024", "\u01c5emal", "\u00c9mile", "\u00e9t\u00e9", "ferry", "X", "Well-Known"]
    for _ in range(300):
        words = [Token(0, 0, rng.choice(pool)) for _ in range(rng.randrange(0, 12))]
        assert SA._title_case(words) == _old_title_case(words), [w.text for w in words]


@pytest.mark.parametrize("seed", range(20))
def test_digits_of_a_sentence_are_digits_of_its_words(seed):
    """G003 looks for a digit in a sentence's text instead of in its words' texts: every digit
    (str.isdigit) is a word character, inside a word of the sentence."""
    rng = random.Random(seed)
    pieces = _PIECES + ["1", "x2", "\u00b2", "\u00bd", "\u0663", "_1", "1_", "2-b", "\u2460", "\U0001d7d9", ". ", "\n\n"]
    for _ in range(30):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        for info in SA._analyse(make_document(text)).sentences:
            assert any(map(str.isdigit, info.sent.text)) == any(ch.isdigit() for w in info.words for ch in w.text), (text, info.sent)


def test_analysis_of_words_without_sentences():
    """The sentences' word ranges need a sentence: a Document whose sentences were taken away
    (none of Document's own has words but no sentence) is analysed without an error."""
    doc = make_document("Some words here. And more.\n\nA second paragraph.")
    doc.__dict__["_sentences_by_paragraph"] = [[] for _ in doc.paragraphs]
    doc.__dict__["sentences"] = []
    doc.__dict__.pop("paragraph_sizes", None)
    an = SA._analyse(doc)
    assert an.sentences == [] and an.first_word == [] and an.cap_mid_sentence == []


def _may_open_marker_chain(sents: list) -> list[int]:
    """Frozen copy of _may_open_marker before session 30: the chain of mapped calls (each
    sentence's first two characters, then ``le(isalpha, islower)``), picked by ``compress``."""
    twos = list(map(itemgetter(slice(0, 2)), map(itemgetter(2), sents)))
    return list(compress(range(len(sents)), map(le, map(str.isalpha, twos), map(str.islower, twos))))


def test_may_open_marker_picks_what_the_chain_picked():
    """_may_open_marker's comprehension picks the same sentences as the chain it replaced, on
    sentences of zero to four characters drawn from letters of each case (and without one),
    digits, marks and blanks, and on every pair of them."""
    chars = "aAiIvVzZ\u00e9\u00c9\u01c5\u00df\u0131" + "09\u0663\u00b2" + "-*\u2022()\".'\u201c \t\n"
    rng = random.Random(30)
    for _ in range(3000):
        sents = [(0, 0, "".join(rng.choice(chars) for _ in range(rng.randint(0, 4))), 0) for _ in range(rng.randint(0, 9))]
        assert SA._may_open_marker(sents) == _may_open_marker_chain(sents), sents
    pairs = [(0, 2, a + b, 0) for a in chars for b in chars] + [(0, 1, a, 0) for a in chars] + [(0, 0, "", 0)]
    assert SA._may_open_marker(pairs) == _may_open_marker_chain(pairs)


def test_list_marker_asked_only_where_two_characters_may_open_one():
    """_list_items asks _LIST_MARKER only of sentences whose first two characters may open a
    marker (_may_open_marker): no sentence it passes over opens with one, whatever follows
    (every pair of letters, digits, bullets, blanks, brackets, marks; a one-letter sentence)."""
    chars = "aAbBiIvVxXzZ\u00e9\u00c9\u01c5\u00df\u03b1\u0391\u0131" + "019\u0663\u00b2" + "-*\u2022\u00b7\u2013>()[].:,;\"'\u201c\u2018 \t\u00a0\n"
    for a in chars.replace(" ", "").replace("\t", "").replace("\u00a0", "").replace("\n", ""):  # (a sentence starts on no blank)
        for b in chars:
            for rest in ("", " ", ". ", ") ", "x. ", "\t", "v) ", "\n"):
                text = a + b + rest
                sent_text = text.rstrip()  # (the sentence at 0: what it holds of the text)
                if not SA._may_open_marker([(0, len(sent_text), sent_text, 0)]):
                    assert SA._LIST_MARKER.match(text) is None, repr(text)
        for after in (" ", "\n", "\n\n", "\t"):
            if not SA._may_open_marker([(0, 1, a, 0)]):
                assert SA._LIST_MARKER.match(a + after) is None, repr(a + after)
