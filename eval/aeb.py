"""Score the boilerplate rules on the AEB development half built by ``eval/aeb_build.py``.

    python eval/aeb.py [--data /work/data/aeb] [--select B] [--curve] [--json]

Each page's naive scrape is linted with the default settings and the B rules that are on by
default (B001-B003; ``--select B`` adds the corpus rule B004), all pages in one run, so corpus
rules see the run; a block counts as flagged when a finding of severity warning or error covers
it (its span, or the range its deletion suggestion removes, overlaps the block). Reported:

- recall of boilerplate blocks, overall, per finding code and per shape of block (a coarse
  description computed here from the block's text: ``menu`` 1-3 words without sentence
  punctuation, ``headline`` 4-14 words without, ``dated`` a short block with a date, time or
  "By Name", ``sentence`` the rest of the short ones, ``long`` 40+ words);
- the share of article blocks flagged (false alarms), and of title and caption blocks;
- findings per 1,000 words when the annotated article bodies (clean professional news) are
  linted on their own;
- with ``--curve``: recall and article share for each ``--min-confidence`` threshold.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.runner import discover, lint_targets

DEFAULT_DATA = "/work/data/aeb"
SEVERE = ("warning", "error")
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
_DATED = re.compile(
    r"\b(?:\d{1,2}:\d{2}|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|updated|published)\w*|^by\s", re.I
)


def shape(text: str) -> str:
    words = len(text.split())
    punct = text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", "\u2026"))
    if words >= 40:
        return "long"
    if words <= 20 and _DATED.search(text):
        return "dated"
    if not punct and words <= 3:
        return "menu"
    if not punct and words <= 14:
        return "headline"
    return "sentence"


def blocks_of(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        a = pos
        b = a + len(part.rstrip("\n"))
        if part.strip():
            out.append((a, b))
        pos += len(part) + 2
    return out


def extent(f) -> tuple[int, int]:
    """What the finding covers: its span, widened by its suggestions' own edit ranges."""
    a, b = f.start, max(f.end, f.start + 1)
    for s in f.suggestions:
        for e in s.edits:
            a, b = min(a, e.start), max(b, e.end)
    return a, b


def load_pages(data: Path) -> list[dict]:
    pages = []
    for line in (data / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        sha = m["sha"]
        text = (data / f"{sha}.txt").read_text(encoding="utf-8")
        labels = [json.loads(x) for x in (data / f"{sha}.labels.jsonl").read_text(encoding="utf-8").splitlines()]
        spans = blocks_of(text)
        if len(spans) != len(labels):
            raise SystemExit(f"aeb: error: {sha}: {len(spans)} blocks but {len(labels)} labels (rebuild with eval/aeb_build.py)")
        pages.append({"sha": sha, "text": text, "labels": labels, "spans": spans})
    return pages


def run(paths: list[str], select: str) -> dict[str, list]:
    config = Config({"select": convert("select", [select])})  # (the default settings)
    results = lint_targets(discover(paths, config), config, jobs=1)
    return {r.path: [f for f in r.findings if f.severity in SEVERE] for r in results}


def score(pages: list[dict], findings: dict[str, list], min_conf: float = 0.0) -> dict:
    tot: Counter = Counter()
    hit: Counter = Counter()
    by_code: Counter = Counter()
    for p in pages:
        fs = [f for f in findings.get(p["path"], []) if f.confidence >= min_conf]
        ext = [(extent(f), f.code) for f in fs]
        for (a, b), lab in zip(p["spans"], p["labels"]):
            kind = lab["label"]
            keys = [kind] + ([f"boilerplate:{shape(p['text'][a:b])}"] if kind == "boilerplate" else [])
            codes = {c for (x, y), c in ext if x < b and a < y}
            for k in keys:
                tot[k] += 1
                hit[k] += bool(codes)
            if kind == "boilerplate":
                for c in codes:
                    by_code[c] += 1
    return {"tot": tot, "hit": hit, "by_code": by_code}


def body_rate(data: Path, pages: list[dict], select: str) -> tuple[int, int, Counter]:
    paths = [str(data / f"{p['sha']}.body.txt") for p in pages]
    found = run(paths, select)
    words = sum(len(Path(x).read_text(encoding="utf-8").split()) for x in paths)
    codes = Counter(f.code for fs in found.values() for f in fs)
    return sum(codes.values()), words, codes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="boilerplate rules on the AEB development half")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--select", default="B001,B002,B003", help="rules (default: the B rules on by default; B adds B004)")
    ap.add_argument("--curve", action="store_true", help="recall and false alarms per --min-confidence")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", choices=("missed", "false", "none"), default="none", help="print missed boilerplate or flagged article blocks")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "READY").is_file():
        print(f"aeb: error: {data}: no READY file (run eval/aeb_build.py first)", file=sys.stderr)
        return 2
    pages = load_pages(data)
    paths = [str(data / f"{p['sha']}.txt") for p in pages]
    for p, path in zip(pages, paths):
        p["path"] = path
    found = run(paths, args.select)
    # discover shows paths relative to the working folder: key findings by real path
    found = {str(Path(k).resolve()): v for k, v in found.items()}
    for p in pages:
        p["path"] = str(Path(p["path"]).resolve())
    s = score(pages, found)
    n_body, body_words, body_codes = body_rate(data, pages, args.select)
    tot, hit = s["tot"], s["hit"]

    def rate(k: str) -> float:
        return hit[k] / tot[k] if tot[k] else 0.0

    out = {
        "pages": len(pages),
        "boilerplate_recall": round(rate("boilerplate"), 3),
        "article_flagged": round(rate("article"), 4),
        "title_flagged": round(rate("title"), 3),
        "caption_flagged": round(rate("caption"), 3),
        "blocks": dict(tot),
        "recall_by_shape": {k.split(":")[1]: [hit[k], tot[k], round(rate(k), 3)] for k in sorted(tot) if k.startswith("boilerplate:")},
        "boilerplate_blocks_by_code": dict(sorted(s["by_code"].items())),
        "body_findings": n_body,
        "body_words": body_words,
        "body_per_1000_words": round(1000 * n_body / body_words, 3) if body_words else 0.0,
        "body_findings_by_code": dict(sorted(body_codes.items())),
    }
    if args.curve:
        curve = []
        for t in THRESHOLDS:
            c = score(pages, found, t)
            ct, ch = c["tot"], c["hit"]
            curve.append({"min_confidence": t, "recall": round(ch["boilerplate"] / ct["boilerplate"], 3),
                          "article_flagged": round(ch["article"] / ct["article"], 4),
                          "precision": round(ch["boilerplate"] / max(1, ch["boilerplate"] + ch["article"]), 3)})
        out["curve"] = curve
    if args.show != "none":
        want = "boilerplate" if args.show == "missed" else "article"
        for p in pages:
            ext = [extent(f) for f in found.get(p["path"], [])]
            for (a, b), lab in zip(p["spans"], p["labels"]):
                flagged = any(x < b and a < y for x, y in ext)
                if lab["label"] == want and flagged == (args.show == "false"):
                    print(f"{p['sha'][:8]} {lab['i']:3} {lab['tag']:10} {p['text'][a:b][:100]!r}")
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(f"AEB development half: {out['pages']} pages, blocks {out['blocks']}")
        print(f"boilerplate-block recall {out['boilerplate_recall']:.3f}; article blocks flagged {out['article_flagged']:.2%} "
              f"(title {out['title_flagged']:.1%}, caption {out['caption_flagged']:.1%})")
        print("recall by shape: " + ", ".join(f"{k} {v[0]}/{v[1]} = {v[2]:.2f}" for k, v in out["recall_by_shape"].items()))
        print("boilerplate blocks caught by code: " + (", ".join(f"{k} {v}" for k, v in out["boilerplate_blocks_by_code"].items()) or "none"))
        print(f"article bodies: {n_body} findings in {body_words} words = {out['body_per_1000_words']} per 1,000 words {dict(body_codes)}")
        for row in out.get("curve", []):
            print(f"  --min-confidence {row['min_confidence']:.2f}: recall {row['recall']:.3f}, article flagged {row['article_flagged']:.2%}, block precision {row['precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
