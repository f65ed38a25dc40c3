"""Source compiled while classes are made, compiled once and kept between runs.

``@dataclass`` writes the source of each class's methods (``__init__``, ``__repr__``,
``__eq__``, a frozen class's ``__setattr__`` and ``__hash__`` ...) and compiles it with
``exec``, and a ``NamedTuple`` of a module with postponed annotations compiles each field's
annotation (``typing.ForwardRef``): compiling is most of what such a class costs to make
(garblint's 29 dataclasses and 9 named tuples in a run: about 100 million instructions, some 25
ms of every process). ``install()`` gives the dataclasses module an ``exec`` and the typing
module a ``compile`` of their own (module globals, which the names resolve to before the
built-ins) that use the code object kept for the same source text and mode, compiled as the
built-ins compile it there (file name ``<string>``, no future flags: neither module has any,
and neither has this one, so a call passed on inherits none either). So the classes are the
same (tests/test_dccodes.py compares them with classes made without it).

The codes are kept in the data cache folder (``dataclass-codes-*.bin``: marshal data, named by
the Python build's byte code magic number and optimisation level), read at the first dataclass
a process makes and written at exit when the process compiled new ones, as ``lazyre`` keeps
compiled regular expressions. Anything unexpected (no folder, a damaged file) compiles as before.
"""

import dataclasses
import marshal
import sys
from typing import Any

# (no ``from __future__ import annotations`` here: see the module docstring)
#: (mode, source text) -> its code object (None until the first class is made)
_CODES: "dict[tuple[str, str], Any] | None" = None
_ADDED: "dict[tuple[str, str], Any]" = {}  # the ones this process compiled, written at exit
_MAX_CODES = 2048
_WRITER: "list[bool]" = []  # [True] once _write_codes is registered to run at exit
_exec = exec
_compile = compile


def _codes_name() -> str:
    from importlib._bootstrap_external import MAGIC_NUMBER  # type: ignore[attr-defined]

    return f"dataclass-codes-v1-{MAGIC_NUMBER.hex()}-o{sys.flags.optimize}-m{marshal.version}.bin"


def _codes() -> "dict[tuple[str, str], Any]":
    global _CODES
    if _CODES is None:
        _CODES = {}
        try:
            from ._datacache import _cache_dir

            folder = _cache_dir()
            if folder is not None:
                data = marshal.loads((folder / _codes_name()).read_bytes())
                if type(data) is dict:
                    _CODES = data
        except Exception:  # no file yet, a damaged one: compile as usual
            pass
    return _CODES


def _code(mode: str, source: str) -> Any:
    """``compile(source, "<string>", mode)`` as dataclasses and typing call it: kept."""
    key = (mode, source)
    code = _codes().get(key)
    if code is None:
        code = _compile(source, "<string>", mode, dont_inherit=True)
        if not _WRITER:
            import atexit

            atexit.register(_write_codes)
            _WRITER.append(True)
        _ADDED[key] = code
    return code


def cached_exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """``exec(source, globals, locals)``, a source text's code kept (see the module docstring)."""
    _exec(_code("exec", source) if type(source) is str else source, globals, locals)


def cached_compile(source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1, **kw: Any) -> Any:
    """``compile(...)``, the code of a text compiled with the defaults as ``<string>`` kept."""
    if type(source) is str and filename == "<string>" and not flags and not dont_inherit and optimize == -1 and not kw:
        return _code(mode, source)
    return _compile(source, filename, mode, flags, dont_inherit, optimize, **kw)


def install() -> None:
    """Let dataclasses' ``exec`` be ``cached_exec`` and typing's ``compile`` ``cached_compile``
    (once; not where the module has a global of that name already)."""
    import typing

    if "exec" not in vars(dataclasses):
        dataclasses.exec = cached_exec  # type: ignore[attr-defined]
    if "compile" not in vars(typing):
        typing.compile = cached_compile  # type: ignore[attr-defined]


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
        if len(codes) > _MAX_CODES:  # (classes of many versions): start again from this run's
            codes = dict(_ADDED)
        _save(_Blob(marshal.dumps(codes)), folder, name, "dataclass-codes-")
    except Exception:
        pass
