"""A frozen copy of the names analysis' mention extraction as it was at 1967ea2 (before session
20's speed work): tests/rules/test_names_fast.py compares the fast paths with it on generated
texts. Not a test module (no ``test_`` prefix); the helpers that did not change are imported."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress
from operator import itemgetter
from typing import Any

from garblint.lint.document import paragraph_key
from garblint.rules._mentions import (
    _BRIDGES,
    _INFO,
    _OPENS,
    _ORG_OR_TITLE,
    _FACTS_MAX,
    DEFAULT_NAME_WORDS,
    Mention,
    NameWords,
    _add_facts,
    _is_acronym,
    _is_cap,
    _is_demonym_like,
    _NOUNISH,
    _quoted_title_spans,
    _title_like,
)
from garblint.rules._namewords import (
    _APOS,
    _GAP_DOT,
    _GAP_SPACE,
    _LOWER_PART,
    _OPENING,
    _POSSESSIVE,
    _QUOTE_PAIRS,
    ABBREVIATIONS,
    DETERMINERS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_WORDS,
    _strip_possessive,
    _word_frequency,
    fold,
    given_names,
    is_common_word,
    is_given_name,
    surnames,
)
from garblint.lint.lazyre import lazy_re

_OPEN_CHAR = lazy_re('[:\u201c"]')


def low_form(tok: str) -> str | None:
    """A token's lower-case form when it is written in lower case, else None (what the
    per-token table ``_LOW`` held, before session 30 dropped it: nothing asked it of a token)."""
    t = _strip_possessive(tok)
    return t.casefold() if t[:1].islower() and not _LOWER_PART.match(t) else None


def cap_form(tok: str) -> str | None:
    """A token's folded form when it is capitalised, else None (what ``_CAP`` held)."""
    t = _strip_possessive(tok)
    return fold(t) if t[:1].isupper() else None


_OPENINGS: dict[str, bool] = {}  # the three characters before a word -> _OPENING.search


def _opening(before: str) -> bool:
    """``bool(_OPENING.search(before))``, remembered (the few characters before a word after a
    colon or a quotation mark are nearly always the same few strings)."""
    hit = _OPENINGS.get(before)
    if hit is None:
        if len(_OPENINGS) >= 4096:
            _OPENINGS.clear()
        hit = _OPENINGS[before] = bool(_OPENING.search(before))
    return hit


def extract_mentions(doc, name_words: NameWords = DEFAULT_NAME_WORDS) -> list[Mention]:
    """Name mentions of a document, in text order."""
    text = doc.text
    words = doc.words
    sentences = doc.sentences
    sent_starts = list(map(itemgetter(0), sentences))
    paras = doc.paragraphs
    # duplicated paragraphs count once as evidence
    seen_para: dict[str, int] = {}
    para_dup = [False] * len(paras)
    para_rep = [False] * len(paras)
    for i, p in enumerate(paras if len(paras) > 1 else ()):  # (one paragraph repeats none)
        key = " ".join(p.text.split())
        if key in seen_para and len(key) > 20:
            para_dup[i] = True
            para_rep[i] = True
            para_rep[seen_para[key]] = True
        else:
            seen_para.setdefault(key, i)
    window = doc.window
    if window is not None and (window.earlier or window.repeated):
        # one window of a huge file: a paragraph may repeat one of another window
        for i, p in enumerate(paras):
            if len(" ".join(p.text.split())) > 20:
                h = paragraph_key(p.text)
                if h in window.earlier:
                    para_dup[i] = True
                if h in window.repeated:
                    para_rep[i] = True
    # A mention that starts inside a quoted title ("the film “Ada Quell”") is no name. One scan
    # of the whole text finds the quotation pairs a scan of each paragraph finds: a pair holds
    # no line break and begins and ends with a quotation mark, so it never spans two
    # paragraphs or the white space between them (where no pair can begin either); the
    # paragraph of each pair bounds its cue search. The pairs do not overlap, so the one a
    # position may lie in is found by bisection, and whether it is a title is worked out only
    # for a pair a mention starts in (most hold none).
    para_starts = list(map(itemgetter(0), paras))
    pairs = list(_QUOTE_PAIRS.finditer(text))
    inner_starts = [qm.start(qm.lastindex or 0) for qm in pairs]  # one group of three matches
    title_of: dict[int, bool] = {}

    def in_title(pos: int) -> bool:
        i = bisect_right(inner_starts, pos) - 1
        if i < 0:
            return False
        qm = pairs[i]
        if pos >= qm.end(qm.lastindex or 0):
            return False
        hit = title_of.get(i)
        if hit is None:
            pi = bisect_right(para_starts, qm.start()) - 1
            hit = pi >= 0 and qm.end() <= paras[pi].end and bool(_quoted_title_spans(text, paras[pi].start, paras[pi].end, (qm,)))
            title_of[i] = hit
        return hit

    first_word_of_sentence: set[int] = set()
    wstarts = list(map(itemgetter(0), words))
    n = len(words)
    for s_start, s_end, _, _ in sentences:
        k = bisect_left(wstarts, s_start)  # == bisect_right(wstarts, s_start - 1): integers
        if k < n and wstarts[k] < s_end:
            first_word_of_sentence.add(k)
    # a quotation or a colon opening inside a sentence starts a new one too. _OPENING needs
    # one of its opening characters in the three characters before the word, so only the words
    # starting 1..3 characters after such a character are tested (not every word).
    for c in _OPEN_CHAR.finditer(text):
        p = c.start()
        k = bisect_left(wstarts, p + 1)
        while k < n and wstarts[k] <= p + 3:
            ws = wstarts[k]
            if k and ws > 0 and _opening(text[max(0, ws - 3) : ws]):
                first_word_of_sentence.add(k)
            k += 1

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(sent_starts, pos) - 1)

    # how the document itself writes each word: in lower case somewhere, capitalised mid-sentence
    # What a word says is computed once per distinct word (words recur many times), in this
    # tuple: ``cap``, its folded form when capitalised (None otherwise; a lower-case word goes
    # to ``lower`` here); ``opens``, whether it can open a name run (``runner``: a capitalised
    # non-acronym; or a particle such as "von" that may open "von der Aa"); ``alone_dead``: as
    # a one-word run, _emit drops it (a word that is never a name, "May", "Monday");
    # ``initial_dead``: the same at the start of a sentence, where _initial_is_name also
    # refuses STOPWORDS ("The", "It"); ``goes_on``: can a run go on with it (_run_from stops at
    # once at a word that is neither capitalised nor a particle, "of" or "for"); last, the
    # word without "'s", case-folded: a sentence-initial word the document also writes in
    # lower case is refused by _initial_is_name too.
    # Then only the capitalised words (for ``cap_mid``) and the words that can open a run (the
    # main loop) are visited, picked out by C-level map/compress rather than a Python loop
    # over every word: the main loop jumps from one possible opener to the next, since every
    # other word only made it step on.
    texts = doc.word_texts
    distinct = set(texts)
    info = _INFO
    if len(info) + len(distinct) > _FACTS_MAX:
        for d in (_OPENS, _INFO):
            d.clear()
    _add_facts(distinct.difference(info))
    lower = set(map(low_form, distinct))
    lower.discard(None)
    # the capitalised words, except those opening a sentence
    mid = [True] * n
    for k in first_word_of_sentence:
        mid[k] = False
    cap_mid = set(compress(map(cap_form, texts), mid))
    cap_mid.discard(None)
    ctx: dict[str, Any] = {
        "lower": lower,
        "cap_mid": cap_mid,
        "titles": name_words.titles,
        "orgs": name_words.orgs,
        "org_or_title": _ORG_OR_TITLE if name_words is DEFAULT_NAME_WORDS or name_words == DEFAULT_NAME_WORDS else name_words.org_or_title,
    }

    out: list[Mention] = []
    i = 0
    for start in compress(range(n), map(_OPENS.__contains__, texts)):  # (_OPENS a set since session 29)
        if start < i:
            continue  # inside the run just emitted
        i = start
        w = words[i]
        tok = w[2]
        if not info[tok][5]:
            # a run may open with particles: "von der Aa"
            if fold(tok) in PARTICLES and i + 1 < n and _GAP_SPACE.fullmatch(text[w.end : words[i + 1].start] or "x"):
                j = i
                while j < n and fold(words[j].text) in PARTICLES and j - i < 3:
                    j += 1
                if j < n and _is_cap(words[j].text) and not _is_acronym(words[j].text) and j > i:
                    run_end = _run_from(words, text, j, ctx["titles"])
                    _emit(
                        out,
                        words,
                        text,
                        i,
                        run_end,
                        doc,
                        sentence_of,
                        first_word_of_sentence,
                        para_dup,
                        para_rep,
                        in_title,
                        particle_start=True,
                        ctx=ctx,
                    )
                    i = run_end
                    continue
            i += 1
            continue
        run_end = _run_from(words, text, i, ctx["titles"]) if i + 1 < n and info[words[i + 1][2]][4] else i + 1
        if run_end == i + 1 and (
            (info[tok][2] if i not in first_word_of_sentence else info[tok][3] or info[tok][6] in lower)
            # _emit drops a run with no word of two letters or more, one in lower case ("I")
            or not info[tok][7]
        ):
            i = run_end
            continue
        _emit(out, words, text, i, run_end, doc, sentence_of, first_word_of_sentence, para_dup, para_rep, in_title, ctx=ctx)
        i = max(run_end, i + 1)
    return out


def _run_from(words, text: str, i: int, titles: frozenset[str] = TITLE_WORDS) -> int:
    """Index just past the run of name-like tokens that starts at ``i`` (the facts of every
    token of ``words`` are in _INFO: extract_mentions put them there)."""
    n = len(words)
    info = _INFO
    j = i
    while j < n:
        w = words[j]
        tok = w[2]
        facts = info[tok]
        if j > i:
            pw = words[j - 1]
            gap = text[pw[1] : w[0]]
            prev = pw[2]
            prev_f = info[prev][10]  # fold(prev)
            ok_gap = gap == " " or bool(_GAP_SPACE.fullmatch(gap))  # one space: the usual gap
            if not ok_gap and _GAP_DOT.fullmatch(gap):
                ok_gap = (len(prev) == 1 and prev.isupper()) or prev_f in ABBREVIATIONS
            if not ok_gap:
                break
            if len(prev) >= 2 and prev[-1] == "s" and prev[-2] in _APOS:  # _POSSESSIVE.search(prev)
                break
            low = facts[10]
            if low in PARTICLES or low in ("of", "for"):
                # bridge "de la Cruz", "Secretary of State" (only after a title word)
                k = j
                while k < n and info[words[k][2]][10] in _BRIDGES and k - j < 3:
                    k += 1
                if k < n and info[words[k][2]][8] and (low in PARTICLES or prev_f in titles):
                    if low in ("of", "for") and prev_f not in titles:
                        break
                    j = k
                    continue
                break
        if not facts[8] or facts[9] and not (len(tok) <= 2):  # _is_cap, _is_acronym
            break
        if facts[9] and j > i:
            break
        if facts[11] and j > i:  # fold(tok) in NOT_NAMES
            break
        j += 1
        if j - i > 10:
            break
    return j


def _emit(out, words, text, i, j, doc, sentence_of, first_word, para_dup, para_rep, in_title, particle_start=False, ctx=None):
    toks = words[i:j]  # (start, end, text) tuples (Token): a list of its own, changed below
    initial_pos = i in first_word
    # the sentence-initial word: keep it only when it is not an everyday word
    if initial_pos and toks and not particle_start:
        t0 = toks[0][2]
        base = _strip_possessive(t0)
        nxt = words[j].text.casefold() if j < len(words) else ""
        if not _initial_is_name(base, t0, len(toks), nxt, ctx):
            toks = toks[1:]
            initial_pos = False
    info = _INFO  # (the facts of every token of the document)
    # drop lone acronyms and non-names (_INFO's alone_dead: fold in NOT_NAMES or _is_acronym)
    while toks and info[toks[0][2]][2]:
        toks = toks[1:]
    if not toks:
        return
    # split off the title: everything up to the last title word that has a name after it
    cut = 0
    for k, t in enumerate(toks[:-1]):
        f = info[t[2]][10].rstrip(".")
        if _title_like(f, ctx["titles"] if ctx else TITLE_WORDS):
            cut = k + 1
        elif (
            k < len(toks) - 1
            and cut == k
            and _is_demonym_like(t[2])
            and k + 1 < len(toks) - 1
            and info[toks[k + 1][2]][10] in (ctx["titles"] if ctx else TITLE_WORDS)
        ):
            cut = k + 1
    title = tuple(info[t[2]][10].rstrip(".") for t in toks[:cut]) if cut else ()
    name = toks[cut:]
    # trailing particles cannot end a name
    while name and info[name[-1][2]][10] in PARTICLES:
        name = name[:-1]
    if not name:
        return
    last = name[-1]
    possessive = False
    lt = last[2]
    if len(lt) > 2 and lt[-1] == "s" and lt[-2] in _APOS:  # _POSSESSIVE.search: no newline in a token
        possessive = True
        name[-1] = (last[0], last[1] - 2, lt[:-2])
    # (no token is empty: words have a letter or digit, and "'s" is cut from three or more)
    # some token of two or more letters has a lower-case one (the first token nearly always)
    t0 = name[0][2]
    if not (t0[1:2].islower() or any(len(t[2]) > 1 and any(map(str.islower, t[2])) for t in name)):
        return
    start = name[0][0]
    if in_title(start):
        return
    para = doc.paragraph_at(start)
    if para is None:
        para = -1
    m = Mention(
        start,
        name[-1][1],
        name,
        title,
        possessive,
        sentence_of(start),
        para,
        initial_pos and cut == 0,
        para_dup[para] if para >= 0 else False,
        para_rep[para] if para >= 0 else False,
        "bare",
        text[start : name[-1][1]],
    )
    name_words = [t[2] for t in name if fold(t[2]) not in PARTICLES]
    if len(name_words) >= 2:
        if len(name_words) > 5 or fold(name_words[-1]) in (ctx["orgs"] if ctx else ORG_WORDS):
            m.kind = "org"
        elif all(is_common_word(w, 5_000_000) for w in name_words) and not is_given_name(name_words[0]):
            m.kind = "org"
        elif (
            len(name_words[0]) > 1
            and not is_given_name(name_words[0])
            and (
                fold(name_words[0]) in (ctx["org_or_title"] if ctx else _ORG_OR_TITLE)
                or (is_common_word(name_words[0], 5_000_000) and is_common_word(name_words[-1], 50_000))
            )
        ):
            m.kind = "org"
        else:
            m.kind = "full"
    else:
        m.kind = "bare"
        w0 = name_words[0] if name_words else name[0][2]
        if is_common_word(w0):
            before = text[max(0, start - 12) : start].split()
            prev = fold(before[-1]) if before else ""
            nxt = ""
            rest = text[m.end : m.end + 20].split()
            if rest:
                nxt = rest[0].strip('.,;:!?\u201d"').casefold()
            m.word_like = prev in DETERMINERS or not (possessive or nxt in SPEECH_VERBS or title)
    out.append(m)


def _initial_is_name(base: str, tok: str, run_len: int, nxt: str, ctx) -> bool:
    """Is a capitalised word that opens a sentence part of a name?"""
    f = fold(base)
    if f in STOPWORDS or f in NOT_NAMES:
        return False
    if ctx and base.casefold() in ctx["lower"]:
        return False  # the document writes it in lower case: a word
    if f in given_names() or f in (ctx["titles"] if ctx else TITLE_WORDS) or (ctx and f in ctx["cap_mid"]):
        return True
    freq = _word_frequency(base)  # lexicon.frequency(f), cached
    if freq < 50_000:
        return True  # not an English word: a name
    if run_len > 1:
        return freq < 5_000_000 and not _NOUNISH.search(f)
    evidence = bool(_POSSESSIVE.search(tok)) or nxt in SPEECH_VERBS
    return evidence and (freq < 5_000_000 or f in surnames())  # (the census read only if needed)
