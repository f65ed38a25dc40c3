"""Findings: what a rule reports, in a form every report can print without the Document."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from ._records import record

#: Severities from most to least severe; ``--fail-on`` compares by this order.
SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # suggestion 0 .. error 2

#: The fixed category vocabulary shared by every rule family.
CATEGORIES = (
    "name",
    "duplicate",
    "repetition",
    "quote",
    "garble",
    "untranslated",
    "boilerplate",
    "punctuation",
    "whitespace",
    "encoding",
    "ocr",
    "spelling",
    "grammar",
    "suppression",
)


# Edit, Suggestion and Finding are frozen dataclasses (``dataclasses.fields``, ``replace`` and
# ``asdict`` take them) whose methods are their own and ``lint._records``': ``@dataclass`` is
# asked for none, so it compiles nothing while they are made (about 2 ms of every run).
@record(("start", "end", "replacement"), frozen=True)
@dataclass(init=False, repr=False, eq=False)
class Edit:
    """One change a fix makes: ``text[start:end]`` becomes ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str

    def __init__(self, start: int, end: int, replacement: str) -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "replacement", replacement)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@record(("replacement", "safe", "description", "edits"), frozen=True)
@dataclass(init=False, repr=False, eq=False)
class Suggestion:
    """A replacement for a finding's span. ``safe`` means a machine may apply it unattended.

    ``replacement`` is what the finding's span should read. When the fix must touch more than
    the span (deleting a block takes the blank line before it along), ``edits`` lists the
    changes to make instead, as ruff's fixes do; the finding's span stays what is wrong.
    Without ``edits`` the one edit is the span itself, replaced by ``replacement``.
    """

    replacement: str
    safe: bool = False
    description: str = ""
    edits: tuple[Edit, ...] = ()

    def __init__(self, replacement: str, safe: bool = False, description: str = "", edits: tuple[Edit, ...] = ()) -> None:
        _set = object.__setattr__
        _set(self, "replacement", replacement)
        _set(self, "safe", safe)
        _set(self, "description", description)
        _set(self, "edits", edits)

    def edits_for(self, start: int, end: int) -> tuple[Edit, ...]:
        """The edits applying this suggestion to a finding at ``start``..``end`` makes."""
        return self.edits or (Edit(start, end, self.replacement),)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"replacement": self.replacement, "safe": self.safe, "description": self.description}
        if self.edits:
            d["edits"] = [e.to_dict() for e in self.edits]
        return d


def normalise_for_fingerprint(text: str) -> str:
    """White space runs made one space, ends trimmed, case folded.

    (``" ".join(text.split())`` is ``re.sub(r"\\s+", " ", text).strip()``: both split on exactly the
    characters ``str.isspace`` accepts; it is several times faster, and every finding's
    fingerprint normalises three strings.)
    """
    return " ".join(text.split()).casefold()


@dataclass(init=False, repr=False, eq=False)
class Finding:
    """One problem at one span of one document.

    ``start``/``end`` are 0-based code-point offsets into the decoded text, end exclusive.
    ``line``/``column`` are 1-based, columns counted in code points; ``end_column`` is the
    column just past the last character of the span (exclusive), as in SARIF.
    """

    code: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: tuple[Suggestion, ...] = ()
    confidence: float = 1.0
    #: rule + normalised span text + a little normalised context: survives edits elsewhere.
    fingerprint: str = ""
    #: free-form extra facts a rule wants in the report (e.g. LanguageTool's rule id).
    properties: tuple[tuple[str, Any], ...] = field(default=())

    def __init__(
        self,
        code: str,
        name: str,
        category: str,
        severity: str,
        message: str,
        start: int,
        end: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        text: str,
        suggestions: tuple[Suggestion, ...] = (),
        confidence: float = 1.0,
        fingerprint: str = "",
        properties: tuple[tuple[str, Any], ...] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "severity", severity)
        _set(self, "message", message)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "end_line", end_line)
        _set(self, "end_column", end_column)
        _set(self, "text", text)
        _set(self, "suggestions", suggestions)
        _set(self, "confidence", confidence)
        _set(self, "fingerprint", fingerprint)
        _set(self, "properties", properties)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def safe_fix(self) -> Suggestion | None:
        for s in self.suggestions:
            if s.safe:
                return s
        return None

    def with_severity(self, severity: str) -> "Finding":
        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "span": {"start": self.start, "end": self.end},
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "confidence": round(float(self.confidence), 3),
            "fingerprint": self.fingerprint,
        }
        if self.properties:
            d["properties"] = dict(self.properties)
        return d


# (Finding's annotated fields, in order, are its __init__'s parameters: made a record after the
# body, so the sixteen names are written once)
record(tuple(Finding.__annotations__), frozen=True)(Finding)


def make_fingerprint(code: str, text: str, before: str, after: str) -> str:
    key = "\x1f".join(
        (code, normalise_for_fingerprint(text), normalise_for_fingerprint(before), normalise_for_fingerprint(after))
    )
    sha1 = _SHA1 or _load_sha1()
    return sha1(key.encode("utf-8")).hexdigest()[:16]


_SHA1: Callable[[bytes], Any] | None = None


def _load_sha1() -> Callable[[bytes], Any]:
    """SHA-1, imported with the first fingerprint (a clean file needs none): CPython's own
    ``_sha1`` where the build has it (the same digests), else hashlib's, whose import starts
    OpenSSL (about 3 ms, 12 million instructions)."""
    global _SHA1
    try:
        from _sha1 import sha1
    except ImportError:  # pragma: no cover - a build without CPython's own hashes
        from hashlib import sha1

    _SHA1 = sha1
    return sha1


class _Fingerprint:
    """``Finding.fingerprint`` for a finding built by ``Rule.finding``: made from the rule code,
    span text and context kept in the instance (``_fingerprint_of``) the first time it is read,
    then kept in its ``__dict__``. A text report never reads it, and making it (three
    normalisations and a SHA-1) was about 1% of a run on a big file with thousands of findings.
    An instance whose ``__dict__`` holds ``fingerprint`` (made by ``Finding(...)``, ``replace`` or
    an unpickled result) never reaches here: a non-data descriptor gives way to it."""

    def __get__(self, f: Finding | None, owner: type | None = None) -> str:
        if f is None:
            return ""  # (the field's default, as dataclasses read it from the class)
        d = f.__dict__
        args = d.get("_fingerprint_of")
        fp = make_fingerprint(*args) if args else ""
        d["fingerprint"] = fp
        return fp


Finding.fingerprint = _Fingerprint()  # type: ignore[assignment]


def severity_at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
