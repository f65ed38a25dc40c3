"""The JSON report: the stable, versioned contract that outside checks read (version 1).

Schema: ``garblint-report.schema.json`` beside this module. Additive changes (new optional
keys) keep version 1; anything that removes or changes the meaning of a key bumps it.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Sequence

from . import ReportContext

CONTRACT_VERSION = 1


def report_dict(results: Sequence[Any], ctx: ReportContext) -> dict[str, Any]:
    by_sev: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    files = []
    for r in results:
        for f in r.findings:
            by_sev[f.severity] += 1
            by_code[f.code] += 1
        entry: dict[str, Any] = {
            "path": r.path,
            "error": r.error,
            "findings": [f.to_dict() for f in r.findings],
        }
        if r.skipped:
            entry["skipped"] = r.skipped
        if r.encoding:
            entry["encoding"] = r.encoding
        files.append(entry)
    return {
        "version": CONTRACT_VERSION,
        "tool": {"name": "garblint", "version": ctx.version},
        "files": files,
        "summary": {
            "files": len(results),
            "findings": sum(by_sev.values()),
            "errors": sum(1 for r in results if r.error),
            "by_severity": dict(sorted(by_sev.items())),
            "by_code": dict(sorted(by_code.items())),
        },
    }


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    return json.dumps(report_dict(results, ctx), ensure_ascii=False, indent=2) + "\n"
