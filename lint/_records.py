"""Plain record classes: what ``@dataclass`` gives a class, for the classes every run imports.

``@dataclass`` writes each method it adds (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
a frozen class's ``__setattr__`` and ``__delattr__``) as source text and compiles it when the
class is made: about 0.3-1.5 ms a class, 10-15 ms of every run for the classes a run imports.
The classes decorated by :func:`record` write their own ``__init__`` (the one method that runs
per instance); :func:`record` adds the rest as ordinary functions over the field names, with
the behaviour ``@dataclass`` gives: the same repr (``Name(a=1, b='x')``, ``...`` for an object
that holds itself), equality only with an instance of the same class, field by field, as
tuples (an object is equal to itself inside them), the hash of that tuple for a frozen class
(and no hash for a class with ``__eq__`` that is not frozen), ``FrozenInstanceError`` on
assigning or deleting any attribute of a frozen instance, and ``__match_args__``. They are not
dataclasses: ``dataclasses.fields``, ``replace`` and ``asdict`` do not take them (the classes
converted are those nothing calls those for). tests/test_records.py compares each with its
former dataclass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import FrozenInstanceError
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar

_C = TypeVar("_C", bound=type)


def _values(names: Sequence[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The object's values of ``names`` as a tuple (attrgetter gives a bare value for one name)."""
    if len(names) == 1:
        (name,) = names
        return lambda obj: (getattr(obj, name),)
    if not names:
        return lambda obj: ()
    return attrgetter(*names)


def record(
    fields: Sequence[str], *, frozen: bool = False, compare: Sequence[str] | None = None, shown: Sequence[str] | None = None
) -> Callable[[_C], _C]:
    """Add ``@dataclass``'s ``__repr__``, ``__eq__``, ``__hash__``, ``__match_args__`` and, for
    ``frozen``, ``__setattr__`` and ``__delattr__`` to a class that has its own ``__init__``.

    ``fields``: the dataclass's fields in order (its ``__init__`` parameters); ``compare``: those
    that ``__eq__`` and ``__hash__`` read (default all: a field declared ``compare=False`` is
    left out); ``shown``: those ``__repr__`` shows (default all: ``repr=False`` leaves one out).
    """
    fields = tuple(fields)
    compared = _values(fields if compare is None else tuple(compare))
    shown_names = fields if shown is None else tuple(shown)

    def decorate(cls: _C) -> _C:
        def __repr__(self: Any) -> str:
            return self.__class__.__qualname__ + "(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in shown_names) + ")"

        def __eq__(self: Any, other: object) -> bool:
            if other.__class__ is self.__class__:
                return compared(self) == compared(other)
            return NotImplemented

        __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
        __eq__.__qualname__ = f"{cls.__qualname__}.__eq__"
        cls.__repr__ = recursive_repr()(__repr__)  # type: ignore[assignment]
        cls.__eq__ = __eq__  # type: ignore[assignment]
        setattr(cls, "__match_args__", fields)
        if frozen:

            def __hash__(self: Any) -> int:
                return hash(compared(self))

            def __setattr__(self: Any, name: str, value: Any) -> None:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")

            def __delattr__(self: Any, name: str) -> None:
                raise FrozenInstanceError(f"cannot delete field {name!r}")

            for fn in (__hash__, __setattr__, __delattr__):
                fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
            cls.__hash__ = __hash__  # type: ignore[assignment]
            cls.__setattr__ = __setattr__  # type: ignore[assignment]
            cls.__delattr__ = __delattr__  # type: ignore[assignment]
        else:
            cls.__hash__ = None  # type: ignore[assignment]
        return cls

    return decorate


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


#: the default of a parameter whose field has a default factory: ``__init__`` makes the default
#: when it gets this (as ``@dataclass``'s ``__init__`` does), so an explicit None stays None
FACTORY: Any = _Factory()
