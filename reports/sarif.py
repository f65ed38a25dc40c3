"""SARIF 2.1.0, as GitHub code scanning reads it.

File URIs are relative to ``%SRCROOT%`` (the git work tree, else the current folder; given in
``originalUriBaseIds``) and percent-encoded (RFC 3986); a file outside it gets an absolute
``file:`` URI, never ``../``. Columns are Unicode code points (``columnKind: unicodeCodePoints``); regions carry both
line/column and charOffset/charLength; ``partialFingerprints`` come from the finding's
fingerprint (rule + normalised text + context), so they survive lines moving; suggestions
become ``fixes``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from . import ReportContext

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
INFO_URI = "https://pypi.org/project/garblint/"


def source_root(start: Path | None = None) -> Path:
    """``%SRCROOT%``: the git work tree holding the current folder (a ``.git`` folder or file),
    else the current folder."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _uri(path: str, root: Path) -> tuple[str, bool]:
    """A percent-encoded (RFC 3986) URI relative to ``root`` (%SRCROOT%) where the file is under
    it, never with ``../``; else an absolute ``file:`` URI."""
    if path == "-" or path.startswith("<"):
        return "stdin", True
    p = Path(os.path.abspath(path))
    try:
        rel = p.relative_to(root)
    except ValueError:
        return p.as_uri(), False
    return quote(rel.as_posix().encode("utf-8", "surrogateescape"), safe="/"), True


def _rule_entry(cls: Any) -> dict[str, Any]:
    doc = cls.doc_sections()
    help_lines = [f"{h}: {doc[h]}" for h in ("What it flags", "Why", "Example", "Fix") if doc.get(h)]
    help_md = "\n\n".join(f"**{h}.** {doc[h]}" for h in ("What it flags", "Why", "Example", "Fix") if doc.get(h))
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": doc.get("What it flags") or cls.name},
        "fullDescription": {"text": doc.get("Why") or doc.get("What it flags") or cls.name},
        "help": {"text": "\n\n".join(help_lines) or cls.name, "markdown": help_md or cls.name},
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {"category": cls.category, "tags": [cls.category]},
    }


def _region(f: Any) -> dict[str, Any]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    rules = list(ctx.rules)
    index = {cls.code: i for i, cls in enumerate(rules)}
    # Findings from rules outside the selection (e.g. LanguageTool codes) still need an entry.
    extra: dict[str, dict[str, Any]] = {}
    sarif_results = []
    artifacts: list[dict[str, Any]] = []
    art_index: dict[str, int] = {}
    notifications = []
    root = source_root()
    for r in results:
        uri, relative = _uri(r.path, root)
        loc: dict[str, Any] = {"uri": uri}
        if relative:
            loc["uriBaseId"] = "%SRCROOT%"
        if uri not in art_index:
            art_index[uri] = len(artifacts)
            art: dict[str, Any] = {"location": dict(loc)}
            if r.encoding:
                art["encoding"] = r.encoding
            artifacts.append(art)
        loc_with_index = dict(loc, index=art_index[uri])
        if r.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{r.path}: {r.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": loc_with_index}}],
                }
            )
        for f in r.findings:
            if f.code not in index and f.code not in extra:
                extra[f.code] = {
                    "id": f.code,
                    "name": f.name,
                    "shortDescription": {"text": f.name},
                    "properties": {"category": f.category, "tags": [f.category]},
                }
            res: dict[str, Any] = {
                "ruleId": f.code,
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": loc_with_index, "region": _region(f)}}
                ],
                "partialFingerprints": {"garblintFingerprint/v1": f.fingerprint},
                "properties": {"category": f.category, "confidence": f.confidence, **dict(f.properties)},
            }
            if f.suggestions:
                res["fixes"] = [
                    {
                        "description": {
                            "text": (s.description or ("delete" if not s.replacement else f"replace with '{s.replacement}'"))
                            + (" (safe)" if s.safe else " (unsafe)")
                        },
                        "artifactChanges": [
                            {
                                "artifactLocation": loc_with_index,
                                "replacements": [
                                    {"deletedRegion": _region(f), "insertedContent": {"text": s.replacement}}
                                ]
                                if not s.edits
                                else [
                                    {
                                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in s.edits
                                ],
                            }
                        ],
                    }
                    for s in f.suggestions
                ]
            sarif_results.append(res)
    driver_rules = [_rule_entry(cls) for cls in rules] + list(extra.values())
    all_index = {rule["id"]: i for i, rule in enumerate(driver_rules)}
    for res in sarif_results:
        res["ruleIndex"] = all_index[res["ruleId"]]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "garblint",
                "version": ctx.version,
                "semanticVersion": ctx.version if ctx.version[:1].isdigit() else None,
                "informationUri": INFO_URI,
                "rules": driver_rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
        "invocations": [
            {
                "executionSuccessful": not any(r.error for r in results),
                "toolExecutionNotifications": notifications,
                "workingDirectory": {"uri": Path(os.getcwd()).as_uri() + "/"},
            }
        ],
    }
    if run["tool"]["driver"]["semanticVersion"] is None:
        del run["tool"]["driver"]["semanticVersion"]
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
