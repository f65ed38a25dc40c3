"""D: duplicated paragraphs, captions and sentences.

Scrapers paste a photo caption twice, republishing tools repeat a paragraph, and paraphrasing
leaves the same sentence in two places. The checks run in time linear in the number of
paragraphs: exact copies are found by hashing a normalised text; near copies only among
candidates that share a blocking key (the first words, the last words, or a few sampled word
shingles), and only those candidates are compared with rapidfuzz.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from ..lint.lazyimport import lazy_module
from ..lint.markup import technical
from ..lint.rule import Rule
from ..lint.lazyre import lazy_re
from ..lint._records import record
from ._dupnear import NEAR_RATIO, number_facts, numbers_may_agree
from ._charscan import single_spaced
from ._dupnear import keys as _keys
from ._dupnear import words as _words
from ._dupnear import length_range as _length_range
from ._dupnear import sentence_top as _sentence_top
from ._dupnear import _LIST_ITEM, word_count, words_utf8  # noqa: F401 (_LIST_ITEM: tests use it)
from ._dupnear import list_item as _list_item
from ._dupnear import ends_sentence as _ends_sentence
from ._dupnear import fold_ascii as _fold_ascii
from ._dupnear import near_similarity as _near_similarity  # noqa: F401 (tests compare with it)
from ._dupnear import near_similarity_cut as _near_similarity_cut
from ._dupnear import same_numbers as _same_numbers

if TYPE_CHECKING:
    from rapidfuzz import fuzz
else:
    fuzz = lazy_module("rapidfuzz.fuzz")  # imported when first used

# Paragraphs shorter than this are never duplicates worth reporting: datelines, "* * *",
# list items, short headings and refrains are repeated on purpose.
MIN_WORDS_EXACT = 6
MIN_CHARS_EXACT = 30
MIN_WORDS_NEAR = 10
BUCKET_LIMIT = 8  # compare with at most this many earlier paragraphs per key
WAITING_LIMIT = 16  # paragraphs whose keys wait until a later paragraph may copy one (see below)

MIN_WORDS_SENTENCE = 6

_WS = lazy_re(r"\s+")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
def normalise(text: str) -> str:
    r"""Case-, width- and whitespace-insensitive form used to compare blocks.

    Same result as ``_WS.sub(" ", NFKC(text).translate(_QUOTES)).strip().casefold()``, faster:
    the quote map's targets are ASCII and none is a source, so five ``str.replace`` calls do
    what ``translate`` does (and ASCII text has none to replace); ``str.split()`` splits on
    exactly the characters ``\s`` matches (both use ``str.isspace``), so joining the pieces
    with one space equals substituting runs and stripping the ends.
    """
    if not text.isascii():
        # (an ellipsis and a no-break space, NFKC's commonest changes in prose, made what NFKC
        # makes them first: it decomposes each character on its own, so the result is the same,
        # and a text left without its changes passes the quick check, not decomposed in full)
        if "\u2026" in text:
            text = text.replace("\u2026", "...")
        if "\u00a0" in text:
            text = text.replace("\u00a0", " ")
        text = unicodedata.normalize("NFKC", text)
        text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")  # (NFKC made U+00A0 a space)
    # A text whose only white space, its line breaks made spaces, is single spaces inside is
    # what the split and join give (str.isprintable allows no white space but the space):
    # most paragraphs and sentences, hard-wrapped ones too, without a string for every word.
    one = text.replace("\n", " ") if "\n" in text else text
    if single_spaced(one):
        return one.casefold()
    if text.isascii():
        return _fold_ascii(text)
    return " ".join(text.split()).casefold()


def _squash(text: str) -> str:
    """White space runs made one space, ends trimmed (``" ".join(split())``: see normalise)."""
    return " ".join(text.split())


@record(("index", "original", "exact", "score", "truncated"), frozen=True)
class ParagraphCopy:
    index: int  # the later copy
    original: int  # the earlier paragraph it repeats
    exact: bool  # identical apart from white space
    score: float  # rapidfuzz similarity 0..100
    truncated: bool

    def __init__(self, index: int, original: int, exact: bool, score: float, truncated: bool) -> None:
        _set = object.__setattr__
        _set(self, "index", index)
        _set(self, "original", original)
        _set(self, "exact", exact)
        _set(self, "score", score)
        _set(self, "truncated", truncated)


def paragraph_copies(doc) -> list[ParagraphCopy]:
    """Later paragraphs that repeat an earlier one, computed once per Document."""
    return doc.memo("duplicates.paragraph-copies", lambda: _paragraph_copies(doc))


def _paragraph_copies(doc) -> list[ParagraphCopy]:
    paras = doc.paragraphs
    exact_seen: dict[str, int] = {}
    buckets: dict[tuple, list[int]] = {}
    norms: list[str] = []
    lens: list[int] = []
    facts: list[tuple | None] = [None] * len(paras)  # number_facts of a paragraph, made when first needed
    # Paragraphs not yet in the buckets, with their words: a document's first few originals
    # wait there until a later paragraph may be a copy of one of them (see below); None once
    # they are all in
    waiting: list[tuple[int, list[bytes] | None]] | None = []
    out: list[ParagraphCopy] = []
    for i, p in enumerate(paras):
        norm = normalise(p.text)
        norms.append(norm)
        lens.append(len(norm))
        if len(norm) < MIN_CHARS_EXACT or _list_item(p.text):
            continue
        j = exact_seen.get(norm)
        if j is not None:
            # (only texts with enough words are in exact_seen, so this one has them too)
            exact = _squash(paras[j].text) == _squash(p.text)
            out.append(ParagraphCopy(i, j, exact, 100.0, False))
            continue
        # (while paragraphs wait, most never need their words: counted from the Document's)
        n = word_count(doc, p) if waiting is not None else None
        words = None
        if n is None:
            words = words_utf8(norm)
            n = len(words)
        if n < MIN_WORDS_EXACT:
            continue
        exact_seen[norm] = i
        if n < MIN_WORDS_NEAR:
            continue
        lb = len(norm)
        lo, hi = _length_range(lb)
        fb = None
        if waiting is not None:
            # Every candidate is a waiting paragraph, and no pair that fails the length and
            # numbers tests below is a copy: unless one of them passes, no key is needed to
            # know this paragraph is no copy. (Most paragraphs of a short document are never
            # asked for their keys; putting the waiting ones into the buckets later, in
            # order, leaves the buckets as adding each in its turn does.)
            may_copy = False
            for j, _ in waiting:
                if lo <= lens[j] <= hi:
                    if fb is None:
                        fb = facts[i] = number_facts(norm)
                    fa = facts[j]
                    if fa is None:
                        fa = facts[j] = number_facts(norms[j])
                    if numbers_may_agree(norms[j], norm, fa, fb):
                        may_copy = True
                        break
            if not may_copy:
                if i:  # (a headline is never an original: see below)
                    waiting.append((i, words))
                if len(waiting) <= WAITING_LIMIT:
                    continue
            # A paragraph may copy a waiting one, or too many wait: all go in, and from here
            # on each paragraph goes into the buckets in its turn.
            for j, w in waiting:
                _add_to_buckets(buckets, _keys(w if w is not None else words_utf8(norms[j])), j)
            waiting = None
            if not may_copy:
                continue
        keys = _keys(words if words is not None else words_utf8(norm))
        best: tuple[float, int, bool] | None = None
        # the candidates of every key, each once, in first-seen order (dict keys keep the
        # order of insertion, and fromkeys keeps the first of repeated ones)
        cands = dict.fromkeys(chain.from_iterable(filter(None, map(buckets.get, keys))))
        ends_sentence = _ends_sentence(norm)
        # Tests of _near_similarity, done here to skip the call for most pairs: one text under
        # half the other's length (no ratio can then reach NEAR_RATIO and no truncated copy is
        # that short), or this paragraph a complete sentence too short for the ratio and under
        # 0.8 of the other (a summary, dropped below): both as one range of the other's length
        # (_sentence_top), so that each candidate costs two int comparisons.
        top = _sentence_top(lb) if ends_sentence else hi
        for j in cands:
            la = lens[j]
            if la < lo or la > top:
                continue
            # The numbers test below, done first where a few steps can rule the pair out before
            # rapidfuzz (numbers_may_agree): "rose 2.1 percent" and "rose 2.3 percent" can only
            # be a truncated copy, whose part both have holds the same numbers.
            if fb is None:
                fb = facts[i] = number_facts(norm)
            fa = facts[j]
            if fa is None:
                fa = facts[j] = number_facts(norms[j])
            if fa[0] != fb[0]:
                # (numbers_may_agree's commonest answer first: the shorter text's numbers are
                # not the first ones of the longer, written out for each of the two orders)
                if la <= lb:
                    sums = fb[3]
                    if sums is not None and (fa[1] >= len(sums) or sums[fa[1]] != fa[2]):
                        continue
                else:
                    sums = fa[3]
                    if sums is not None and (fb[1] >= len(sums) or sums[fb[1]] != fb[2]):
                        continue
                if not numbers_may_agree(norms[j], norm, fa, fb):
                    continue
            score, truncated = _near_similarity_cut(norms[j], norm, ends_sentence)
            if score < NEAR_RATIO:
                continue  # not a copy
            # (two texts without a number hold the same numbers: number_facts' ends are [])
            if (fa[4] != [] or fb[4] != []) and not _same_numbers(norms[j], norm, truncated):
                continue  # "rose 2.1 percent" and "rose 2.3 percent" are two facts, not a copy
            if truncated and ends_sentence and lb < 0.8 * la:
                continue  # a shorter complete sentence is a summary, not a cut-off copy
            if best is None or score > best[0]:
                best = (score, j, truncated)
        if best is not None:
            out.append(ParagraphCopy(i, best[1], False, best[0], best[2]))
            continue  # a copy is not a new original
        if i == 0:
            # A headline is often restated by the deck or the lede ("May 3 (Agency): …"):
            # only an exact copy of it counts.
            continue
        _add_to_buckets(buckets, keys, i)
    return out


def _add_to_buckets(buckets: dict[tuple, list[int]], keys: list[tuple], i: int) -> None:
    """Paragraph ``i`` is a candidate for later paragraphs sharing one of its ``keys``."""
    for key in keys:
        lst = buckets.setdefault(key, [])
        lst.append(i)
        if len(lst) > BUCKET_LIMIT:
            del lst[0]


def deletion_span(doc, index: int) -> tuple[int, int]:
    """The span of paragraph ``index`` plus one separating gap, so deleting it leaves clean text."""
    paras = doc.paragraphs
    p = paras[index]
    if index + 1 < len(paras):
        return p.start, paras[index + 1].start
    if doc.window is not None and doc.window.more:
        return p.start, len(doc.text)  # the next paragraph opens the next window of the file
    if index > 0:
        return paras[index - 1].end, p.end
    return p.start, p.end


def block_deletion_span(doc, first: int, last: int) -> tuple[int, int]:
    """Like :func:`deletion_span` for the paragraphs ``first..last``."""
    paras = doc.paragraphs
    if last + 1 < len(paras):
        return paras[first].start, paras[last + 1].start
    if doc.window is not None and doc.window.more:
        return paras[first].start, len(doc.text)  # as in deletion_span
    if first > 0:
        return paras[first - 1].end, paras[last].end
    return paras[first].start, paras[last].end


def _preview(text: str, n: int = 40) -> str:
    text = _squash(text)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


class DuplicatedParagraph(Rule):
    """What it flags: a paragraph or caption that repeats an earlier one exactly or nearly (a few changed characters, a truncated copy, different white space).

    Why: scrapers paste a photo caption twice and republishing tools repeat a paragraph; a
    reader sees the same block again and the copy counts twice as evidence for everything in
    it. Short lines that are repeated on purpose (a dateline, "* * *", list items) and the
    chorus of a song or poem (stanzas of short lines) are left alone.

    Example: "Firefighters work at the scene on Tuesday.\\n\\nFirefighters work at the scene on Tuesday." -> "Firefighters work at the scene on Tuesday."

    Fix: deletes the later copy together with one separating blank line. Safe when the copy is
    exact and adjacent or one paragraph away from the original; otherwise unsafe, since the
    later copy may be the one an editor meant to keep.
    """

    code = "D001"
    name = "duplicated-paragraph"
    family_cost = 3.0
    category = "duplicate"
    severity = "warning"
    fix_priority = 5

    def window_collect(self, doc, config):
        """One window of a huge file: its paragraphs that may be exact copies or originals (as
        ``_paragraph_copies`` reads them), each as digests and a few facts, not its text."""
        off = doc.window.line_offset if doc.window else 0
        out = []
        for i, p in enumerate(doc.paragraphs):
            norm = normalise(p.text)
            if len(norm) < MIN_CHARS_EXACT or _list_item(p.text):
                continue
            n = len(_words(norm))
            if n >= MIN_WORDS_EXACT:
                out.append((i, _digest(norm), _digest(_squash(p.text)), n, p, off))
        facts = [(i, dn, ds, n, _ends_statement(p.text), _is_verse(p.text), doc.line_col(p.start)[0] + off, _preview(p.text)) for i, dn, ds, n, p, off in out]
        return len(doc.paragraphs), facts

    def window_merge(self, facts):
        """Exact copies across windows, and the document-level decisions of ``_recurring`` on
        the whole file's exact copies. Each window gets ``(templated, recurring, copies)``:
        the local indexes of its paragraphs in a group the file repeats on purpose, and for
        each of its paragraphs whose first copy is in an earlier window, that original's line,
        preview, whether the two are the same apart from white space, and whether it is verse.
        Near copies across windows are not looked for (a window finds its own)."""
        first: dict[int, tuple[int, int, int]] = {}  # norm digest -> (global index, window, list index)
        groups: dict[int, list[int]] = {}
        info: dict[int, tuple] = {}  # global index of an original -> its facts
        glob: list[list[int]] = []
        n_words: dict[int, int] = {}  # a paragraph left out of the facts is short
        base = 0
        for k, (n_paras, window) in enumerate(facts):
            gs = []
            for j, (i, dn, ds, n, ends, verse, line, preview) in enumerate(window):
                g = base + i
                gs.append(g)
                n_words[g] = n
                o = first.get(dn)
                if o is None:
                    first[dn] = (g, k, j)
                    info[g] = (ds, n, ends, verse, line, preview)
                else:
                    groups.setdefault(o[0], [o[0]]).append(g)
            glob.append(gs)
            base += n_paras
        recurring, templated, bodies = _template(groups, lambda k: n_words.get(k, 0))  # as _recurring does
        if not templated:
            recurring = {o for o in recurring if not info[o][2]} | bodies
        member = {g: o for o, grp in groups.items() for g in grp}
        out = []
        for k, (_, window) in enumerate(facts):
            in_rec: set[int] = set()
            copies: dict[int, tuple] = {}
            for (i, dn, ds, n, ends, verse, line, _), g in zip(window, glob[k]):
                o = member.get(g)
                if o is None:
                    continue
                if o in recurring:
                    in_rec.add(i)
                if o != g and first[dn][1] < k:
                    ods, _, _, overse, oline, preview = info[o]
                    copies[i] = (oline, preview, ods == ds, overse, o in recurring, ods == ds and g - o <= 2)
            out.append((templated, frozenset(in_rec), copies))
        return out

    def check(self, doc, config):
        paras = doc.paragraphs
        copies = paragraph_copies(doc)
        wf = doc.window.rules.get(self.code) if doc.window and doc.window.rules else None
        if wf is None:
            recurring, templated = _recurring(doc, copies)
        else:
            # one window of a huge file: the file decides what recurs; a paragraph whose first
            # copy is in an earlier window is reported against that one
            templated, recurring, cross = wf
            copies = [c for c in copies if c.index not in cross]
            yield from self._cross(doc, cross, templated)
        for c in copies:
            if templated or c.original in recurring:
                continue  # a paragraph the document repeats on purpose (see _recurring)
            if _is_verse(paras[c.index].text) and _is_verse(paras[c.original].text):
                continue  # a chorus: songs and poems repeat whole stanzas on purpose
            if doc.masks and _differ_in_source(doc, paras[c.index], paras[c.original]):
                continue  # alike only once code, links or markup are blanked: "`a` is ..." / "`b` is ..."
            if doc.masks and (len(paras[c.index].text.split()) < 30 or not (c.exact or c.truncated)) and technical(doc):
                # reference text repeats its short descriptions ("Time of last access.") and
                # words its parallel entries alike ("Print NUM lines of leading/trailing context")
                continue
            start, end = deletion_span(doc, c.index)
            orig_line = doc.line_col(paras[c.original].start)[0] + (doc.window.line_offset if doc.window else 0)
            if c.exact:
                what = "repeats"
            elif c.truncated:
                what = "is a truncated copy of"
            else:
                what = f"nearly repeats ({c.score:.0f}% alike)"
            safe = c.exact and c.index - c.original <= 2
            yield self.finding(
                doc,
                start,
                end,
                f"paragraph {what} the paragraph on line {orig_line} (\u201c{_preview(paras[c.original].text)}\u201d)",
                [("", safe)],
                confidence=0.95 if c.exact or c.score >= 97 else 0.8,
                properties={"original_line": orig_line, "similarity": round(c.score, 1)},
            )


    def _cross(self, doc, cross: dict, templated: bool):
        """Findings for a window's paragraphs whose first copy is in an earlier window."""
        paras = doc.paragraphs
        for i, (orig_line, preview, exact, orig_verse, recurring, safe) in sorted(cross.items()):
            if templated or recurring:
                continue
            if orig_verse and _is_verse(paras[i].text):
                continue
            if doc.masks and (len(paras[i].text.split()) < 30 or not exact) and technical(doc):
                continue
            start, end = deletion_span(doc, i)
            yield self.finding(
                doc,
                start,
                end,
                f"paragraph {'repeats' if exact else 'nearly repeats (100% alike)'} the paragraph on line {orig_line} (\u201c{preview}\u201d)",
                [("", safe)],
                confidence=0.95,
                properties={"original_line": orig_line, "similarity": 100.0},
            )


def _digest(text: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


# A paragraph a document repeats as part of its template is a label, a question or an
# instruction: short.
TEMPLATE_MAX_WORDS = 30


def _recurring(doc, copies: list[ParagraphCopy]) -> tuple[set[int], bool]:
    """The paragraphs a document repeats on purpose, and whether it is built of parallel sections.

    A scraper or a republishing tool pastes a block once more; a short paragraph that comes
    back three times or more, each time after other paragraphs, is the document's own
    template: the question an interview puts to every guest, the instruction each day of a
    meal plan repeats (a statement with a full stop, say a caption, only where the document
    has that shape). The first paragraph of each such group is returned. When two of them
    take turns (question one, question two, question one, question two ...), the document is
    made of sections of one shape (an interview series, a plan for each week), and its other
    repeats belong to that template too (the boolean).
    """
    groups: dict[int, list[int]] = {}
    for c in copies:
        if c.exact or c.score >= 100:
            groups.setdefault(c.original, [c.original]).append(c.index)
    if not groups:
        return set(), False
    paras = doc.paragraphs
    recurring, templated, bodies = _template(groups, lambda k: len(_words(normalise(paras[k].text))))
    if templated:
        return recurring, True
    # Else only a question, a label or an instruction recurs on purpose, and the bodies of
    # sections under their own headings; a statement pasted three times (a caption) is a copy.
    return {o for o in recurring if not _ends_statement(paras[o].text)} | bodies, False


def _template(groups: dict[int, list[int]], n_words) -> tuple[set[int], bool, set[int]]:
    """The decision of ``_recurring`` on groups of exact copies (first index -> indexes), with
    ``n_words(index)`` the length of any paragraph: the recurring groups, whether the document
    is built of parallel sections, and the groups that are its sections' bodies.

    A group recurs when it has three copies or more, each after other paragraphs. Two short
    ones taking turns make a document of parallel sections (an interview series). Long
    paragraphs recur on purpose only as the body of sections under their own short headings:
    a file of bundled licences repeats the same grant and disclaimer under each component's
    name and copyright line; a scraper pastes a block once more, between paragraphs of text.
    """
    spaced = [o for o, g in groups.items() if len(g) >= 3 and all(b - a > 1 for a, b in zip(g, g[1:]))]
    rec = sorted(recurring := {o for o in spaced if n_words(o) <= TEMPLATE_MAX_WORDS})
    if any(_take_turns(groups[a], groups[b]) for i, a in enumerate(rec) for b in rec[i + 1 :]):
        return recurring, True, set()
    members = {k for o in spaced for k in groups[o]}
    bodies = {o for o in spaced if _section_body(o, groups, spaced, members, n_words)}
    return recurring, False, bodies


def _section_body(o: int, groups: dict[int, list[int]], spaced: list[int], members: set[int], n_words) -> bool:
    """Is group ``o`` a body of parallel sections? It takes turns with another recurring group,
    and between two copies are only recurring paragraphs and short ones, one of them its own
    (a heading); four gaps in five will do."""
    g = groups[o]
    if not any(p != o and _take_turns(g, groups[p]) for p in spaced):
        return False
    owns = [[k for k in range(x + 1, y) if k not in members] for x, y in zip(g, g[1:])]
    good = sum(1 for own in owns if own and all(n_words(k) <= TEMPLATE_MAX_WORDS for k in own))
    return good * 5 >= 4 * (len(g) - 1)


def _ends_statement(text: str) -> bool:
    t = text.rstrip().rstrip("\"'\u201d\u2019)")
    return t.endswith(".") and not t.endswith("...")


def _take_turns(a: list[int], b: list[int]) -> bool:
    """Do the occurrences of two recurring paragraphs take turns (a b a b ...), allowing for a
    section that skips one (four turns in five)?"""
    seq = [k for _, k in sorted([(i, 0) for i in a] + [(i, 1) for i in b])]
    turns = sum(x != y for x, y in zip(seq, seq[1:]))
    return turns * 5 >= 4 * (len(seq) - 1)


_QUOTE_CHARS = frozenset("\"\u201c\u201d\u00ab\u00bb\u201e")
_QUOTE_RE = lazy_re("[" + re.escape("".join(sorted(_QUOTE_CHARS))) + "]")
_SENT_TRAIL = lazy_re(r"[\s\"'\u201c\u201d\u2018\u2019()\[\]]+")


def _differ_in_source(doc, a, b) -> bool:
    """Do the spans ``a`` and ``b`` (paragraphs or sentences) differ in the file's own text by
    more than their blanked versions do? Then blanking made them alike."""
    src, text = doc.source, doc.text
    if src[a.start : a.end] == text[a.start : a.end] and src[b.start : b.end] == text[b.start : b.end]:
        return False
    same_text = _squash(text[a.start : a.end]) == _squash(text[b.start : b.end])
    same_src = _squash(src[a.start : a.end]) == _squash(src[b.start : b.end])
    if same_text:
        return not same_src
    return fuzz.ratio(_squash(src[a.start : a.end]), _squash(src[b.start : b.end])) + 3 < fuzz.ratio(
        _squash(text[a.start : a.end]), _squash(text[b.start : b.end])
    )


def _trail_to_spaces(text: str) -> str:
    """A text with ``normalise(_trail_to_spaces(t)) == normalise(_SENT_TRAIL.sub(" ", t))``.

    Only the quotes and brackets of _SENT_TRAIL are replaced (each by one space); white space
    is left alone, since normalise turns every white space run into one space anyway (NFKC
    keeps white space white space and composes nothing with it). A few ``str.replace`` scans
    in C are cheaper than a regex substitution that matched every space between two words.
    """
    for ch in "\"'()[]":
        text = text.replace(ch, " ")
    if not text.isascii():
        for ch in "\u201c\u201d\u2018\u2019":
            text = text.replace(ch, " ")
    return text


def _sentence_norms(sents) -> list[str] | None:
    """The normalised text of each sentence, or None when no two are the same (most documents:
    then one set decides, without a look-up per sentence). A short document is first asked
    by _sentence_key, which seldom leaves a repeat there; a long one more often repeats a
    sentence somewhere (and would then normalise its sentences after all)."""
    texts = [s.text for s in sents]
    if len(texts) <= KEYED_SENTENCES and len(set(map(_sentence_key, texts))) == len(texts):
        return None
    norms = [normalise(_trail_to_spaces(t)) for t in texts]
    return None if len(set(norms)) == len(norms) else norms


#: documents of at most this many sentences are asked by _sentence_key first
KEYED_SENTENCES = 100
#: every ASCII byte but a-z and 0-9 (deleted by _sentence_key)
_NOT_ALNUM_LOWER = bytes(b for b in range(128) if not (48 <= b <= 57 or 97 <= b <= 122))


def _sentence_key(t: str) -> bytes:
    """``K(normalise(_trail_to_spaces(t)))``, K being the UTF-8 bytes without the ASCII ones
    other than a-z and 0-9: two sentences whose normalised texts are the same have the same
    key, so keys all different mean no repeat. Of an ASCII sentence it is its letters and
    digits lower-cased, in C (normalise only changes case, white space and quotes there), a
    third of the time of normalising it. So is a sentence whose only characters outside ASCII
    are curly quotes (_trail_to_spaces makes them spaces), once their UTF-8 bytes are deleted."""
    if t.isascii():
        return t.encode().lower().translate(None, _NOT_ALNUM_LOWER)
    # (bytes.lower changes only A-Z; a curly quote's bytes are one character's: E2 opens one)
    k = t.encode("utf-8", "surrogatepass").lower().translate(None, _NOT_ALNUM_LOWER)
    k = k.replace(b"\xe2\x80\x9c", b"").replace(b"\xe2\x80\x9d", b"").replace(b"\xe2\x80\x98", b"").replace(b"\xe2\x80\x99", b"")
    if k.isascii():
        return k
    return normalise(_trail_to_spaces(t)).encode("utf-8", "surrogatepass").translate(None, _NOT_ALNUM_LOWER)


@lru_cache(maxsize=256)
def _is_verse(text: str) -> bool:
    """Whether a paragraph is set as verse: several short lines, most not ending a sentence.

    Hard-wrapped prose has longer lines; a list has markers. Lines of a poem or a song are
    short and commonly end on a comma or a bare word.

    Kept per text: D002 asks about a sentence's paragraph for each of its repeats, and a long
    paragraph of many lines (a scraped page joined by single line breaks) was split again for
    every one (3,795 repeats in a 200,000-word paragraph took 3 s).
    """
    if "\n" not in text:
        return False  # one line (the common case, answered without splitting)
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    if len(lines) < 2 or max(len(ln) for ln in lines) > 50:
        return False
    if any(ln[:1] in "-*+#>|" or ln[:1].isdigit() for ln in lines):
        return False
    open_ended = sum(1 for ln in lines[:-1] if not ln.endswith((".", "!", "?", "\u201d", '"')))
    return open_ended * 2 >= len(lines) - 1


class RepeatedSentence(Rule):
    """What it flags: the same sentence twice, within a paragraph or anywhere in the document.

    Why: paraphrasing and splicing tools repeat a sentence when they stitch passages together;
    the repetition reads as a copy-paste slip. Short sentences ("No.", "He declined to
    comment."), sentences inside paragraphs already reported as duplicated, and a pull quote
    (a sentence of the article repeated as a paragraph of its own) are left alone.

    Example: "The bridge will close in May. Traffic will be diverted. The bridge will close in May." -> "The bridge will close in May. Traffic will be diverted."

    Fix: deletes the later copy. Safe when it is an exact copy that directly follows the first
    in the same paragraph; otherwise unsafe.
    """

    code = "D002"
    name = "repeated-sentence"
    family_cost = 3.0
    category = "duplicate"
    severity = "warning"
    fix_priority = 6

    def check(self, doc, config):
        copies = paragraph_copies(doc)
        wf = doc.window.rules.get("D001") if doc.window and doc.window.rules else None
        templated = wf[0] if wf is not None else _recurring(doc, copies)[1]
        if templated:
            return  # a document of parallel sections repeats its template's sentences on purpose
        copied = {c.index for c in copies}
        if wf is not None:
            copied.update(wf[2])  # paragraphs repeating one of an earlier window
        sents = doc.sentences
        norms = _sentence_norms(sents)
        if norms is None:
            return
        text = doc.text
        seen: dict[str, int] = {}
        quote_at: list[int] | None = None
        first_described: dict[int, tuple[int, str]] = {}
        for k, s in enumerate(sents):
            if s.paragraph in copied:
                continue
            norm = norms[k]
            j = seen.setdefault(norm, k)
            if j == k:
                continue  # the first of its text
            # (words counted only for a repeat: a short sentence's text is kept too, and each
            # of its repeats is skipped here, as when it was never kept)
            if len(_words(norm)) < MIN_WORDS_SENTENCE:
                continue
            first = sents[j]
            if doc.masks and (_differ_in_source(doc, s, first) or technical(doc)):
                continue  # the same once code is blanked; or reference text, which repeats on purpose
            if _is_verse(doc.paragraphs[s.paragraph].text) and _is_verse(doc.paragraphs[first.paragraph].text):
                continue  # a refrain: verse repeats its lines on purpose
            # The sentence is the whole paragraph: that is D001's business, not ours.
            para = doc.paragraphs[s.paragraph]
            alone = para.start == s.start and para.end == s.end
            if alone and len(doc.paragraph_sentences(first.paragraph)) == 1:
                continue
            if alone and first.paragraph != s.paragraph:
                continue  # a pull quote: a line of the article set apart as a paragraph of its own
            adjacent = j == k - 1 and first.paragraph == s.paragraph
            start, end = s.start, s.end
            # Take the white space before it, so deleting leaves one space.
            a = start
            while a > 0 and text[a - 1] in " \t" and doc.paragraph_at(a - 1) == s.paragraph:
                a -= 1
            if a == start:
                # First sentence of its paragraph: take the space after instead.
                b = end
                while b < len(text) and text[b] in " \t":
                    b += 1
                span = (start, b)
            else:
                span = (a, end)
            exact = first.text == s.text or _squash(first.text) == _squash(s.text)
            # In quoted speech a speaker may repeat a line on purpose: flag, never auto-delete.
            # (positions of quotation marks, found once: scanning the text between the two
            # copies for every repeat was quadratic in a long paragraph of repeats)
            if quote_at is None:
                quote_at = [m.start() for m in _QUOTE_RE.finditer(text)]
            q = bisect_left(quote_at, first.start)
            quoted = q < len(quote_at) and quote_at[q] < s.end
            # (a templated sentence is repeated many times: its line and preview found once)
            described = first_described.get(j)
            if described is None:
                line = doc.line_col(first.start)[0] + (doc.window.line_offset if doc.window else 0)
                described = first_described[j] = (line, _preview(first.text))
            line, preview = described
            where = "earlier in this paragraph" if first.paragraph == s.paragraph else f"on line {line}"
            yield self.finding(
                doc,
                span[0],
                span[1],
                f"sentence repeats the one {where} (\u201c{preview}\u201d)",
                [("", exact and adjacent and not quoted)],
                confidence=0.6 if quoted else 0.9 if exact else 0.8,
            )
