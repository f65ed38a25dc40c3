"""Regular expressions compiled on first use, not at import.

garblint's modules hold a few hundred module-level patterns; compiling them all at import took
about a quarter of the start-up of a one-line file, although such a file reaches only a few of
them. ``lazy_re(pattern, flags)`` stands in for ``re.compile(pattern, flags)``: the pattern is
compiled the first time one of its attributes (``search``, ``finditer``, ``pattern`` ...) is
read, and the compiled pattern's bound methods are then kept on the object, so later calls cost
the same as on a compiled pattern. It is not a :class:`re.Pattern`: pass ``.compiled`` where a
real one is needed (``re.sub(p.compiled, ...)``, ``isinstance``).

Compiling is mostly Python code (the parser and the code generator of the ``re`` package: about
80 ms for the 200 patterns a big file reaches), so the compiled code of each pattern is kept in
the data cache folder (``regex-codes-*.bin``, keyed by the Python build and the regex engine's
version) and handed to the engine directly in later runs: the same pattern object
(``re.Pattern`` equality compares the code), for about 2 ms. A pattern's code is stored only
after the engine built from it compares equal to ``re.compile``'s; anything unexpected (another
Python, a damaged file) compiles as before (tests/test_lazyre.py).
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from typing import Any, AnyStr, cast

#: every lazy pattern made, so that a test can compile them all (a bad pattern would otherwise
#: fail only when a text first reaches it)
MADE: list["LazyPattern"] = []

_ATTRS = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A pattern compiled on first use (see the module docstring)."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = (pattern, flags)
        MADE.append(self)

    def __getattr__(self, name: str) -> Any:
        # called only while the name is not in the instance's __dict__: before the compile
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        rx: Any = _compile(*self._source)
        d = self.__dict__
        for attr in _ATTRS:
            d[attr] = getattr(rx, attr)
        d["compiled"] = rx
        return d[name] if name in d else getattr(rx, name)

    def __repr__(self) -> str:
        return f"lazy_re({self._source[0]!r})"

    def __reduce__(self) -> tuple:
        return (re.compile, self._source)


def lazy_re(pattern: AnyStr, flags: int = 0) -> "re.Pattern[AnyStr]":
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, flags))


# ------------------------------------------------------------ compiled code kept between runs
#: (pattern, flags) -> _sre.compile's arguments after the pattern, the code packed as bytes
_CODES: dict[tuple[Any, int], tuple] | None = None
_ADDED: dict[tuple[Any, int], tuple] = {}  # the ones this process compiled, written at exit
_MAX_CODES = 4096
_WRITER: list[bool] = []  # [True] once _write_codes is registered to run at exit


def _codes_name() -> str:
    import _sre

    tag = sys.implementation.cache_tag or "python"
    return f"regex-codes-v1-{tag}-{_sre.MAGIC}-m{marshal.version}.bin"


def _codes() -> dict[tuple[Any, int], tuple]:
    global _CODES
    if _CODES is None:
        _CODES = {}
        try:
            from .lexicon import _cache_dir

            folder = _cache_dir()
            if folder is not None:
                data = marshal.loads((folder / _codes_name()).read_bytes())
                if type(data) is dict:
                    _CODES = data
        except Exception:  # no file yet, a damaged one, another Python: compile as usual
            pass
    return _CODES


def _compile(pattern: Any, flags: int = 0) -> "re.Pattern":
    """``re.compile(pattern, flags)``: from the kept code when there is one."""
    key = (pattern, int(flags))
    kept = _codes().get(key)
    if kept is not None:
        try:
            import _sre

            flags2, code, groups, groupindex, indexgroup = kept
            return _sre.compile(pattern, flags2, _unpack(code), groups, groupindex, indexgroup)
        except Exception:  # (a damaged entry)
            pass
    rx = re.compile(pattern, flags)
    try:
        args = _code_of(pattern, int(flags), rx)
    except Exception:  # the re package's internals differ: nothing kept
        args = None
    if args is not None:
        if not _WRITER:
            import atexit

            atexit.register(_write_codes)
            _WRITER.append(True)
        _ADDED[key] = args
    return rx


def _code_of(pattern: Any, flags: int, rx: "re.Pattern") -> tuple | None:
    """The arguments after the pattern that ``_sre.compile`` takes to make ``rx`` (what
    ``re._compiler.compile`` passes it; the code packed as bytes), or None when the engine
    made from them differs."""
    import _sre

    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    p = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(p, flags)))
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    args = (int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))
    if _sre.compile(pattern, *args) != rx:
        return None
    packed = array("I", code).tobytes()  # (a list of ints held ten times the memory)
    return (args[0], packed) + args[2:] if _unpack(packed) == code else None


def _unpack(packed: bytes) -> list[int]:
    code = array("I")
    code.frombytes(packed)
    return code.tolist()


def _write_codes() -> None:
    """Add the codes this process compiled to the kept ones (at exit; errors pass)."""
    try:
        from ._datacache import _Blob, _cache_dir, _save

        folder = _cache_dir()
        if folder is None or not _ADDED:
            return
        name = _codes_name()
        try:
            kept = marshal.loads((folder / name).read_bytes())  # (another run may have added some)
        except Exception:
            kept = None
        codes = kept if type(kept) is dict else {}
        codes.update(_ADDED)
        if len(codes) > _MAX_CODES:  # (patterns of many versions): start again from this run's
            codes = dict(_ADDED)
        _save(_Blob(marshal.dumps(codes)), folder, name, "regex-codes-")
    except Exception:
        pass
