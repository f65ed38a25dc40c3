"""Which rules run and which of their findings are reported: selection by code prefix (as ruff
does), suppressions, per-file ignores, the confidence threshold, severity overrides and the
doubles a rule defers to others. The runner calls these; rules only detect.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Iterable, Sequence

from .config import Config
from .document import Document
from .finding import Finding
from .rule import Rule, all_rules
from .suppress import apply_suppressions


# ------------------------------------------------------------------ selection
def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


#: the rule classes a selection leaves on, by (select, extend-select, ignore, the registered
#: rules and their defaults): a run asks for every file, and the answer only changes with these
_SELECTED: dict[tuple, list[Rule]] = {}


def selected_rules(config: Config) -> list[Rule]:
    """Instances of the rules that ``select``/``extend-select``/``ignore`` leave on, worked out
    and built once per selection (a new list of the same instances on every call: a rule
    keeps no state of its own, what it computes lives on the Document)."""
    select = config["select"]
    extend = config["extend-select"]
    ignore = config["ignore"]
    classes = all_rules()
    key = (
        None if select is None else tuple(select),
        tuple(extend),
        tuple(ignore),
        tuple(classes),
        tuple([cls.default_enabled for cls in classes]),
    )
    chosen = _SELECTED.get(key)
    if chosen is None:
        chosen = [cls() for cls in classes if _is_on(cls, select, extend, ignore)]
        if len(_SELECTED) > 64:
            _SELECTED.clear()
        _SELECTED[key] = chosen
    return list(chosen)


def _is_on(cls: type[Rule], select, extend, ignore) -> bool:
    sel = _longest_prefix(cls.code, (select or []) + extend)
    ign = _longest_prefix(cls.code, ignore)
    if sel < 0 and ign < 0:
        return select is None and cls.default_enabled
    # a longer prefix wins; at the same length ignore wins, as in ruff
    return sel > ign


def finish_findings(doc: Document, findings: list[Finding], config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """Suppressions (and unused-suppression findings), selection filters, severities, doubles."""
    findings = apply_suppressions(doc, findings, rules)
    return drop_doubles(postprocess(findings, config, doc.path), rules)


def drop_doubles(findings: list[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """Let rules that override :meth:`Rule.drop_doubles` remove their doubles of other rules' findings."""
    global _DOUBLERS
    seen, n, doublers = _DOUBLERS
    if seen is not rules or n != len(rules):
        # (worked out once for a run's rules, not once per document: about 8 us each time)
        doublers = [rule for rule in rules if type(rule).drop_doubles is not Rule.drop_doubles]
        _DOUBLERS = (rules, len(rules), doublers)
    for rule in doublers:
        mine = [f for f in findings if f.code == rule.code]
        if mine:
            keep = {id(f) for f in rule.drop_doubles(mine, [f for f in findings if f.code != rule.code])}
            findings = [f for f in findings if f.code != rule.code or id(f) in keep]
    return findings


#: the rules last given to drop_doubles (kept, so that their identity stays theirs), their
#: number, and those of them that override Rule.drop_doubles
_DOUBLERS: tuple[object, int, list[Rule]] = (None, 0, [])


def postprocess(findings: list[Finding], config: Config, path: str | None) -> list[Finding]:
    overrides = config["severity"]
    min_conf = config["min-confidence"]
    ignores: list[str] = []
    if path:
        rel = path.replace(os.sep, "/")
        for glob, codes in config["per-file-ignores"].items():
            if fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(os.path.basename(rel), glob):
                ignores.extend(codes)
    out = []
    for f in findings:
        if f.confidence < min_conf:
            continue
        if ignores and _longest_prefix(f.code, ignores) >= 0:
            continue
        if overrides:
            sev = overrides.get(f.code) or overrides.get(f.code[0])
            if sev and sev != f.severity:
                f = f.with_severity(sev)
        out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return out
