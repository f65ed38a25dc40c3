"""lint/_dccodes.py: dataclasses made with the kept codes are the classes dataclasses makes
without them (their generated methods' code, file name, annotations, defaults and behaviour),
and named tuples with postponed annotations have the same forward references, whether the
codes were compiled in the process or read back from marshal data."""

from __future__ import annotations

import dataclasses
import marshal
import sys

import typing

import pytest

from garblint.lint import _dccodes

_SOURCE = """
@dataclass
class Plain:
    x: int
    y: str = "a"
    z: list = field(default_factory=list)

@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple = ()

@dataclass(order=True, unsafe_hash=True)
class Ordered:
    k: float
    name: str = field(default="n", compare=False)

@dataclass(eq=False, repr=False)
class Bare:
    v: object = None
    w: int = field(default=3, init=False)

@dataclass
class Post:
    base: int
    extra: InitVar[int] = 1
    total: int = field(init=False, default=0)

    def __post_init__(self, extra):
        self.total = self.base + extra

@dataclass(frozen=True, eq=True)
class Child(Frozen):
    c: str = "c"
"""

_SOURCE_310 = """
@dataclass(slots=True, kw_only=True)
class Slotted:
    p: int
    q: int = 2
"""


_TUPLES = """
from __future__ import annotations

class Pair(NamedTuple):
    first: int
    second: "list[str] | None" = None
    third: Optional[Pair] = None
"""


def _make(hooked: bool, source: str = "") -> dict[str, type]:
    ns = {
        "dataclass": dataclasses.dataclass,
        "field": dataclasses.field,
        "InitVar": dataclasses.InitVar,
        "NamedTuple": typing.NamedTuple,
        "Optional": typing.Optional,
    }
    saved = vars(dataclasses).get("exec"), vars(typing).get("compile")
    for mod, name in ((dataclasses, "exec"), (typing, "compile")):
        if name in vars(mod):
            delattr(mod, name)
    if hooked:
        dataclasses.exec = _dccodes.cached_exec  # type: ignore[attr-defined]
        typing.compile = _dccodes.cached_compile  # type: ignore[attr-defined]
    try:
        # (this module's postponed annotations not passed on: the InitVar must be evaluated)
        exec(compile(source or _SOURCE + (_SOURCE_310 if sys.version_info >= (3, 10) else ""), "<classes>", "exec", dont_inherit=True), ns)
    finally:
        for mod, name, old in ((dataclasses, "exec", saved[0]), (typing, "compile", saved[1])):
            if name in vars(mod):
                delattr(mod, name)
            if old is not None:
                setattr(mod, name, old)
    return {k: v for k, v in ns.items() if isinstance(v, type) and k not in ("InitVar", "NamedTuple", "Optional")}


def _methods(cls: type) -> dict[str, object]:
    return {k: v for k, v in vars(cls).items() if callable(v) and hasattr(v, "__code__")}


def _same_classes(got: dict[str, type], want: dict[str, type]) -> None:
    assert got.keys() == want.keys()
    for name in want:
        a, b = _methods(got[name]), _methods(want[name])
        assert a.keys() == b.keys(), name
        for m in b:
            fa, fb = a[m], b[m]
            assert fa.__code__ == fb.__code__, (name, m)  # type: ignore[attr-defined]
            assert fa.__code__.co_filename == fb.__code__.co_filename, (name, m)  # type: ignore[attr-defined]
            assert fa.__code__.co_flags == fb.__code__.co_flags, (name, m)  # type: ignore[attr-defined]
            assert fa.__qualname__ == fb.__qualname__, (name, m)  # type: ignore[attr-defined]
            assert repr(fa.__annotations__) == repr(fb.__annotations__), (name, m)  # type: ignore[attr-defined]
            assert repr(fa.__defaults__) == repr(fb.__defaults__), (name, m)  # type: ignore[attr-defined]
            assert repr(fa.__kwdefaults__) == repr(fb.__kwdefaults__), (name, m)  # type: ignore[attr-defined]
        assert [f.name for f in dataclasses.fields(got[name])] == [f.name for f in dataclasses.fields(want[name])]
    # and they behave the same
    for made in (got, want):
        p = made["Plain"](1)
        assert repr(p) == "Plain(x=1, y='a', z=[])" and p == made["Plain"](1, "a", [])
        f = made["Frozen"](2)
        with pytest.raises(dataclasses.FrozenInstanceError):
            f.a = 3  # type: ignore[misc]
        assert hash(f) == hash(made["Frozen"](2)) and made["Child"](1, (), "d") != made["Child"](1)
        assert made["Ordered"](1.0, "x") < made["Ordered"](2.0) and made["Ordered"](1.0, "x") == made["Ordered"](1.0, "y")
        assert made["Post"](2, 5).total == 7 and made["Bare"]().w == 3


@pytest.fixture
def fresh(monkeypatch):
    """The process' kept codes set aside, nothing written at exit."""
    monkeypatch.setattr(_dccodes, "_CODES", {})
    monkeypatch.setattr(_dccodes, "_ADDED", {})
    monkeypatch.setattr(_dccodes, "_WRITER", [True])


def test_compiled_codes_make_the_same_classes(fresh) -> None:
    want = _make(hooked=False)
    got = _make(hooked=True)
    assert len(_dccodes._ADDED) >= 10  # (each class's methods compiled here)
    _same_classes(got, want)


def test_kept_codes_make_the_same_classes(fresh, monkeypatch) -> None:
    _make(hooked=True)
    kept = marshal.loads(marshal.dumps(_dccodes._ADDED))
    monkeypatch.setattr(_dccodes, "_CODES", kept)
    monkeypatch.setattr(_dccodes, "_ADDED", {})
    want = _make(hooked=False)
    got = _make(hooked=True)
    assert not _dccodes._ADDED  # every code was a kept one
    _same_classes(got, want)


def test_codes_read_back_from_the_cache_folder(fresh, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    _make(hooked=True)
    _dccodes._write_codes()
    monkeypatch.setattr(_dccodes, "_CODES", None)
    assert _dccodes._codes().keys() == _dccodes._ADDED.keys()
    (tmp_path / _dccodes._codes_name()).write_bytes(b"damaged")
    monkeypatch.setattr(_dccodes, "_CODES", None)
    assert _dccodes._codes() == {}


def test_installed() -> None:
    import garblint.lint  # noqa: F401

    assert vars(dataclasses).get("exec") is _dccodes.cached_exec


def test_named_tuples_have_the_same_forward_references(fresh, monkeypatch) -> None:
    want = _make(hooked=False, source=_TUPLES)["Pair"]
    got = _make(hooked=True, source=_TUPLES)["Pair"]
    assert len(_dccodes._ADDED) == 3
    monkeypatch.setattr(_dccodes, "_CODES", marshal.loads(marshal.dumps(_dccodes._ADDED)))
    kept = _make(hooked=True, source=_TUPLES)["Pair"]
    for made in (got, kept):
        for name, ref in want.__annotations__.items():
            other = made.__annotations__[name]
            assert type(other) is type(ref) is typing.ForwardRef, name
            assert other.__forward_arg__ == ref.__forward_arg__ and other.__forward_code__ == ref.__forward_code__, name
            assert other.__forward_code__.co_filename == ref.__forward_code__.co_filename, name
        assert made(1)._asdict() == want(1)._asdict()
    with pytest.raises(SyntaxError):
        _dccodes.cached_compile("not (an expression", "<string>", "eval")
