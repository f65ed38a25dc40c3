"""The fast paths of the structural and garble rules give the answers of the code they replaced.

Each reference below is the earlier, slower implementation, kept here verbatim (or nearly) as
the oracle; the property tests run both on many generated inputs full of the cases the fast
paths reason about (repeats, near and truncated copies, odd white space and quotes, case).
"""
from __future__ import annotations

import random
import re
import unicodedata
import zlib

import pytest
from rapidfuzz import fuzz

from garblint.lint.document import Document
from garblint.rules import boilerplate as B
from garblint.rules import duplicates as D
from garblint.rules import repetition as R

# ----------------------------------------------------------------- R002 loops


def _old_repetition_loops(doc) -> list[tuple[int, int, int]]:
    words = doc.words
    text = doc.text
    n = len(words)
    low = [w.text.casefold() for w in words]
    gaps = [R.OTHER]
    for i in range(1, n):
        g = text[words[i - 1].end : words[i].start]
        gaps.append(R.WS if R._LOOP_GAP.fullmatch(g) else R.COMMA if R._COMMA_GAP.fullmatch(g) else R.OTHER)
    ws_run = [0] * (n + 1)
    for i in range(n - 2, -1, -1):
        ws_run[i] = ws_run[i + 1] + 1 if gaps[i + 1] == R.WS else 0
    found = []
    taken = [False] * n
    for size in range(R.MAX_PHRASE, 0, -1):
        i = 0
        while i + 3 * size <= n:
            if low[i] != low[i + size] or low[i] != low[i + 2 * size] or ws_run[i] < size - 1:
                i += 1
                continue
            copies = R._count(low, gaps, i, size, False)
            if copies < 3:
                c = R._count(low, gaps, i, size, True)
                if c >= 3 and (size >= R.COMMA_MIN_WORDS or c >= R.COMMA_MIN_COPIES):
                    copies = c
            if copies >= 3 and not any(taken[i : i + copies * size]):
                phrase = low[i : i + size]
                if (
                    not (size == 1 and (phrase[0] in R.LEGIT_TRIPLES or not phrase[0].isalpha()))
                    and not (size == 2 and tuple(phrase) in R.LEGIT_PAIR_LOOPS)
                    and R._minimal(phrase)
                ):
                    found.append((i, size, copies))
                    for k in range(i, i + copies * size):
                        taken[k] = True
                    i += copies * size
                    continue
            i += max(1, (copies - 2) * size)
    found.sort()
    return found


_LOOP_VOCAB = "the new phone a b no ha very rules parking The NEW Phone STRASSE straße 3 x".split()
_LOOP_GAPS = [" ", " ", " ", " ", ", ", "; ", "\n", " \n ", ". ", " - ", "  ", "\t"]


def _loop_text(rng: random.Random) -> str:
    out: list[str] = []
    for _ in range(rng.randrange(5, 120)):
        r = rng.random()
        if r < 0.25:  # a loop: a phrase said several times
            phrase = [rng.choice(_LOOP_VOCAB) for _ in range(rng.randrange(1, 14))]
            sep = rng.choice([" ", " ", ", ", "\n", ". "])
            for c in range(rng.randrange(2, 7)):
                copy = [w.upper() if rng.random() < 0.1 else w for w in phrase]
                if rng.random() < 0.1 and len(copy) > 1:
                    copy[rng.randrange(len(copy))] = rng.choice(_LOOP_VOCAB)
                out.append(" ".join(copy))
                out.append(sep)
        else:
            out.append(rng.choice(_LOOP_VOCAB))
            out.append(rng.choice(_LOOP_GAPS))
    return "".join(out)


@pytest.mark.parametrize("seed", range(400))
def test_repetition_loops_same_as_the_old_scan(seed):
    doc = Document(_loop_text(random.Random(seed)))
    assert R.repetition_loops(doc) == _old_repetition_loops(doc)


def _sparse_loop_text(rng: random.Random) -> str:
    """Mostly distinct words with a few loops: few candidates (the lazy gap path)."""
    out = []
    for k in range(rng.randrange(50, 400)):
        if rng.random() < 0.03:
            out.append(_loop_text(rng)[: rng.randrange(10, 200)])
        else:
            out.append(f"w{rng.randrange(10_000)}")
        out.append(rng.choice(_LOOP_GAPS))
    return "".join(out)


@pytest.mark.parametrize("seed", range(200))
def test_repetition_loops_sparse_same_as_the_old_scan(seed):
    doc = Document(_sparse_loop_text(random.Random(seed)))
    assert R.repetition_loops(doc) == _old_repetition_loops(doc)


def test_repetition_loops_long_runs():
    for text in ("the " * 3000, "a b " * 2000 + "c", ("one two three, " * 500) + "four", "no " * 7 + "very " * 9):
        doc = Document(text)
        assert R.repetition_loops(doc) == _old_repetition_loops(doc)


# ------------------------------------------------------- G rules' sentence analysis
from garblint.rules import _sentences as SA  # noqa: E402


def _old_headline(words, text, n_sentences):
    if n_sentences > 1:
        return False
    content = [w.text for w in words if len(w.text) > 3 and w.text[:1].isalpha()]
    caps = sum(1 for w in content if SA.is_capitalised(w))
    if not SA.TERMINAL.search(text.rstrip()):
        return True
    return caps >= 3 and caps >= 0.75 * len(content)


def _old_analyse(doc) -> SA.Analysis:
    from bisect import bisect_left

    text = doc.text
    words = doc.words
    starts = [w.start for w in words]
    an = SA.Analysis()
    for pi, para in enumerate(doc.paragraphs):
        sents = doc.paragraph_sentences(pi)
        quote_open = False
        para_words = []
        sent_words = []
        for s in sents:
            a = bisect_left(starts, s.start)
            b = bisect_left(starts, s.end, a)
            ws = words[a:b]
            sent_words.append(ws)
            para_words.extend(ws)
        head = _old_headline(para_words, para.text, len(sents))
        ls = scan_from = para.start
        for si, (s, ws) in enumerate(zip(sents, sent_words)):
            nl = text.rfind("\n", scan_from, s.start)
            if nl >= 0:
                ls = nl + 1
            scan_from = s.start
            list_item = bool(SA._LIST_MARKER.match(text, s.start)) or (
                ls < s.start and bool(SA._LIST_MARKER.fullmatch(text, ls, s.start))
            )
            an.sentences.append(
                SA.SentInfo(s, ws, si, len(sents), quote_open, head, list_item, len(an.sentences), head and SA._title_case(ws))
            )
            for ch in s.text:
                if ch == "\u201c":
                    quote_open = True
                elif ch == "\u201d":
                    quote_open = False
                elif ch == '"':
                    quote_open = not quote_open
            if head:
                continue
            for k, w in enumerate(ws):
                if not SA.mid_sentence_context(text, s.start, w, k == 0):
                    continue
                low = w.text.casefold()
                if w.text.islower():
                    an.lower_mid[low] = an.lower_mid.get(low, 0) + 1
                elif SA.is_titlecase(w.text):
                    prev_cap = k > 0 and SA.is_capitalised(ws[k - 1].text) and text[ws[k - 1].end : w.start].strip() == ""
                    next_cap = k + 1 < len(ws) and SA.is_capitalised(ws[k + 1].text) and text[w.end : ws[k + 1].start].strip() in ("", "of", "and")
                    if prev_cap or next_cap:
                        an.cap_in_name[low] = an.cap_in_name.get(low, 0) + 1
                        if prev_cap and not next_cap:
                            an.cap_name_last[low] = an.cap_name_last.get(low, 0) + 1
                    else:
                        an.cap_isolated[low] = an.cap_isolated.get(low, 0) + 1
    return an


def _old_english_share(doc) -> float:
    from garblint.lint.lexicon import frequencies

    freqs = frequencies()
    known = total = 0
    for w in doc.words:
        t = w.text
        if len(t) > 1 and t.isalpha() and t.islower():
            total += 1
            known += t in freqs
    return known / total if total else 1.0


_G_WORDS = (
    "the council said This request was Not answered by the Finance Ministry of Bank of England "
    "Had widely expected STRASSE straße Straße to Say most Widely mRNA iPhone 3.5 U.S. a I "
    "declined Push for of the and Economists Will May Hope"
).split()
_G_SEPS = [" ", " ", " ", " ", ", ", ". ", "? ", "! ", ": ", "; ", " \u2014 ", " - ", "-", "\n", "\n\n", " \u201c", "\u201d ",
           ' "', '" ', " (", ") ", " '", "' ", "\u2019", " / ", " * ", "\t", "\u00a0", "... ", "\u2026 ", ".\n\n", "\n- ", "\n1. ", "\n\n# "]


def _g_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 160)):
        out.append(rng.choice(_G_WORDS))
        out.append(rng.choice(_G_SEPS))
    return "".join(out)


def _fixture_texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*.txt")) + sorted(root.rglob("*.md"))][:200]


def _same_analysis(doc) -> None:
    new, old = SA.analyse(doc), _old_analyse(doc)
    assert new.sentences == old.sentences
    assert new.lower_mid == old.lower_mid
    assert new.cap_isolated == old.cap_isolated
    assert new.cap_in_name == old.cap_in_name
    assert new.cap_name_last == old.cap_name_last
    assert SA.english_share(doc) == _old_english_share(doc)


@pytest.mark.parametrize("seed", range(300))
def test_sentence_analysis_same_as_the_old_loop(seed):
    _same_analysis(Document(_g_text(random.Random(seed))))


def test_sentence_analysis_same_on_fixtures():
    texts = _fixture_texts()
    assert texts
    for text in texts:
        _same_analysis(Document(text))


@pytest.mark.parametrize("seed", range(200))
def test_ends_terminal_and_quote_state(seed):
    rng = random.Random(seed)
    alphabet = ".!?\u2026:;\"'\u201d\u2019)]\u00bb\u201c a\n"
    for _ in range(50):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
        assert SA.ends_terminal(t) == bool(SA.TERMINAL.search(t))
        for start in (False, True):
            q = start
            for ch in t:
                if ch == "\u201c":
                    q = True
                elif ch == "\u201d":
                    q = False
                elif ch == '"':
                    q = not q
            assert SA._quote_open_after(t, start) == q


# ----------------------------------------------------------------- D001 / D002

_OLD_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
_OLD_WS = re.compile(r"\s+")


def _old_normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_OLD_QUOTES)
    return _OLD_WS.sub(" ", text).strip().casefold()


def _old_similarity(a: str, b: str) -> tuple[float, bool]:
    score = fuzz.ratio(a, b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < D.NEAR_RATIO and len(short) >= D.TRUNCATED_MIN_SHARE * len(long_):
        t = fuzz.ratio(short, long_[: len(short)])
        if t >= D.NEAR_RATIO + 4:
            return t, True
    return score, False


def _old_keys(words: list[str]) -> list[tuple]:
    keys: list[tuple] = [("head", tuple(words[: D.SHINGLE])), ("tail", tuple(words[-D.SHINGLE :]))]
    hashes = sorted({zlib.crc32(" ".join(words[k : k + D.SHINGLE]).encode("utf-8")) for k in range(len(words) - D.SHINGLE + 1)})
    keys.extend(("sh", h) for h in hashes[: D.SKETCH])
    return keys


def _old_paragraph_copies(doc) -> list:
    paras = doc.paragraphs
    exact_seen: dict[str, int] = {}
    buckets: dict[tuple, list[int]] = {}
    norms: list[str] = []
    out = []
    for i, p in enumerate(paras):
        norm = _old_normalise(p.text)
        norms.append(norm)
        words = D._WORDISH.findall(norm)
        if len(words) < D.MIN_WORDS_EXACT or len(norm) < D.MIN_CHARS_EXACT or D._LIST_ITEM.match(p.text):
            continue
        j = exact_seen.get(norm)
        if j is not None:
            exact = _OLD_WS.sub(" ", paras[j].text).strip() == _OLD_WS.sub(" ", p.text).strip()
            out.append(D.ParagraphCopy(i, j, exact, 100.0, False))
            continue
        exact_seen[norm] = i
        if len(words) < D.MIN_WORDS_NEAR:
            continue
        keys = _old_keys(words)
        best = None
        seen_cands: set[int] = set()
        for key in keys:
            for j in buckets.get(key, ()):
                if j in seen_cands:
                    continue
                seen_cands.add(j)
                score, truncated = _old_similarity(norms[j], norm)
                if score >= D.NEAR_RATIO and not D._same_numbers(norms[j], norm, truncated):
                    continue
                if truncated and D._SENT_END.search(norm) and len(norm) < 0.8 * len(norms[j]):
                    continue
                if score >= D.NEAR_RATIO and (best is None or score > best[0]):
                    best = (score, j, truncated)
        if best is not None:
            out.append(D.ParagraphCopy(i, best[1], False, best[0], best[2]))
            continue
        if i == 0:
            continue
        for key in keys:
            lst = buckets.setdefault(key, [])
            lst.append(i)
            if len(lst) > D.BUCKET_LIMIT:
                del lst[0]
    return out


_D_WORDS = (
    "the council said on Tuesday that ferry bridge budget rose 2.1 2.3 percent “quoted” ‘single’ "
    "don't Farmers' STRASSE straße ﬁnal café CAFÉ — – - ( ) [ ] vote plan harbour"
).split()


def _d_sentence(rng: random.Random) -> str:
    words = [rng.choice(_D_WORDS) for _ in range(rng.randrange(3, 30))]
    return " ".join(words) + rng.choice([".", ".", "?", "", ".\u201d", "!"])


def _d_text(rng: random.Random) -> str:
    paras: list[str] = []
    for _ in range(rng.randrange(2, 60)):
        r = rng.random()
        if paras and r < 0.15:
            paras.append(rng.choice(paras))  # exact copy
        elif paras and r < 0.35:
            src = list(rng.choice(paras))
            for _ in range(rng.randrange(1, 8)):
                k = rng.randrange(len(src))
                src[k] = rng.choice("abcdefghij \u00a0\u2019")
            paras.append("".join(src))  # near copy
        elif paras and r < 0.5:
            src = rng.choice(paras)
            paras.append(src[: int(len(src) * rng.uniform(0.4, 0.99))])  # truncated copy
        elif paras and r < 0.6:
            src = rng.choice(paras)
            paras.append(src + " " + _d_sentence(rng))  # an extended copy
        else:
            paras.append(" ".join(_d_sentence(rng) for _ in range(rng.randrange(1, 5))))
    return rng.choice(["\n\n", "\n \n", "\r\n\r\n"]).join(paras)


@pytest.mark.parametrize("seed", range(400))
def test_paragraph_copies_same_as_the_old_comparisons(seed):
    doc = Document(_d_text(random.Random(seed)))
    assert D.paragraph_copies(doc) == _old_paragraph_copies(doc)


def test_near_similarity_agrees_where_it_matters():
    rng = random.Random(5)
    for _ in range(20000):
        a = _d_sentence(rng).casefold()
        b = list(a)
        for _ in range(rng.randrange(0, 12)):
            if b and rng.random() < 0.5:
                del b[rng.randrange(len(b))]
            else:
                b.insert(rng.randrange(len(b) + 1), rng.choice("ab ."))
        b = "".join(b)
        if rng.random() < 0.3:
            b = b[: rng.randrange(len(b) + 1)]
        if rng.random() < 0.3:
            a, b = b, a
        for ends in (False, True):
            old = _old_similarity(a, b)
            # the caller drops a truncated shorter complete sentence; everything under the
            # threshold is unused
            dropped = old[1] and ends and len(b) < 0.8 * len(a)
            expected = (0.0, False) if old[0] < D.NEAR_RATIO or dropped else old
            assert D._near_similarity(a, b, ends) == expected


@pytest.mark.parametrize("seed", range(100))
def test_text_normalisers_match_their_regex_forms(seed):
    rng = random.Random(seed)
    alphabet = "aZ \t\n\r\u00a0\u2003\u3000\u2028\x1c\x85\"'()[]\u201c\u201d\u2018\u2019\uff02\u00df\ufb01\u0301-_.,\u0130!?\u2026"
    for _ in range(100):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
        assert D.normalise(t) == _old_normalise(t)
        assert D._squash(t) == _OLD_WS.sub(" ", t).strip()
        assert D.normalise(D._trail_to_spaces(t)) == _old_normalise(D._SENT_TRAIL.sub(" ", t))
        norm = D.normalise(t)
        assert D._words(norm) == D._WORDISH.findall(norm)
        assert D._ends_sentence(t) == (D._SENT_END.search(t) is not None)
        from garblint.lint.finding import normalise_for_fingerprint

        assert normalise_for_fingerprint(t) == _OLD_WS.sub(" ", t).strip().casefold()


# ----------------------------------------------------------------------- B001

_OLD_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_OLD_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})
_OLD_LEGIT = re.compile(
    r"^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research|translated|"
    r"photographs?|photos?|graphics|video|interviews?)\s+by\b"
    r"|correction\b|corrections?:|clarification\b|editor['\u2019]?s\s+note|update[ds]?\b|this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended)"
    r"|[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[\w .'\u2019-]+)?\s*(?:\([^)]*\)\s*)?[\u2014\u2013-]"
    r"|\*(?:\s*\*)+\s*$|#+\s*$|-30-|end\b)"
    r"|\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)",
    re.I,
)


def _old_norm_keep(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_OLD_APOS).casefold()
    s = B._LEAD_SYMBOLS.sub("", s)
    return B._SPACES.sub(" ", s).strip()


_B_PIECES = [
    "Related Articles", "related", "Follow us on", "follow", "See also:", "Read more", "Advertisement",
    "LONDON (Reuters) -", "LONDON", "well-known", "-30-", "Reporting by", "additional reporting by",
    "contributed to this report", "CONTR\u0130BUTED to the story", "contrıbuted to this report", "end", "* * *",
    "###", "Correction:", "update", "©", "Copyright ©", "tags:", "Share", "Facebook", "Twitter", "the", "a",
    "»", "\u2022", "-", "#", " ", "  ", "\t", "\u00a0", "\u2019", "\u2018", "\u02bc", "\u2010", "\u2011", ".", "!",
    "?", "\u2026", "\"", "'", "\u201d", ")", "]", "\n", "_", "x", "42", "\u2014", "\u2013", ",", ":", "k\u212a",
]


@pytest.mark.parametrize("seed", range(200))
def test_boilerplate_helpers_match_their_old_forms(seed):
    rng = random.Random(seed)
    phrases = B.load_phrases()
    for _ in range(60):
        t = "".join(rng.choice(_B_PIECES) for _ in range(rng.randrange(0, 9)))
        keep = B._norm_keep(t)
        assert keep == _old_norm_keep(t)
        assert B._strip_edges(t) == _OLD_EDGE.sub("", t)
        assert B._norm(t) == _OLD_EDGE.sub("", _old_norm_keep(t))
        assert B._ends_sentence(t) == (B._SENTENCE_END.search(t) is not None)
        assert B._legit(t) == bool(_OLD_LEGIT.search(t))
        for group, by_char in ((phrases.headers, phrases.headers_by_char), (phrases.starts, phrases.starts_by_char)):
            assert B._first_start(keep, by_char) == next((p for p in group if B._starts_with(keep, p)), None)
        assert B._word_list(t) == B._WORD.findall(t)


@pytest.mark.parametrize("seed", range(100))
def test_boilerplate_word_counts_from_document_words(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_B_PIECES) for _ in range(rng.randrange(0, 80)))
    doc = Document(text)
    for u in B._units(doc):
        assert u.words == len(B._WORD.findall(u.text))


def test_repetition_loops_without_a_character_per_word(monkeypatch):
    """More distinct words than characters: every position gets the first test."""
    monkeypatch.setattr(R.sys, "maxunicode", 3)
    for seed in range(40):
        doc = Document(_loop_text(random.Random(seed)))
        assert isinstance(R._word_chars(doc.words), list)
        assert R.repetition_loops(doc) == _old_repetition_loops(doc)


# ------------------------------------------------------- old-style quotations
from garblint.rules import _oldstyle as OS  # noqa: E402
from garblint.rules import quotes as QU  # noqa: E402


def _old_style_spans(doc) -> list[tuple[int, int]]:
    from garblint.lint import lexicon

    text = doc.text
    freqs = lexicon.frequencies()
    spans = []
    for pq in QU.analyse_quotes(doc):
        quoted = []
        for m in pq.marks:
            if m.role == QU.OPEN and m.partner is not None and pq.marks[m.partner].pos - m.pos > 1:
                quoted.append((m.pos + 1, pq.marks[m.partner].pos))
        spelled = capitals = 0
        for a, b in quoted:
            words = list(doc.iter_words(a, b))
            for k, w in enumerate(words):
                t = w.text
                if not t.isalpha():
                    continue
                if OS.old_spelling_base(t, freqs):
                    spelled += 1
                elif k > 0 and t[0].isupper() and t[1:].islower() and t != "I":
                    before = text[words[k - 1].end : w.start]
                    if not any(c in before for c in ".!?:") and freqs.get(t.lower(), 0) >= OS._COMMON:
                        capitals += 1
        if spelled >= 1 and spelled + capitals >= 2:
            spans.extend(quoted)
    spans.sort()
    return spans


def _old_in_old_style_quote(spans, pos: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_OS_PIECES = ["the", "Well", "is", "frozen", "and", "wee", "must", "worke", "Kitchin", "Snow", "untill", "he", "said",
              "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", " ", " ", " ", ", ", ". ", "\n\n", "\n", "(", ")"]


@pytest.mark.parametrize("seed", range(150))
def test_old_style_quotes_per_paragraph_same_as_whole_document(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_OS_PIECES) for _ in range(rng.randrange(0, 120)))
    spans = _old_style_spans(Document(text))
    for analysed_first in (False, True):
        doc = Document(text)
        if analysed_first:
            QU.analyse_quotes(doc)
        for pos in range(len(text) + 1):
            assert OS.in_old_style_quote(doc, pos) == _old_in_old_style_quote(spans, pos)



# ------------------------------------------------- G002, G004, G005 as they were
# (their checks before the tests were reordered, on the old analysis and the old
# whole-document old-style quotation spans; the helpers they call are unchanged)
from garblint.lint.config import Config  # noqa: E402
from garblint.lint.lexicon import frequency  # noqa: E402,F401
from garblint.lint.rule import get_rule  # noqa: E402
from garblint.rules._sentences import (  # noqa: E402,F401
    ARTICLES_AND_POSSESSIVES,
    CLOSED_CLASS,
    DETERMINERS,
    PREPOSITIONS,
    TERMINAL,
    VERB_BASES,
    is_titlecase,
    mid_sentence_context,
)
from garblint.rules.garble import (  # noqa: E402,F401
    _CLOSE_TRAIL,
    _HEADING_LABEL,
    _LONE_OPEN_QUOTE,
    _NAME_LIKE_WORDS,
    DANGLING_END,
    _aux_after_name,
    _grammatical_word,
    _has_verb,
    _imperatives,
    _in_name_phrase,
)


def _old_g002(self, doc, config):
    text = doc.text
    an = _old_analyse(doc)
    vocab = config.vocabulary if (config["names"] or config["words"]) else None
    if _old_english_share(doc) < 0.45:
        return  # not English (German capitalises every noun)
    for info in an.sentences:
        if info.title_case:
            continue  # a title-case headline capitalises every word
        ws = info.words
        s = info.sent
        for k in range(1, len(ws)):
            w = ws[k]
            if not is_titlecase(w.text) or not w.text.isalpha():
                continue
            if not mid_sentence_context(text, s.start, w, False):
                continue
            if text[max(0, w.start - 4) : w.start].rstrip().endswith((")", "]")):
                continue  # "(Reuters) Officials ...": after a credit or gloss
            if _old_in_old_style_quote(_old_style_spans(doc), w.start):
                continue  # a period source quoted as written: "the Boys do slide upon it"
            prev, nxt = ws[k - 1], ws[k + 1] if k + 1 < len(ws) else None
            low = w.text.casefold()
            if _in_name_phrase(text, ws, k, s.start):
                if not _aux_after_name(text, ws, k, low):
                    continue  # part of a name or title: "Finance Ministry", "City of Dreams"
                # "Economists Had widely expected": an auxiliary after a name or a sentence start
                yield self.finding(
                    doc,
                    w.start,
                    w.end,
                    f"common word '{w.text}' capitalised mid-sentence (an auxiliary verb)",
                    [(w.text.lower(), False)],
                    confidence=0.55,
                )
                continue
            if vocab is not None and vocab.accepts(w.text):
                continue
            lower_uses = an.lower_mid.get(low, 0)
            why = ""
            if low in CLOSED_CLASS:
                if nxt is None or text[w.end : nxt.start] != " ":
                    continue  # "the group Which?", "Who." at a clause end: a title or a name
                conf = 0.8
            elif an.cap_isolated.get(low, 0) > 1 or an.cap_name_last.get(low, 0):
                continue  # capitalised on its own or as a surname elsewhere: a name or house style
            elif nxt is not None and nxt.text == "of":
                continue  # a title: "Chair of the committee"
            elif low in _NAME_LIKE_WORDS:
                continue  # "according to Hope", "Miss", "Won": names that are also words
            elif _grammatical_word(low, prev.text.casefold()):
                conf = 0.6  # "declined to Say", "most Widely produced": not a name's shape
                why = "a verb or adverb"
            elif lower_uses > 0 and frequency(low) >= 1_000_000:
                if prev.text.casefold() in DETERMINERS and an.cap_in_name.get(low, 0):
                    continue  # "the Commission" after "European Commission": a short form
                conf = 0.5 if an.cap_in_name.get(low, 0) else 0.6
            else:
                continue
            if low in CLOSED_CLASS:
                why = "a function word"
            elif lower_uses:
                why = f"written '{low}' elsewhere in the text"
            yield self.finding(
                doc,
                w.start,
                w.end,
                f"common word '{w.text}' capitalised mid-sentence ({why})",
                [(w.text.lower(), False)],
                confidence=conf,
            )


def _old_g004(self, doc, config):
    text = doc.text
    an = _old_analyse(doc)
    imperative_paras: dict[int, int] = {}
    for info in an.sentences:
        s = info.sent
        ws = info.words
        if not ws or info.headline:
            continue
        body = s.text.rstrip(_CLOSE_TRAIL)
        # (a) a dangling function word before the full stop
        last = ws[-1]
        if body.endswith(".") and not body.endswith(("..", "\u2026")) and last.end == s.start + len(body) - 1:
            low = last.text
            if low in DANGLING_END and len(ws) > 2 and not (last.start > 0 and text[last.start - 1] == "."):
                yield self.finding(
                    doc,
                    last.start,
                    last.end + 1,
                    f"sentence ends on '{low}': the clause is cut off",
                    [],
                    confidence=0.5 if low == "because" else 0.75,  # "just because." is colloquial
                )
                continue
        # (b) a subjectless clause split from the sentence before
        if info.para_len < 2 or info.index_in_para == 0 or info.in_quote or info.list_item:
            continue
        if len(ws) < 3 or not body.endswith(".") or s.text[:1] in "\"'\u201c\u2018(":
            continue
        first, second = ws[0], ws[1]
        if not is_titlecase(first.text) or first.start != s.start:
            continue
        if first.text.casefold() not in VERB_BASES:
            continue
        if text[first.end : second.start].strip():
            continue
        if second.text.casefold() not in PREPOSITIONS and second.text.casefold() not in ARTICLES_AND_POSSESSIVES:
            continue
        if _has_verb(ws[1:]):
            continue
        if any(ch in s.text for ch in "\u201c\u201d\""):
            continue
        if imperative_paras.setdefault(s.paragraph, _imperatives(an, info)) >= 2:
            continue  # instructions or a recipe: "Add the flour. Stir for a minute."
        yield self.finding(
            doc,
            s.start,
            s.end,
            f"clause without a subject or verb split off the sentence before: '{s.text}'",
            [],
            confidence=0.6,
        )


def _old_g005(self, doc, config):
    an = _old_analyse(doc)
    by_para: dict[int, list] = {}
    for info in an.sentences:
        by_para.setdefault(info.sent.paragraph, []).append(info)
    for pi, infos in by_para.items():
        para = doc.paragraphs[pi]
        # an opening quotation mark alone at the end of the paragraph
        m = _LONE_OPEN_QUOTE.search(para.text)
        if m is not None and (not para.text.endswith('"') or para.text.count('"') % 2 == 1):
            yield self.finding(
                doc,
                para.start + m.start(),
                para.end,
                "unfinished quotation: the paragraph ends on an opening quotation mark",
                [("", False)],
                confidence=0.8,
            )
            continue
        if len(infos) < 2 or infos[0].headline:
            continue
        last, prev = infos[-1], infos[-2]
        if TERMINAL.search(last.sent.text) or not last.words:
            continue
        if not TERMINAL.search(prev.sent.text):
            continue
        if len(last.words) > 4 or last.list_item or _has_verb(last.words):
            continue  # a sentence that only lacks its full stop is a punctuation matter
        if any(ch.isdigit() for ch in last.sent.text):
            continue  # "Photo: 2024", scores, dates
        if len(infos) == 2 and _HEADING_LABEL.match(prev.sent.text) and "\n" not in para.text.strip():
            continue  # a numbered heading: "Section 4. Responsible officer", "2. Methods"
        if last.sent.text[:1] in "([#*>|\u2014\u2013-" or not any(w.text.islower() for w in last.words):
            continue  # a credit, a sign-off or a note: "(Reuters)", "\u2014 Jane Doe"
        yield self.finding(
            doc,
            last.sent.start,
            last.sent.end,
            f"orphan words after the paragraph's last sentence: '{last.sent.text}'",
            [("", False)],
            confidence=0.6,
        )


_G_MORE = (
    "Had has Is is Was which Which the. of. Add Stir Push for the a an their because. Work is under way. \u201c "
    "Yes. No. Call. Harbour. harbour old Mostly. 2. Section 4. (Reuters) He refused. The plans."
).split(" ")


def _g_rule_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 200)):
        out.append(rng.choice(_G_WORDS + _G_MORE))
        out.append(rng.choice(_G_SEPS))
    return "".join(out)


@pytest.mark.parametrize("seed", range(250))
def test_g_rules_same_as_before_the_reordering(seed):
    text = _g_rule_text(random.Random(seed))
    cfg = Config()
    from garblint.rules._sentences import analyse
    from garblint.rules.garble import _instructional, defined_terms

    for code, old in (("G002", _old_g002), ("G004", _old_g004), ("G005", _old_g005)):
        rule = get_rule(code)()
        want = list(old(rule, Document(text), cfg))
        # Since issue 19, defined terms (G002) and split-off imperatives in a document written as
        # instructions (G004) are left alone; the oracles predate that.
        if code == "G002":
            defined = defined_terms(analyse(Document(text)))
            want = [f for f in want if f.text.casefold() not in defined]
        if code == "G004" and _instructional(analyse(Document(text))):
            want = [f for f in want if not f.message.startswith("clause without a subject")]
        assert list(rule.check(Document(text), cfg)) == want, code


def test_character_classes_the_fast_paths_rely_on():
    """``\\s`` is ``str.isspace`` (so ``split()`` may replace ``\\s+`` substitutions), ``[\\W_]`` is
    "not ``str.isalnum``", and on ASCII ``[^\\W_]`` is ``[A-Za-z0-9]``: over every code point."""
    space, not_alnum = re.compile(r"\s"), re.compile(r"[\W_]")
    for cp in range(0x110000):
        c = chr(cp)
        assert (space.match(c) is not None) == c.isspace(), hex(cp)
        assert (not_alnum.match(c) is not None) == (not c.isalnum()), hex(cp)
        if cp < 128:
            assert (not_alnum.match(c) is None) == bool(re.match(r"[A-Za-z0-9]", c)), hex(cp)
    # B001's _legit: what IGNORECASE takes for c, o, n, t or r lower-cases to that letter
    folds = {x: re.compile(x, re.I) for x in "contr"}
    for cp in range(0x110000):
        c = chr(cp)
        for x, pat in folds.items():
            if pat.fullmatch(c):
                assert c.lower() == x, hex(cp)
