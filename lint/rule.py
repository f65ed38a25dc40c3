"""Rules: small classes with a code, a name, a category, a severity and a documented check.

A rule module in ``garblint.rules`` defines subclasses of :class:`Rule`; defining one registers
it. A rule sees a :class:`~garblint.lint.document.Document` and the
:class:`~garblint.lint.config.Config` and yields :class:`~garblint.lint.finding.Finding` objects;
it never prints, reads the CLI or knows about reports.

The docstring has four fixed headings, from which ``garblint rule CODE``, the README's rule
table and SARIF help text are generated::

    What it flags: one sentence.
    Why: what damage causes it and why an editor cares.
    Example: the bad text -> the suggested text.
    Fix: what the suggestion does; safe or unsafe, and why.
"""
from __future__ import annotations

import importlib
import os
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Sequence

from .finding import CATEGORIES, SEVERITIES, Finding, Suggestion
from .lazyre import lazy_re

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .document import Document

DOC_HEADINGS = ("What it flags", "Why", "Example", "Fix")
_CODE = lazy_re(r"^[A-Z][0-9]{3}$")
_NAME = lazy_re(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_CONTEXT = 24

_REGISTRY: dict[str, type["Rule"]] = {}


class RuleUnavailable(Exception):
    """Raised by a rule whose outside backend cannot be used (a server down, no Java).

    The runner records the message as a notice (the CLI prints each distinct one once) and the
    other rules' findings are still reported. ``required`` makes it an error: exit code 2.
    """

    def __init__(self, message: str, *, required: bool = False) -> None:
        super().__init__(message)
        self.required = required


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    #: rules off by default are enabled by naming them (or a prefix) in ``select``
    default_enabled: ClassVar[bool] = True
    #: corpus rules see facts gathered from every file of the run (see ``collect``/``merge``)
    corpus: ClassVar[bool] = False
    #: when fixes overlap, the suggestion of the rule with the lower number wins
    fix_priority: ClassVar[int] = 50
    #: True when the rule looks only inside one paragraph at a time (never at the document as a
    #: whole, its encoding or other paragraphs): the runner may then lint a huge file in pieces
    #: split at blank lines, in parallel. Leave False for document-level rules.
    splittable: ClassVar[bool] = False
    #: rules of one family share their analyses (the O and S rules share the lexicon pass): the
    #: runner keeps a family together when it shares a big file's rules out among processes.
    #: Empty means the code's letter.
    family: ClassVar[str] = ""
    #: rough cost of the rule's family on a big file (tenths of a second per 200,000 words, from
    #: ``bench/rule_times.py``), to balance that sharing; the family's highest value counts
    family_cost: ClassVar[float] = 0.2
    #: True for structural rules (encoding damage) that read ``Document.structural_text``: they
    #: see plain-text layout (code, tables, banners) too, and their findings there are kept
    structural: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.code:
            return  # an abstract helper base
        if not _CODE.match(cls.code):
            raise ValueError(f"rule code {cls.code!r} must be a letter and three digits")
        if not _NAME.match(cls.name):
            raise ValueError(f"rule name {cls.name!r} of {cls.code} must be kebab-case")
        if cls.category not in CATEGORIES:
            raise ValueError(f"category {cls.category!r} of {cls.code} is not one of {CATEGORIES}")
        if cls.severity not in SEVERITIES:
            raise ValueError(f"severity {cls.severity!r} of {cls.code} is not one of {SEVERITIES}")
        other = _REGISTRY.get(cls.code)
        if other is not None and other.__qualname__ != cls.__qualname__:
            raise ValueError(f"rule code {cls.code} is used by {other.__qualname__} and {cls.__qualname__}")
        if not cls.family:
            cls.family = cls.code[0]
        _REGISTRY[cls.code] = cls

    # ----------------------------------------------------------- the check
    def check(self, doc: "Document", config: "Config") -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    # Corpus rules: ``collect`` runs on every document in a first pass and returns picklable
    # facts; ``merge`` combines the facts of all documents; the result is put in
    # ``doc.corpus[code]`` before ``check`` runs in the second pass.
    def collect(self, doc: "Document", config: "Config") -> Any:
        return None

    def merge(self, facts: Sequence[Any]) -> Any:
        return None

    def window_collect(self, doc: "Document", config: "Config") -> Any:
        """For a rule that looks across the whole document: compact facts of one window of a
        huge file (lint/bigfile.py), gathered before any window is checked. A rule that keeps
        the default (None) sees each window as a document of its own."""
        return None

    def window_merge(self, facts: Sequence[Any]) -> Sequence[Any]:
        """The facts of every window, in order -> what each window's ``check`` finds in
        ``doc.window.rules[code]``: what the other windows hold that this one needs."""
        return [None] * len(facts)

    def may_flag(self, facts: Any, merged: Any) -> bool:
        """Could ``check`` report anything on a document whose own facts are ``facts``, given the
        merged facts of the run? False lets the runner keep the document's result from the first
        pass (linted then with its own facts only) instead of linting it again. Must never say
        False where ``check`` would report something; the default, True, is always safe."""
        return True

    def drop_doubles(self, mine: list[Finding], others: list[Finding]) -> list[Finding]:
        """Which of this rule's findings to keep, given every other rule's reported findings.

        Runs after selection, ignores and severities. The default keeps all; a rule that wraps an
        outside checker (L001) overrides it to defer to garblint's own rules on the same span.
        """
        return mine

    def cache_token(self, config: "Config") -> str:
        """Anything outside the config and garblint's files that changes this rule's findings
        (e.g. an external server's version); part of the result cache's key."""
        return ""

    # ------------------------------------------------------------- helpers
    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[Suggestion | tuple[str, bool]] = (),
        *,
        confidence: float = 1.0,
        properties: dict[str, Any] | None = None,
        severity: str | None = None,
    ) -> Finding:
        """Build a Finding for ``doc.text[start:end]``, with line/column and fingerprint."""
        text = doc.text
        n = len(text)
        if not (0 <= start <= end <= n):
            raise ValueError(f"{self.code}: span {start}..{end} outside text of {len(text)} chars")
        # Document.line_col and _line_context, inline: a big file has thousands of findings
        starts = doc.line_starts
        i = bisect_right(starts, start) - 1
        lines = len(starts)
        if i + 1 < lines and end >= starts[i + 1]:
            j = bisect_right(starts, end, i + 1) - 1
        else:
            j = i  # (the span ends on its first line: most do)
        line_start = starts[i]
        line_end = starts[j + 1] if j + 1 < lines else n  # (line_span's end: no line break)
        while line_end > starts[j] and text[line_end - 1] in "\r\n":
            line_end -= 1
        span = text[start:end]
        sugg = tuple([s if isinstance(s, Suggestion) else _suggestion(s[0], s[1]) for s in suggestions]) if suggestions else ()
        # The frozen dataclass's __init__ sets its 16 fields one object.__setattr__ call at a
        # time; giving the new instance its __dict__ at once (in the fields' order) makes the
        # same object at a fraction of the cost: a big file has thousands of findings.
        f = _new_object(Finding)
        _set_attr(
            f,
            "__dict__",
            {
                "code": self.code,
                "name": self.name,
                "category": self.category,
                "severity": severity or self.severity,
                "message": message,
                "start": start,
                "end": end,
                "line": i + 1,
                "column": start - line_start + 1,
                "end_line": j + 1,
                "end_column": end - starts[j] + 1,
                "text": span,
                "suggestions": sugg,
                "confidence": confidence if type(confidence) is float and 0.0 <= confidence <= 1.0 else max(0.0, min(1.0, confidence)),
                "properties": tuple(sorted(properties.items())) if properties else (),
                # what the fingerprint is made of, when it is first read (see finding._Fingerprint)
                "_fingerprint_of": (
                    self.code,
                    span,
                    text[max(line_start, start - _CONTEXT) : start],
                    text[end : max(end, min(line_end, end + _CONTEXT))],
                ),
            },
        )
        return f

    # -------------------------------------------------------- documentation
    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        import inspect  # (documentation only: not a lint run's start-up)

        return parse_rule_doc(inspect.getdoc(cls) or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc_sections().get("What it flags", "")


_new_object = object.__new__
_set_attr = object.__setattr__


def _suggestion(replacement: str, safe: bool) -> Suggestion:
    """``Suggestion(replacement, safe)``, its __dict__ filled at once (see Rule.finding)."""
    s = _new_object(Suggestion)
    _set_attr(s, "__dict__", {"replacement": replacement, "safe": safe, "description": "", "edits": ()})
    return s


def _line_context(doc: "Document", start: int, end: int, line: int, end_line: int) -> tuple[str, str]:
    """A little text either side of the span, from its own lines only (survives lines moving)."""
    line_start = doc.line_span(line)[0]
    line_end = doc.line_span(end_line)[1]
    return doc.text[max(line_start, start - _CONTEXT) : start], doc.text[end : max(end, min(line_end, end + _CONTEXT))]


def parse_rule_doc(doc: str) -> dict[str, str]:
    """Split a rule docstring into its fixed headings."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    heading = re.compile(r"^(%s):\s*(.*)$" % "|".join(re.escape(h) for h in DOC_HEADINGS))
    for line in doc.splitlines():
        m = heading.match(line)
        if m:
            current = m.group(1)
            sections[current] = [m.group(2)] if m.group(2) else []
        elif current is not None:
            sections[current].append(line.strip())
    out = {}
    for key, lines in sections.items():
        # Keep paragraph breaks, fold the rest.
        paras, buf = [], []
        for ln in lines:
            if ln:
                buf.append(ln)
            elif buf:
                paras.append(" ".join(buf))
                buf = []
        if buf:
            paras.append(" ".join(buf))
        out[key] = "\n\n".join(paras)
    return out


_loaded = False


def load_rules() -> None:
    """Import every module of ``garblint.rules`` so that their rules register."""
    global _loaded
    if _loaded:
        return
    from .. import rules as rules_pkg

    names = set()  # the rule modules: rules/NAME.py, NAME not starting with "_" (no pkgutil: 4 ms)
    for folder in rules_pkg.__path__:
        for entry in os.listdir(folder):
            stem, ext = os.path.splitext(entry)
            if ext == ".py" and stem.isidentifier() and not stem.startswith("_"):
                names.add(stem)
    for name in sorted(names):
        importlib.import_module(f"{rules_pkg.__name__}.{name}")
    _loaded = True


def all_rules() -> list[type[Rule]]:
    load_rules()
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code: str) -> type[Rule] | None:
    load_rules()
    return _REGISTRY.get(code.upper())


def rule_codes() -> list[str]:
    load_rules()
    return sorted(_REGISTRY)
