"""Two forms of one person's name in a document: one surname with two given names, or a full name
with its parts in the other order or transliterated otherwise ("Li-Yen Hsia" ... "Hsia Liyan").

The entity analysis (``_entities``) keeps full names with different given names apart (they may be
two people); this module pairs such entities when nothing in the document says they are two
people, for N005 (``rules/names.py``). What says so, as classes of evidence rather than names:

* the two given names are one name's full and short forms (``rules/data/nicknames.txt``, or one
  the start of the other: "Josh", "Joshua");
* a paragraph naming either of them holds a kinship word (``rules/data/kinship-words.txt``:
  "son", "wife", "no relation") or the surname in the plural ("the Bidens");
* both are named in one sentence ("Maximo Gonzalez and Alejandro Gonzalez");
* each is introduced with a different role ("Senator ...", "..., a guard");
* one name holds the other ("Joel Eriksson Ek", "Eriksson Ek").

Not a rule module (the leading underscore keeps :func:`load_rules` from importing it as one).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Container

from ..lint.lazyimport import lazy_module
from ..lint.lazyre import lazy_re
from ..lint.wordlists import word_list, word_set
from ..lint._records import record
from ._entities import Analysis, Entity, _specific
from ._mentions import Mention
from ._sentences import mostly_english
from ._namewords import ABBREVIATIONS, SPEECH_VERBS, STOPWORDS, TITLE_WORDS, fold, given_names, is_common_word, phonetic, surnames

if TYPE_CHECKING:
    from rapidfuzz import fuzz
else:
    fuzz = lazy_module("rapidfuzz.fuzz")  # imported when first used


@lru_cache(maxsize=1)
def _kinship() -> frozenset[str]:
    return word_set("kinship-words")


_KIN_WORD = lazy_re(r"[a-z]+(?:-in-law)?")
#: "no relation", "not related", "no kin", in any case: ``\b(?:no|not)\s+(?:relation|related|kin)\b``
#: written to open with the letter "n" (the word boundary before it a lookbehind after it), so
#: that the engine tries the pattern only where an "n" is, not at every position
#: (tests/rules/test_names_fast.py compares the two)
_NO_RELATION = lazy_re(r"n(?<!\wn)ot?\s+(?:relation|related|kin)\b", re.I)
_HYPHENS = str.maketrans("", "", "-\u2010\u2011 ")
#: after a name: ", a guard", ", 34,", ", who": an apposition that introduces the person
_APPOSITION = lazy_re(r"\s*,\s+(?:a|an|the|who|whose|[a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for)|\d{1,3}\s*,)\b")


#: lexicon count above which a token is an everyday English word, not a name part: higher than
#: the name rules' usual mark, since names of other languages ("Thanh") are frequent in it too
_EVERYDAY = 3_000_000


@lru_cache(maxsize=1)
def _nickname_groups() -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for i, line in enumerate(word_list("nicknames")):
        for name in line.split():
            out.setdefault(name, set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


def _stem(name: str) -> str:
    """A short form without its pet ending and doubled consonant: "danny" -> "dan"."""
    for end in ("ie", "ey", "y"):
        if name.endswith(end) and len(name) - len(end) >= 3:
            name = name[: -len(end)]
            break
    if len(name) >= 4 and name[-1] == name[-2]:
        name = name[:-1]
    return name


@lru_cache(maxsize=16384)
def same_given_name(a: str, b: str) -> bool:
    """Could two given names be one person's: a full and a short form, or one the start of the
    other? (Cached: a pure function of the two names, asked of one pair again and again.)"""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if min(len(fa), len(fb)) <= 1:
        return fa[:1] == fb[:1]
    groups = _nickname_groups()
    if groups.get(fa, frozenset()) & groups.get(fb, frozenset()):
        return True
    short, long_ = sorted((fa, fb), key=len)
    stem = _stem(short)
    return len(stem) >= 3 and long_.startswith(stem)


def _name_token_ok(tok: str, census: Callable[[], Container[str]]) -> bool:
    """A token that can be part of a person's name: not an everyday word unless the census
    lists it as a name ("Frank", "Brown"); "Attracting", "Comrade", "Pro" are not. (The census
    list is read only when asked about an everyday word.)"""
    f = fold(tok).rstrip(".")
    if not f or not f[0].isalpha() or f in STOPWORDS:
        return False
    if f in TITLE_WORDS or f in ABBREVIATIONS:
        return False
    return not is_common_word(f, _EVERYDAY) or f in census()


def person_like(m: Mention) -> bool:
    """A full mention of two to four tokens that reads as a person's name (no initial first)."""
    toks = m.tokens
    if m.kind != "full" or not 2 <= len(toks) <= 4:
        return False
    first = toks[0][2]
    if len(first.rstrip(".")) < 2 or first.endswith(".") or first.isupper():
        return False
    if not _name_token_ok(first, given_names):
        return False
    # the last token (the surname) too; a middle one may be a short word ("Doan Vel Hoang")
    return _name_token_ok(toks[-1][2], surnames)


@lru_cache(maxsize=16384)
def _part(token: str) -> str:
    return fold(token).translate(_HYPHENS)


def _parts(m: Mention) -> list[str]:
    return [_part(t[2]) for t in m.tokens if t[2][:1].isupper()]


def _close(a: str, b: str) -> bool:
    """Two spellings of one name part: equal, or close in letters and sound ("Liyan", "Li-Yen")."""
    a, b = a.translate(_HYPHENS), b.translate(_HYPHENS)
    if a == b:
        return True
    if min(len(a), len(b)) < 3:
        return False
    return fuzz.ratio(a, b) >= 75 and (phonetic(a)[:2] == phonetic(b)[:2])


@record(("keep", "flag", "kind"))
class FormPair:
    """Two entities whose full names look like two forms of one person's name."""

    keep: Mention  # the form taken as the reference (the entity named more often, else first)
    flag: Mention  # the form reported
    kind: str  # "given" (one surname, another given name) or "order" (parts swapped)

    def __init__(self, keep: Mention, flag: Mention, kind: str) -> None:
        self.keep = keep
        self.flag = flag
        self.kind = kind


def _order_variant(a: list[str], b: list[str]) -> bool:
    """Two-part names with their parts swapped, each part equal or close: "Hsia Liyan", "Li-Yen Hsia"."""
    if len(a) != 2 or len(b) != 2:
        return False
    if a == b:
        return False
    return (a[0] == b[1] and _close(a[1], b[0])) or (a[1] == b[0] and _close(a[0], b[1]))


def _introduced_role(m: Mention, text: str) -> frozenset[str] | None:
    """The role a mention is introduced with: its office title words, or "apposition" for
    ", a guard" after it; None when it has none."""
    spec = _specific(m.title)
    if spec:
        return frozenset(spec)
    if _APPOSITION.match(text, m.end, m.end + 40):
        return frozenset({"apposition"})
    return None


_HONORIFIC = lazy_re(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Madam|Sir|Dame)\.?\s+$")
_NEXT_WORD = lazy_re(r"[\s,]*(?:\w+\s+)?([a-z]+)")


def _person_evidence(e: Entity, text: str) -> bool:
    """Something says the entity is a person: a title before a full name ("Mr.", "Prime
    Minister"), or a verb of saying after a mention ("Hsia said", "Hsia, 54, told")."""
    for m in e.mentions:
        if m.title or _HONORIFIC.search(text, max(0, m.start - 8), m.start):
            return True
        nxt = _NEXT_WORD.match(text, m.end, m.end + 30)
        if nxt and nxt.group(1) in SPEECH_VERBS:
            return True
    return False


class _KinOf(dict):
    """``_KIN_OF[word]``: what a word says for _family_context's paragraph test, worked out once
    per word for the process (bounded): 2 when it holds a kinship word (a match of _KIN_WORD
    in it lowered that is one); else 1 when it may be the last word of "no relation"
    (_NO_RELATION's "relation", "related" or "kin": it lowered starts with "kin" or "relat",
    or it has a character outside ASCII that re.I matches with "i" or "k"); else 0."""

    def __missing__(self, word: str) -> int:
        low = word.lower()
        if word.isascii() and word.isalpha():  # (most words: _KIN_WORD's one match is it lowered)
            kin = low in _kinship()
        else:
            kin = not _kinship().isdisjoint(_KIN_WORD.findall(low))
        got = 2 if kin else 1 if low.startswith(("kin", "relat")) or not _I_K_OUTSIDE_ASCII.isdisjoint(word) else 0
        if len(self) >= 200_000:
            self.clear()
        self[word] = got
        return got


_KIN_OF = _KinOf()
#: the characters outside ASCII that re.I matches with an ASCII letter of "relation",
#: "related" or "kin": "İ" and "ı" with "i", the Kelvin sign with "k"
_I_K_OUTSIDE_ASCII = frozenset("\u0130\u0131\u212a")


def _kin_paragraph(doc, pi: int) -> bool:
    """``_NO_RELATION.search(chunk) or not _kinship().isdisjoint(_KIN_WORD.findall(chunk.lower()))``
    of paragraph ``pi``'s text ``chunk``, from its words (``_KIN_OF``): a match of _KIN_WORD in
    the lowered text lies in one word (every character that lowers to an ASCII letter is a
    word character, and a word's hyphens join "-in-law" to it), and _NO_RELATION's last word
    starts a word (white space is before it). Only a paragraph with a word that may end "no
    relation" and no kinship word is searched (tests/rules/test_names_fast.py compares the two)."""
    p = doc.paragraphs[pi]
    starts = doc.word_starts
    said = max(map(_KIN_OF.__getitem__, doc.word_texts[bisect_left(starts, p.start) : bisect_left(starts, p.end)]), default=0)
    return said == 2 or (said == 1 and bool(_NO_RELATION.search(p.text)))


def _family_context(doc, e: Entity, text: str) -> bool:
    """A kinship word, "no relation", or the surname in the plural in a paragraph naming ``e``."""
    paras = doc.paragraphs
    surname = e.fulls[0].surname
    plural = None  # (compiled when a paragraph may hold it)
    # whether a paragraph has "no relation" or a kinship word, found once per paragraph (the
    # entities of a document share their paragraphs)
    kin: dict[int, bool] = doc.memo("nameforms.kin-paragraphs", dict)
    sur_s, sur_es = surname + "s", surname + "es"
    for pi in set(map(_PARAGRAPH, e.mentions)):
        if pi >= len(paras):
            continue
        chunk = paras[pi].text  # (text[p.start : p.end])
        has_kin = kin.get(pi)
        if has_kin is None:
            has_kin = kin[pi] = _kin_paragraph(doc, pi)
        if has_kin:
            return True
        # (every match holds the surname with "s" or "es", or "Mrs")
        if "Mrs" in chunk or sur_s in chunk or sur_es in chunk:
            if plural is None:
                sur = re.escape(surname)
                plural = re.compile(r"\b" + sur + r"(?:s|es)\b|\bMr\.?\s+and\s+Mrs\.?\s+" + sur + r"\b")
            if plural.search(chunk):
                return True
    return False


_PARAGRAPH = attrgetter("paragraph")


def _pair_keys(m: Mention, parts: list[str]) -> set[tuple[str, str]]:
    """What form_pairs pairs people by: the folded surname, the first part of a name of two
    parts or more, each part of a two-part name."""
    keys = {("s", fold(m.surname))}
    if len(parts) >= 2:
        keys.add(("f", parts[0]))
    if len(parts) == 2:
        keys.update(("p", p) for p in parts)
    return keys


def form_pairs(doc, analysis: Analysis) -> list[FormPair]:
    """Pairs of person entities that name one person two ways, with nothing saying they are two."""
    text = doc.text
    persons = [e for e in analysis.entities if e.person and e.listed is None]
    if len(persons) < 2:
        return []
    named: list[tuple[Entity, Mention, list[str]]] = []
    for e in persons:
        fulls = [m for m in e.fulls if not m.duplicate]
        if fulls:
            named.append((e, fulls[0], _parts(fulls[0])))
    if len(named) < 2:
        return []
    # A pair below shares a surname, a first part or (two-part names) a part: an entity that
    # shares none with any other is in no pair, and is not asked whether it reads as a person
    # (dropping it keeps the order of the others, so the pairs come out as before).
    keys = [_pair_keys(m, parts) for _e, m, parts in named]
    seen: dict[tuple[str, str], int] = {}
    for ks in keys:
        for k in ks:
            seen[k] = seen.get(k, 0) + 1
    people = [x for x, ks in zip(named, keys) if any(seen[k] > 1 for k in ks) and person_like(x[1])]
    if len(people) < 2:
        return []
    by_surname: dict[str, list[int]] = {}
    for i, (_e, m, _p) in enumerate(people):
        by_surname.setdefault(fold(m.surname), []).append(i)
    by_first: dict[str, list[int]] = {}
    for i, (_e, m, parts) in enumerate(people):
        if len(parts) >= 2:
            by_first.setdefault(parts[0], []).append(i)
    by_part: dict[str, list[int]] = {}
    for i, (_e, _m, parts) in enumerate(people):
        if len(parts) == 2:
            for p in set(parts):
                by_part.setdefault(p, []).append(i)
    census = given_names()
    # A pair is worth a closer look only if it can pass the tests below: the cheap ones are
    # asked here, before any pair is made ("family" needs a shared part that is no given name
    # and one office; "given" with two census given names needs one office too).
    titled = [bool(_specific(m.title)) for _e, m, _p in people]
    cands: set[tuple[int, int, str]] = set()
    for ids in by_surname.values():
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                both_census = people[i][2][0] in census and people[j][2][0] in census
                if not both_census or (titled[i] and titled[j]):
                    cands.add((i, j, "given"))
    for key, ids in by_first.items():
        if key in census:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if titled[ids[x]] and titled[ids[y]]:
                    cands.add((ids[x], ids[y], "family"))
    for ids in by_part.values():
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if _order_variant(people[i][2], people[j][2]):
                    cands.add((min(i, j), max(i, j), "order"))
    if not cands or not mostly_english(doc):
        return []
    out: list[FormPair] = []
    # what is asked of one entity again and again (it is in many pairs), worked out once
    evidence: dict[int, bool] = {}
    family: dict[int, bool] = {}
    sentences: dict[int, set[int]] = {}
    roles: dict[int, frozenset[str] | None] = {}
    part_sets = [set(parts) for _e, _m, parts in people]
    firsts = [m.first or "" for _e, m, _p in people]

    def person_evidence(k: int) -> bool:
        if k not in evidence:
            evidence[k] = _person_evidence(people[k][0], text)
        return evidence[k]

    def family_context(k: int) -> bool:
        if k not in family:
            family[k] = _family_context(doc, people[k][0], text)
        return family[k]

    def role(k: int) -> frozenset[str] | None:
        if k not in roles:
            roles[k] = _introduced_role(people[k][1], text)
        return roles[k]

    for i, j, kind in sorted(cands):
        (ea, ma, pa), (eb, mb, _pb) = people[i], people[j]
        if ea.id == eb.id:
            continue
        if kind != "order" and (part_sets[i] <= part_sets[j] or part_sets[j] <= part_sets[i]):
            continue  # "Eriksson Ek" inside "Joel Eriksson Ek"
        if kind == "given" and same_given_name(firsts[i], firsts[j]):
            continue
        for idx, e in ((i, ea), (j, eb)):
            if idx not in sentences:
                sentences[idx] = {m.sentence for m in e.fulls}
        if not sentences[i].isdisjoint(sentences[j]):
            continue  # named side by side: the writer means two people
        ra, rb = role(i), role(j)
        if ra is not None and rb is not None and not (ra & rb):
            continue  # each introduced with a role of their own
        same_role = bool(ra and rb and (ra & rb) - {"apposition"})
        if kind == "family" and (not same_role or pa[0] in census):
            # "Pham Minh Thanh", "Pham Myint Seng": only with one office, and only when the
            # shared first part is not a given name ("William Henry ...", "William Gandy")
            continue
        if kind == "given" and not same_role and (fold(firsts[i]) in census or fold(firsts[j]) in census):
            # Two different given names the census knows are two people unless one office
            # says otherwise ("Joe", "Hunter" Biden); transliterations of one name are not
            # everyday English given names ("Xia", "Hsia").
            continue
        if not (person_evidence(i) or person_evidence(j)):
            continue  # nothing says either is a person: a product or a place ("Radeon Pro")
        if kind == "given" and (family_context(i) or family_context(j)):
            continue
        na, nb = len(ea.mentions), len(eb.mentions)
        keep, flag = (ma, mb) if na >= nb else (mb, ma)
        out.append(FormPair(keep, flag, kind))
    return out
