"""Name mentions and the entities they refer to: the analysis every N rule shares.

A *mention* is a run of capitalised tokens that names someone or something ("Ada Quell",
"Quell’s", "von der Aa", "Al-Nour", "J. R. Mott"), with any title in front of it ("Defense
Minister", "Maj. Gen.") kept apart. Mentions are grouped into *entities*: full names with their
later bare surnames, spelling variants of one surname (edit distance and phonetic keys, with
agreeing first names), and bare names that look like each other.

Every comparison is blocked first (by phonetic key and by prefix), so grouping thousands of
distinct names never compares all pairs. The analysis of a document is computed once and shared
by the N rules (it is cached on the Document).
"""
from __future__ import annotations

import importlib.resources
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Callable, Iterable, Sequence

import jellyfish
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from ..lint import lexicon

# ----------------------------------------------------------------- word lists
#: Words that make a title in front of a name (case-folded, abbreviations without the dot).
TITLE_WORDS = frozenset(
    """president vice prime minister ministers secretary defense defence foreign interior finance
    state deputy assistant general attorney senator sen rep representative congressman
    congresswoman governor gov mayor lt lieutenant col colonel maj major gen brig brigadier capt
    captain cmdr commander adm admiral sgt sergeant cpl corporal pvt private dr mr mrs ms mx miss
    prof professor king queen prince princess pope judge justice chancellor ambassador spokesman
    spokeswoman spokesperson chairman chairwoman chair chief director rabbi sheikh imam father
    rev reverend bishop archbishop cardinal sir dame lord lady commissioner coach premier
    speaker envoy adviser advisor national security economic trade health education labor
    labour transport energy homeland home justice treasury commerce agriculture environment
    culture sports emir sultan crown first supreme leader chairperson ceo cfo coo executive
    officer inspector detective superintendent constable sheriff marshal councillor councilor
    alderman delegate mp mep president-elect st saint""".split()
)
#: Abbreviations that take a full stop inside a name run ("Maj. Gen. Pat Doe", "Dr. Lee").
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof gen maj col lt sgt capt cmdr adm gov sen rep rev fr st sr jr brig hon cpl pvt supt insp det".split()
)
#: Lower-case particles inside names (von der Aa, bin Said, de la Cruz).
PARTICLES = frozenset("von van der den de del della di da du dos das la le ter ten bin ibn al el ben zu af av y".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
#: Capitalised words that are not names even mid-sentence.
NOT_NAMES = frozenset(
    """i i'm i’m i've i’ve i'd i’d i'll i’ll january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday
    god ok okay mr mrs ms dr""".split()
)
#: Words that open sentences and are never names.
STOPWORDS = frozenset(
    """a an the this that these those some any each every all both no not his her its their our
    my your he she it they we you i me us them who whom whose what which when where why how
    and or but nor so yet for if then than though although because as at by in on of to from
    with without into onto over under after before since until while during about above below
    between among against through across along around beyond near also still just only even
    there here however meanwhile moreover instead again once many most much more few several
    other another such same one two three four five six seven eight nine ten first last next
    new old yes ok well now today yesterday tomorrow tonight asked said says told according
    ahead amid despite unlike like later earlier soon still do does did is are was were be been being have has had will
    would can could should may might must shall let please thank thanks see follow read""".split()
)
DETERMINERS = frozenset("a an the this that these those some any each every its their our his her my your".split())
#: Verbs of saying that follow a person's name ("Quell said").
SPEECH_VERBS = frozenset(
    "said says told added noted asked wrote argued explained insisted warned stated replied claimed recalled".split()
)
#: Last words that make a run an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """institute center centre university council department ministry party program programme
    house street strip bank group company corp inc ltd agency office committee court hospital
    school college river mountain mountains island islands sea ocean lake county city province
    republic kingdom union nations forces army navy airport station square road avenue park
    bridge church mosque temple museum foundation association society network times post news
    journal press review club team league cup games festival award prize act bill treaty
    accord summit conference organization organisation authority board commission service
    services fund trust coast valley desert gulf bay peninsula region district village town
    capital hall tower palace building plaza market center program""".split()
)
_QUOTE_CUES = re.compile(
    r"\b(?:book|novel|memoir|film|movie|song|album|play|series|show|documentary|article|essay|"
    r"report|poem|opera|painting|exhibition|column|titled|entitled|called|headlined)\W{0,3}$",
    re.I,
)
_QUOTE_PAIRS = re.compile(r"\u201c([^\u201c\u201d\n]{1,200})\u201d|\"([^\"\n]{1,200})\"|\u2018([^\u2018\u2019\n]{1,200})\u2019(?!\w)")
_QWORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_CLAUSE_PUNCT = re.compile(r"[.!?,;]\s")
_OPENING = re.compile(r"[:\u201c\"]\s*[\u201c\"\u2018']?$")
_APOS = "'\u2019\u02bc"
_POSSESSIVE = re.compile(r"[" + _APOS + r"]s$")
_OPEN_CHAR = re.compile("[:\u201c\"]")  # the characters one of which _OPENING requires


def _strip_possessive(tok: str) -> str:
    """``_POSSESSIVE.sub("", tok)`` without a regex: a word token has no newline, so ``$`` is
    its end."""
    return tok[:-2] if len(tok) >= 2 and tok[-1] == "s" and tok[-2] in _APOS else tok


_GAP_SPACE = re.compile(r"[ \t\u00a0]{1,3}(?:\r?\n[ \t]*)?|\r?\n[ \t]*")
_GAP_DOT = re.compile(r"\.[ \t\u00a0]{0,2}(?:\r?\n)?")
_LOWER_PART = re.compile(r"^(?:" + "|".join(sorted(PARTICLES)) + r")[\-\u2010\u2011](?=[A-Z])")


@lru_cache(maxsize=131072)
def fold(s: str) -> str:
    """Case-fold and strip accents and apostrophes: the key two spellings are compared on."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c) and c not in _APOS)


@lru_cache(maxsize=65536)
def phonetic(s: str) -> str:
    f = fold(s)
    letters = "".join(c for c in f if c.isalpha() and c.isascii())
    if not letters:
        return f
    try:
        return jellyfish.metaphone(letters)
    except Exception:  # pragma: no cover - jellyfish rejects odd input
        return letters.upper()


def _read_census(name: str) -> set[str]:
    try:
        path = importlib.resources.files("names") / name
        text = path.read_text(encoding="utf-8", errors="replace")
    except (ModuleNotFoundError, FileNotFoundError, OSError, TypeError):
        return set()
    out = set()
    for line in text.splitlines():
        parts = line.split()
        if parts:
            out.add(parts[0].casefold())
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of the US census lists shipped in the MIT-licensed ``names`` package."""
    return frozenset(_read_census("dist.male.first") | _read_census("dist.female.first"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_read_census("dist.all.last"))


COMMON_WORD = 1_000_000  # lexicon count above which a lower-case form is an everyday word


@lru_cache(maxsize=32768)
def _word_frequency(word: str) -> int:
    """The lexicon count of a word's folded form, cached: asked of the same words again and again."""
    return lexicon.frequency(fold(word))


def is_common_word(word: str, threshold: int = COMMON_WORD) -> bool:
    return _word_frequency(word) >= threshold


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()


def is_established(word: str) -> bool:
    """A spelling that exists in its own right: an English word or a census surname."""
    f = fold(word)
    return lexicon.frequency(f) >= 50_000 or f in surnames()


# ------------------------------------------------------------------ similarity
_MORPH_SUFFIXES = ("s", "es", "i", "is", "n", "an", "ian", "ans", "ians", "ese", "ish", "ite", "ites", "ic")


_GENDERED = (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("yn", "yna"), ("ski", "ska"), ("sky", "skaya"),
             ("skiy", "skaya"), ("cki", "cka"), ("dzki", "dzka"), ("ý", "á"), ("is", "ienė"), ("as", "ienė"))


def morphological(a: str, b: str) -> bool:
    """True when one spelling is the other plus an English ending (Kenya/Kenyan, Japan/Japanese)
    or its other-gender form (Karimov/Karimova, Nowacki/Nowacka): related words or relatives,
    not a misspelling."""
    if len(a) > len(b):
        a, b = b, a
    for m, f in _GENDERED:
        if len(a) > len(m) + 2 and a.endswith(m) and b == a[: len(a) - len(m)] + f:
            return True
    if not b.startswith(a):
        return False
    suffix = b[len(a):]
    if suffix not in _MORPH_SUFFIXES:
        return False
    if suffix == "n" and a[-1:] not in "aeiou":
        return False  # "Quellman"/"Quellmann" is a doubled letter, "Kenya"/"Kenyan" a demonym
    return True


def phon_dist(a: str, b: str) -> int:
    return Levenshtein.distance(phonetic(a), phonetic(b))


def close_spelling(a: str, b: str) -> float:
    """Similarity (0..1) of two spellings of one name, or 0 when they are not variants.

    Both must look alike (rapidfuzz ratio) and sound alike (metaphone keys at most one edit
    apart). Used where nothing else says the two are one name (bare names, places)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 3:
        return 0.0
    if morphological(fa, fb):
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    pd = phon_dist(fa, fb)
    if r >= 0.8 and pd <= 1:
        return r
    if r >= 0.75 and pd == 0 and fa[0] == fb[0]:
        return r
    return 0.0


def close_surname(a: str, b: str) -> float:
    """Like :func:`close_spelling`, for the surname of a known person: one slip of typing
    (a letter dropped, added, changed or two swapped) is enough even where the phonetic key
    changes ("Abela"/"Aela"), since the person's introduction already says it is a name."""
    s = close_spelling(a, b)
    if s:
        return s
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 4 or morphological(fa, fb):
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    if OSA.distance(fa, fb) <= 1 or (r >= 0.9 and min(len(fa), len(fb)) >= 7):
        return r
    return 0.0


def loose_spelling(a: str, b: str) -> float:
    """Looser similarity for a bare surname that may be a damaged form of an introduced one."""
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 4 or fa[0] != fb[0] or morphological(fa, fb):
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    if r >= 0.6 and phon_dist(fa, fb) <= 1:
        return r
    return 0.0


@lru_cache(maxsize=131072)
def first_compatible(a: str, b: str) -> bool:
    """Could these two first names be one person's (equal, an initial, or a misspelling)?"""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa in given_names() and fb in given_names():
        return False  # two real, different given names: two people
    return fuzz.ratio(fa, fb) >= 70 and phon_dist(fa, fb) <= 1


def blocking_keys(s: str) -> tuple[str, ...]:
    """Phonetic key, the last three letters, and the one-letter deletions of the first four
    (as SymSpell does): two spellings one or two edits apart nearly always share one."""
    f = fold(s)
    head = f[:4]
    keys = {"p:" + phonetic(f), "e:" + f[-3:]}
    if len(head) < 4:
        keys.add("b:" + head)
    else:
        keys.update("b:" + head[:k] + head[k + 1 :] for k in range(4))
    return tuple(sorted(keys))


_PREFILTER = 59.0  # no similarity test of this module accepts a pair below this ratio


def cluster_spellings(spellings: Sequence[str], close: Callable[[str, str], float] = close_spelling) -> list[list[int]]:
    """Group spellings that are variants of each other, comparing only within blocks.

    Blocks are those of :func:`blocking_keys`: a damaged spelling nearly always keeps one of
    them. Returns groups of indices (singletons too).
    """
    parent = list(range(len(spellings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(spellings):
        for k in blocking_keys(s):
            blocks[k].append(i)
    folded = [fold(s) for s in spellings]
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        choices = [folded[i] for i in members]
        for x in range(len(members) - 1):
            i = members[x]
            # rapidfuzz scans the rest of the block in C; only near pairs reach Python
            near = process.extract(
                choices[x], choices[x + 1 :], scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=None
            )
            for _, _, y in near:
                j = members[x + 1 + y]
                key = (i, j) if i < j else (j, i)
                if key in seen:
                    continue
                seen.add(key)
                if find(i) != find(j) and close(spellings[i], spellings[j]) > 0:
                    parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(spellings)):
        groups[find(i)].append(i)
    return list(groups.values())


# -------------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    #: (start, end, text) of each name token, particles included
    tokens: list[tuple[int, int, str]]
    title: tuple[str, ...]
    possessive: bool
    sentence: int
    paragraph: int
    sentence_initial: bool
    #: in a paragraph that repeats an earlier one (a caption pasted twice)
    duplicate: bool = False
    #: in a paragraph that occurs more than once (its first copy too)
    repeated: bool = False
    kind: str = "bare"  # "full", "bare" or "org"
    #: the mention as written (name tokens and what lies between them)
    raw: str = ""
    entity: int = -1
    word_like: bool = False

    def __post_init__(self) -> None:
        # the cache of _surname_parts, set by every __init__ so that instance dictionaries keep
        # sharing their keys (an attribute added later makes each dictionary a larger one);
        # not a dataclass field: equality, repr and asdict do not see it
        self._surname_cache: tuple[str, tuple[int, int, str]] | None = None

    @property
    def text(self) -> str:
        return self.raw or " ".join(t[2] for t in self.tokens)

    @property
    def first(self) -> str | None:
        return self.tokens[0][2] if self.kind == "full" else None

    def _surname_parts(self) -> tuple[int, int, str]:
        """(surname_index, surname_end, surname), computed once per mention and kind.

        The N rules ask a mention for its surname tens of thousands of times; ``tokens`` never
        change once the mention is made, and ``kind`` is checked, so the cached answer is the
        one the properties would compute again."""
        cached = self._surname_cache
        if cached is not None and cached[0] == self.kind:
            return cached[1]
        toks = self.tokens
        i = len(toks) - 1
        while i > 0 and fold(toks[i][2]).rstrip(".") in SUFFIXES:
            i -= 1
        j = i
        while j > 1 and fold(toks[j - 1][2]) in PARTICLES:
            j -= 1
        index = max(j, 1) if self.kind == "full" else 0
        end = i + 1
        parts = (index, end, " ".join(t[2] for t in toks[index:end]))
        self._surname_cache = (self.kind, parts)
        return parts

    @property
    def surname_index(self) -> int:
        """Index of the first token of the surname (particles before the last word belong to it)."""
        return self._surname_parts()[0]

    @property
    def surname_end(self) -> int:
        return self._surname_parts()[1]

    @property
    def surname(self) -> str:
        return self._surname_parts()[2]

    @property
    def surname_span(self) -> tuple[int, int]:
        index, end, _ = self._surname_parts()
        toks = self.tokens[index:end]
        return toks[0][0], toks[-1][1]


_HYPHENS = re.compile(r"[\-\u2010\u2011]")


@lru_cache(maxsize=32768)
def _is_cap(tok: str) -> bool:
    # Cached (bounded: a few MB at most): a pure function of the token, the lexicon being fixed.
    c = tok[0]
    if c.isupper():
        parts = _HYPHENS.split(tok)
        # "China-style", "US-led": an adjective, not a name ("Okonkwo-Reyes", "Al-Nour" are)
        return all(p[:1].isupper() or fold(p) in PARTICLES or not is_common_word(p, 7_000_000) for p in parts[1:])
    return bool(_LOWER_PART.match(tok))


@lru_cache(maxsize=32768)
def _is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _quoted_title_spans(text: str, para_start: int, para_end: int, matches=None) -> list[tuple[int, int]]:
    out = []
    for m in _QUOTE_PAIRS.finditer(text, para_start, para_end) if matches is None else matches:
        gi = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        inner = m.group(gi)
        words = _QWORD.findall(inner)
        if not words:
            continue
        caps = sum(1 for w in words if w[0].isupper())
        titleish = len(words) >= 2 and caps / len(words) >= 0.6 and not _CLAUSE_PUNCT.search(inner)
        cue = _QUOTE_CUES.search(text, max(para_start, m.start() - 30), m.start())
        if titleish or cue:
            out.append(m.span(gi))
    return out


#: token -> (its lower-case form when the document writes it in lower case, else None; the
#: ``info`` tuple of extract_mentions). Pure functions of the token, so kept across documents:
#: a run over many small files meets the same words again and again.
_WORD_FACTS: dict[str, tuple[str | None, tuple[str | None, bool, bool, bool, bool, bool, str]]] = {}


def _word_facts(tok: str) -> tuple[str | None, tuple[str | None, bool, bool, bool, bool, bool, str]]:
    t = _strip_possessive(tok)
    cap = None
    low = None
    if t[:1].islower() and not _LOWER_PART.match(t):
        low = t.casefold()
    elif t[:1].isupper():
        cap = fold(t)
    runner = _is_cap(tok) and not _is_acronym(tok) and not tok[0].isdigit()
    opens = runner or fold(tok) in PARTICLES
    alone_dead = fold(tok) in NOT_NAMES or _is_acronym(tok)
    fb = fold(t)
    initial_dead = alone_dead or fb in STOPWORDS or fb in NOT_NAMES
    goes_on = _is_cap(tok) or fold(tok) in _BRIDGES
    if len(_WORD_FACTS) >= 200_000:
        _WORD_FACTS.clear()  # bounded: a huge vocabulary starts over rather than growing
    f = _WORD_FACTS[tok] = (low, (cap, opens, alone_dead, initial_dead, goes_on, runner, t.casefold()))
    return f


def extract_mentions(doc) -> list[Mention]:
    """Name mentions of a document, in text order."""
    text = doc.text
    words = doc.words
    sentences = doc.sentences
    sent_starts = [s.start for s in sentences]
    paras = doc.paragraphs
    # duplicated paragraphs count once as evidence
    seen_para: dict[str, int] = {}
    para_dup = [False] * len(paras)
    para_rep = [False] * len(paras)
    for i, p in enumerate(paras):
        key = " ".join(p.text.split())
        if key in seen_para and len(key) > 20:
            para_dup[i] = True
            para_rep[i] = True
            para_rep[seen_para[key]] = True
        else:
            seen_para.setdefault(key, i)
    titles: list[tuple[int, int]] = []
    # One scan of the whole text finds the quotation pairs a scan of each paragraph finds: a
    # pair holds no line break and begins and ends with a quotation mark, so it never spans
    # two paragraphs or the white space between them (where no pair can begin either); the
    # paragraph of each pair bounds its cue search.
    para_starts = [p.start for p in paras]
    for qm in _QUOTE_PAIRS.finditer(text):
        pi = bisect_right(para_starts, qm.start()) - 1
        if pi >= 0 and qm.end() <= paras[pi].end:
            p = paras[pi]
            titles.extend(_quoted_title_spans(text, p.start, p.end, (qm,)))
    title_starts = [a for a, _ in titles]

    def in_title(pos: int) -> bool:
        i = bisect_right(title_starts, pos) - 1
        return i >= 0 and titles[i][0] <= pos < titles[i][1]

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
            if k and ws > 0 and _OPENING.search(text[max(0, ws - 3) : ws]):
                first_word_of_sentence.add(k)
            k += 1

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(sent_starts, pos) - 1)

    # how the document itself writes each word: in lower case somewhere, capitalised mid-sentence
    lower: set[str] = set()
    cap_mid: set[str] = set()
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
    info: dict[str, tuple[str | None, bool, bool, bool, bool, bool, str]] = {}
    capitalised: dict[str, bool] = {}
    can_open: dict[str, bool] = {}
    facts = _WORD_FACTS
    for tok in dict.fromkeys(map(itemgetter(2), words)):
        f = facts.get(tok)
        if f is None:
            f = _word_facts(tok)
        if f[0] is not None:
            lower.add(f[0])
        info[tok] = f[1]
        capitalised[tok] = f[1][0] is not None
        can_open[tok] = f[1][1]
    for k in compress(range(n), map(capitalised.__getitem__, map(itemgetter(2), words))):
        if k not in first_word_of_sentence:
            cap_mid.add(info[words[k][2]][0])
    ctx = {"lower": lower, "cap_mid": cap_mid}

    out: list[Mention] = []
    i = 0
    for start in compress(range(n), map(can_open.__getitem__, map(itemgetter(2), words))):
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
                    run_end = _run_from(words, text, j)
                    _emit(out, words, text, i, run_end, doc, sentence_of, first_word_of_sentence, para_dup, para_rep, in_title, particle_start=True, ctx=ctx)
                    i = run_end
                    continue
            i += 1
            continue
        run_end = _run_from(words, text, i) if i + 1 < n and info[words[i + 1][2]][4] else i + 1
        if run_end == i + 1 and (
            info[tok][2] if i not in first_word_of_sentence else info[tok][3] or info[tok][6] in lower
        ):
            i = run_end
            continue
        _emit(out, words, text, i, run_end, doc, sentence_of, first_word_of_sentence, para_dup, para_rep, in_title, ctx=ctx)
        i = max(run_end, i + 1)
    return out


@lru_cache(maxsize=16384)
def _title_like(f: str) -> bool:
    """Is the folded word ``f`` part of a title ("minister", "of", "vice-president")? Cached."""
    return f in TITLE_WORDS or f in ("of", "for") or all(p in TITLE_WORDS for p in _HYPHENS.split(f))


_BRIDGES = PARTICLES | {"of", "for"}
_ORG_OR_TITLE = ORG_WORDS | TITLE_WORDS


def _run_from(words, text: str, i: int) -> int:
    """Index just past the run of name-like tokens that starts at ``i``."""
    n = len(words)
    j = i
    while j < n:
        w = words[j]
        tok = w[2]
        if j > i:
            pw = words[j - 1]
            gap = text[pw[1] : w[0]]
            prev = pw[2]
            prev_f = fold(prev)
            ok_gap = gap == " " or bool(_GAP_SPACE.fullmatch(gap))  # one space: the usual gap
            if not ok_gap and _GAP_DOT.fullmatch(gap):
                ok_gap = (len(prev) == 1 and prev.isupper()) or prev_f in ABBREVIATIONS
            if not ok_gap:
                break
            if len(prev) >= 2 and prev[-1] == "s" and prev[-2] in _APOS:  # _POSSESSIVE.search(prev)
                break
            low = fold(tok)
            if low in PARTICLES or low in ("of", "for"):
                # bridge "de la Cruz", "Secretary of State" (only after a title word)
                k = j
                while k < n and fold(words[k].text) in _BRIDGES and k - j < 3:
                    k += 1
                if k < n and _is_cap(words[k].text) and (low in PARTICLES or prev_f in TITLE_WORDS):
                    if low in ("of", "for") and prev_f not in TITLE_WORDS:
                        break
                    j = k
                    continue
                break
        if not _is_cap(tok) or _is_acronym(tok) and not (len(tok) <= 2):
            break
        if _is_acronym(tok) and j > i:
            break
        if fold(tok) in NOT_NAMES and j > i:
            break
        j += 1
        if j - i > 10:
            break
    return j


def _emit(out, words, text, i, j, doc, sentence_of, first_word, para_dup, para_rep, in_title, particle_start=False, ctx=None):
    toks = [(w[0], w[1], w[2]) for w in words[i:j]]
    initial_pos = i in first_word
    # the sentence-initial word: keep it only when it is not an everyday word
    if initial_pos and toks and not particle_start:
        t0 = toks[0][2]
        base = _strip_possessive(t0)
        nxt = words[j].text.casefold() if j < len(words) else ""
        if not _initial_is_name(base, t0, len(toks), nxt, ctx):
            toks = toks[1:]
            initial_pos = False
    # drop lone acronyms and non-names
    while toks and (fold(toks[0][2]) in NOT_NAMES or _is_acronym(toks[0][2])):
        toks = toks[1:]
    if not toks:
        return
    # split off the title: everything up to the last title word that has a name after it
    cut = 0
    for k, t in enumerate(toks[:-1]):
        f = fold(t[2]).rstrip(".")
        if _title_like(f):
            cut = k + 1
        elif k < len(toks) - 1 and cut == k and _is_demonym_like(t[2]) and k + 1 < len(toks) - 1 and fold(toks[k + 1][2]) in TITLE_WORDS:
            cut = k + 1
    title = tuple(fold(t[2]).rstrip(".") for t in toks[:cut])
    name = toks[cut:]
    # trailing particles cannot end a name
    while name and fold(name[-1][2]) in PARTICLES:
        name = name[:-1]
    if not name:
        return
    last = name[-1]
    possessive = False
    if _POSSESSIVE.search(last[2]) and len(last[2]) > 2:
        possessive = True
        name[-1] = (last[0], last[1] - 2, last[2][:-2])
    if any(len(t[2]) == 0 for t in name):
        return
    if not any(len(t[2]) > 1 and any(map(str.islower, t[2])) for t in name):
        return
    start = name[0][0]
    if in_title(start):
        return
    para = doc.paragraph_at(start)
    m = Mention(
        start=start,
        end=name[-1][1],
        tokens=name,
        title=title,
        possessive=possessive,
        sentence=sentence_of(start),
        paragraph=para if para is not None else -1,
        sentence_initial=initial_pos and cut == 0,
        raw=text[start : name[-1][1]],
    )
    if m.paragraph >= 0:
        m.duplicate = para_dup[m.paragraph]
        m.repeated = para_rep[m.paragraph]
    name_words = [t[2] for t in name if fold(t[2]) not in PARTICLES]
    if len(name_words) >= 2:
        if len(name_words) > 5 or fold(name_words[-1]) in ORG_WORDS:
            m.kind = "org"
        elif all(is_common_word(w, 5_000_000) for w in name_words) and not is_given_name(name_words[0]):
            m.kind = "org"
        elif len(name_words[0]) > 1 and not is_given_name(name_words[0]) and (
            fold(name_words[0]) in _ORG_OR_TITLE
            or (is_common_word(name_words[0], 5_000_000) and is_common_word(name_words[-1], 50_000))
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
                nxt = rest[0].strip(".,;:!?\u201d\"").casefold()
            m.word_like = prev in DETERMINERS or not (possessive or nxt in SPEECH_VERBS or title)
    out.append(m)


_NOUNISH = re.compile(r"(?:ist|ists|er|ers|or|ors|ian|ians|ent|ents|ant|ants|ing|ed|ly|ion|ions|ive|al|ness|ment|ity|s)$")


def _initial_is_name(base: str, tok: str, run_len: int, nxt: str, ctx) -> bool:
    """Is a capitalised word that opens a sentence part of a name?"""
    f = fold(base)
    if f in STOPWORDS or f in NOT_NAMES:
        return False
    if ctx and base.casefold() in ctx["lower"]:
        return False  # the document writes it in lower case: a word
    if f in given_names() or f in TITLE_WORDS or (ctx and f in ctx["cap_mid"]):
        return True
    freq = lexicon.frequency(f)
    if freq < 50_000:
        return True  # not an English word: a name
    if run_len > 1:
        return freq < 5_000_000 and not _NOUNISH.search(f)
    evidence = bool(_POSSESSIVE.search(tok)) or nxt in SPEECH_VERBS
    return evidence and (f in surnames() or freq < 5_000_000)


def _is_demonym_like(tok: str) -> bool:
    f = fold(tok)
    return f.endswith(("an", "ian", "ese", "i", "ish")) and tok[0].isupper()


# -------------------------------------------------------------------- entities
@dataclass
class Entity:
    id: int
    mentions: list[Mention] = field(default_factory=list)
    person: bool = False
    #: set when the entity was matched to a names-list entry: (first or None, surname/place)
    listed: tuple[str | None, str] | None = None
    #: bare mentions attached because they look like a damaged form of this person's surname
    loose: list[Mention] = field(default_factory=list)

    @property
    def fulls(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "full"]


@dataclass
class Flag:
    """A mention a rule should report: which rule, what to suggest, and why."""

    code: str
    mention: Mention
    start: int
    end: int
    suggestions: list[str]
    message: str
    confidence: float


@dataclass
class SlotChoice:
    canonical: str | None
    certain: bool
    ranked: list[str]
    counts: Counter
    raw_counts: Counter
    intro: str | None
    source: str  # "list", "introduction", "frequency", "lexicon", "uncertain"


@dataclass
class Analysis:
    mentions: list[Mention]
    entities: list[Entity]
    flags: list[Flag]
    #: folded spellings of names that a names list accepts
    accepted: set[str]


class NamesIndex:
    """A names list, indexed by blocking keys for near-miss look-ups."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.entries: list[tuple[str | None, str, str]] = []  # (first, surname, full)
        self.exact: set[str] = set()
        self.surname_exact: set[str] = set()
        self.blocks: dict[str, list[int]] = defaultdict(list)
        for e in entries:
            toks = e.split()
            if not toks:
                continue
            if len(toks) == 1:
                first, sur = None, toks[0]
            else:
                j = len(toks) - 1
                while j > 1 and fold(toks[j - 1]) in PARTICLES:
                    j -= 1
                first, sur = toks[0], " ".join(toks[j:])
            idx = len(self.entries)
            self.entries.append((first, sur, e))
            self.exact.add(fold(e))
            self.surname_exact.add(fold(sur))
            for k in blocking_keys(sur):
                self.blocks[k].append(idx)

    def candidates(self, surname: str) -> list[int]:
        out: list[int] = []
        seen: set[int] = set()
        for k in blocking_keys(surname):
            for i in self.blocks.get(k, ()):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return out

    def match_person(self, first: str, surname: str) -> tuple[int, float] | None:
        """The entry a full name is a near miss (or an exact match) of, with a score."""
        best: list[tuple[float, int]] = []
        full = f"{first} {surname}"
        for i in self.candidates(surname):
            ef, es, efull = self.entries[i]
            if ef is None:
                continue
            sur_eq = fold(es) == fold(surname)
            sur_close = sur_eq or close_surname(surname, es) > 0
            if fold(first) == fold(ef) and sur_close:
                best.append((1.0 if sur_eq else 0.9, i))
            elif sur_eq and first_compatible(first, ef):
                best.append((0.9, i))
            else:
                fr = fuzz.ratio(fold(full), fold(efull))
                if fr >= 82 and fuzz.ratio(fold(first), fold(ef)) >= 70 and fuzz.ratio(fold(surname), fold(es)) >= 70 \
                        and phon_dist(surname, es) <= 1:
                    best.append((fr / 100 * 0.9, i))
        if not best:
            return None
        best.sort(reverse=True)
        if len(best) > 1 and best[1][0] == best[0][0] and fold(self.entries[best[1][1]][2]) != fold(self.entries[best[0][1]][2]):
            return None  # two entries fit equally: do not guess
        return best[0][1], best[0][0]

    def match_bare(self, spelling: str, strict: bool) -> int | None:
        f = fold(spelling)
        hits = []
        for i in self.candidates(spelling):
            ef, es, _ = self.entries[i]
            if fold(es) == f:
                return i
            s = close_spelling(spelling, es)
            if s and (ef is None or s >= (0.85 if strict else 0.8)):
                hits.append((s, i))
        if not hits:
            return None
        hits.sort(reverse=True)
        if len(hits) > 1 and hits[1][0] == hits[0][0] and fold(self.entries[hits[1][1]][1]) != fold(self.entries[hits[0][1]][1]):
            return None
        return hits[0][1]


def analyse(doc, config) -> Analysis:
    """The shared analysis of ``doc`` (computed once per document and names list)."""
    names = config.vocabulary.names
    return doc.memo("mentions.analysis", lambda: _analyse(doc, _names_index(names)), on=names)


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


def _count(mentions: Iterable[Mention], slot: Callable[[Mention], str | None]) -> tuple[Counter, Counter, dict[str, str]]:
    """Counts of each spelling (folded), once per distinct passage, and the display form."""
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


def _choose(mentions: list[Mention], slot: Callable[[Mention], str | None], listed: str | None,
            intro: Mention | None, lexicon_check: Callable[[str], bool] | None = None) -> SlotChoice:
    counts, raw, display = _count(mentions, slot)
    intro_f = fold(slot(intro)) if intro is not None and slot(intro) else None
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


def _describe(choice: SlotChoice) -> str:
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


def _analyse(doc, index: NamesIndex | None) -> Analysis:
    mentions = extract_mentions(doc)
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
    sur_blocks: dict[str, set[str]] = defaultdict(set)
    for s in surname_index:
        for k in blocking_keys(s):
            sur_blocks[k].add(s)
    # "The person named most recently before a mention" is asked per mention: instead of
    # scanning the person's mentions each time (quadratic in a long text), keep the starts of
    # each person's mentions as sorted lists -- the person's own (already sorted), the bare
    # mentions attached below, then those attached from the pool (each added in text order) --
    # and bisect them. ``latest_before`` is the max start < pos over a person's mentions.
    starts_of: dict[int, tuple[list[int], list[int], list[int]]] = {
        e.id: ([x.start for x in e.mentions], [], []) for e in entities
    }

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
        ids = surname_index.get(f)
        if ids:
            ids = list(dict.fromkeys(ids))
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

    # 4. context: which entities share sentences
    sent_entities: dict[int, set[int]] = defaultdict(set)
    for e in entities:
        for m in e.mentions:
            sent_entities[m.sentence].add(e.id)
    context: dict[int, set[int]] = defaultdict(set)
    for e in entities:
        for m in e.mentions:
            context[e.id] |= sent_entities[m.sentence] - {e.id}

    # 5. unintroduced bare surnames that look like a damaged introduced surname (N003)
    by_initial: dict[str, list[int]] = defaultdict(list)
    for e in entities:
        if e.person:
            for ini in {fold(x.surname)[:1] for x in e.fulls}:
                by_initial[ini].append(e.id)
    titles: dict[int, set[str]] = defaultdict(set)
    for e in entities:
        for x in e.mentions:
            titles[e.id] |= _specific(x.title)
    # each person's distinct full-name surnames: the max similarity over them is the max over
    # all full mentions (the loop below only moves bare mentions, never full ones)
    full_surnames: dict[int, list[str]] = {}
    for m in singles:
        if not (m.possessive or not m.word_like):
            continue
        f = fold(m.text)
        if f in first_names or (index is not None and f in accepted):
            continue
        if m.entity >= 0 and len(entities[m.entity].mentions) > 1:
            # a bare name used several times on its own is a name in its own right
            continue
        cands = []
        for eid in by_initial.get(f[:1], ()):
            e = entities[eid]
            surs = full_surnames.get(eid)
            if surs is None:
                surs = full_surnames[eid] = list(dict.fromkeys(x.surname for x in e.mentions if x.kind == "full"))
            sims = [loose_spelling(f, sur) for sur in surs]
            s = max(sims) if sims else 0.0
            if s <= 0:
                continue
            mctx = sent_entities[m.sentence] - {m.entity, eid}
            shared = (mctx & context[eid]) or (_specific(m.title) & titles[eid])
            if shared:
                cands.append((s, eid))
        if len(cands) == 1:
            eid = cands[0][1]
            own = entities[m.entity] if m.entity >= 0 else None  # noqa: SIM
            if own is not None and m in own.mentions:
                own.mentions.remove(m)
            m.entity = eid
            entities[eid].loose.append(m)

    # 6. choose canonical spellings and flag
    flags: list[Flag] = []
    for e in entities:
        if e.person:
            _flag_person(e, index, accepted, flags)
        else:
            _flag_bare_entity(e, index, accepted, flags)
    for m, keys in ambiguous:
        if index is not None and fold(m.text) in accepted:
            continue
        people = []
        for k in keys:
            for eid in dict.fromkeys(surname_index[k]):
                full = entities[eid].fulls[0] if entities[eid].fulls else None
                people.append((entities[eid].fulls[0].surname if full else k, full.text if full else k))
        opts = list(dict.fromkeys(p[0] for p in people))
        named = ", ".join(f"{sur} ({full})" for sur, full in dict.fromkeys(people))
        msg = (f"'{m.text}' is never introduced and looks like a misspelling of the surname of more than one "
               f"person named here: {named}; which one is uncertain")
        flags.append(Flag("N001", m, m.start, m.end, opts[:4], msg, 0.5))
    flags.sort(key=lambda f: (f.start, f.code))
    return Analysis(mentions, entities, flags, accepted)


_GENERIC_TITLES = frozenset("mr mrs ms mx miss dr sir dame st saint of for".split())


def _specific(title: tuple[str, ...]) -> set[str]:
    """Title words that say which office someone holds ("defense", "minister"), not "Mr"."""
    return {t for t in title if t not in _GENERIC_TITLES}


def _intro(e: Entity) -> Mention | None:
    fulls = e.fulls
    body = [m for m in fulls if not m.repeated]
    if body:
        return body[0]
    return None


def _flag_person(e: Entity, index: NamesIndex | None, accepted: set[str], flags: list[Flag]) -> None:
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
    sur = _choose(e.mentions, lambda m: m.surname, listed_sur, intro)
    first = _choose(fulls, lambda m: m.first, listed_first, intro, lexicon_check=lambda f: f in given_names())
    listed = e.listed is not None
    code = "N002" if listed else "N001"
    n_sur = len(sur.counts)
    n_first = len(first.counts)
    for m in e.mentions:
        if m.kind == "full" and fold(m.text) in accepted and index is not None and fold(m.text) in index.exact:
            continue
        sur_f = fold(m.surname)
        sur_bad = (sur.certain and sur_f != fold(sur.canonical or "")) or (not sur.certain and n_sur > 1)
        first_bad = False
        if m.kind == "full":
            ff = fold(m.first or "")
            first_bad = (first.certain and ff != fold(first.canonical or "")) or (not first.certain and n_first > 1)
        if not (sur_bad or first_bad):
            continue
        if not listed and m.kind == "bare" and sur_f in accepted:
            continue
        sur_opts = [sur.canonical] if sur.certain else [r for r in sur.ranked]
        first_opts = [first.canonical] if (m.kind == "full" and first.certain) else (first.ranked if m.kind == "full" else [None])
        suggestions = []
        for fo in first_opts:
            for so in sur_opts:
                rep = _rewrite(m, fo, so)
                if rep != m.text and rep not in suggestions:
                    suggestions.append(rep)
        suggestions = suggestions[:4]
        if not suggestions:
            continue
        start, end = m.start, m.end
        uncertain = (sur_bad and not sur.certain) or (first_bad and not first.certain)
        what = []
        if n_sur > 1:
            what.append(f"surname spelled {n_sur} ways here: {_describe(sur)}")
        if m.kind == "full" and n_first > 1:
            what.append(f"first name spelled {n_first} ways: {_describe(first)}")
        if listed:
            lf = f"{listed_first} {listed_sur}" if listed_first else listed_sur
            msg = f"'{m.text}' differs from the names list's '{lf}'"
            if what:
                msg += "; " + "; ".join(what)
            conf = 0.85
        elif uncertain:
            msg = f"'{m.text}': one person's name is spelled inconsistently and the right spelling is uncertain; candidates ranked: " + "; ".join(what)
            conf = 0.6
        else:
            src = sur.source if sur_bad else first.source
            why = {"introduction": "as introduced", "frequency": "most often", "lexicon": "a known given name", "only": "elsewhere"}.get(src, "elsewhere")
            msg = f"'{m.text}' is a variant of '{suggestions[0]}' ({why}); " + "; ".join(what)
            conf = 0.8
        flags.append(Flag(code, m, start, end, suggestions, msg, conf))
    # bare surnames never introduced that look like this person's surname (N003)
    canonical_sur = sur.canonical if sur.certain else (sur.ranked[0] if sur.ranked else None)
    if canonical_sur:
        for m in e.loose:
            if fold(m.text) == fold(canonical_sur):
                continue
            full = fulls[0].text if fulls else canonical_sur
            msg = (f"'{m.text}' is never introduced, but looks like the surname of {full} named earlier "
                   f"(seen in the same context); probably '{canonical_sur}'")
            flags.append(Flag("N003", m, m.start, m.end, [canonical_sur], msg, 0.6))


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


def _flag_bare_entity(e: Entity, index: NamesIndex | None, accepted: set[str], flags: list[Flag]) -> None:
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
    choice = _choose(ms, lambda m: m.text, listed, None)
    if listed is None:
        top = choice.ranked[0]
        tc = choice.counts[fold(top)]
        others = [choice.counts[fold(r)] for r in choice.ranked[1:]]
        if tc < 2 or (others and tc < 2 * max(others)):
            # bare names with no clear majority may well be two places ("Shanxi", "Shaanxi")
            return
    code = "N002" if listed is not None else "N001"
    desc = _describe(choice)
    for m in ms:
        f = fold(m.text)
        if choice.certain and f == fold(choice.canonical or ""):
            continue
        if listed is None and f in accepted:
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
        flags.append(Flag(code, m, m.start, m.end, opts[:4], msg, conf))
