"""Report writers, one module per output format. A report sees results, findings and the
:class:`ReportContext` only: what it knows of the rules (names, categories, documentation, fix
priorities) comes through the context, never from the rule registry."""
from __future__ import annotations

import importlib
from typing import Any, Callable, Sequence

from ..lint._records import FACTORY, record

FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


@record(
    ("code", "name", "category", "severity", "fix_priority", "docs", "source"),
    frozen=True,
    compare=("code", "name", "category", "severity", "fix_priority", "docs"),
    shown=("code", "name", "category", "severity", "fix_priority", "docs"),
)
class RuleInfo:
    """What a report knows of one rule (the CLI makes these from the rule classes). Frozen."""

    code: str
    name: str
    category: str
    severity: str
    fix_priority: int = 50
    docs: tuple[tuple[str, str], ...] = ()  # (heading, text) of the rule's docstring
    #: the rule class ``of`` made this from: its docstring is parsed when a report first asks
    #: for it (SARIF, HTML), not for every rule in every run (about 4 ms of a one-line run).
    #: Not compared, not in the repr.
    source: Any = None

    def __init__(
        self, code: str, name: str, category: str, severity: str, fix_priority: int = 50, docs: tuple[tuple[str, str], ...] = (), source: Any = None
    ) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "severity", severity)
        _set(self, "fix_priority", fix_priority)
        _set(self, "docs", docs)
        _set(self, "source", source)

    @classmethod
    def of(cls, rule: Any) -> "RuleInfo":
        """From a rule class (anything with its attributes and ``doc_sections()``)."""
        return cls(rule.code, rule.name, rule.category, rule.severity, int(getattr(rule, "fix_priority", 50)), source=rule)

    def doc_sections(self) -> dict[str, str]:
        if not self.docs and self.source is not None:
            object.__setattr__(self, "docs", tuple(self.source.doc_sections().items()))
        return dict(self.docs)


@record(("version", "rules", "color", "statistics", "quiet", "fail_on", "extra", "catalog"))
class ReportContext:
    """What a writer may know besides the findings: the tool and the rules."""

    version: str
    rules: Sequence[Any] = ()  # the selected rules (RuleInfo, or rule classes), for SARIF's rule table
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    fail_on: str = "warning"
    extra: dict[str, Any]
    #: every rule garblint knows (RuleInfo or classes), for findings of rules not selected
    catalog: Sequence[Any] = ()

    def __init__(
        self,
        version: str,
        rules: Sequence[Any] = (),
        color: bool = False,
        statistics: bool = False,
        quiet: bool = False,
        fail_on: str = "warning",
        extra: dict[str, Any] = FACTORY,
        catalog: Sequence[Any] = (),
    ) -> None:
        self.version = version
        self.rules = rules
        self.color = color
        self.statistics = statistics
        self.quiet = quiet
        self.fail_on = fail_on
        self.extra = {} if extra is FACTORY else extra
        self.catalog = catalog

    def rule(self, code: str) -> Any | None:
        """What the context knows of rule ``code`` (None for a code it does not know)."""
        for group in (self.rules, self.catalog):
            for r in group:
                if r.code == code:
                    return r
        return None


def get_writer(fmt: str) -> Callable[[Sequence[Any], ReportContext], str]:
    """The ``render(results, ctx) -> str`` function of output format ``fmt``."""
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.render
