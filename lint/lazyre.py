"""Regular expressions compiled on first use, not at import.

garblint's modules hold a few hundred module-level patterns; compiling them all at import took
about a quarter of the start-up of a one-line file, although such a file reaches only a few of
them. ``lazy_re(pattern, flags)`` stands in for ``re.compile(pattern, flags)``: the pattern is
compiled the first time one of its attributes (``search``, ``finditer``, ``pattern`` ...) is
read, and the compiled pattern's bound methods are then kept on the object, so later calls cost
the same as on a compiled pattern. It is not a :class:`re.Pattern`: pass ``.compiled`` where a
real one is needed (``re.sub(p.compiled, ...)``, ``isinstance``).
"""

from __future__ import annotations

import re
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
        rx: Any = re.compile(*self._source)  # type: ignore[call-overload]
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
