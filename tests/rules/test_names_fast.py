"""The names analysis' fast paths (rules/_mentions.py, rules/_entities.py) against the forms
they replaced, on generated texts full of the cases they reason about (quotation marks and
colons before words, white space of every kind, repeated paragraphs, names)."""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest

from garblint.lint.document import Document
from garblint.rules import _mentions as M
from garblint.rules._mentionfacts import _quote_pairs
from tests.rules.names_reference import cap_form, low_form
from garblint.rules._namewords import _OPENED_AFTER, _OPENED_WORD, _OPENING, _QUOTE_PAIR_KINDS, _QUOTE_PAIRS, fold

_OPEN_PIECES = [
    ":",
    "\u201c",
    '"',
    "\u2018",
    "'",
    "\u2019",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2009",
    "\x1c",
    "Ada",
    "Quell",
    "said",
    "x",
    "_",
    "-",
    "9",
    ".",
    ". ",
    "? ",
    "\n\n",
    "é",
    "ǅemal",
    "it's",
    "von",
    "de",
    "al-Nour",
    "the",
    "\u00dcber",
]


def _sentence_firsts(doc):
    """Each sentence's first word (what extract_mentions passes: the first at or after its start)."""
    return [bisect_left(doc.word_starts, s[0]) for s in doc.sentences]


def _old_first_words(text, words, sentences):
    """The loops ``_first_words`` replaced."""
    out = set()
    wstarts = [w[0] for w in words]
    n = len(words)
    for s_start, s_end, _, _ in sentences:
        k = bisect_left(wstarts, s_start)
        if k < n and wstarts[k] < s_end:
            out.add(k)
    for p, ch in enumerate(text):
        if ch not in ':\u201c"':
            continue
        k = bisect_left(wstarts, p + 1)
        while k < n and wstarts[k] <= p + 3:
            ws = wstarts[k]
            if k and ws > 0 and _OPENING.search(text[max(0, ws - 3) : ws]):
                out.add(k)
            k += 1
    return out


@pytest.mark.parametrize("seed", range(300))
def test_first_words_same_as_the_loops(seed):
    # every sentence's first word, and every opened word the loops found that may open a name
    # run or has a capitalised form (_first_words leaves out the others: nothing asks about
    # them)
    rng = random.Random(seed)
    text = "".join(rng.choice(_OPEN_PIECES) for _ in range(rng.randrange(0, 60)))
    doc = Document(text)
    texts = doc.word_texts
    for t in texts:
        M._word_facts(t)
    got = M._first_words(text, doc.word_starts, _sentence_firsts(doc))
    old = _old_first_words(text, doc.words, doc.sentences)
    assert got <= old, text
    assert all(texts[k] not in M._OPENS and cap_form(texts[k]) is None for k in old - got), text
    firsts = _old_first_words(" " * len(text), doc.words, doc.sentences)  # (no mark: no opened word)
    assert firsts <= got, text


@pytest.mark.parametrize("text", [": Ada", "\u201cAda", ":de", "x: Ada", "x: de", "x: now"])
def test_first_words_of_one_or_two_words(text):
    doc = Document(text)
    for t in doc.word_texts:
        M._word_facts(t)
    got = M._first_words(text, doc.word_starts, _sentence_firsts(doc))
    old = _old_first_words(text, doc.words, doc.sentences)
    assert got == (old - {1} if text.endswith("now") else old), text


@pytest.mark.parametrize("seed", range(200))
def test_one_kind_of_pair_and_opened_words_same_as_the_alternations(seed):
    # a text that quotes with one kind of mark has the pairs that kind's pattern finds alone;
    # the words a colon or a quotation mark opens are where the three one-character patterns'
    # matches end (marks of every kind, closing ones too, next to each other and to words)
    rng = random.Random(seed)
    marks = rng.sample([":", "\u201c", '"', "\u2018"], rng.randrange(1, 5))
    pieces = [p for p in _OPEN_PIECES if p not in (":", "\u201c", '"', "\u2018")] + marks * 3 + ["\u201d", "\u2019", "Quell said", "the film"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
    kinds = [pair for c, pair in _QUOTE_PAIR_KINDS if c in text]
    if len(kinds) == 1:
        got = [(m.span(), m.span(m.lastindex)) for m in kinds[0].finditer(text)]
        assert got == [(m.span(), m.span(m.lastindex)) for m in _QUOTE_PAIRS.finditer(text)], text
    ends = {m.end() for _, opened_after in _OPENED_AFTER for m in opened_after.finditer(text)}
    assert ends == {m.end() for m in _OPENED_WORD.finditer(text)}, text


_PAIR_PIECES = ["\u201c", "\u201d", '"', "\u2018", "\u2019", "\u2019s", "'", " ", "\n", "Ada", "the film", "x", "\u2019t", ". ", ":"]


def _pairs_of_alternation(text):
    return [(m.span(), m.span(m.lastindex)) for m in _QUOTE_PAIRS.finditer(text)]


def _pairs_got(text):
    starts, ends = _quote_pairs(text)
    at = [_QUOTE_PAIRS.match(text, s) for s in starts]  # (what extract_mentions' in_title reads)
    assert [m.end() for m in at] == ends, text
    return [(m.span(), m.span(m.lastindex)) for m in at]


@pytest.mark.parametrize("seed", range(400))
def test_quote_pairs_same_as_the_alternation(seed):
    # marks of every kind, opening and closing, inside one another's pairs (the kinds' pairs
    # then overlap: that line is searched again), over several lines, some over 200 characters
    rng = random.Random(seed)
    pieces = _PAIR_PIECES + rng.sample(_PAIR_PIECES, 5) + (["x" * 90] if seed % 5 == 0 else [])
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
    assert _pairs_got(text) == _pairs_of_alternation(text), text


@pytest.mark.parametrize(
    "text",
    [
        'He said \u201cthe "Ada" film\u201d and "x" \u2018Ada\u2019\nthen \u201cx "y\u201d z" and \u2018a "b\u2019 c"\n\u201cAda\u201d',
        '"a \u201cb" c\u201d "d\u201c" \u201ce\u201d\n\n\u2018x \u201cy\u2019 z\u201d\u2018q\u2019s\u2019',
    ],
)
def test_quote_pairs_of_overlapping_kinds_same_as_the_alternation(text):
    kinds = [pair for c, pair in _QUOTE_PAIR_KINDS if c in text]
    each = sorted(m.span() for pair in kinds for m in pair.finditer(text))
    assert any(a[1] > b[0] for a, b in zip(each, each[1:])), text  # (the kinds' pairs overlap here)
    assert _pairs_got(text) == _pairs_of_alternation(text), text


# ------------------------------------------------------------------ mentions, whole
from tests.rules.names_reference import extract_mentions as _old_extract  # noqa: E402

_NAME_PIECES = [
    "Ada",
    "Quell",
    "Quell's",
    "Quell\u2019s",
    "Mira",
    "Castel",
    "Castell",
    "von",
    "der",
    "Aa",
    "de",
    "la",
    "Cruz",
    "al-Nour",
    "Al-Nour",
    "Minister",
    "Defense",
    "Health",
    "President",
    "Vice",
    "Mr.",
    "Dr.",
    "Maj.",
    "Gen.",
    "J.",
    "R.",
    "Mott",
    "Jr.",
    "Inc",
    "University",
    "of",
    "for",
    "State",
    "Secretary",
    "The",
    "It",
    "May",
    "Monday",
    "NATO",
    "US",
    "I",
    "A",
    "Farmers",
    "Bank",
    "China-style",
    "Chinese",
    "said",
    "told",
    "the",
    "plan",
    "a",
    "quell",
    "may",
    "film",
    "titled",
    "Paris",
    "Li-Yen",
    "Hsia",
    "Liyan",
    "McDonald",
    "O'Brien",
    "\u00c9mile",
    "Zola",
    "Ng",
    "2024",
]
_NAME_GAPS = [" ", " ", " ", " ", ", ", ". ", ": ", " \u201c", "\u201d ", ' "', '" ', "\n", "\n\n", "  ", "; ", "? ", " (", ") ", "'s ", " - "]


def _mention_fields(m):
    return (
        m.start,
        m.end,
        [tuple(t) for t in m.tokens],
        m.title,
        m.possessive,
        m.sentence,
        m.paragraph,
        m.sentence_initial,
        m.duplicate,
        m.repeated,
        m.kind,
        m.raw,
        m.entity,
        m.word_like,
        m.text,
        m.surname,
        m.surname_index,
        m.surname_end,
        m.first,
    )


def _name_text(rng, n):
    parts = []
    for _ in range(n):
        parts.append(rng.choice(_NAME_PIECES))
        parts.append(rng.choice(_NAME_GAPS))
    text = "".join(parts)
    if rng.random() < 0.3:  # a paragraph pasted twice
        paras = text.split("\n\n")
        text = "\n\n".join(paras + [rng.choice(paras)])
    return text


def _as_constructed(m):
    """The mention ``Mention(...)`` makes of ``m``'s fields, with its ``_surname_cache`` set
    after, as _mentions_of_runs once made them: the same attributes in the same order
    (_mentions_of_runs now sets them on an instance from ``object.__new__``)."""
    from dataclasses import fields

    n = M.Mention(**{f.name: getattr(m, f.name) for f in fields(M.Mention)})
    n._surname_cache = m._surname_cache
    return n


@pytest.mark.parametrize("seed", range(300))
def test_extract_mentions_same_as_before(seed):
    rng = random.Random(seed)
    text = _name_text(rng, rng.randrange(0, 80))
    got = M.extract_mentions(Document(text))
    new = [_mention_fields(m) for m in got]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text
    for m in got:
        built = _as_constructed(m)
        assert list(vars(m).items()) == list(vars(built).items()), text
        assert m == built and repr(m) == repr(built)


_EVERYDAY_PIECES = [
    "Critics",
    "Board",
    "Bank",
    "Will",
    "Farmers",
    "Union",
    "Quell",
    "the",
    "The",
    "a",
    "this",
    "his",
    "said",
    "Said",
    "SAID",
    "told",
    "says",
    "plan",
    "overwhelmingthe",
    "onthe",
    "x",
    "9",
    "\u00e9the",
    "th\u0065\u0301",
    "\u24d0",
    "\u2122",
    "Ada's",
    "Bank\u2019s",
    "Minister",
    "saidso",
    "toldthem",
]
_EVERYDAY_GAPS = [
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2009",
    ", ",
    ". ",
    "; ",
    ",",
    ".",
    '"',
    ' "',
    '" ',
    "'",
    " '",
    "' ",
    "\u2019 ",
    " \u2019",
    " \u201c",
    "\u201d ",
    "(",
    " (",
    ") ",
    "_",
    " _",
    "-",
    " - ",
    ":",
    "\u24d0 ",
    " \u24d0",
    "\u2122 ",
    "...",
    "x" * 14 + " ",
    " " * 9,
    "\n" + " " * 8,
    " " * 16,
    "\t" * 17,
]


@pytest.mark.parametrize("seed", range(300))
def test_everyday_names_context_same_as_before(seed):
    # an everyday word as a bare name: whether it is used as a word is read off the words
    # next to it where the text's split gives those words as its chunks (_EVERYDAY_CHUNKS):
    # white space of every kind, punctuation, apostrophes, symbols that fold to letters ("ⓐ"
    # to "a"), accents, determiners and verbs of saying glued to punctuation, long words
    # across the 12 and 20 characters read
    rng = random.Random(seed)
    parts = []
    for _ in range(rng.randrange(1, 50)):
        parts.append(rng.choice(_EVERYDAY_PIECES))
        parts.append(rng.choice(_EVERYDAY_GAPS))
    text = "".join(parts)
    new = [_mention_fields(m) for m in M.extract_mentions(Document(text))]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text


@pytest.mark.parametrize("seed", range(80))
def test_extract_mentions_with_one_kind_of_quotation_mark_same_as_before(seed):
    # the quotation-pair scan is skipped for a text with none of the three marks a pair opens
    # with, and _emit is then not asked about titles: texts that quote with one kind of mark
    # only, or none (titles and names inside quotations, colons before them)
    rng = random.Random(seed)
    opening, closing = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("", "")][seed % 4]
    gaps = [g for g in _NAME_GAPS if not set(g) & set('\u201c\u201d"')] + [" " + opening, closing + " ", ": " + opening, closing + ", "]
    parts = []
    for _ in range(rng.randrange(0, 60)):
        parts.append(rng.choice(_NAME_PIECES))
        parts.append(rng.choice(gaps))
    text = "".join(parts)
    new = [_mention_fields(m) for m in M.extract_mentions(Document(text))]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text


@pytest.mark.parametrize("seed", range(200))
def test_extract_mentions_of_repeated_paragraphs_same_as_before(seed):
    # paragraphs pasted again with their white space changed (hard-wrapped, spaces doubled,
    # a tab), or with one letter changed: only paragraphs with as many letters "e" as another
    # are compared now
    rng = random.Random(seed)
    paras = [_name_text(rng, rng.randrange(1, 12)).replace("\n\n", " ") for _ in range(rng.randrange(1, 6))]
    for _ in range(rng.randrange(0, 4)):
        p = rng.choice(paras)
        kind = rng.randrange(4)
        if kind == 0:
            p = p.replace(" ", "\n", 1)
        elif kind == 1:
            p = p.replace(" ", "  ").replace("\t", " ")
        elif kind == 2 and "e" in p:
            p = p.replace("e", "a", 1)
        paras.insert(rng.randrange(len(paras) + 1), "\t" + p if rng.random() < 0.2 else p)
    text = "\n\n".join(paras)
    new = [_mention_fields(m) for m in M.extract_mentions(Document(text))]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text


def _old_repeated_paragraphs(paras):
    """The loop _repeated_paragraphs replaced (keys by split and join)."""
    dup = [False] * (len(paras) + 1)
    rep = [False] * (len(paras) + 1)
    seen: dict[str, int] = {}
    for i, p in enumerate(paras):
        key = " ".join(p.text.split())
        if key in seen and len(key) > 20:
            dup[i] = rep[i] = rep[seen[key]] = True
        else:
            seen.setdefault(key, i)
    return dup, rep


@pytest.mark.parametrize("seed", range(150))
def test_repeated_paragraphs_same_as_the_loop(seed):
    # paragraphs pasted again with their white space changed (line breaks of both kinds, spaces
    # doubled, tabs, a no-break space, a control), short ones, and with one letter changed
    rng = random.Random(seed)
    paras = [
        rng.choice(["Ada Quell said so", "the vote was close", "x"]) + " " + _name_text(rng, rng.randrange(0, 8)).replace("\n\n", " ")
        for _ in range(rng.randrange(1, 6))
    ]
    for _ in range(rng.randrange(0, 6)):
        p = rng.choice(paras)
        kind = rng.randrange(7)
        if kind == 0:
            p = p.replace(" ", "\n", rng.randrange(1, 4))
        elif kind == 1:
            p = p.replace(" ", "\r\n", 1)
        elif kind == 2:
            p = p.replace(" ", rng.choice(["  ", "\t", "\u00a0", " \n", "\x1c"]), 1)
        elif kind == 3 and "e" in p:
            p = p.replace("e", "a", 1)
        elif kind == 4:  # (a rule of marks, no word: paragraphs without words are alike)
            p = rng.choice(["* * * * * * * * * * * *", "*  * * * * * * * * * * *", "- - - - - - - - - - - -"])
        paras.insert(rng.randrange(len(paras) + 1), p)
    doc = Document("\n\n".join(paras))
    assert M._repeated_paragraphs(doc.paragraphs, doc.word_texts, _sentence_firsts(doc), doc.paragraph_sizes) == _old_repeated_paragraphs(
        doc.paragraphs
    ), doc.text


def _old_cap_mid(texts, first_words):
    """The per-word set CapMid answers for (and the set extract_mentions built)."""
    mid = [True] * len(texts)
    for k in first_words:
        mid[k] = False
    out = {cap_form(t) for t, keep in zip(texts, mid) if keep}
    out.discard(None)
    return out


@pytest.mark.parametrize("seed", range(200))
def test_cap_mid_same_as_per_word(seed):
    rng = random.Random(seed)
    pieces = rng.sample(_NAME_PIECES, rng.randrange(1, 12))  # few distinct words, used again and again
    text = "".join(rng.choice(pieces) + rng.choice(_NAME_GAPS) for _ in range(rng.randrange(0, 400)))
    doc = Document(text)
    M._add_facts(set(doc.word_texts).difference(M._INFO))
    first = M._first_words(text, doc.word_starts, _sentence_firsts(doc))
    # (CapMid, asked about every form: long texts have many openings, counted once)
    asked = M.CapMid(doc.word_counts, doc.word_texts, first)
    want = _old_cap_mid(doc.word_texts, first)
    forms = {cap_form(t) for t in doc.word_counts} | {M.fold(t) for t in _NAME_PIECES}
    forms.discard(None)
    for f in sorted(forms):
        assert (f in asked) == (f in want), (f, text)


_CASE_PIECES = [
    "QUELL",
    "quell\u2019s",
    "Quell\u2019s",
    "STRASSE",
    "Stra\u00dfe",
    "strasse",
    "stra\u00dfe",
    "\u01c5emal",
    "\u01c6emal",
    "MAY",
    "Ng's",
]


@pytest.mark.parametrize("seed", range(300))
def test_word_sets_asked_same_as_built(seed):
    # WrittenLower and CapMid (a short text's lower-case and mid-sentence capitalised forms,
    # asked word by word) against the sets they replaced, asked about every form of every
    # word of the text and forms it does not have
    rng = random.Random(seed)
    pieces = rng.sample(_NAME_PIECES + _CASE_PIECES, rng.randrange(1, 30))
    text = "".join(rng.choice(pieces) + rng.choice(_NAME_GAPS) for _ in range(rng.randrange(0, 120)))
    doc = Document(text)
    M._add_facts(set(doc.word_counts).difference(M._INFO))
    first = M._first_words(text, doc.word_starts, _sentence_firsts(doc))
    lower = {low_form(t) for t in doc.word_counts} - {None}
    cap_mid = _old_cap_mid(doc.word_texts, first)
    asked_lower = M.WrittenLower(doc.word_counts)
    asked_cap = M.CapMid(doc.word_counts, doc.word_texts, first)
    forms = {f for t in _NAME_PIECES + _CASE_PIECES for f in (t, t.casefold(), M.fold(t), M.fold(t.rstrip("s").rstrip("'\u2019")))}
    forms.update(f for t in doc.word_counts for f in (low_form(t), cap_form(t), M._INFO[t][6], M._INFO[t][10]))
    forms.discard(None)
    for f in sorted(forms):
        assert (f in asked_lower) == (f in lower), (f, text)
        assert (f in asked_cap) == (f in cap_mid), (f, text)


@pytest.mark.parametrize("seed", range(100))
def test_extract_mentions_of_long_texts_same_as_before(seed):
    # long texts of few distinct words: extract_mentions takes _cap_mid's path for them
    rng = random.Random(seed)
    pieces = rng.sample(_NAME_PIECES, rng.randrange(2, 16))
    text = "".join(rng.choice(pieces) + rng.choice(_NAME_GAPS) for _ in range(rng.randrange(100, 500)))
    doc = Document(text)
    assert len(doc.words) > 4 * len(doc.word_counts)
    new = [_mention_fields(m) for m in M.extract_mentions(doc)]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text


# ------------------------------------------------------------------ entities, whole
from garblint.rules import _entities as E  # noqa: E402
from tests.rules.entities_reference import analyse_entities as _old_analyse  # noqa: E402

_FIRSTS = ["Ada", "Adah", "A.", "Mira", "Myra", "Tomas", "Thomas", "Li-Yen", "Liyan", "Pat", "Patrick", "Joe", "Hunter", "J."]
_SURNAMES = [
    "Quell",
    "Quel",
    "Quelle",
    "Castel",
    "Castell",
    "Breneck",
    "Brenneck",
    "Hsia",
    "Xia",
    "Biden",
    "Tellant",
    "Trant",
    "van Dyke",
    "de la Cruz",
    "Morvane",
    "Zola",
    "Zolà",
    "O'Brien",
    "O\u2019Brien",
    "Paris",
    "Shanxi",
    "Shaanxi",
]
_SAYS = [" said.", " told them.", "'s plan failed.", " met {}.", ", a guard, said.", " and {} spoke.", " (no relation) left."]
_TITLES = ["", "", "", "Health Minister ", "Mr. ", "Dr. ", "Senator "]


def _people_text(rng, n):
    sents = []
    for _ in range(n):
        sur = rng.choice(_SURNAMES)
        who = rng.choice([sur, sur, rng.choice(_FIRSTS) + " " + sur])
        other = rng.choice(_SURNAMES) if rng.random() < 0.5 else rng.choice(_FIRSTS) + " " + rng.choice(_SURNAMES)
        sents.append(rng.choice(_TITLES) + who + rng.choice(_SAYS).format(other))
        if rng.random() < 0.2:
            sents.append("\n\n")
    text = " ".join(sents)
    if rng.random() < 0.3:
        paras = text.split("\n\n")
        text = "\n\n".join(paras + [rng.choice(paras)])
    return text


def _slot(c):
    return None if c is None else (c.canonical, c.certain, c.ranked, list(c.counts.items()), list(c.raw_counts.items()), c.intro, c.source)


def _analysis_fields(an):
    return (
        [_mention_fields(m) for m in an.mentions],
        [
            (e.id, [m.start for m in e.mentions], e.person, e.listed, [m.start for m in e.loose], _slot(e.spelling), _slot(e.first))
            for e in an.entities
        ],
        sorted(an.accepted),
        [(m.start, people) for m, people in an.ambiguous],
    )


@pytest.mark.parametrize("seed", range(200))
def test_entities_same_as_before(seed):
    rng = random.Random(seed)
    text = _people_text(rng, rng.randrange(0, 40)) if seed % 4 else _name_text(rng, rng.randrange(0, 80))
    index = E.NamesIndex(["Ada Quell", "Mira Castell", "Paris"]) if seed % 3 == 0 else None
    new = _analysis_fields(E._analyse(Document(text), index))
    old = _analysis_fields(_old_analyse(Document(text), index))
    assert new == old, text


# people who share a surname, some also named by a close variant of it (one person then, the
# variants merged): which of them a bare surname names depends on who was named last
_SHARED = ["Ada Quell", "Mira Quell", "Mira Quel", "Ada Quel", "Tomas Quelle", "Quell", "Quel", "Quelle", "Quell", "Quel"]
_SHARED_SAYS = [" said.", " left.", " met him.", "'s plan failed.", " and the others spoke."]


@pytest.mark.parametrize("seed", range(80))
def test_entities_of_shared_surnames_same_as_before(seed):
    # (latest_before worked out along the bare mentions: a bare mention given to one person
    # changes whom a later mention of another spelling names)
    rng = random.Random(seed)
    text = " ".join(rng.choice(_SHARED) + rng.choice(_SHARED_SAYS) for _ in range(rng.randrange(2, 30)))
    new = _analysis_fields(E._analyse(Document(text), None))
    old = _analysis_fields(_old_analyse(Document(text), None))
    assert new == old, text


# a person named by two close spellings of a surname (merged into one person), bare damaged
# forms of either introduced nowhere, in sentences that share another person with them (N003)
_LOOSE_FULLS = ["Mira Castellano", "Mira Castelano", "Mira Kastellano", "Ada Quellmann", "Ada Quelmann", "Tomas Arden"]
_LOOSE_BARES = ["Castellanno", "Castelanno", "Kastelano", "Quellmnn", "Quelmanm", "Arden", "Qellmann"]
_LOOSE_SAYS = [" met {}.", " and {} spoke.", "'s plan and {} failed.", " said.", " met Senator {}."]


@pytest.mark.parametrize("seed", range(80))
def test_entities_of_loose_surnames_same_as_before(seed):
    # (the loose step compares a bare name with every distinct surname of a person's full
    # names, read from the mentions' kept surnames, and indexes the people by their initials)
    rng = random.Random(seed)
    sents = []
    for _ in range(rng.randrange(2, 24)):
        who = rng.choice(_LOOSE_FULLS + _LOOSE_BARES)
        sents.append(who + rng.choice(_LOOSE_SAYS).format(rng.choice(["Tomas Arden", "Arden", "Hunter"])))
    text = " ".join(sents)
    new = _analysis_fields(E._analyse(Document(text), None))
    old = _analysis_fields(_old_analyse(Document(text), None))
    assert new == old, text


def _old_group_by_first(ms):
    """The loop ``_group_by_first`` replaced."""
    groups, firsts = [], []
    for m in ms:
        mf = m.first or ""
        for g, fs in zip(groups, firsts):
            if mf in fs or any(E.first_compatible(mf, x) for x in fs):
                g.append(m)
                fs.add(mf)
                break
        else:
            groups.append([m])
            firsts.append({mf})
    return groups


# made-up first names in chains of near spellings and initials ("Quan" ~ "Quen" ~ "Quin")
_CHAIN_FIRSTS = ["Q.", "K.", "Quan", "Quen", "Quin", "Kuan", "Kwan", "Quon", "Qan", "Ada", "Adah", "A.", "Zqan", "Zquen"]


@pytest.mark.parametrize("seed", range(300))
def test_group_by_first_same_as_the_loop(seed):
    from types import SimpleNamespace

    rng = random.Random(seed)
    ms = [SimpleNamespace(first=rng.choice(_CHAIN_FIRSTS)) for _ in range(rng.randrange(0, 30))]
    assert [[id(m) for m in g] for g in E._group_by_first(ms)] == [[id(m) for m in g] for g in _old_group_by_first(ms)]


_FORM_GIVEN = ["Liyan", "Li-Yen", "Wenjun", "Wen-Jun", "Quan", "Kuan", "Thanh", "Minh"]
_FORM_FAMILY = ["Hsia", "Xia", "Pham", "Tran"]
_FORM_SAYS = [" said.", " told reporters.", ", a guard, said.", " arrived.", " met the mayor.", " (no relation) left.", "'s son spoke."]


def _form_text(rng, n):
    """People named in two forms: one family name with other given names, parts swapped."""
    sents = []
    for _ in range(n):
        given, family = rng.choice(_FORM_GIVEN), rng.choice(_FORM_FAMILY)
        name = f"{family} {given}" if rng.random() < 0.3 else f"{given} {family}"
        if rng.random() < 0.2:
            other = f"{rng.choice(_FORM_GIVEN)} {rng.choice(_FORM_FAMILY)}"
            sents.append(f"{rng.choice(_TITLES)}{name} and {other} spoke.")
        else:
            sents.append(rng.choice(_TITLES) + name + rng.choice(_FORM_SAYS))
        if rng.random() < 0.2:
            sents.append("\n\n")
    return " ".join(sents)


@pytest.mark.parametrize("seed", range(150))
def test_form_pairs_same_as_before(seed):
    from garblint.rules._nameforms import form_pairs
    from tests.rules.entities_reference import form_pairs as old_form_pairs

    rng = random.Random(seed)
    doc = Document(_form_text(rng, rng.randrange(0, 30)) if seed % 3 else _people_text(rng, rng.randrange(0, 60)))
    an = E._analyse(doc, None)
    assert [(p.keep.start, p.flag.start, p.kind) for p in form_pairs(doc, an)] == [
        (p.keep.start, p.flag.start, p.kind) for p in old_form_pairs(doc, an)
    ]


def _old_family_context(doc, e):
    """``_nameforms._family_context`` before the paragraphs' words were asked (frozen)."""
    import re

    from garblint.rules._nameforms import _KIN_WORD, _NO_RELATION, _kinship

    paras = doc.paragraphs
    surname = e.fulls[0].surname
    sur = re.escape(surname)
    plural = re.compile(r"\b" + sur + r"(?:s|es)\b|\bMr\.?\s+and\s+Mrs\.?\s+" + sur + r"\b")
    for pi in {m.paragraph for m in e.mentions}:
        if pi >= len(paras):
            continue
        chunk = paras[pi].text
        if bool(_NO_RELATION.search(chunk)) or not _kinship().isdisjoint(_KIN_WORD.findall(chunk.lower())):
            return True
        if plural.search(chunk):
            return True
    return False


_FAMILY_SAYS = _FORM_SAYS + [" and the {}s met.", " met Mr. and Mrs. {}.", " met Mrs. {}.", " saw the {}es.", " was no kin.", " met the {}sons."]


@pytest.mark.parametrize("seed", range(150))
def test_family_context_same_as_before(seed):
    from garblint.rules._nameforms import _family_context

    rng = random.Random(seed)
    sents = []
    for _ in range(rng.randrange(1, 25)):
        given, family = rng.choice(_FORM_GIVEN), rng.choice(_FORM_FAMILY)
        sents.append(f"{given} {family}" + rng.choice(_FAMILY_SAYS).replace("{}", rng.choice(_FORM_FAMILY)))
        if rng.random() < 0.3:
            sents.append("\n\n")
    doc = Document(" ".join(sents))
    an = E._analyse(doc, None)
    people = [e for e in an.entities if e.person and e.fulls]
    assert [_family_context(doc, e, doc.text) for e in people] == [_old_family_context(doc, e) for e in people]


_KEY_PIECES = ["a", "Quell", "é", "\u00ad", "\u200b", "\u200d", "\ufeff", "x.y"] + [chr(c) for c in range(0x3000 + 1) if chr(c).isspace()]


@pytest.mark.parametrize("seed", range(300))
def test_words_key_same_as_split_join(seed):
    rng = random.Random(seed)
    for _ in range(50):
        t = "".join(rng.choice(_KEY_PIECES + [" "] * 8) for _ in range(rng.randrange(0, 12)))
        assert M._words_key(t) == " ".join(t.split()), repr(t)


# ------------------------------------------------------------- spelling clusters
_SPELL_BASES = [
    "Quell",
    "Castell",
    "Osei",
    "Mbeki",
    "Novik",
    "Reyes",
    "Abara",
    "Hsia",
    "Xia",
    "Zolà",
    "O'Brien",
    "Kenya",
    "Karimov",
    "al-Nour",
    "Li",
    "Ng",
]


def _damaged(rng, s):
    """``s`` with a few random edits (the slips cluster_spellings groups, and more)."""
    t = list(s)
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        k = rng.randrange(len(t) + 1)
        op = rng.randrange(4)
        if op == 0:
            t.insert(k, rng.choice("aeiouklnrsé'-"))
        elif op == 1 and k < len(t) and len(t) > 1:
            del t[k]
        elif op == 2 and k < len(t):
            t[k] = rng.choice("aeiouklnrs")
        elif k + 1 < len(t):
            t[k], t[k + 1] = t[k + 1], t[k]
    out = "".join(t)
    return out.upper() if rng.random() < 0.1 else out


@pytest.mark.parametrize("seed", range(100))
def test_cluster_of_two_same_as_the_blocks(seed):
    from garblint.rules import _namesim as S

    rng = random.Random(seed)
    for close in (S.close_spelling, S.close_surname, S.loose_spelling):
        for _ in range(40):
            a = _damaged(rng, rng.choice(_SPELL_BASES))
            b = _damaged(rng, a if rng.random() < 0.6 else rng.choice(_SPELL_BASES))
            assert S.cluster_spellings([a, b], close) == S._cluster_blocks([a, b], close), (a, b, close.__name__)


@pytest.mark.parametrize("seed", range(150))
def test_cluster_of_a_few_same_as_the_blocks(seed):
    # 3-8 spellings pair by pair (_cluster_few, verdicts kept per close function and pair)
    # against the block tables; each list asked twice (the second time from the kept verdicts)
    from garblint.rules import _namesim as S

    rng = random.Random(seed)
    for close in (S.close_spelling, S.close_surname, S.loose_spelling, E._bare_close):
        for _ in range(12):
            spellings = [_damaged(rng, rng.choice(_SPELL_BASES))]
            for _ in range(rng.randrange(2, S._FEW)):
                spellings.append(_damaged(rng, rng.choice(spellings) if rng.random() < 0.6 else rng.choice(_SPELL_BASES)))
            want = S._cluster_blocks(spellings, close)
            assert S.cluster_spellings(spellings, close) == want, (spellings, close.__name__)
            assert S.cluster_spellings(spellings, close) == want, (spellings, close.__name__)


@pytest.mark.parametrize("seed", range(60))
def test_cluster_of_repeated_spellings_same_as_every_copy(seed):
    # _cluster_copies clusters each spelling once: against cluster_spellings of every copy
    # (lists of 2-20 spellings, most repeated, some with no close neighbour)
    from garblint.rules import _namesim as S

    rng = random.Random(seed)
    for close in (S.close_surname, S.close_spelling):
        for _ in range(6):
            pool = [_damaged(rng, rng.choice(_SPELL_BASES)) for _ in range(rng.randrange(1, 6))]
            spellings = [rng.choice(pool) for _ in range(rng.randrange(2, 21))]
            assert E._cluster_copies(spellings, close) == S.cluster_spellings(spellings, close), (spellings, close.__name__)


def _old_collect(analysis):
    """N004's collect loop before it read each mention's surname and first name once."""
    out = {}
    for e in analysis.entities:
        for m in e.mentions:
            key = E.fold(m.surname)
            disp, firsts = out.get(key, (m.surname, []))
            if m.first and E.fold(m.first) not in firsts:
                firsts.append(E.fold(m.first))
            out[key] = (disp, firsts)
    return out


@pytest.mark.parametrize("seed", range(60))
def test_corpus_collect_same_as_before(seed):
    from garblint.lint.config import Config
    from garblint.rules.names import CorpusNameVariant

    rng = random.Random(seed)
    doc = Document(_people_text(rng, rng.randrange(0, 40)) if seed % 4 else _name_text(rng, rng.randrange(0, 80)))
    new = CorpusNameVariant().collect(doc, Config({}))
    old = _old_collect(E.analyse(doc, Config({})))
    assert list(new.items()) == list(old.items())


# ------------------------------------------------------------------ N005: "no relation"
_NO_REL_PIECES = ["no", "No", "NO", "not", "NOT", "nOt", "n", "N", "o", "t", " ", "  ", "\n", "\t", "\u00a0", "relation", "Relation"]
_NO_REL_PIECES += ["RELATED", "related", "relate", "kin", "KIN", "\u212ain", "kins", "x", "_", "9", "\u00e9", "-", ".", "ano", "inn", "\u0130"]


@pytest.mark.parametrize("seed", range(300))
def test_no_relation_same_as_word_boundary_form(seed):
    import re

    from garblint.rules._nameforms import _NO_RELATION

    old = re.compile(r"\b(?:no|not)\s+(?:relation|related|kin)\b", re.I)
    rng = random.Random(seed)
    pick = rng.choice
    for _ in range(20):
        text = "".join(pick(_NO_REL_PIECES) for _ in range(rng.randrange(0, 12)))
        assert bool(_NO_RELATION.search(text)) == bool(old.search(text)), text
        # near misses and hits: something, "no"/"not", white space, the noun, something
        text = (
            pick(_NO_REL_PIECES)
            + pick(_NO_REL_PIECES[:10])
            + pick([" ", "  ", "\n", "\t", "", "x"])
            + pick(_NO_REL_PIECES[15:23])
            + pick(_NO_REL_PIECES)
        )
        assert bool(_NO_RELATION.search(text)) == bool(old.search(text)), text


_KIN_PIECES = _NO_REL_PIECES + ["son", "Son", "SONS", "son's", "son\u2019s", "step-son", "sonny", "person", "son2", "_son", "son_"]
_KIN_PIECES += ["mother-in-law", "Mother-In-Law's", "brother-in-lawyer", "brother\u2010in\u2010law", "-in-law", "in", "law", "Wife"]
_KIN_PIECES += ["heir", "their", "k\u0130n", "relat\u0131on", "\u212aIN", "\u03a3on", "\u00c9poux", "'", "\u2019", "\n\n", ". ", "Ada", "said"]


@pytest.mark.parametrize("seed", range(300))
def test_kin_paragraph_same_as_the_paragraph_scans(seed):
    # kinship words and "no relation" in every case, inside other words, joined by hyphens
    # and apostrophes, next to digits and underscores, with the characters re.I matches with
    # "i" and "k", over several paragraphs (index -1: the last, as _family_context reads it)
    from garblint.rules._nameforms import _KIN_WORD, _NO_RELATION, _kin_paragraph, _kinship

    rng = random.Random(seed)
    sep = [" ", "  ", "\n", "\t", ""]
    # (every other text without the pieces that are kinship words alone: "no relation" decides)
    pieces = _KIN_PIECES if seed % 2 else [p for p in _KIN_PIECES if _kinship().isdisjoint(_KIN_WORD.findall(p.lower()))]
    text = "".join(rng.choice(pieces) + rng.choice(sep) for _ in range(rng.randrange(0, 40)))
    # and a near miss or hit of "no relation" (its last word in other cases and forms)
    tails = [
        "relation",
        "Related",
        "kin",
        "KIN",
        "\u212ain",
        "k\u0130n",
        "k\u0131n",
        "relat\u0131on",
        "relat\u0130on",
        "kin-in-law",
        "relation-in-law",
        "related-in-law",
    ]
    text += (
        rng.choice(["no", "Not", "x"])
        + rng.choice([" ", "\n", "x"])
        + rng.choice(tails)
        + rng.choice(["", " ", "s", "'s", "-x", "_"])
        + rng.choice(pieces)
    )
    doc = Document(text)
    for pi in range(-1 if doc.paragraphs else 0, len(doc.paragraphs)):
        chunk = doc.paragraphs[pi].text
        old = bool(_NO_RELATION.search(chunk)) or not _kinship().isdisjoint(_KIN_WORD.findall(chunk.lower()))
        assert _kin_paragraph(doc, pi) == old, (pi, text)


# many people whose surnames share an initial (the loose step asks the ratio prefilter which
# of them may be near a bare name), bare damaged forms of their surnames
_MANY_FULLS = ["Mira Kastellano", "Ada Kastell", "Tomas Kaplan", "Ines Kovac", "Ole Kessler", "Ana Kestler", "Bo Kirsch", "Lea Kowalski"]
_MANY_BARES = ["Kastelano", "Kastel", "Kaplann", "Kovacs", "Kesler", "Kestlr", "Kirsh", "Kowalsky", "Kabul", "Kessel"]


@pytest.mark.parametrize("seed", range(80))
def test_entities_of_many_loose_candidates_same_as_before(seed):
    rng = random.Random(seed)
    sents = []
    for _ in range(rng.randrange(6, 40)):
        who = rng.choice(_MANY_FULLS + _MANY_BARES)
        sents.append(who + rng.choice(_LOOSE_SAYS).format(rng.choice(_MANY_FULLS + ["Hunter"])))
    text = " ".join(sents)
    new = _analysis_fields(E._analyse(Document(text), None))
    old = _analysis_fields(_old_analyse(Document(text), None))
    assert new == old, text


# ------------------------------------------------------------------ N001/N003, spellings weighed when read
from garblint.rules import names as N  # noqa: E402


def _old_person_variants(e, analysis):
    flags = []
    accepted = analysis.accepted
    sur, first = e.spelling, e.first
    assert sur is not None and first is not None
    listed = e.listed is not None
    n_sur = len(sur.counts)
    n_first = len(first.counts)
    if not listed and n_sur <= 1 and n_first <= 1 and sum(sur.raw_counts.values()) == len(e.mentions):
        # one spelling of each, every mention counted (none without a surname): none differs
        return flags
    for m in e.mentions:
        if m.kind == "full" and analysis.index is not None and fold(m.text) in analysis.index.exact:
            continue
        sur_f = fold(m.surname)
        sur_bad = (sur.certain and sur_f != fold(sur.canonical or "")) or (not sur.certain and n_sur > 1)
        first_bad = False
        if m.kind == "full":
            ff = fold(m.first or "")
            first_bad = (first.certain and ff != fold(first.canonical or "")) or (not first.certain and n_first > 1)
        if not (sur_bad or first_bad):
            continue
        if m.kind == "bare" and sur.canonical and N._made_from(m.text, sur.canonical):
            continue  # "Quellies", "A-Quell": made from the name, not a misspelling of it
        if not listed and m.kind == "bare" and sur_f in accepted:
            continue
        sur_opts = [sur.canonical] if sur.certain else [r for r in sur.ranked]
        first_opts = [first.canonical] if (m.kind == "full" and first.certain) else (first.ranked if m.kind == "full" else [None])
        suggestions = []
        for fo in first_opts:
            for so in sur_opts:
                rep = N._rewrite(m, fo, so)  # type: ignore[arg-type]  # a certain choice has its spelling
                if rep != m.text and rep not in suggestions:
                    suggestions.append(rep)
        suggestions = suggestions[:4]
        if not suggestions:
            continue
        uncertain = (sur_bad and not sur.certain) or (first_bad and not first.certain)
        what = []
        if n_sur > 1:
            what.append(f"surname spelled {n_sur} ways here: {N.describe(sur)}")
        if m.kind == "full" and n_first > 1:
            what.append(f"first name spelled {n_first} ways: {N.describe(first)}")
        if e.listed is not None:
            listed_first, listed_sur = e.listed
            lf = f"{listed_first} {listed_sur}" if listed_first else listed_sur
            msg = f"'{m.text}' differs from the names list's '{lf}'"
            if what:
                msg += "; " + "; ".join(what)
            conf = 0.85
        elif uncertain:
            msg = f"'{m.text}': one person's name is spelled inconsistently and the right spelling is uncertain; candidates ranked: " + "; ".join(
                what
            )
            conf = 0.6
        else:
            src = sur.source if sur_bad else first.source
            why = {"introduction": "as introduced", "frequency": "most often", "lexicon": "a known given name", "only": "elsewhere"}.get(
                src, "elsewhere"
            )
            msg = f"'{m.text}' is a variant of '{suggestions[0]}' ({why}); " + "; ".join(what)
            conf = 0.8
        flags.append(N.Flag(m, m.start, m.end, suggestions, msg, conf))
    return flags


def _old_unintroduced(analysis):
    """UnintroducedSurname.flags before it skipped the people with no loose mention."""
    out = []
    for e in analysis.entities:
        sur = e.spelling
        if not e.person or sur is None:
            continue
        canonical = sur.canonical if sur.certain else (sur.ranked[0] if sur.ranked else None)
        if not canonical:
            continue
        for m in e.loose:
            if fold(m.text) == fold(canonical) or N._made_from(m.text, canonical):
                continue
            full = e.fulls[0].text if e.fulls else canonical
            msg = (
                f"'{m.text}' is never introduced, but looks like the surname of {full} named earlier "
                f"(seen in the same context); probably '{canonical}'"
            )
            out.append(N.Flag(m, m.start, m.end, [canonical], msg, 0.6))
    return N._by_start(out)


def _flag_fields(flags):
    return [(f.start, f.end, f.suggestions, f.message, f.confidence) for f in flags]


@pytest.mark.parametrize("seed", range(300))
def test_name_flags_with_spellings_weighed_when_read_same_as_before(seed):
    # _analyse leaves a person's spellings unweighed until read (no names list); N001 passes by
    # a person named once, N003 one with no loose mention: their flags against the forms that
    # weighed every person and read every entity's spellings
    rng = random.Random(seed)
    text = _people_text(rng, rng.randrange(0, 40)) if seed % 4 else _name_text(rng, rng.randrange(0, 80))
    index = E.NamesIndex(["Ada Quell", "Mira Castell", "Paris"]) if seed % 3 == 0 else None
    new = E._analyse(Document(text), index)
    got = [_flag_fields(N.NameVariant().flags(new)), _flag_fields(N.NamesListNearMiss().flags(new)), _flag_fields(N.UnintroducedSurname().flags(new))]
    old = E._analyse(Document(text), index)
    for e in old.entities:
        e.spelling, e.first  # every person weighed
    variants = [(e, f) for e in old.entities for f in (_old_person_variants(e, old) if e.person else N._bare_variants(e, old))]
    want = [
        _flag_fields(N._by_start([f for e, f in variants if e.listed is None] + N._ambiguous_flags(old))),
        _flag_fields(N._by_start([f for e, f in variants if e.listed is not None])),
        _flag_fields(_old_unintroduced(old)),
    ]
    assert got == want, text


@pytest.mark.parametrize("seed", range(200))
def test_surname_candidates_by_keys_same_as_by_blocks(seed):
    # _candidates of a pool spelling among a few surnames (keys compared directly) against the
    # surnames by blocking key that _analyse builds for many
    rng = random.Random(seed)
    base = [fold(s) for s in _SURNAMES]
    surnames = list(dict.fromkeys(fold(_damaged(rng, rng.choice(base))) for _ in range(rng.randrange(1, 12))))
    blocks: dict[str, set[str]] = {}
    for s in surnames:
        for k in E.blocking_keys(s):
            blocks.setdefault(k, set()).add(s)
    for _ in range(20):
        f = fold(_damaged(rng, rng.choice(base)))
        assert E._candidates(f, surnames, None) == E._candidates(f, surnames, blocks), (f, surnames)


def _old_morphological(a, b):
    """morphological before the C-level test of the masculine endings."""
    from garblint.rules._namesim import _GENDERED, _MORPH_SUFFIXES

    if len(a) > len(b):
        a, b = b, a
    for m, f in _GENDERED:
        if len(a) > len(m) + 2 and a.endswith(m) and b == a[: len(a) - len(m)] + f:
            return True
    if not b.startswith(a):
        return False
    suffix = b[len(a) :]
    if suffix not in _MORPH_SUFFIXES:
        return False
    if suffix == "n" and a[-1:] not in "aeiou":
        return False
    return True


@pytest.mark.parametrize("seed", range(100))
def test_morphological_same_as_before(seed):
    from garblint.rules import _namesim as S

    rng = random.Random(seed)
    bases = [fold(s) for s in _SURNAMES + _SPELL_BASES] + ["karimov", "nowacki", "petrov", "lukin", "kovsky", "sokolskiy", "novy", "kenya", "japan"]
    for _ in range(200):
        a = rng.choice(bases)
        if rng.random() < 0.5:
            m, f = rng.choice(S._GENDERED)
            a = a + m if rng.random() < 0.7 else a
            b = a[: len(a) - len(m)] + f if a.endswith(m) and rng.random() < 0.7 else _damaged(rng, a)
        else:
            b = a + rng.choice(S._MORPH_SUFFIXES + ("", "x", "ova", "ska")) if rng.random() < 0.6 else _damaged(rng, a)
        for x, y in ((a, b), (b, a), (a, a[:3]), (a[:2], b)):
            assert S.morphological(x, y) == _old_morphological(x, y), (x, y)


def _old_close_spelling(a, b):
    """close_spelling before its ratio was asked first."""
    from garblint.rules import _namesim as S

    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 3 or S.morphological(fa, fb):
        return 0.0
    r = S.fuzz.ratio(fa, fb) / 100.0
    pd = S.phon_dist(fa, fb)
    if r >= 0.8 and pd <= 1:
        return r
    if r >= 0.75 and pd == 0 and fa[0] == fb[0]:
        return r
    return 0.0


def _old_loose_spelling(a, b):
    """loose_spelling before its ratio was asked first."""
    from garblint.rules import _namesim as S

    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 4 or fa[0] != fb[0] or S.morphological(fa, fb):
        return 0.0
    r = S.fuzz.ratio(fa, fb) / 100.0
    if r >= 0.6 and S.phon_dist(fa, fb) <= 1:
        return r
    return 0.0


@pytest.mark.parametrize("seed", range(40))
def test_spelling_similarities_same_as_before(seed):
    # damaged spellings, gendered and suffixed forms (morphological), and unrelated names
    from garblint.rules import _namesim as S

    rng = random.Random(seed)
    bases = _SURNAMES + _SPELL_BASES + ["Karimov", "Nowacki", "Kenya", "Japan", "Quellman"]
    for _ in range(150):
        a = rng.choice(bases)
        kind = rng.randrange(3)
        if kind == 0:
            b = _damaged(rng, a)
        elif kind == 1:
            b = a + rng.choice(S._MORPH_SUFFIXES + ("a", "n", "ova"))
        else:
            b = rng.choice(bases)
        for x, y in ((a, b), (b, a)):
            assert S.close_spelling(x, y) == _old_close_spelling(x, y), (x, y)
            assert S.loose_spelling(x, y) == _old_loose_spelling(x, y), (x, y)


def test_names_of_a_long_text_read_the_counts_dict(monkeypatch):
    """extract_mentions of a text of more than lexicon.SMALL_TEXT_WORDS words has the lexicon's
    counts as the dict (``counts_for``: the spelling rules load it for such a text), so the
    thousands of words its name tests ask about are dict look-ups, not bisections of the
    mapped copy; a short text keeps the mapped copy. The mentions are the same either way
    (the two answer alike: tests/test_lexicon_index.py)."""
    from garblint.lint import lexicon
    from garblint.rules import _namewords

    if lexicon._mapped_counts() is None:
        pytest.skip("no data cache folder: no mapped copy")
    rng = random.Random(3)
    pool = "Anna Smith met the Mayor of Springfield in May and said that Bob Jones would come to Paris with Dr Lee".split()
    long_text = " ".join(rng.choice(pool) + rng.choice(["", "", ".", ","]) for _ in range(lexicon.SMALL_TEXT_WORDS + 50))
    short_text = long_text[:2000]

    def mentions(text: str, loads: bool) -> list:
        monkeypatch.setattr(lexicon, "_FREQS", None)
        _namewords._word_frequency.cache_clear()
        M._clear_facts()
        got = [(m.start, m.end, m.text) for m in M.extract_mentions(Document(text))]
        assert (lexicon._FREQS is not None) == loads
        return got

    assert mentions(short_text, False)
    with_dict = mentions(long_text, True)
    monkeypatch.setattr(lexicon, "counts_for", lambda n: lexicon.counts())  # (the mapped copy throughout)
    assert mentions(long_text, False) == with_dict


_KEY_SPELLINGS = [
    "Quell",
    "Qu",
    "Quel",
    "Castellano",
    "O'Brien",
    "Al-Nour",
    "van Dyke",
    "José",
    "Zoë",
    "Ørsted",
    "ǅemal",
    "İstanbul",
    "K\u212aa",
    "ßtraße",
    "a9b",
    "Anne-Marie",
    "\u00e9",
    "Li Yen",
    "x",
]


def _old_blocking_keys(s):
    from garblint.rules._namewords import fold, phonetic

    f = fold(s)
    head = f[:4]
    keys = {"p:" + phonetic(f), "e:" + f[-3:]}
    if len(head) < 4:
        keys.add("b:" + head)
    else:
        keys.update("b:" + head[:k] + head[k + 1 :] for k in range(4))
    return tuple(sorted(keys))


def _old_phonetic_letters(f):
    return "".join(c for c in f if c.isalpha() and c.isascii())


@pytest.mark.parametrize("seed", range(100))
def test_blocking_keys_and_phonetic_same_as_before(seed):
    # spellings of ASCII letters (the written-out forms) and of others: hyphens, apostrophes,
    # spaces, digits, accents, letters outside ASCII, one to a dozen characters
    from garblint.rules import _namesim as S
    from garblint.rules import _namewords as W

    rng = random.Random(seed)
    for _ in range(40):
        s = "".join(rng.choice(_KEY_SPELLINGS) for _ in range(rng.randrange(1, 3)))[: rng.randrange(1, 13)]
        assert S.blocking_keys.__wrapped__(s) == _old_blocking_keys(s), s
        f = W.fold(s)
        # (phonetic's letters: the fast form when every character is an ASCII letter)
        letters = f if f.isalpha() and f.isascii() else _old_phonetic_letters(f)
        assert letters == _old_phonetic_letters(f), s
        assert W.phonetic.__wrapped__(s) == (W.jellyfish.metaphone(letters) if letters else f), s
