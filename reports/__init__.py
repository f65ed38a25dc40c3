"""Report writers, one module per output format. A report sees results and findings only."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


@dataclass
class ReportContext:
    """What a writer may know besides the findings: the tool and the rules' documentation."""

    version: str
    rules: Sequence[Any] = ()  # Rule classes that were selected, for SARIF's rule table
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fail_on: str = "warning"
    extra: dict[str, Any] = field(default_factory=dict)


def get_writer(fmt: str) -> Callable[[Sequence[Any], ReportContext], str]:
    """The ``render(results, ctx) -> str`` function of output format ``fmt``."""
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.render
