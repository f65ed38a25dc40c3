"""Importing ftfy for E001's repairs without what the repairs never use.

``import ftfy`` took about 60 ms of CPU: 30-40 ms of it importing wcwidth (for
``ftfy.formatting``'s terminal-width helpers, which ``ftfy.fix_encoding`` never calls) and
about 15 ms compiling some 25 regular expressions at module level. A run whose text holds
mojibake pays it once. :func:`ftfy` imports ftfy with

- a stand-in for wcwidth while ftfy's modules import: ``from wcwidth import wcswidth,
  wcwidth`` binds functions that import the real wcwidth when first called (so
  ``ftfy.formatting`` works as before); any other name read from it imports the real module
  at once. The stand-in leaves ``sys.modules`` when the import is done, so a later ``import
  wcwidth`` anywhere gets the real module;
- ``re.compile`` answering from the compiled code kept in the data cache folder
  (:mod:`garblint.lint.lazyre`: the same pattern objects, ``re.Pattern`` equality compares
  the code) while ftfy's modules import; restored right after.

Both only where ftfy is not imported yet, under a lock. About 15 ms in all (measured:
0.057-0.068 s before, 0.014-0.021 s after, CPU, byte code cached).
"""

from __future__ import annotations

import re
import sys
import threading
import types
from typing import Any

_LOCK = threading.Lock()
#: the names ftfy.formatting imports from wcwidth: functions, bound to forwarders
_FORWARDED = frozenset(("wcwidth", "wcswidth"))


def _real_wcwidth() -> Any:
    """The real wcwidth module (the stand-in taken out of ``sys.modules`` first)."""
    if isinstance(sys.modules.get("wcwidth"), _LaterWcwidth):
        del sys.modules["wcwidth"]
    import importlib

    return importlib.import_module("wcwidth")


def _forwarder(name: str):
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real_wcwidth(), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


class _LaterWcwidth(types.ModuleType):
    """wcwidth while ftfy imports: its two functions forwarded, anything else the real one's."""

    def __getattr__(self, name: str) -> Any:
        if name in _FORWARDED:
            return _forwarder(name)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_wcwidth(), name)


_busy: list[bool] = []  # [True] while a kept compile runs (lazyre's own re.compile calls pass)


def _kept_compile(pattern: Any, flags: Any = 0) -> Any:
    """``re.compile`` from the kept code (lint.lazyre._compile) for a str or bytes pattern."""
    if _busy or type(pattern) not in (str, bytes):
        return _RE_COMPILE(pattern, flags)
    from ..lint.lazyre import _compile

    _busy.append(True)
    try:
        return _compile(pattern, flags)
    finally:
        _busy.pop()


_RE_COMPILE = re.compile


def ftfy() -> types.ModuleType:
    """The ftfy module, imported as the module docstring says if it is not yet."""
    mod = sys.modules.get("ftfy")
    if mod is not None and getattr(mod, "fix_encoding", None) is not None:
        return mod
    with _LOCK:
        stub = None
        if "wcwidth" not in sys.modules:
            import importlib.util

            if importlib.util.find_spec("wcwidth") is not None:
                stub = sys.modules["wcwidth"] = _LaterWcwidth("wcwidth")
        patched = re.compile is _RE_COMPILE
        if patched:
            re.compile = _kept_compile  # type: ignore[assignment]
        try:
            import ftfy as loaded
        finally:
            if patched and re.compile is _kept_compile:
                re.compile = _RE_COMPILE
            if stub is not None and sys.modules.get("wcwidth") is stub:
                del sys.modules["wcwidth"]
    return loaded
