"""The per-process table of lexicon word facts (rules/_lexfacts.py over lint/judged.py WordFacts)
against the tests it keeps, asked of every word of every document; a document's facts must not
depend on the documents met before it (in any order, with the table emptied now and then);
the rules that read the facts (O001's kinds, O004's odd words, U001's run openers, S004's
variety words, S003's candidates) pick what their passes over every distinct word picked.
"""

from __future__ import annotations

import random
from itertools import filterfalse

import pytest

from garblint.lint import lexicon
from garblint.lint.document import Document
from garblint.lint.judged import WordFacts
from garblint.rules import _garbage as G
from garblint.rules import _lexcheck as L
from garblint.rules import _tokenkinds as K
from garblint.rules import _variety as V
from garblint.rules import _lexfacts as F
from garblint.rules import spelling as S
from garblint.rules import untranslated as U

_POOL = (
    "the house of a vote The House Vote THE colour color organise organize centre center theatre science promise "
    "por muito nunca olvidaremos tanta la de école l'école Straße STRASSE hmmmm brrrrr Zzzzz xkcdfghj rhythms "
    "well-known don't Don't h0use 1st 42 x1 co-op rnodern Rnodern ngubane Ngubane smithe Smithe teh recieve "
    "Mlorley iPhone eBayx O'Brien ǅemal ſhip analyse realised"
).split()


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [
            rng.choice(_POOL) if rng.random() < 0.8 else "".join(rng.choice("abcdeilmnorstu") for _ in range(rng.randrange(2, 9)))
            for _ in range(rng.randrange(1, 40))
        ]
        gaps = [rng.choice([" ", " ", " ", ", ", ". ", "\n"]) for _ in words]
        out.append("".join(w + g for w, g in zip(words, gaps)).strip() + ".")
    return out


def _facts_of(w: str) -> int:
    """The facts of one word, each test asked afresh (no kept answers)."""
    b = K._token_kind.__wrapped__(w)
    if G._odd_word.__wrapped__(w):
        b |= F.ODD
    if U._latin_word_state.__wrapped__(w) is False:
        b |= F.OPENER
    if V.variety_candidate.__wrapped__(w):
        b |= F.VARIETY
    if b & F.KIND == K._PLAIN and L.inert_plain(w):  # (tested below: no finding changes)
        b |= F.INERT
    if b & F.KIND == K._COMPOUND and K.inert_compound(w):  # (and for these)
        b |= F.INERT
    return b


def _reference(doc: Document) -> dict[str, int]:
    return {w: b for w in doc.word_counts if (b := _facts_of(w))}


@pytest.mark.parametrize("most", [7, 60, 262144])
def test_a_documents_facts_are_its_words_own_whatever_came_before(most, monkeypatch):
    """Each document's facts (and their order) equal its words' facts asked afresh, with the
    documents met in two different orders through a table emptied when it outgrows ``most``."""
    lexicon.frequencies()  # (the kinds' C-level path is the dict's)
    texts = _texts(most, 150)
    answers = []
    for order in (texts, texts[::-1]):
        monkeypatch.setattr(F, "FACTS", WordFacts(F._facts, most))
        got = {}
        for t in order:
            doc = Document(t)
            facts = F.document_facts(doc)
            ref = _reference(doc)
            assert list(facts.items()) == list(ref.items()), t
            got[t] = facts
        answers.append(got)
    assert answers[0] == answers[1]
    assert all(
        any(b & bit for g in answers[0].values() for b in g.values()) for bit in (F.ODD, F.OPENER, F.VARIETY, K._PLAIN, K._COMPOUND, K._DIGITS)
    )


def test_facts_of_words_with_every_variety_ending(monkeypatch):
    """The run-opener and variety bits of words made with each spelling-pair ending (with a
    hyphen, an apostrophe or a digit in them too, at lengths about five, listed or not) are
    those the word-by-word tests give."""
    rng = random.Random(5)
    stems = ["", "x", "ab", "col", "real", "organ", "theat", "l'", "re-", "x2", "Col", "neighb", "tumb"]
    words = sorted({s + e for s in stems for e in V._ENDINGS} | {e for e in V._ENDINGS})
    words += ["".join(rng.choice("aeilnorstuz'-") for _ in range(rng.randrange(1, 9))) for _ in range(400)]
    words = list(dict.fromkeys(words))
    got = F._facts(words)
    for w, b in zip(words, got):
        assert bool(b & F.VARIETY) == bool(V.variety_candidate.__wrapped__(w)), w
        assert bool(b & F.OPENER) == (U._latin_word_state.__wrapped__(w) is False), w
    assert any(b & F.VARIETY for b in got) and any(b & F.OPENER for b in got)


@pytest.mark.parametrize("mapped", [False, True])
def test_few_new_words_asked_in_turn_same_as_the_maps(mapped, monkeypatch):
    """``_facts`` of a few words (``FEW`` or fewer: each word's tests in turn) equals the tests
    asked afresh and the C-level maps' answer for the same words, with the lexicon's counts
    as the dict or as the mapped copy (``kinds_of_new`` then asks ``_token_kind`` of all)."""
    lexicon.frequencies()
    if mapped:
        counts = lexicon._mapped_counts()
        if counts is None:
            pytest.skip("no data cache folder: no mapped copy")
        monkeypatch.setattr(lexicon, "counts", lambda: counts)
    rng = random.Random(7)
    words = list(dict.fromkeys(_POOL + [s + e for s in ("", "x", "col", "Col", "l'", "re-") for e in V._ENDINGS]))
    words += ["".join(rng.choice("aeilnorstuzSK'-1") for _ in range(rng.randrange(1, 9))) for _ in range(300)]
    rng.shuffle(words)
    at = 0
    while at < len(words):
        k = rng.randrange(0, F.FEW + 1)
        chunk = words[at : at + k]
        at += k
        got = F._facts(chunk)
        assert got == F._word_facts(chunk) == F._facts_by_maps(chunk) == [_facts_of(w) for w in chunk], chunk


def _name_candidates_old(doc: Document) -> list[str]:
    """S003's candidates as its pass over every distinct word picked them."""
    uses = doc.word_counts
    freqs = lexicon.counts_for(len(doc.words))
    return [
        w
        for w in filter(str.islower, filterfalse(lexicon.member_test(freqs), uses))
        if uses[w] == 1 and len(w) >= 3 and w.isalpha() and uses.get(w[0].upper() + w[1:], 0) >= 2
    ]


def test_readers_of_the_facts_pick_what_their_passes_picked(monkeypatch):
    monkeypatch.setattr(F, "FACTS", WordFacts(F._facts, 50))
    picked = [0, 0, 0, 0]
    rng = random.Random(3)
    for t in _texts(3, 300):
        if rng.random() < 0.4:  # (S003's names: capitalised twice, once in lower case perhaps)
            t += " Later Ngubane met Smithe. Then Smithe and Ngubane left, EBayx and EBayx."
        doc = Document(t)
        words = doc.word_counts
        assert S._name_candidates(doc) == _name_candidates_old(doc), t
        assert V.variety_words(doc) == set(filter(V.variety_candidate, words)), t
        assert U._opens_a_run(doc) == (False in map(U._latin_word_state, words)), t
        odd = {w for w, b in F.document_facts(doc).items() if b & F.ODD}
        assert odd == set(filter(G._odd_word, words)), t
        hints = [(m.span(), m.groups()) for m in G.garbage_hints(t, doc.words, doc.word_texts, odd=odd)]
        assert hints == [(m.span(), m.groups()) for m in G._GARBAGE_HINT.finditer(t)], t
        kinds = {w: b & F.KIND for w, b in F.document_facts(doc).items() if b & F.KIND}
        assert kinds == {w: k for w in words if (k := K._token_kind(w))}, t
        picked = [a + bool(b) for a, b in zip(picked, (S._name_candidates(doc), V.variety_words(doc), U._opens_a_run(doc), odd))]
    assert min(picked) >= 10, picked


_PROSE = (
    "the and house report vote court Futhermore Peolple Smith Johnson Morley Mlorley Altbough Thoes Tbe Tho "
    "Moſt ſhip USA McDonald Ngubane Kang-hoon colour Rnodern rnodern teh recieve definately jolliest goin "
    "Hmmmm brrrrr Xx Ab Kowalski Nakamura Abcdefghijklmnopqrstuvwxyzabcdefghij abcdefghijklmnopqrstuvwxyzabcdefghij pessoal itulah"
).split()


def _prose(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(3, 12)):
        words = [rng.choice(_PROSE) for _ in range(rng.randrange(1, 9))]
        out.append(" ".join(words) + rng.choice([". ", "! ", ", ", ".\n\n", " "]))
    return "".join(out).strip()


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_skipping_inert_tokens_changes_no_finding(mode, monkeypatch):
    """The token loop's skip of _PLAIN words ``_lexcheck.inert_plain`` says yes to, and of the
    document's words not in lower case it writes twice or more (outside OCR mode), finds what
    the loop over every such token finds: sentence-initial and inner capitalised words, rare
    words and slips, long s, mixed case, short and over-long words."""
    from garblint.lint.config import Config

    config = Config({"mode": mode})
    rng = random.Random(11 if mode == "ocr" else 12)
    texts = [_prose(rng) for _ in range(400)]

    def findings() -> list:
        return [
            [(i.code, i.start, i.end, i.message, i.suggestions, i.confidence) for v in L._Analysis(Document(t), config).run().values() for i in v]
            for t in texts
        ]

    skipping = findings()
    monkeypatch.setattr(L, "INERT", 0)  # (every _PLAIN token through _plain_token)
    assert findings() == skipping
    assert sum(map(len, skipping)) > 200
    inert = {w for w in _PROSE if F.document_facts(Document(w)).get(w, 0) & F.INERT}
    assert {"Tbe", "USA", "Xx", "Hmmmm", "Kowalski"} <= inert and not inert & {"Moſt", "Futhermore", "Ngubane", "teh"}


_COMPOUNDS = (
    "well-known Well-known Kang-hoon 486-508 1990s-era mid-1990s co-op x-ray e-mail re-elect state-of-the-art "
    "teh-house house-teh recieve-based anti-recieve Anti-recieve self-teh high\u2010quality high\u2011recieve "
    "bank's banks' recieve's Recieve's teh's tehs'x dont's don't isn't goin' 'tis O'Brien l'école d'être "
    "hous\u2019s recieve\u2019s recieve\u02bcs rnodern-day rnodern's definately-not thier-own Thier-own "
    "pessoal-itulah Futhermore-based word-abcdefghijklmnopqrstuvwxyzabcdefghij abcdefghijklmnopqrstuvwxyzabcdefghij-word "
    "ſhip-yard moſt's Tbe-house tbe-house colour-blind color's organise-d h0use-boat x1-x2 -- a-b ab-cd abc-def house-tehx"
).split()


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_skipping_inert_compounds_changes_no_finding(mode, monkeypatch):
    """The token loop's skip of _COMPOUND words ``_tokenkinds.inert_compound`` says yes to
    (outside OCR mode) finds what the loop over every such token finds: hyphenated and
    apostrophised words with known, misspelt, capitalised, short and over-long parts, numbers."""
    from garblint.lint.config import Config

    config = Config({"mode": mode})
    rng = random.Random(21 if mode == "ocr" else 22)
    pool = _COMPOUNDS + _PROSE
    texts = []
    for _ in range(400):
        out = []
        for _ in range(rng.randrange(3, 12)):
            words = [rng.choice(pool) if rng.random() < 0.6 else rng.choice(_COMPOUNDS) for _ in range(rng.randrange(1, 9))]
            out.append(" ".join(words) + rng.choice([". ", "! ", ", ", ".\n\n", " "]))
        texts.append("".join(out).strip())
    texts.append(" ".join(_COMPOUNDS) + ".")

    def findings() -> list:
        monkeypatch.setattr(F, "FACTS", WordFacts(F._facts))  # (asked afresh)
        return [
            [(i.code, i.start, i.end, i.message, i.suggestions, i.confidence) for v in L._Analysis(Document(t), config).run().values() for i in v]
            for t in texts
        ]

    skipping = findings()
    monkeypatch.setattr(K, "inert_compound", lambda w: False)  # (every _COMPOUND token through _compound_token)
    monkeypatch.setattr(F, "inert_compound", lambda w: False)
    assert findings() == skipping
    assert sum(map(len, skipping)) > 200
    monkeypatch.undo()
    inert = {w for w in _COMPOUNDS if K.inert_compound(w)}
    assert {"well-known", "Kang-hoon", "486-508", "bank's", "O'Brien", "abc-def"} <= inert
    # (a curated word the counts lack, a capitalised part, a word with neither mark)
    assert all(map(K.inert_compound, ["ransomware-based", "house-Tehx", "abc\u00bd"]))
    assert not inert & {"house-tehx", "recieve-based", "recieve's", "hous\u2019s", "thier-own", "high\u2011recieve"}


def _other_variety_old(rule, doc, config):
    """S004's check as it was: every marked word found first, then split by variety."""
    from itertools import compress

    want = config["spelling"]
    words = doc.words
    marked = {w: v for w in V.variety_words(doc) if (v := V.variety_of(w)) is not None}
    if not marked:
        return []
    found = [(words[i], *marked[words[i].text]) for i in compress(range(len(words)), map(marked.__contains__, doc.word_texts))]
    if want in ("en-US", "en-GB"):
        other = "GB" if want == "en-US" else "US"
        flagged = [f for f in found if f[1] == other]
    else:
        us = [f for f in found if f[1] == "US"]
        gb = [f for f in found if f[1] == "GB"]
        if not us or not gb or len(us) == len(gb):
            return []
        flagged = gb if len(gb) < len(us) else us
    return [(t.start, t.end, other) for t, _, other in flagged]


@pytest.mark.parametrize("seed", range(6))
def test_other_variety_same_as_finding_every_marked_word(seed):
    """S004 counts each variety's uses from the words' counts and looks for where the flagged
    variety's words stand only: the same findings as finding every marked word first."""
    from garblint.lint.config import Config

    rng = random.Random(seed)
    pool = [
        "colour",
        "color",
        "organise",
        "organize",
        "theatre",
        "theater",
        "neighbour",
        "neighbor",
        "travelled",
        "traveled",
        "analyse",
        "analyze",
        "the",
        "report",
        "was",
        "Colour",
        ".",
        ",",
        "\n\n",
    ]
    rule = S.OtherVariety()
    seen = set()
    for _ in range(60):
        text = " ".join(rng.choice(pool) for _ in range(rng.randrange(0, 40)))
        for spelling in ("any", "en-US", "en-GB"):
            config = Config({"spelling": spelling})
            doc = Document(text)
            got = [(f.start, f.end, f.suggestions[0].replacement) for f in rule.check(doc, config)]
            want = _other_variety_old(rule, Document(text), config)
            assert got == want, (text, spelling)
            seen.add(bool(want))
    assert seen == {True, False}


def _inert_compound_old(w: str) -> bool:
    """``_tokenkinds.inert_compound`` before its cheap tests were asked first (session 28)."""
    if len(w) > 4 * K.MAX_WORD:
        return True
    w = w.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2010", "-").replace("\u2011", "-")
    low = w.lower()
    if low in lexicon.counts() or (w.islower() and K.accepted_form(low)):
        return True
    if "-" not in w:
        if not (w[:1].islower() and "'" in w):
            return True
        stem = low.split("'", 1)[0]
        return K.accepted_form(low) or K._inert_part(w[: len(stem)])
    return w[0].isupper() or all(K._inert_part(p) for p in w.split("-") if len(p) >= 4 and p.isalpha())


def test_inert_compound_as_before():
    # words joined by hyphens and apostrophes of every kind: known, misspelt, curated-only,
    # capitalised, short, over-long and accented parts, regular forms, contractions, "sha'n't"
    rng = random.Random(23)
    parts = (
        "house teh recieve well known Kang hoon 486 508 1990s mid co op x ray e mail re elect state of the art self anti Anti "
        "bank banks dont don isn goin tis O Brien l école d être hous thier Thier rnodern organise organised unregister "
        "ransomware based Tehx sha n t ca ſhip moſt Tbe colour color h0use x1 a ab abc abcdefghijklmnopqrstuvwxyz zzzz hmmmm"
    ).split()
    marks = ("-", "'", "\u2019", "\u02bc", "\u2010", "\u2011")
    words = list(_COMPOUNDS) + ["sha'n't", "ca'n't", "wo'n't", "goin'", "'tis", "-", "'", "a-", "-a", "x" * 200 + "-y"]
    for _ in range(3000):
        w = rng.choice(parts)
        for _ in range(rng.randrange(1, 4)):
            w += rng.choice(marks) + rng.choice(parts)
        if rng.random() < 0.1:
            w += rng.choice(("s", "'s", "'", "ed", "ing"))
        words.append(w.upper() if rng.random() < 0.05 else w)
    assert [K.inert_compound(w) for w in words] == [_inert_compound_old(w) for w in words]
    assert sum(map(K.inert_compound, words)) > 500 and not all(map(K.inert_compound, words))
