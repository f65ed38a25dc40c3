"""L: grammar, spelling and style from a LanguageTool server (optional backend).

The protocol, offsets, chunking and caching live in :mod:`garblint.lint.languagetool`, imported
only when ``languagetool`` is not ``off``; this module maps LanguageTool's matches to findings.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..lint.finding import make_fingerprint
from ..lint.rule import Rule
from ..lint.lazyre import lazy_re

#: LanguageTool issue type (ITS 2.0 localisation-quality names) -> (category, severity, confidence)
ISSUE_TYPES = {
    "misspelling": ("spelling", "warning", 0.7),
    "grammar": ("grammar", "warning", 0.75),
    "duplication": ("repetition", "warning", 0.8),
    "typographical": ("punctuation", "suggestion", 0.6),
    "whitespace": ("whitespace", "suggestion", 0.7),
    "untranslated": ("untranslated", "warning", 0.6),
    "omission": ("grammar", "warning", 0.6),
    "addition": ("grammar", "warning", 0.6),
    "characters": ("encoding", "warning", 0.6),
    "style": ("grammar", "suggestion", 0.5),
    "register": ("grammar", "suggestion", 0.5),
    "inconsistency": ("grammar", "suggestion", 0.5),
    "terminology": ("grammar", "suggestion", 0.5),
    "locale-violation": ("spelling", "suggestion", 0.5),
    "numbers": ("grammar", "suggestion", 0.5),
}
_DEFAULT = ("grammar", "suggestion", 0.5)

#: Our categories a LanguageTool finding of a given category defers to on an overlapping span.
DEFERS_TO = {
    "repetition": {"repetition", "duplicate"},
    "whitespace": {"whitespace", "punctuation"},
    "punctuation": {"punctuation", "whitespace", "quote"},
    "spelling": {"spelling", "name", "ocr", "garble", "encoding", "untranslated"},
    "grammar": {"grammar"},
    "untranslated": {"untranslated"},
    "encoding": {"encoding", "ocr", "garble"},
}

_TOKEN = lazy_re(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_POSSESSIVE = lazy_re(r"['\u2019]s$", re.I)
MAX_SUGGESTIONS = 5


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


class LanguageTool(Rule):
    """What it flags: grammar, spelling and style problems found by a LanguageTool server (only when `languagetool` is configured).

    Why: LanguageTool has thousands of checked grammar and spelling rules that garblint should
    not rewrite; machine translation and paraphrasing leave agreement errors, wrong articles and
    misspellings its rules catch. Names from the names list, or capitalised names the document
    itself uses consistently, are never reported as misspellings, and where one of garblint's
    own rules reports the same span and kind of problem, garblint's finding is kept instead.
    LanguageTool's rule id is in the message and in the finding's properties (`lt_rule`).

    Example: "She recieved the letter yesterday." -> "She received the letter yesterday."

    Fix: offers LanguageTool's first five replacements. Unsafe: they change words and
    LanguageTool cannot know names or the author's intent.
    """

    code = "L001"
    name = "languagetool"
    category = "grammar"
    severity = "warning"
    fix_priority = 90

    def check(self, doc, config):
        if config["languagetool"] == "off" or not doc.text.strip():
            return
        from ..lint import languagetool as lt  # the adapter; imported only when used

        settings = lt.Settings.from_config(config)
        matches = lt.check_document(doc, settings)
        if not matches:
            return
        vocab = config.vocabulary
        name_parts = _name_parts(vocab)
        known_names = _consistent_names(doc)
        text = doc.text
        for m in matches:
            if m.end <= m.start and not m.replacements:
                continue
            category, severity, confidence = ISSUE_TYPES.get(m.issue_type, _DEFAULT)
            span = text[m.start : m.end]
            if category == "spelling":
                words = _TOKEN.findall(span)
                if words and all(
                    vocab.accepts(_bare(w)) or vocab.accepts(w) or _bare(w).casefold() in name_parts for w in words
                ):
                    continue
                if words and all(_bare(w) in known_names for w in words):
                    continue
                if span[:1].isupper():
                    confidence = min(confidence, 0.5)
            rule_id = m.rule_id or "UNKNOWN"
            message = f"{m.message.strip() or m.rule_description} [LanguageTool {rule_id}]"
            suggestions = []
            for r in m.replacements:
                if r != span and (r, False) not in suggestions:
                    suggestions.append((r, False))
                if len(suggestions) == MAX_SUGGESTIONS:
                    break
            props = {"lt_rule": rule_id, "lt_category": m.category_id, "lt_issue_type": m.issue_type}
            if m.rule_description:
                props["lt_description"] = m.rule_description
            f = self.finding(
                doc, m.start, m.end, message, suggestions,
                confidence=confidence, properties=props, severity=severity,
            )
            before = text[max(0, m.start - 24) : m.start]
            after = text[m.end : m.end + 24]
            yield replace(
                f,
                category=category,
                # two LanguageTool rules on one span stay two fingerprints
                fingerprint=make_fingerprint(f"{self.code}:{rule_id}", span, before, after),
            )

    def drop_doubles(self, mine, others):
        """Drop a LanguageTool finding where one of our rules reports an overlapping span of a matching kind."""
        if not others:
            return mine
        keep = []
        for f in mine:
            kinds = DEFERS_TO.get(f.category, {f.category})
            if any(o.category in kinds and _overlap(f, o) for o in others):
                continue
            keep.append(f)
        return keep


def _overlap(a, b) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


_PARTS_CACHE: dict[int, tuple[object, frozenset[str]]] = {}


def _name_parts(vocab) -> frozenset[str]:
    """Parts of hyphenated listed names ("Anne-Sophie" -> anne, sophie): LanguageTool checks them one by one."""
    hit = _PARTS_CACHE.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    parts = frozenset(p for t in vocab.name_tokens if "-" in t or "\u2010" in t for p in re.split(r"[-\u2010]", t) if p)
    _PARTS_CACHE.clear()  # one vocabulary per run
    _PARTS_CACHE[id(vocab)] = (vocab, parts)
    return parts


def _consistent_names(doc) -> set[str]:
    """Capitalised words the document uses at least twice, once or more inside a sentence.

    A name written the same way several times is the author's spelling, not a typo; the
    mid-sentence use tells a name from a common word capitalised at a sentence start.
    """
    words = doc.words
    if not words:
        return set()
    starts = {s.start for s in doc.sentences}
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    text = doc.text
    for w in words:
        if not w.text[:1].isupper():
            continue
        key = _bare(w.text)
        counts[key] += 1
        # sentence-initial: the sentence starts here or only quotes/brackets stand between
        a = w.start
        while a > 0 and text[a - 1] in "\"'\u201c\u2018([":
            a -= 1
        if a not in starts:
            inside.add(key)
    names = {k for k, n in counts.items() if n >= 2 and k in inside}
    return names | {p for k in names if "-" in k for p in k.split("-") if p}
