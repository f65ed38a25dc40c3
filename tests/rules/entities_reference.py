"""A frozen copy of the names analysis' entity grouping and weighing as they were at 1967ea2
(before session 20's speed work), over the frozen mention extraction of names_reference.py:
tests/rules/test_names_fast.py compares the fast paths with it on generated texts. Not a test
module (no ``test_`` prefix); the helpers that did not change are imported."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Callable

from garblint.rules._entities import _AMBIGUITY_MARGIN, Analysis, Entity, NamesIndex, SlotChoice, _specific
from garblint.rules._mentions import DEFAULT_NAME_WORDS, Mention, NameWords
from garblint.rules._namesim import (
    blocking_keys,
    close_spelling,
    close_surname,
    cluster_spellings,
    first_compatible,
    loose_spelling,
)
from garblint.rules._namewords import fold, given_names, is_established
from garblint.rules._nameforms import (
    FormPair,
    _family_context,
    _introduced_role,
    _order_variant,
    _pair_keys,
    _parts,
    _person_evidence,
    person_like,
    same_given_name,
)
from garblint.rules._sentences import mostly_english
from tests.rules.names_reference import extract_mentions


#: an empty Counter without ``Counter.__init__`` (which only calls ``update`` with nothing): a
#: third of the time, and a short text's people are weighed with two of them each
_new_counter = Counter.__new__


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
    counts: Counter = Counter()
    raw: Counter = Counter()
    display: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        s = slot(m)
        if not s:
            continue
        f = fold(s)
        raw[f] += 1
        display[f][s] += 1
        if not m.duplicate:
            counts[f] += 1
    for f in raw:
        counts.setdefault(f, 0)
    return counts, raw, {f: c.most_common(1)[0][0] for f, c in display.items()}


def _choose(
    mentions: list[Mention],
    slot: Callable[[Mention], str | None],
    listed: str | None,
    intro: Mention | None,
    lexicon_check: Callable[[str], bool] | None = None,
) -> SlotChoice:
    counts, raw, display = _count(mentions, slot)
    intro_f = fold(slot(intro)) if intro is not None and slot(intro) else None
    if listed is None and len(counts) <= 1:  # one spelling (or none): what the ranking below gives
        ranked = list(display.values())
        return SlotChoice(ranked[0] if ranked else None, True, ranked, counts, raw, intro_f, "only")
    # the index of each spelling's first mention, found in one pass (was a scan per spelling)
    first_at: dict[str, int] = {}
    for i, m in enumerate(mentions):
        s = slot(m)
        if s:
            first_at.setdefault(fold(s), i)
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


def analyse_entities(doc, index: NamesIndex | None = None, words: NameWords = DEFAULT_NAME_WORDS) -> Analysis:
    """1967ea2's ``_entities._analyse``, over the frozen mention extraction above."""
    mentions = extract_mentions(doc, words)
    entities: list[Entity] = []
    accepted: set[str] = set()
    if index is not None:
        accepted = set(index.exact) | set(index.surname_exact)

    fulls = [m for m in mentions if m.kind == "full"]
    bares = [m for m in mentions if m.kind == "bare"]

    # 1. people: full names grouped by surname spelling, then by agreeing first names
    by_surname: dict[str, list[Mention]] = defaultdict(list)
    for m in fulls:
        by_surname[fold(m.surname)].append(m)
    sur_keys = list(by_surname)
    person_groups: list[list[Mention]] = []
    for sk in sur_keys:
        groups: list[list[Mention]] = []
        firsts: list[set[str]] = []  # each group's distinct first names: compare with those only
        for m in by_surname[sk]:
            mf = m.first or ""
            for g, fs in zip(groups, firsts):
                if mf in fs or any(first_compatible(mf, x) for x in fs):
                    g.append(m)
                    fs.add(mf)
                    break
            else:
                groups.append([m])
                firsts.append({mf})
        person_groups.extend(groups)
    # 2. merge groups whose surnames are close and whose first names agree
    surname_of = [g[0].surname for g in person_groups]
    parent = list(range(len(person_groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for grp in cluster_spellings(surname_of, close_surname):
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
    for ms in merged.values():
        e = Entity(len(entities), sorted(ms, key=lambda m: m.start), person=True)
        for m in ms:
            m.entity = e.id
        entities.append(e)

    # 3. bare mentions: exact surnames of a person, else variants of one, else among themselves
    surname_index: dict[str, list[int]] = defaultdict(list)
    first_names: set[str] = set()
    for e in entities:
        for m in e.mentions:
            surname_index[fold(m.surname)].append(e.id)
            if m.first:
                first_names.add(fold(m.first))
    # Every reader of surname_index takes the distinct ids in first-seen order (or a set of
    # them): drop the repeats once here, not once per mention (a surname used a thousand
    # times made each look-up scan a thousand ids).
    for key, ids in surname_index.items():
        surname_index[key] = list(dict.fromkeys(ids))
    # "The person named most recently before a mention" is asked per mention: instead of
    # scanning the person's mentions each time (quadratic in a long text), keep the starts of
    # each person's mentions as sorted lists -- the person's own (already sorted), the bare
    # mentions attached below, then those attached from the pool (each added in text order) --
    # and bisect them. ``latest_before`` is the max start < pos over a person's mentions.
    starts_of: dict[int, tuple[list[int], list[int], list[int]]] = {e.id: ([x.start for x in e.mentions], [], []) for e in entities}

    def latest_before(eid: int, pos: int) -> int:
        best = -1
        for lst in starts_of[eid]:
            k = bisect_left(lst, pos)
            if k and lst[k - 1] > best:
                best = lst[k - 1]
        return best

    pool: list[Mention] = []
    for m in bares:
        f = fold(m.text)
        hit = surname_index.get(f)
        if hit:
            ids = list(dict.fromkeys(hit))
            if len(ids) == 1:
                m.entity = ids[0]
            else:  # shared surname: the person named most recently before
                best = None
                for eid in ids:
                    latest = latest_before(eid, m.start)
                    if latest >= 0 and (best is None or latest > best[0]):
                        best = (latest, eid)
                m.entity = best[1] if best else ids[0]
            entities[m.entity].mentions.append(m)
            starts_of[m.entity][1].append(m.start)
            continue
        if f in first_names:
            continue
        pool.append(m)

    # the surnames by blocking key, for the pool only (most documents leave it empty)
    sur_blocks: dict[str, set[str]] = defaultdict(set)
    for s in surname_index if pool else ():
        for k in blocking_keys(s):
            sur_blocks[k].add(s)
    variant_of: dict[str, int] = {}
    cands_best: dict[str, list[str]] = {}
    ambiguous: list[tuple[Mention, list[str]]] = []
    rest: list[Mention] = []
    for m in pool:
        f = fold(m.text)
        if f not in variant_of:
            cands: dict[str, float] = {}
            for k in blocking_keys(f):
                for s in sur_blocks.get(k, ()):
                    if s not in cands:
                        cands[s] = close_surname(f, s)
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
            starts_of[eid][2].append(m.start)
        elif eid == -1 and len(cands_best.get(f, ())) > 1 and not m.word_like:
            ambiguous.append((m, cands_best[f]))  # close to two people's surnames
        else:
            rest.append(m)

    # bare-only entities: spellings that look alike, unless both exist in their own right
    spell_list = list(dict.fromkeys(fold(m.text) for m in rest if not m.word_like))

    def bare_close(a: str, b: str) -> float:
        if is_established(a) and is_established(b):
            return 0.0
        return close_spelling(a, b)

    by_spelling: dict[str, list[Mention]] = defaultdict(list)
    for m in rest:
        if not m.word_like:
            by_spelling[fold(m.text)].append(m)
    singles: list[Mention] = []
    for grp in cluster_spellings(spell_list, bare_close):
        ms = sorted((m for i in grp for m in by_spelling[spell_list[i]]), key=lambda m: m.start)
        e = Entity(len(entities), ms, person=False)
        for m in ms:
            m.entity = e.id
        entities.append(e)
        if len(grp) == 1:
            singles.extend(ms)
    singles.extend(m for m in rest if m.word_like)

    for e in entities:
        e.mentions.sort(key=lambda m: m.start)

    # 4. context: which entities share sentences, and each entity's titles -- worked out when
    # step 5 first needs them (before it moves any mention: as they were here), else never
    context_maps: list[tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[str]]]] = []

    def shared_context() -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[str]]]:
        if not context_maps:
            sent_entities: dict[int, set[int]] = defaultdict(set)
            for e in entities:
                for m in e.mentions:
                    sent_entities[m.sentence].add(e.id)
            context: dict[int, set[int]] = defaultdict(set)
            for e in entities:
                for m in e.mentions:
                    context[e.id] |= sent_entities[m.sentence] - {e.id}
            titles: dict[int, set[str]] = defaultdict(set)
            for e in entities:
                for mention in e.mentions:
                    titles[e.id] |= _specific(mention.title)
            context_maps.append((sent_entities, context, titles))
        return context_maps[0]

    # 5. unintroduced bare surnames that look like a damaged introduced surname (N003)
    by_initial: dict[str, list[int]] = defaultdict(list)
    for e in entities:
        if e.person:
            for ini in {fold(x.surname)[:1] for x in e.fulls}:
                by_initial[ini].append(e.id)
    # each person's distinct full-name surnames: the max similarity over them is the max over
    # all full mentions (the loop below only moves bare mentions, never full ones)
    full_surnames: dict[int, list[str]] = {}
    for bare in singles:
        if not (bare.possessive or not bare.word_like):
            continue
        f = fold(bare.text)
        if f in first_names or (index is not None and f in accepted):
            continue
        if bare.entity >= 0 and len(entities[bare.entity].mentions) > 1:
            # a bare name used several times on its own is a name in its own right
            continue
        candidates: list[tuple[float, int]] = []
        for eid in by_initial.get(f[:1], ()):
            e = entities[eid]
            surs = full_surnames.get(eid)
            if surs is None:
                surs = full_surnames[eid] = list(dict.fromkeys(x.surname for x in e.mentions if x.kind == "full"))
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
            _weigh_person(e, index)
        else:
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


def _intro(e: Entity) -> Mention | None:
    """The mention that introduces a person: the first full name outside a repeated passage."""
    body = [m for m in e.fulls if not m.repeated]
    return body[0] if body else None


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
    intro = _intro(e)
    e.spelling = _choose(e.mentions, lambda m: m.surname, listed_sur, intro)
    e.first = _choose(fulls, lambda m: m.first, listed_first, intro, lexicon_check=lambda f: f in given_names())


def _weigh_bare(e: Entity, index: NamesIndex | None) -> None:
    """Match a bare name (a place, a surname alone) to the names list and weigh its spellings."""
    ms = e.mentions
    spellings = {fold(m.text) for m in ms}
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
    if listed is not None and all(fold(m.text) == fold(listed) for m in ms):
        return
    e.spelling = _choose(ms, lambda m: m.text, listed, None)


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

    def person_evidence(k: int) -> bool:
        if k not in evidence:
            evidence[k] = _person_evidence(people[k][0], text)
        return evidence[k]

    def family_context(k: int) -> bool:
        if k not in family:
            family[k] = _family_context(doc, people[k][0], text)
        return family[k]

    for i, j, kind in sorted(cands):
        (ea, ma, pa), (eb, mb, pb) = people[i], people[j]
        if ea.id == eb.id:
            continue
        if kind != "order" and (set(pa) <= set(pb) or set(pb) <= set(pa)):
            continue  # "Eriksson Ek" inside "Joel Eriksson Ek"
        if kind == "given" and same_given_name(ma.first or "", mb.first or ""):
            continue
        if i not in sentences:
            sentences[i] = {m.sentence for m in ea.fulls}
        if any(m.sentence in sentences[i] for m in eb.fulls):
            continue  # named side by side: the writer means two people
        ra, rb = _introduced_role(ma, text), _introduced_role(mb, text)
        if ra is not None and rb is not None and not (ra & rb):
            continue  # each introduced with a role of their own
        same_role = bool(ra and rb and (ra & rb) - {"apposition"})
        if kind == "family" and (not same_role or pa[0] in census):
            # "Pham Minh Thanh", "Pham Myint Seng": only with one office, and only when the
            # shared first part is not a given name ("William Henry ...", "William Gandy")
            continue
        if kind == "given" and not same_role and (fold(ma.first or "") in census or fold(mb.first or "") in census):
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
