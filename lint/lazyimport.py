"""Modules imported on first use.

``fuzz = lazy_module("rapidfuzz.fuzz")`` at the top of a module stands in for
``from rapidfuzz import fuzz``: the import happens when an attribute is first read (rapidfuzz
takes about 11 ms and 4.6 MB, which a one-line file never needs), and the module's names are
then kept on the object, so ``fuzz.ratio`` costs what it costs on the module. Declare the real
import under ``TYPE_CHECKING`` so that the type checker still sees the module.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """A module imported on first attribute access (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self._module_name = name

    def __getattr__(self, attr: str) -> Any:
        # called only while the name is not in the instance's __dict__: before the import
        if attr.startswith("__") or attr == "_module_name":
            raise AttributeError(attr)
        module = importlib.import_module(self._module_name)
        self.__dict__.update(vars(module))
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"lazy_module({self._module_name!r})"


def lazy_module(name: str) -> Any:
    return LazyModule(name)
