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
import weakref
import zlib
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..lint.rule import Rule

# Paragraphs shorter than this are never duplicates worth reporting: datelines, "* * *",
# list items, short headings and refrains are repeated on purpose.
MIN_WORDS_EXACT = 6
MIN_CHARS_EXACT = 30
MIN_WORDS_NEAR = 10
NEAR_RATIO = 90.0  # rapidfuzz ratio (0..100) on normalised text
TRUNCATED_MIN_SHARE = 0.5  # a truncated copy keeps at least half the text
BUCKET_LIMIT = 8  # compare with at most this many earlier paragraphs per key
SHINGLE = 4
SKETCH = 3

MIN_WORDS_SENTENCE = 6

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
_WORDISH = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_SENT_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")


def normalise(text: str) -> str:
    """Case-, width- and whitespace-insensitive form used to compare blocks."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _WS.sub(" ", text).strip().casefold()


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


@dataclass(frozen=True)
class ParagraphCopy:
    index: int  # the later copy
    original: int  # the earlier paragraph it repeats
    exact: bool  # identical apart from white space
    score: float  # rapidfuzz similarity 0..100
    truncated: bool


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def paragraph_copies(doc) -> list[ParagraphCopy]:
    """Later paragraphs that repeat an earlier one, computed once per Document."""
    cached = _CACHE.get(doc)
    if cached is not None:
        return cached
    paras = doc.paragraphs
    exact_seen: dict[str, int] = {}
    buckets: dict[tuple, list[int]] = {}
    norms: list[str] = []
    out: list[ParagraphCopy] = []
    for i, p in enumerate(paras):
        norm = normalise(p.text)
        norms.append(norm)
        words = _WORDISH.findall(norm)
        if len(words) < MIN_WORDS_EXACT or len(norm) < MIN_CHARS_EXACT or _LIST_ITEM.match(p.text):
            continue
        j = exact_seen.get(norm)
        if j is not None:
            exact = _squash(paras[j].text) == _squash(p.text)
            out.append(ParagraphCopy(i, j, exact, 100.0, False))
            continue
        exact_seen[norm] = i
        if len(words) < MIN_WORDS_NEAR:
            continue
        keys = _keys(words)
        best: tuple[float, int, bool] | None = None
        seen_cands: set[int] = set()
        for key in keys:
            for j in buckets.get(key, ()):
                if j in seen_cands:
                    continue
                seen_cands.add(j)
                score, truncated = _similarity(norms[j], norm)
                if score >= NEAR_RATIO and not _same_numbers(norms[j], norm, truncated):
                    continue  # "rose 2.1 percent" and "rose 2.3 percent" are two facts, not a copy
                if truncated and _SENT_END.search(norm) and len(norm) < 0.8 * len(norms[j]):
                    continue  # a shorter complete sentence is a summary, not a cut-off copy
                if score >= NEAR_RATIO and (best is None or score > best[0]):
                    best = (score, j, truncated)
        if best is not None:
            out.append(ParagraphCopy(i, best[1], False, best[0], best[2]))
            continue  # a copy is not a new original
        if i == 0:
            # A headline is often restated by the deck or the lede ("May 3 (Agency): …"):
            # only an exact copy of it counts.
            continue
        for key in keys:
            lst = buckets.setdefault(key, [])
            lst.append(i)
            if len(lst) > BUCKET_LIMIT:
                del lst[0]
    _CACHE[doc] = out
    return out


def _keys(words: list[str]) -> list[tuple]:
    keys: list[tuple] = [("head", tuple(words[:SHINGLE])), ("tail", tuple(words[-SHINGLE:]))]
    # A bottom-k sketch of word shingles: two paragraphs that share most shingles very likely
    # share one of their smallest hashes, so a few changed words anywhere still meet.
    hashes = sorted({_h(" ".join(words[k : k + SHINGLE])) for k in range(len(words) - SHINGLE + 1)})
    keys.extend(("sh", h) for h in hashes[:SKETCH])
    return keys


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def _same_numbers(a: str, b: str, truncated: bool) -> bool:
    if truncated:
        n = min(len(a), len(b))
        a, b = a[:n], b[:n]
        # a number cut in two at the end of the shorter copy is still the same number
        a, b = a.rstrip("0123456789.,:"), b.rstrip("0123456789.,:")
    return sorted(_NUMBER.findall(a)) == sorted(_NUMBER.findall(b))


def _similarity(a: str, b: str) -> tuple[float, bool]:
    """Similarity of two normalised paragraphs, and whether one is a truncated copy."""
    score = fuzz.ratio(a, b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < NEAR_RATIO and len(short) >= TRUNCATED_MIN_SHARE * len(long_):
        t = fuzz.ratio(short, long_[: len(short)])
        if t >= NEAR_RATIO + 4:
            return t, True
    return score, False


def deletion_span(doc, index: int) -> tuple[int, int]:
    """The span of paragraph ``index`` plus one separating gap, so deleting it leaves clean text."""
    paras = doc.paragraphs
    p = paras[index]
    if index + 1 < len(paras):
        return p.start, paras[index + 1].start
    if index > 0:
        return paras[index - 1].end, p.end
    return p.start, p.end


def block_deletion_span(doc, first: int, last: int) -> tuple[int, int]:
    """Like :func:`deletion_span` for the paragraphs ``first..last``."""
    paras = doc.paragraphs
    if last + 1 < len(paras):
        return paras[first].start, paras[last + 1].start
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
    category = "duplicate"
    severity = "warning"
    fix_priority = 5

    def check(self, doc, config):
        paras = doc.paragraphs
        for c in paragraph_copies(doc):
            if _is_verse(paras[c.index].text) and _is_verse(paras[c.original].text):
                continue  # a chorus: songs and poems repeat whole stanzas on purpose
            start, end = deletion_span(doc, c.index)
            orig_line, _ = doc.line_col(paras[c.original].start)
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


_QUOTE_CHARS = frozenset("\"\u201c\u201d\u00ab\u00bb\u201e")
_QUOTE_RE = re.compile("[" + re.escape("".join(sorted(_QUOTE_CHARS))) + "]")
_SENT_TRAIL = re.compile(r"[\s\"'\u201c\u201d\u2018\u2019()\[\]]+")


def _is_verse(text: str) -> bool:
    """Whether a paragraph is set as verse: several short lines, most not ending a sentence.

    Hard-wrapped prose has longer lines; a list has markers. Lines of a poem or a song are
    short and commonly end on a comma or a bare word.
    """
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
    comment.") and sentences inside paragraphs already reported as duplicated are left alone.

    Example: "The bridge will close in May. Traffic will be diverted. The bridge will close in May." -> "The bridge will close in May. Traffic will be diverted."

    Fix: deletes the later copy. Safe when it is an exact copy that directly follows the first
    in the same paragraph; otherwise unsafe.
    """

    code = "D002"
    name = "repeated-sentence"
    category = "duplicate"
    severity = "warning"
    fix_priority = 6

    def check(self, doc, config):
        copied = {c.index for c in paragraph_copies(doc)}
        text = doc.text
        seen: dict[str, int] = {}
        sents = doc.sentences
        quote_at: list[int] | None = None
        for k, s in enumerate(sents):
            if s.paragraph in copied:
                continue
            core = _SENT_TRAIL.sub(" ", s.text)
            norm = normalise(core)
            if len(_WORDISH.findall(norm)) < MIN_WORDS_SENTENCE:
                continue
            j = seen.get(norm)
            if j is None:
                seen[norm] = k
                continue
            first = sents[j]
            if _is_verse(doc.paragraphs[s.paragraph].text) and _is_verse(doc.paragraphs[first.paragraph].text):
                continue  # a refrain: verse repeats its lines on purpose
            # The sentence is the whole paragraph: that is D001's business, not ours.
            para = doc.paragraphs[s.paragraph]
            if para.start == s.start and para.end == s.end and len(doc.paragraph_sentences(first.paragraph)) == 1:
                continue
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
            exact = _squash(first.text) == _squash(s.text)
            # In quoted speech a speaker may repeat a line on purpose: flag, never auto-delete.
            # (positions of quotation marks, found once: scanning the text between the two
            # copies for every repeat was quadratic in a long paragraph of repeats)
            if quote_at is None:
                quote_at = [m.start() for m in _QUOTE_RE.finditer(text)]
            q = bisect_left(quote_at, first.start)
            quoted = q < len(quote_at) and quote_at[q] < s.end
            line, _ = doc.line_col(first.start)
            where = "earlier in this paragraph" if first.paragraph == s.paragraph else f"on line {line}"
            yield self.finding(
                doc,
                span[0],
                span[1],
                f"sentence repeats the one {where} (\u201c{_preview(first.text)}\u201d)",
                [("", exact and adjacent and not quoted)],
                confidence=0.6 if quoted else 0.9 if exact else 0.8,
            )
