"""The plain record classes (``lint/_records.py``) against the dataclasses they replace.

Each class converted from ``@dataclass`` is compared with a frozen copy of its former
definition here, on generated field values: the same repr (also of an object that holds
itself), ``__dict__`` (what the result cache's key reads), equality (field by field, only with
the same class, an object equal to itself inside the fields), hash or no hash, frozenness, the
defaults (class attributes, fresh default factories), ``__match_args__``, positional arguments
and a pickle round trip.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import random
import re
from collections import Counter  # noqa: F401  (named in the former classes' annotations)
from dataclasses import dataclass, field
from types import MemberDescriptorType
from typing import Any, ClassVar, Sequence

import pytest

from garblint.lint.config import Config
from garblint.lint.discover import Target
from garblint.lint.finding import Edit, Finding, Suggestion, _Fingerprint
from garblint.lint._records import record
from garblint.lint.options import FIELDS, CheckOptions
from garblint.lint.runner import FileResult
from garblint.lint.suppress import Directive, Scope
from garblint.lint.textio import Decoded
from garblint.lint.vocab import Vocabulary
from garblint.reports import ReportContext, RuleInfo
from garblint.rules._bphrases import Phrases
from garblint.rules._confusion import GENERAL, TYPO, Weights, _without_first
from garblint.rules._entities import Analysis as EntitiesAnalysis
from garblint.rules._entities import SlotChoice
from garblint.rules._lexcheck import Issue
from garblint.rules._mentions import ORG_WORDS, TITLE_WORDS, Mention, NameWords
from garblint.rules._nameforms import FormPair
from garblint.rules._pageshape import Page
from garblint.rules._sentences import Analysis as SentencesAnalysis
from garblint.rules._bunit import Unit
from garblint.rules.duplicates import ParagraphCopy
from garblint.rules.names import Flag

_MISSING = object()
_NAN = float("nan")
_POOL: list[Any] = [None, 0, 1, -7, 2.5, _NAN, True, False, "", "a", "x'y", "é", (), ("x",), ("a", "b"), [1], [], {"k": 1}, frozenset({"w"})]


# ----------------------------------------------------------------- the former dataclasses
class Old:
    """The former dataclasses, under their own names (their reprs read ``Old.Name(...)``)."""

    @dataclass(frozen=True)
    class CheckOptions:
        select: tuple[str, ...] = ()
        extend_select: tuple[str, ...] = ()
        ignore: tuple[str, ...] = ()
        output_format: str | None = None
        output: str | None = None
        fail_on: str | None = None
        exit_zero: bool = False
        jobs: int | None = None
        quiet: bool = False
        statistics: bool = False
        extensions: tuple[str, ...] = ()
        config_path: str | None = None
        names: tuple[str, ...] = ()
        words: tuple[str, ...] = ()
        corpus: tuple[str, ...] = ()
        mode: str | None = None
        min_confidence: float | None = None
        stdin_filename: str = "-"
        color: str = "auto"
        languagetool: str | None = None
        languagetool_required: bool | None = None
        languagetool_download: bool | None = None
        no_cache: bool = False
        cache_dir: str | None = None
        dask_address: str | None = None
        force_exclude: bool = False
        fix: bool = False
        unsafe_fixes: bool = False
        fix_only: bool = False
        diff: bool = False
        baseline_path: str | None = None
        write_baseline_path: str | None = None

    @dataclass
    class Directive:
        kind: str
        codes: tuple[str, ...] | None
        start: int
        end: int
        used: set[str] = field(default_factory=set)

    @dataclass
    class Scope:
        directive: Any
        start: int
        end: int

    @dataclass
    class Decoded:
        text: str
        encoding: str
        bom: bool
        newline: str
        note: str | None

    @dataclass
    class Vocabulary:
        names: list[str] = field(default_factory=list)
        words: set[str] = field(default_factory=set)
        name_tokens: set[str] = field(default_factory=set)

    @dataclass
    class Target:
        path: str
        fs_path: str | None = None
        data: bytes | None = None
        error: str | None = None
        skipped: str | None = None
        max_bytes: int | None = None

    @dataclass
    class Config:
        values: dict[str, Any] = field(default_factory=dict)
        sources: dict[str, str] = field(default_factory=dict)
        path: str | None = None

        def __post_init__(self) -> None:
            Config.__post_init__(self)  # (the method itself is not changed: called as it is)

    @dataclass
    class FileResult:
        path: str
        findings: list[Any] = field(default_factory=list)
        error: str | None = None
        skipped: str | None = None
        encoding: str | None = None
        words: int = 0
        source_lines: dict[int, str] = field(default_factory=dict)
        text: str | None = None
        notices: list[Any] = field(default_factory=list)
        digest: str | None = None

    @dataclass(frozen=True)
    class RuleInfo:
        code: str
        name: str
        category: str
        severity: str
        fix_priority: int = 50
        docs: tuple[tuple[str, str], ...] = ()
        source: Any = field(default=None, compare=False, repr=False)

    @dataclass
    class ReportContext:
        version: str
        rules: Sequence[Any] = ()
        color: bool = False
        statistics: bool = False
        quiet: bool = False
        fail_on: str = "warning"
        extra: dict[str, Any] = field(default_factory=dict)
        catalog: Sequence[Any] = ()

    @dataclass(frozen=True)
    class Weights:
        keyboard: float
        lookalike: float
        transpose: float
        freq: float
        first: float = 0.0
        omit: float = 1.0
        by_ear: bool = False

    @dataclass(frozen=True)
    class Phrases:
        starts: tuple[str, ...]
        exact: frozenset[str]
        contains: tuple[str, ...]
        headers: tuple[str, ...]

    @dataclass(frozen=True)
    class ParagraphCopy:
        index: int
        original: int
        exact: bool
        score: float
        truncated: bool

    @dataclass(slots=True)
    class Unit:
        start: int
        end: int
        text: str
        norm: str
        words: int
        punct: bool
        fresh: bool
        para: int
        idx: int = 0
        kind: str = ""
        strong: bool = False
        header: bool = False
        legit: bool = False

    @dataclass
    class Page:
        units: list[Unit]
        cls: list[str] = field(default_factory=list)
        core: tuple[int, int] = (-1, -2)
        flags: dict[int, tuple[str, str, float]] = field(default_factory=dict)
        glued: dict[int, tuple[int, str]] = field(default_factory=dict)
        strong: bool = False

    @dataclass
    class Issue:
        code: str
        start: int
        end: int
        message: str
        suggestions: list[tuple[str, bool]]
        confidence: float

    @dataclass(frozen=True)
    class NameWords:
        titles: frozenset[str] = TITLE_WORDS
        orgs: frozenset[str] = ORG_WORDS

    @dataclass
    class SlotChoice:
        canonical: str | None
        certain: bool
        ranked: list[str]
        counts: Counter
        raw_counts: Counter
        intro: str | None
        source: str

    @dataclass
    class Flag:
        mention: Any
        start: int
        end: int
        suggestions: list[str]
        message: str
        confidence: float

    @dataclass
    class FormPair:
        keep: Any
        flag: Any
        kind: str

    @dataclass(frozen=True)
    class Edit:
        start: int
        end: int
        replacement: str

    @dataclass(frozen=True)
    class Suggestion:
        replacement: str
        safe: bool = False
        description: str = ""
        edits: tuple[Any, ...] = ()

    @dataclass(frozen=True)
    class Finding:
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
        suggestions: tuple[Any, ...] = ()
        confidence: float = 1.0
        fingerprint: str = ""
        properties: tuple[tuple[str, Any], ...] = field(default=())

    @dataclass
    class Mention:
        start: int
        end: int
        tokens: list[tuple[int, int, str]]
        title: tuple[str, ...]
        possessive: bool
        sentence: int
        paragraph: int
        sentence_initial: bool
        duplicate: bool = False
        repeated: bool = False
        kind: str = "bare"
        raw: str = ""
        entity: int = -1
        word_like: bool = False
        _surname_cache: ClassVar[tuple[Any, ...] | None] = None

    @dataclass
    class One:
        x: Any

    @dataclass(frozen=True)
    class NoFields:
        pass


class OldSentences:
    @dataclass
    class Analysis:
        sentences: list[Any] = field(default_factory=list)
        lower_mid: dict[str, int] = field(default_factory=dict)
        cap_isolated: dict[str, int] = field(default_factory=dict)
        cap_in_name: dict[str, int] = field(default_factory=dict)
        cap_name_last: dict[str, int] = field(default_factory=dict)
        cap_mid_sentence: list[int] = field(default_factory=list)
        cap_mid_word: list[int] = field(default_factory=list)
        cap_mid_low: list[str] = field(default_factory=list)
        headlines: list[int] = field(default_factory=list)
        first_word: list[int] = field(default_factory=list)
        after_word: list[int] = field(default_factory=list)


class OldEntities:
    @dataclass
    class Analysis:
        mentions: list[Any]
        entities: list[Any]
        accepted: set[str]
        index: Any | None = None
        ambiguous: list[tuple[Any, list[tuple[str, str]]]] = field(default_factory=list)


@record(("x",))
class One:
    """A record of one field (compared as a 1-tuple: a value equal to itself, NaN included)."""

    def __init__(self, x: Any) -> None:
        self.x = x


@record((), frozen=True)
class NoFields:
    pass


Old.Finding.fingerprint = _Fingerprint()  # type: ignore[assignment]  # (as finding.py sets it)

#: (the plain class, its former dataclass)
PAIRS: list[tuple[type, type]] = [
    (CheckOptions, Old.CheckOptions),
    (Directive, Old.Directive),
    (Scope, Old.Scope),
    (Decoded, Old.Decoded),
    (Vocabulary, Old.Vocabulary),
    (Target, Old.Target),
    (FileResult, Old.FileResult),
    (RuleInfo, Old.RuleInfo),
    (ReportContext, Old.ReportContext),
    (SentencesAnalysis, OldSentences.Analysis),
    (Weights, Old.Weights),
    (Phrases, Old.Phrases),
    (ParagraphCopy, Old.ParagraphCopy),
    (Unit, Old.Unit),
    (Page, Old.Page),
    (Issue, Old.Issue),
    (NameWords, Old.NameWords),
    (SlotChoice, Old.SlotChoice),
    (EntitiesAnalysis, OldEntities.Analysis),
    (Flag, Old.Flag),
    (FormPair, Old.FormPair),
    (Edit, Old.Edit),
    (Suggestion, Old.Suggestion),
    (Finding, Old.Finding),
    (Mention, Old.Mention),
    (One, Old.One),
    (NoFields, Old.NoFields),
]


# ------------------------------------------------------------------------ the comparison
def _repr(obj: Any) -> str:
    return re.sub(r"\bOld\w*\.", "", repr(obj))


def _state(obj: Any, names: list[str]) -> list[tuple[str, Any]]:
    if hasattr(obj, "__dict__"):
        return list(vars(obj).items())
    return [(n, getattr(obj, n, _MISSING)) for n in names]


def _same_outcome(fn_new, fn_old) -> Any:
    """Both calls raise the same exception type, or both return; the new one's value."""
    try:
        got = fn_new()
    except Exception as exc:
        with pytest.raises(type(exc)):
            fn_old()
        return exc
    fn_old()
    return got


def _hash_or_error(obj: Any) -> Any:
    try:
        return hash(obj)
    except TypeError as exc:
        return str(exc)


def _check_pair(new: type, old: type, rng: random.Random, rounds: int = 60) -> None:
    fields = dataclasses.fields(old)
    names = [f.name for f in fields]
    params = old.__dataclass_params__  # type: ignore[attr-defined]
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    assert new.__match_args__ == old.__match_args__  # type: ignore[attr-defined]
    for name in names:  # defaults kept as class attributes, default factories not (slots: their descriptors)
        va, vb = getattr(new, name, _MISSING), getattr(old, name, _MISSING)
        if isinstance(va, MemberDescriptorType):
            assert isinstance(vb, MemberDescriptorType)
        else:
            assert va is vb or va == vb
    assert getattr(new, "__slots__", None) == getattr(old, "__slots__", None)
    # only the required fields: the defaults and fresh default factories
    base = {n: rng.choice(_POOL) for n in required}
    a, b, a2 = new(**base), old(**base), new(**base)
    assert repr(a) == _repr(b) and _state(a, names) == _state(b, names)
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(a, f.name) is not getattr(a2, f.name)
    for _ in range(rounds):
        values = [rng.choice(_POOL) for _ in names]
        kw = dict(zip(names, values))
        a, b = new(**kw), old(**kw)
        assert repr(a) == _repr(b)
        assert _state(a, names) == _state(b, names)
        assert hasattr(a, "__dict__") is hasattr(b, "__dict__") and hasattr(a, "__weakref__") is hasattr(b, "__weakref__")
        assert repr(new(*values)) == repr(a)  # positional arguments, in field order
        assert (a == new(**kw)) is (b == old(**kw))
        assert a.__eq__(b) is NotImplemented and (a == 1) is False and a != b
        for f in fields:  # one field changed: unequal, unless the field is not compared
            other = dict(kw, **{f.name: ["changed"]})
            assert (a == new(**other)) is (b == old(**other))
        if old.__hash__ is None:
            _same_outcome(lambda: hash(a), lambda: hash(b))
            assert new.__hash__ is None
        else:  # (the same hash, or the same error for an unhashable field value)
            assert _hash_or_error(a) == _hash_or_error(b)
        for name in (*names, "new_attribute"):
            _same_outcome(lambda: setattr(a, name, 5), lambda: setattr(b, name, 5))
            assert _state(a, names) == _state(b, names)
            _same_outcome(lambda: delattr(a, name), lambda: delattr(b, name))
        a, b = new(**kw), old(**kw)
        assert repr(pickle.loads(pickle.dumps(a))) == repr(a)
        assert (pickle.loads(pickle.dumps(a)) == a) is (pickle.loads(pickle.dumps(b)) == b)
        if not params.frozen and names:  # an object that holds itself
            setattr(a, names[-1], [a])
            setattr(b, names[-1], [b])
            assert repr(a) == _repr(b)


@pytest.mark.parametrize("new, old", PAIRS, ids=[p[0].__qualname__ for p in PAIRS])
def test_plain_class_behaves_as_its_dataclass(new, old):
    _check_pair(new, old, random.Random(21))


def test_frozen_message_and_names():
    a, b = CheckOptions(), Old.CheckOptions()
    for fn in (lambda o: setattr(o, "fix", True), lambda o: delattr(o, "fix")):
        with pytest.raises(dataclasses.FrozenInstanceError) as got:
            fn(a)
        with pytest.raises(dataclasses.FrozenInstanceError) as want:
            fn(b)
        assert str(got.value) == str(want.value)
    assert FIELDS == tuple(f.name for f in dataclasses.fields(Old.CheckOptions))


def test_config_behaves_as_its_dataclass():
    # (Config's __post_init__ fills in the defaults: its fields take dicts, not any value)
    samples = [((), {}), (({"mode": "ocr"},), {}), (({"mode": "ocr"}, {"mode": "command line"}, "x.toml"), {}), ((), {"path": "p"})]
    for args, kw in samples:
        # (each call its own copies: __post_init__ fills in the dicts it is given)
        a, b = Config(*copy.deepcopy(args), **kw), Old.Config(*copy.deepcopy(args), **kw)
        assert repr(a) == _repr(b) and list(vars(a).items()) == list(vars(b).items())
        assert a == Config(*copy.deepcopy(args), **kw) and a.__eq__(b) is NotImplemented and a != Config({"mode": "other"})
        assert Config.__hash__ is None and Config.__match_args__ == Old.Config.__match_args__
        assert pickle.loads(pickle.dumps(a)) == a
    assert Config().values is not Config().values and Config().sources is not Config().sources
    with pytest.raises(TypeError):
        Config(None)
    with pytest.raises(TypeError):
        Old.Config(None)


def test_weights_derived_as_before():
    # (TYPO and _without_first were dataclasses.replace of GENERAL and of their argument)
    def old(w: Weights) -> Any:
        return Old.Weights(w.keyboard, w.lookalike, w.transpose, w.freq, w.first, w.omit, w.by_ear)

    assert repr(TYPO) == _repr(dataclasses.replace(old(GENERAL), by_ear=False))
    for w in (GENERAL, TYPO, Weights(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, True)):
        assert repr(_without_first.__wrapped__(w)) == _repr(dataclasses.replace(old(w), first=0.0))
    assert NameWords() == NameWords(TITLE_WORDS, ORG_WORDS) and repr(NameWords()) == _repr(Old.NameWords())


@pytest.mark.parametrize("new, old", [(Edit, Old.Edit), (Suggestion, Old.Suggestion), (Finding, Old.Finding), (Mention, Old.Mention)])
def test_still_dataclasses_to_dataclasses_functions(new, old):
    # (these stay dataclasses, their methods their own: fields, replace, asdict, astuple as before)
    def shape(f):
        return (f.name, f.default, f.default_factory, f.init, f.repr, f.compare, f.hash, f.kw_only)

    assert dataclasses.is_dataclass(new)
    assert [shape(f) for f in dataclasses.fields(new)] == [shape(f) for f in dataclasses.fields(old)]
    rng = random.Random(3)
    names = [f.name for f in dataclasses.fields(old)]
    for _ in range(50):
        kw = {n: rng.choice(_POOL) for n in names}
        a, b = new(**kw), old(**kw)
        assert dataclasses.astuple(a) == dataclasses.astuple(b) and dataclasses.asdict(a) == dataclasses.asdict(b)
        name = rng.choice(names)
        value = rng.choice(_POOL)
        c, d = dataclasses.replace(a, **{name: value}), dataclasses.replace(b, **{name: value})
        assert type(c) is new and repr(c) == _repr(d) and list(vars(c).items()) == list(vars(d).items())
