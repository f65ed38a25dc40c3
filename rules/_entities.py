"""Entities: the name mentions of a document grouped by whom they name, and each entity's
spellings weighed (names list, introduction, frequency, the given-names lexicon).

Mentions are grouped into *entities*: full names with their later bare surnames, spelling
variants of one surname (edit distance and phonetic keys, with agreeing first names), and bare
names that look like each other. The analysis of a document is computed once
(``Document.memo``) and shared by the N rules, which decide what to flag (``rules/names.py``).
"""

from __future__ import annotations


from bisect import bisect_left, insort
from collections import Counter, _count_elements, defaultdict  # type: ignore[attr-defined]
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, Callable, Iterable, Sequence

from ..lint.vocab import read_list
from ..lint._records import FACTORY, record
from ._mentions import DEFAULT_NAME_WORDS, Mention, NameWords, extract_mentions
from ._namesim import (
    blocking_keys,
    close_spelling,
    close_surname,
    cluster_spellings,
    first_compatible,
    loose_near,
    loose_spelling,
)
from ._namesindex import NamesIndex
from ._namewords import fold, given_names, is_established


# -------------------------------------------------------------------- entities
def _none() -> None:
    return None


@dataclass
class Entity:
    id: int
    mentions: list[Mention] = field(default_factory=list)
    person: bool = False
    #: set when the entity was matched to a names-list entry: (first or None, surname/place)
    listed: tuple[str | None, str] | None = None
    #: bare mentions attached because they look like a damaged form of this person's surname
    loose: list[Mention] = field(default_factory=list)
    #: the weighed spellings of the surname (a person) or of the name (a bare entity; None when
    #: it has one spelling and no names-list entry, so nothing to choose)
    spelling: SlotChoice | None = field(default_factory=_none)
    #: the weighed spellings of a person's first name
    first: SlotChoice | None = field(default_factory=_none)

    @property
    def fulls(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "full"]

    def __getattr__(self, name: str) -> Any:
        # Reached for ``spelling`` and ``first`` of a person whose weighing _analyse left until
        # they are read (it deletes both; with a default factory the class holds no default to
        # find instead): most people are named once, and no rule reads their spellings then.
        if name in ("spelling", "first") and "mentions" in self.__dict__:
            _weigh_person(self, None)
            return self.__dict__[name]
        raise AttributeError(name)


@record(("canonical", "certain", "ranked", "counts", "raw_counts", "intro", "source"))
class SlotChoice:
    canonical: str | None
    certain: bool
    ranked: list[str]
    counts: Counter
    raw_counts: Counter
    intro: str | None
    source: str  # "list", "introduction", "frequency", "lexicon", "uncertain"

    def __init__(
        self, canonical: str | None, certain: bool, ranked: list[str], counts: Counter, raw_counts: Counter, intro: str | None, source: str
    ) -> None:
        self.canonical, self.certain, self.ranked, self.counts = canonical, certain, ranked, counts
        self.raw_counts, self.intro, self.source = raw_counts, intro, source


@record(("mentions", "entities", "accepted", "index", "ambiguous"))
class Analysis:
    mentions: list[Mention]
    entities: list[Entity]
    #: folded spellings of names that a names list accepts
    accepted: set[str]
    #: the names list, indexed (None without one)
    index: NamesIndex | None = None
    #: bare mentions never introduced that are about as close to the surnames of several
    #: people: (mention, [(surname, full name) of each candidate person])
    ambiguous: list[tuple[Mention, list[tuple[str, str]]]]

    def __init__(
        self, mentions: list[Mention], entities: list[Entity], accepted: set[str], index: NamesIndex | None = None, ambiguous: list = FACTORY
    ) -> None:
        self.mentions, self.entities, self.accepted, self.index = mentions, entities, accepted, index
        self.ambiguous = [] if ambiguous is FACTORY else ambiguous


def analyse(doc, config) -> Analysis:
    """The shared analysis of ``doc`` (computed once per document, names list and word lists)."""
    names = config.vocabulary.names
    titles, orgs = config["name-titles"], config["organisation-words"]
    if not titles and not orgs:  # (the built-in lists: a key that needs no hashing of them)
        return doc.memo("entities.analysis", lambda: _analyse(doc, _names_index(names)), on=names)
    words = name_words(tuple(titles), tuple(orgs))
    return doc.memo(("entities.analysis", words), lambda: _analyse(doc, _names_index(names), words), on=names)


@lru_cache(maxsize=8)
def name_words(title_files: tuple[str, ...], org_files: tuple[str, ...]) -> NameWords:
    """The built-in title and organisation words plus the user's files (config keys
    ``name-titles`` and ``organisation-words``; entries case-folded)."""
    if not title_files and not org_files:
        return DEFAULT_NAME_WORDS
    extra_titles = frozenset(fold(w) for f in title_files for w in read_list(f))
    extra_orgs = frozenset(fold(w) for f in org_files for w in read_list(f))
    return NameWords(DEFAULT_NAME_WORDS.titles | extra_titles, DEFAULT_NAME_WORDS.orgs | extra_orgs)


_AMBIGUITY_MARGIN = 0.1
_INDEX_CACHE: list = []  # [(names list object, its NamesIndex)]: one list per run


def _names_index(names: list[str]) -> NamesIndex | None:
    if not names:
        return None
    if _INDEX_CACHE and _INDEX_CACHE[0][0] is names:
        return _INDEX_CACHE[0][1]
    index = NamesIndex(names)
    _INDEX_CACHE[:] = [(names, index)]
    return index


#: an empty Counter without ``Counter.__init__`` (which only calls ``update`` with nothing)
_new_counter = Counter.__new__
_empty_counter = partial(_new_counter, Counter)
_COUNT = itemgetter(1)


def _count(mentions: list[Mention], slot: Callable[[Mention], str | None]) -> tuple[Counter, Counter, dict[str, str]]:
    """Counts of each spelling (folded), once per distinct passage, and the display form."""
    if len(mentions) == 1:  # most people are named once: the same, without the Counters' work
        m = mentions[0]
        s = slot(m)
        if not s:
            return _new_counter(Counter), _new_counter(Counter), {}
        f = fold(s)
        one: Counter = _new_counter(Counter)
        first: Counter = _new_counter(Counter)
        one[f] = 1
        first[f] = 0 if m.duplicate else 1
        return first, one, {f: s}
    # (the Counters made without Counter.__init__, a Python-level call that only updates them
    # from its argument: the pairs counted by the C helper Counter.update calls)
    counts: Counter = _new_counter(Counter)
    raw: Counter = _new_counter(Counter)
    display: dict[str, Counter] = defaultdict(_empty_counter)
    pairs: Counter = _new_counter(Counter)
    # each distinct (spelling, in a repeated passage) pair counted in C, then visited in the
    # order of its first mention: the Counters get their keys in the order the loop over every
    # mention gave them
    _count_elements(pairs, zip(map(slot, mentions), map(_DUPLICATE, mentions)))
    for (s, dup), k in pairs.items():
        if not s:
            continue
        f = fold(s)
        raw[f] += k
        display[f][s] += k
        if not dup:
            counts[f] += k
    for f in raw:
        counts.setdefault(f, 0)
    # (most_common(1) is heapq.nlargest(1, ...): the first item of the largest count, max's)
    return counts, raw, {f: max(c.items(), key=_COUNT)[0] for f, c in display.items()}


_DUPLICATE = attrgetter("duplicate")
_CACHE = attrgetter("_surname_cache")
_RAW = attrgetter("raw")
_SUR_KEY = itemgetter(2)  # (of a _surname_cache: the surname folded)
_FIRST_NAME = itemgetter(3)  # (the first name of a full name)
_FIRST_KEY = itemgetter(4)  # (and it folded)

_PARTS = itemgetter(1)  # (the surname's parts, the surname their item 2)
_START = attrgetter("start")
_SURNAME = attrgetter("surname")
_FIRST = attrgetter("first")


def _choose(
    mentions: list[Mention],
    slot: Callable[[Mention], str | None],
    listed: str | None,
    intro: Mention | None,
    lexicon_check: Callable[[str], bool] | None = None,
) -> SlotChoice:
    counts, raw, display = _count(mentions, slot)
    s = slot(intro) if intro is not None else None
    intro_f = fold(s) if s else None
    if listed is None and len(counts) <= 1:  # one spelling (or none): what the ranking below gives
        ranked = list(display.values())
        return SlotChoice(ranked[0] if ranked else None, True, ranked, counts, raw, intro_f, "only")
    # the index of each spelling's first mention: each distinct slot's first index (the last
    # one a dict built backwards keeps), the least over the slots of one folded spelling
    first_at: dict[str, int] = {}
    n = len(mentions)
    for s, i in dict(zip(reversed(list(map(slot, mentions))), range(n - 1, -1, -1))).items():
        if s:
            f = fold(s)
            if i < first_at.get(f, n):
                first_at[f] = i
    order = sorted(counts, key=lambda f: (-(f == intro_f), -counts[f], first_at[f]))
    ranked = [display[f] for f in order]
    if listed is not None:
        lf = fold(listed)
        ranked = [listed] + [r for r in ranked if fold(r) != lf]
        return SlotChoice(listed, True, ranked, counts, raw, intro_f, "list")
    if len(counts) <= 1:
        c = ranked[0] if ranked else None
        return SlotChoice(c, True, ranked, counts, raw, intro_f, "only")
    if lexicon_check is not None:
        known = [f for f in counts if lexicon_check(f)]
        if len(known) == 1:
            k = known[0]
            ranked = [display[k]] + [r for r in ranked if fold(r) != k]
            return SlotChoice(display[k], True, ranked, counts, raw, intro_f, "lexicon")
    top = max(counts.values())
    if intro_f is not None:
        if counts[intro_f] >= top:
            return SlotChoice(display[intro_f], True, ranked, counts, raw, intro_f, "introduction")
        return SlotChoice(None, False, ranked, counts, raw, intro_f, "uncertain")
    leaders = [f for f in counts if counts[f] == top]
    if len(leaders) == 1:
        return SlotChoice(display[leaders[0]], True, ranked, counts, raw, intro_f, "frequency")
    return SlotChoice(None, False, ranked, counts, raw, intro_f, "uncertain")


def describe(choice: SlotChoice) -> str:
    """The spellings of a choice, ranked, with their counts and why ("Quell ×3 (introduced)")."""
    parts = []
    for r in choice.ranked:
        f = fold(r)
        n = choice.raw_counts.get(f, 0)
        extra = []
        if choice.intro == f:
            extra.append("introduced")
        dup = n - choice.counts.get(f, 0)
        if dup:
            extra.append(f"{dup} in a repeated passage")
        if choice.source == "list" and fold(choice.canonical or "") == f:
            extra.append("names list")
        parts.append(f"{r} ×{n}" + (f" ({', '.join(extra)})" if extra else ""))
    return ", ".join(parts)


def _group_by_first(ms: list[Mention], first_names: Iterable[str | None] | None = None) -> list[list[Mention]]:
    """The full mentions of one surname grouped by agreeing first names: each joins the first
    group holding its first name or one compatible with it (``first_compatible``), else starts
    a group. ``first_names``: each mention's ``first``, when the caller has them."""
    groups: list[list[Mention]] = []
    firsts: list[set[str]] = []  # each group's distinct first names: compare with those only
    # The group each first name last went to, and how many first names the groups held then:
    # while none has gained one, the scan below finds that group again (the sets only grow),
    # so a person named many times is scanned for once per new first name.
    placed: dict[str, tuple[int, int]] = {}
    held = 0
    for m, mf in zip(ms, map(_FIRST, ms) if first_names is None else first_names):
        mf = mf or ""
        hit = placed.get(mf)
        if hit is not None and hit[0] == held:
            groups[hit[1]].append(m)
            continue
        for gi, (g, fs) in enumerate(zip(groups, firsts)):
            if mf in fs or any(map(first_compatible, repeat(mf), fs)):  # (the calls mapped in C)
                g.append(m)
                if mf not in fs:
                    fs.add(mf)
                    held += 1
                placed[mf] = (held, gi)
                break
        else:
            groups.append([m])
            firsts.append({mf})
            held += 1
            placed[mf] = (held, len(groups) - 1)
    return groups


def _cluster_copies(spellings: list[str], close: Callable[[str, str], float]) -> list[list[int]]:
    """``cluster_spellings(spellings, close)``, each spelling clustered once however often it
    repeats (the person groups of a surname several people share). A spelling is never
    ``close`` to itself, and its copies have the same neighbours: they are in one group when it
    has a neighbour (its group's), each alone when it has none (tests/rules/test_names_fast.py
    compares the two)."""
    distinct = list(dict.fromkeys(spellings))
    if len(distinct) == len(spellings):
        return cluster_spellings(spellings, close)
    group_of: dict[str, int] = {}
    for gi, grp in enumerate(cluster_spellings(distinct, close)):
        if len(grp) > 1:
            for k in grp:
                group_of[distinct[k]] = gi
    out: dict[int | tuple[int], list[int]] = {}
    for i, s in enumerate(spellings):
        g = group_of.get(s)
        out.setdefault(i if g is None else (g,), []).append(i)
    return list(out.values())


def _analyse(doc, index: NamesIndex | None, words: NameWords = DEFAULT_NAME_WORDS) -> Analysis:
    mentions = extract_mentions(doc, words)
    entities: list[Entity] = []
    accepted: set[str] = set()
    if index is not None:
        accepted = set(index.exact) | set(index.surname_exact)

    fulls = [m for m in mentions if m.kind == "full"]
    bares = [m for m in mentions if m.kind == "bare"]
    # (what extract_mentions worked out once per distinct run of tokens, read in C: each
    # mention's _surname_cache, (kind, the surname's parts, the surname folded, the first name
    # of a full name and it folded), and a bare name's text folded: its ``raw``, never empty)
    full_caches = list(map(_CACHE, fulls))

    # 1. people: full names grouped by surname spelling, then by agreeing first names
    by_surname: dict[str, list[Mention]] = defaultdict(list)
    for m, sk in zip(fulls, map(_SUR_KEY, full_caches)):
        by_surname[sk].append(m)
    sur_keys = list(by_surname)
    person_groups: list[list[Mention]] = []
    for sk in sur_keys:
        ms = by_surname[sk]
        if len(ms) == 1:  # (most surnames: _group_by_first's one group)
            person_groups.append(ms)
        else:
            person_groups.extend(_group_by_first(ms, map(_FIRST_NAME, map(_CACHE, ms))))
    # 2. merge groups whose surnames are close and whose first names agree
    surname_of = [g[0].surname for g in person_groups]
    parent = list(range(len(person_groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for grp in _cluster_copies(surname_of, close_surname):
        for x in range(len(grp)):
            for y in range(x + 1, len(grp)):
                a, b = person_groups[grp[x]], person_groups[grp[y]]
                if fold(a[0].surname) == fold(b[0].surname):
                    continue
                if close_surname(a[0].surname, b[0].surname) == 0:
                    continue
                if any(first_compatible(p.first or "", q.first or "") for p in a for q in b):
                    parent[find(grp[x])] = find(grp[y])
    merged: dict[int, list[Mention]] = defaultdict(list)
    for i, g in enumerate(person_groups):
        merged[find(i)].extend(g)
    # each person's full names (entity ids from 0 in this order; the lists stay as they are)
    person_fulls = list(merged.values())
    for ms in person_fulls:
        e = Entity(len(entities), sorted(ms, key=_START), person=True)
        for m in ms:
            m.entity = e.id
        entities.append(e)

    # 3. bare mentions: exact surnames of a person, else variants of one, else among themselves
    surname_index: dict[str, list[int]] = defaultdict(list)
    # Every reader of surname_index takes the distinct ids in first-seen order (or a set of
    # them): each person's id goes in once per distinct surname of its full names (the
    # people are all full names here, in id order), not once per mention (a surname used a
    # thousand times made each look-up scan a thousand ids); their first names folded.
    sur_keys_of: list[list[str]] = []
    for e in entities:
        keys = list(dict.fromkeys(map(_SUR_KEY, map(_CACHE, e.mentions))))
        sur_keys_of.append(keys)
        for key in keys:
            surname_index[key].append(e.id)
    first_names: set[str] = set(map(_FIRST_KEY, full_caches))
    # The latest start < pos of a person's mentions, asked per pool mention of a shared surname
    # (the bare mentions before the pool ask it of the loop's own record, ``last``): the starts
    # kept sorted from the first question (most texts ask none), later mentions inserted.
    starts_of: dict[int, tuple[list[int], int]] = {}

    def latest_before(eid: int, pos: int) -> int:
        ms = entities[eid].mentions
        got = starts_of.get(eid)
        if got is None:
            lst = sorted(map(_START, ms))
        else:
            lst = got[0]
            for x in ms[got[1] :]:
                insort(lst, x.start)
        starts_of[eid] = (lst, len(ms))
        k = bisect_left(lst, pos)
        return lst[k - 1] if k else -1

    pool: list[Mention] = []
    grown: set[int] = set()  # the entities given a mention after they were made (in text order)
    # latest_before over the bare mentions, which come in text order: each person's latest
    # mention so far (the full names before a shared surname's mention taken in when it is
    # asked about; a bare mention given to a person is its latest), kept as the loop goes
    last: dict[int, int] = {}
    taken = 0  # (the full names taken in)
    for m, f in zip(bares, map(fold, map(_RAW, bares))):
        eids = surname_index.get(f)  # (distinct ids)
        if eids:
            eid = eids[0]
            pos = m.start
            if len(eids) > 1:  # shared surname: the person named most recently before
                while taken < len(fulls) and fulls[taken].start < pos:
                    named = fulls[taken]
                    if last.get(named.entity, -1) < named.start:
                        last[named.entity] = named.start
                    taken += 1
                best = -1
                for i in eids:
                    latest = last.get(i, -1)
                    if latest > best:
                        best, eid = latest, i
            m.entity = eid
            last[eid] = pos
            entities[eid].mentions.append(m)
            grown.add(eid)
            continue
        if f in first_names:
            continue
        pool.append(m)

    # the surnames by blocking key, for the pool only (most documents leave it empty); a few
    # surnames are compared with each pool spelling's keys directly instead (the same surnames:
    # those that share a blocking key with it)
    few = len(surname_index) <= 8
    sur_blocks: dict[str, set[str]] = defaultdict(set)
    for s in surname_index if pool and not few else ():
        for k in blocking_keys(s):
            sur_blocks[k].add(s)
    variant_of: dict[str, int] = {}
    cands_best: dict[str, list[str]] = {}
    ambiguous: list[tuple[Mention, list[str]]] = []
    rest: list[Mention] = []
    for m, f in zip(pool, map(fold, map(_RAW, pool))):
        if f not in variant_of:
            cands = _candidates(f, surname_index, None if few else sur_blocks)
            scored = sorted(((v, s) for s, v in cands.items() if v > 0), reverse=True)
            # surnames about as close as the best one: then the mention is ambiguous
            cands_best[f] = [s for v, s in scored if v >= scored[0][0] - _AMBIGUITY_MARGIN]
            eid = -1
            if scored:
                top_sur = set(cands_best[f])
                top_ids = {e for s in top_sur for e in surname_index[s]}
                if len(top_ids) == 1:
                    eid = top_ids.pop()
                elif len(top_sur) == 1:
                    eid = -2 - min(top_ids)  # one surname shared by several people: decide per mention
            variant_of[f] = eid
        eid = variant_of[f]
        if eid <= -2:
            # the person of that surname named most recently before this mention
            ids = list(dict.fromkeys(surname_index[next(s for s in cands_best[f])]))
            before = [(latest_before(i, m.start), i) for i in ids]
            eid = max(before)[1]
        if eid >= 0 and not m.word_like:
            m.entity = eid
            entities[eid].mentions.append(m)
            grown.add(eid)
        elif eid == -1 and len(cands_best.get(f, ())) > 1 and not m.word_like:
            ambiguous.append((m, cands_best[f]))  # close to two people's surnames
        else:
            rest.append(m)

    # bare-only entities: spellings that look alike, unless both exist in their own right
    by_spelling: dict[str, list[Mention]] = defaultdict(list)
    for m in rest:
        if not m.word_like:
            by_spelling[fold(m.raw)].append(m)
    spell_list = list(by_spelling)
    singles: list[Mention] = []
    for grp in cluster_spellings(spell_list, _bare_close):
        ms = sorted((m for i in grp for m in by_spelling[spell_list[i]]), key=_START)
        e = Entity(len(entities), ms, person=False)
        for m in ms:
            m.entity = e.id
        entities.append(e)
        if len(grp) == 1:
            singles.extend(ms)
    singles.extend(m for m in rest if m.word_like)

    # (every entity was made with its mentions in text order: only those given more are sorted)
    for eid in grown:
        entities[eid].mentions.sort(key=_START)

    # 4. context: which entities share sentences, and each entity's titles -- worked out when
    # step 5 first needs them (before it moves any mention: as they were here), else never
    context_maps: list[tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[str]]]] = []

    def shared_context() -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[str]]]:
        if not context_maps:
            # (over each entity's distinct sentences and titles: the unions are the same)
            sent_entities: dict[int, set[int]] = defaultdict(set)
            sents_of = [set(map(attrgetter("sentence"), e.mentions)) for e in entities]
            for e, sents in zip(entities, sents_of):
                for si in sents:
                    sent_entities[si].add(e.id)
            context: dict[int, set[int]] = defaultdict(set)
            titles: dict[int, set[str]] = defaultdict(set)
            for e, sents in zip(entities, sents_of):
                if e.mentions:
                    context[e.id] = set().union(*map(sent_entities.__getitem__, sents)) - {e.id}
                    titles[e.id] = set().union(*map(_specific, set(map(attrgetter("title"), e.mentions))))
            context_maps.append((sent_entities, context, titles))
        return context_maps[0]

    # 5. unintroduced bare surnames that look like a damaged introduced surname (N003): the
    # people by the initials of their full names' surnames, indexed when first needed (the loop
    # moves bare mentions only: the full names are those of now)
    by_initial: dict[str, list[int]] | None = None
    # each person's distinct full-name surnames: the max similarity over them is the max over
    # all full mentions (the loop below only moves bare mentions, never full ones)
    full_surnames: dict[int, list[str]] = {}

    def _full_surnames(eid: int) -> list[str]:
        surs = full_surnames.get(eid)
        if surs is None:  # (in any order: the max below is over them all)
            surs = full_surnames[eid] = list(dict.fromkeys(map(_SUR_KEY, map(_PARTS, map(_CACHE, person_fulls[eid])))))
        return surs

    # the people of an initial's surnames folded, each with its person (when there are many)
    flat_of: dict[str, tuple[list[int], list[str]]] = {}
    # their initials (every full name is a person's): most bare names share an initial with none
    initials = {sk[:1] for sk in sur_keys} if singles else set()
    for bare in singles:
        if not (bare.possessive or not bare.word_like):
            continue
        f = fold(bare.raw)
        if f in first_names or (index is not None and f in accepted):
            continue
        if bare.entity >= 0 and len(entities[bare.entity].mentions) > 1:
            # a bare name used several times on its own is a name in its own right
            continue
        if f[:1] not in initials:
            continue  # (no candidate)
        candidates: list[tuple[float, int]] = []
        if by_initial is None:
            by_initial = defaultdict(list)
            for eid, keys in enumerate(sur_keys_of):  # (the people's surnames folded)
                for ini in {k[:1] for k in keys}:
                    by_initial[ini].append(eid)
        cand_ids: Sequence[int] = by_initial.get(f[:1], ())
        if len(cand_ids) > 4:
            # (many people: only those with a surname whose ratio with the bare name the
            # prefilter lets through, found in C; loose_spelling is 0 for the others' surnames)
            flat = flat_of.get(f[:1])
            if flat is None:
                flat = flat_of[f[:1]] = ([], [])
                for eid in cand_ids:
                    for sur in _full_surnames(eid):
                        flat[0].append(eid)
                        flat[1].append(fold(sur))
            near = set(map(flat[0].__getitem__, loose_near(f, flat[1])))
            cand_ids = [eid for eid in cand_ids if eid in near]
        for eid in cand_ids:
            surs = _full_surnames(eid)
            sims = [loose_spelling(f, sur) for sur in surs]
            sim = max(sims) if sims else 0.0
            if sim <= 0:
                continue
            sent_entities, context, titles = shared_context()
            mctx = sent_entities[bare.sentence] - {bare.entity, eid}
            shared = (mctx & context[eid]) or (_specific(bare.title) & titles[eid])
            if shared:
                candidates.append((sim, eid))
        if len(candidates) == 1:
            eid = candidates[0][1]
            own = entities[bare.entity] if bare.entity >= 0 else None
            if own is not None and bare in own.mentions:
                own.mentions.remove(bare)
            bare.entity = eid
            entities[eid].loose.append(bare)

    # 6. weigh each entity's spellings (a names-list entry first)
    for e in entities:
        if e.person:
            if index is None:  # (nothing to match with: weighed when first read, Entity.__getattr__)
                del e.spelling, e.first
            else:
                _weigh_person(e, index)
        elif index is not None or len(e.mentions) > 1:  # (one spelling, no list: nothing to weigh)
            _weigh_bare(e, index)
    possible: list[tuple[Mention, list[tuple[str, str]]]] = []
    for m, keys in ambiguous:
        people = []
        for k in keys:
            for eid in dict.fromkeys(surname_index[k]):
                full = entities[eid].fulls[0] if entities[eid].fulls else None
                people.append((entities[eid].fulls[0].surname if full else k, full.text if full else k))
        possible.append((m, people))
    return Analysis(mentions, entities, accepted, index, possible)


_GENERIC_TITLES = frozenset("mr mrs ms mx miss dr sir dame st saint of for".split())


def _bare_close(a: str, b: str) -> float:
    """close_spelling of two bare names, unless both exist in their own right (a module
    function: cluster_spellings keeps its verdicts per close function)."""
    if is_established(a) and is_established(b):
        return 0.0
    return close_spelling(a, b)


def _candidates(f: str, surnames: Iterable[str], blocks: dict[str, set[str]] | None) -> dict[str, float]:
    """The surnames that share a blocking key with the folded spelling ``f``, each with its
    ``close_surname``: from the surnames by blocking key (``blocks``), or, for a few, by
    comparing each one's keys with ``f``'s (tests/rules/test_names_fast.py compares the two)."""
    cands: dict[str, float] = {}
    if blocks is None:
        keys = set(blocking_keys(f))
        for s in surnames:
            if not keys.isdisjoint(blocking_keys(s)):
                cands[s] = close_surname(f, s)
    else:
        for k in blocking_keys(f):
            for s in blocks.get(k, ()):
                if s not in cands:
                    cands[s] = close_surname(f, s)
    return cands


def _specific(title: tuple[str, ...]) -> set[str]:
    """Title words that say which office someone holds ("defense", "minister"), not "Mr"."""
    return {t for t in title if t not in _GENERIC_TITLES}


def _intro(e: Entity, fulls: list[Mention] | None = None) -> Mention | None:
    """The mention that introduces a person: the first full name outside a repeated passage
    (``fulls``: ``e.fulls``, when the caller has it)."""
    for m in e.fulls if fulls is None else fulls:
        if not m.repeated:
            return m
    return None


def _is_given(f: str) -> bool:
    return f in given_names()


def _weigh_person(e: Entity, index: NamesIndex | None) -> None:
    """Match a person to the names list (``e.listed``) and weigh the spellings of the surname
    and of the first name (``e.spelling``, ``e.first``)."""
    fulls = e.fulls
    listed_first: str | None = None
    listed_sur: str | None = None
    if index is not None:
        best = None
        for m in fulls:
            hit = index.match_person(m.first or "", m.surname)
            if hit and (best is None or hit[1] > best[1]):
                best = hit
        if best is not None:
            ef, es, _ = index.entries[best[0]]
            listed_first, listed_sur = ef, es
            e.listed = (ef, es)
    intro = _intro(e, fulls)
    e.spelling = _choose(e.mentions, _SURNAME, listed_sur, intro)
    e.first = _choose(fulls, _FIRST, listed_first, intro, lexicon_check=_is_given)


def _weigh_bare(e: Entity, index: NamesIndex | None) -> None:
    """Match a bare name (a place, a surname alone) to the names list and weigh its spellings."""
    ms = e.mentions
    spellings = set(map(fold, map(_RAW, ms)))  # (``raw``: a mention's text, never empty)
    listed = None
    if index is not None:
        hits = set()
        for s in spellings:
            i = index.match_bare(s, strict=True)
            if i is not None:
                hits.add(index.entries[i][1])
        if len({fold(h) for h in hits}) == 1:
            listed = hits.pop()
            e.listed = (None, listed)
    if len(spellings) < 2 and listed is None:
        return
    if listed is not None and all(fold(m.raw) == fold(listed) for m in ms):
        return
    e.spelling = _choose(ms, _RAW, listed, None)
