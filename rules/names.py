"""N: names of people and places spelled inconsistently, against a names list, or across a corpus."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..lint.rule import Rule
from ._mentions import analyse, blocking_keys, close_spelling, first_compatible, fold

_UNSAFE = False  # a name suggestion changes a name: never applied unattended


class _NameRule(Rule):
    category = "name"
    fix_priority = 5
    family_cost = 4.0

    def check(self, doc, config):
        analysis = analyse(doc, config)
        for fl in analysis.flags:
            if fl.code != self.code:
                continue
            yield self.finding(
                doc,
                fl.start,
                fl.end,
                fl.message,
                [(s, _UNSAFE) for s in fl.suggestions],
                confidence=fl.confidence,
            )


class NameVariant(_NameRule):
    """What it flags: a person or place spelled more than one way in one document ("Ada Quell" ... "Quel" ... "Quelle").

    Why: machine paraphrasing, OCR and hurried copy damage names first: a letter dropped,
    doubled or swapped gives a spelling that no spelling checker knows is wrong, and readers
    cannot tell which of the forms is right. The message lists every variant with its count.
    The canonical spelling is the names list's (see N002), else the spelling used where the
    full name is introduced in the body text (a caption pasted twice counts once), else the
    most frequent one. When the evidence conflicts, every variant is flagged and the candidates
    are ranked.

    Example: "Health Minister Ada Quell said ... Critics attacked Quelle's plan" -> "Quell's plan".

    Fix: replaces the minority spelling with the canonical one. Unsafe: a name is only as
    right as the evidence, and two people can have similar names.
    """

    code = "N001"
    name = "name-variant"
    severity = "warning"


class NamesListNearMiss(_NameRule):
    """What it flags: a name that nearly matches an entry of the names list ("Tomas Breneck" when the list has "Tomas Brenneck").

    Why: a newsroom keeps the correct spellings of the people and places it covers; a close
    miss is nearly always damage. Entries of the list are accepted everywhere. A near miss is
    the same first name with a close surname, a close full name, or a close bare surname or
    place name (`--names FILE`, config `names = [...]`).

    Example: "Mira Castel, a fellow at the institute" -> "Mira Castell".

    Fix: replaces the mention with the list's spelling. Unsafe: a different person can have a
    similar name.
    """

    code = "N002"
    name = "names-list-near-miss"
    severity = "warning"


class UnintroducedSurname(_NameRule):
    """What it flags: a bare surname never introduced by full name that looks like the surname of a person introduced earlier, in the same context.

    Why: news style introduces every person by full name before using the bare surname. A bare
    surname that appears from nowhere, close in sound and spelling to an introduced person's
    and mentioned with the same people, is most likely that person's name damaged.

    Example: "Interior Minister Ivo Tellant met Rhea Morvane ... Trant's meeting with Morvane"
    -> "Tellant's meeting".

    Fix: suggests the introduced person's surname. Unsafe: the sentence may mean someone else.
    """

    code = "N003"
    name = "unintroduced-surname"
    severity = "warning"


class CorpusNameVariant(Rule):
    """What it flags: a name spelled in a way that other files of the same run spell differently and consistently.

    Why: when a newsroom's articles are checked together, a name spelled one way in most files
    and another way in one is probably wrong in that one, even when that file is consistent
    with itself.

    Example: "Ada Quelle" in one file where three other files write "Ada Quell" -> "Ada Quell".

    Fix: suggests the corpus spelling. Unsafe: it may be another person.
    """

    code = "N004"
    name = "corpus-name-variant"
    family_cost = 4.0
    category = "name"
    severity = "suggestion"
    corpus = True
    fix_priority = 6

    def collect(self, doc, config):
        """Per document: each spelling of a surname or bare name, with the first names seen."""
        analysis = analyse(doc, config)
        out: dict[str, tuple[str, list[str]]] = {}
        for e in analysis.entities:
            for m in e.mentions:
                key = fold(m.surname)
                disp, firsts = out.get(key, (m.surname, []))
                if m.first and fold(m.first) not in firsts:
                    firsts.append(fold(m.first))
                out[key] = (disp, firsts)
        return out

    def merge(self, facts):
        docs: Counter = Counter()
        display: dict[str, str] = {}
        firsts: dict[str, set[str]] = defaultdict(set)
        for f in facts:
            if not f:
                continue
            for key, (disp, fs) in f.items():
                docs[key] += 1
                display.setdefault(key, disp)
                firsts[key].update(fs)
        blocks: dict[str, list[str]] = defaultdict(list)
        for key in docs:
            for b in blocking_keys(key):
                blocks[b].append(key)
        return {"docs": docs, "display": display, "firsts": firsts, "blocks": blocks, "n": len(facts)}

    def may_flag(self, facts, merged):
        """A looser form of ``check``'s test, on the document's facts alone: some spelling of
        this document has a close, different spelling in at least two other files and in twice
        as many files as its own (check also requires compatible first names, skips listed and
        accepted names and the document's own other spellings: it reports a subset of these)."""
        if not facts or not merged or merged["n"] < 2:
            return False
        docs, blocks = merged["docs"], merged["blocks"]
        for key in facts:
            mine = docs.get(key, 1)
            for b in blocking_keys(key):
                for other in blocks.get(b, ()):
                    if other == key:
                        continue
                    n = docs[other]
                    if n >= 2 and n >= 2 * mine and close_spelling(key, other) != 0:
                        return True
        return False

    def check(self, doc, config):
        corpus = doc.corpus.get(self.code)
        if not corpus or corpus["n"] < 2:
            return
        analysis = analyse(doc, config)
        docs, display, firsts, blocks = corpus["docs"], corpus["display"], corpus["firsts"], corpus["blocks"]
        flagged = {(fl.start, fl.end) for fl in analysis.flags}
        for e in analysis.entities:
            if e.listed is not None:
                continue
            seen_here = {fold(m.surname) for m in e.mentions}
            my_firsts = {fold(m.first) for m in e.mentions if m.first}
            for key in seen_here:
                if key in analysis.accepted:
                    continue
                mine = docs.get(key, 1)
                best = None
                for b in blocking_keys(key):
                    for other in blocks.get(b, ()):
                        if other in seen_here or close_spelling(key, other) == 0:
                            continue
                        n = docs[other]
                        if n < 2 or n < 2 * mine:
                            continue
                        if my_firsts and firsts[other] and not any(
                            first_compatible(a, b2) for a in my_firsts for b2 in firsts[other]
                        ):
                            continue
                        if best is None or n > best[1]:
                            best = (other, n)
                if best is None:
                    continue
                target = display[best[0]]
                for m in e.mentions:
                    if fold(m.surname) != key:
                        continue
                    a, b = m.surname_span if m.kind == "full" else (m.start, m.end)
                    if (m.start, m.end) in flagged:
                        continue
                    yield self.finding(
                        doc,
                        a,
                        b,
                        f"'{m.surname}' is written '{target}' in {best[1]} other files of the corpus "
                        f"(this spelling: {mine} file{'s' if mine != 1 else ''})",
                        [(target, _UNSAFE)],
                        confidence=0.6,
                    )
