"""Build the development half of the Article Extraction Benchmark (AEB) for boilerplate work.

Reads the benchmark's ``ground-truth.json`` (the human-annotated article body of each page)
and ``html/<sha256>.html.gz`` straight from a git directory of
scrapinghub/article-extraction-benchmark (the ``fetch`` tool's mirror by default), keeps ONLY
the pages whose sha256 starts with 0-7 (8-f are reserved for independent evaluation), plays
a naive scraper over each page and writes, to ``/work/data/aeb/`` (outside the repository;
never commit these texts):

- ``<sha>.txt``: the naive scrape, one block a paragraph (blocks separated by a blank line);
  the scraper takes every ``p``, ``h1``-``h3``, ``figcaption``, ``blockquote`` and ``pre``
  element in page order (an element's own text; a nested element of those kinds is a block
  of its own), skips ``script``/``style``/``noscript``/``template``, turns ``<br>`` into a
  line break and collapses other white space;
- ``<sha>.body.txt``: the annotated article body (clean professional news);
- ``<sha>.labels.jsonl``: one JSON object a block, in order: ``{"i", "label", "tag",
  "words", "score"}``, label one of ``article``, ``boilerplate``, ``title``, ``caption``;
- ``manifest.jsonl``: one line a page (sha, url, blocks, label counts), and ``READY`` last.

Labelling matches each block to the annotated body with normalised fuzzy matching (case
folded, NFKC, words only): a block is ``article`` when it equals a body line, is contained in
the body (blocks of 4+ words), or aligns with a body line with rapidfuzz similarity >= 90;
``title`` is a heading block outside the body that matches the page's ``<title>`` or
``og:title``; ``caption`` is a ``figcaption`` outside the body that sits inside the article's
run of blocks (from just before its first to its last article block); everything else is
``boilerplate``.

Usage::

    python eval/aeb_build.py [--git-dir DIR] [--out /work/data/aeb]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from rapidfuzz import fuzz

DEFAULT_GIT = "/work/.mirror/scrapinghub+article-extraction-benchmark/repo"
DEFAULT_OUT = "/work/data/aeb"
DEV_PREFIXES = tuple("01234567")
BLOCK_TAGS = {"p", "h1", "h2", "h3", "figcaption", "blockquote", "pre"}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg"}
# elements whose start (or end) closes an open <p>, as in HTML's parsing rules
CLOSES_P = {"div", "ul", "ol", "dl", "table", "section", "article", "header", "footer", "nav", "aside", "form", "hr", "main", "figure", "h4", "h5", "h6", "li", "td"}


class NaiveScraper(HTMLParser):
    """Every p/h1-h3/figcaption/blockquote/pre element's own text, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._out: list[tuple[int, str, str]] = []
        self.stack: list[tuple[str, list[str], int]] = []  # open block elements, their text, open order
        self.opened = 0
        self.skip = 0
        self.title = ""
        self.og_title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            a = dict(attrs)
            if (a.get("property") or a.get("name") or "").lower() in ("og:title", "twitter:title") and not self.og_title:
                self.og_title = a.get("content") or ""
        elif tag == "br" and self.stack:
            self.stack[-1][1].append("\n")
        else:
            if self.stack and self.stack[-1][0] == "p" and (tag in BLOCK_TAGS or tag in CLOSES_P):
                self._pop()  # HTML closes an open <p> implicitly here
            if tag in BLOCK_TAGS:
                self.stack.append((tag, [], self.opened))
                self.opened += 1

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.stack:
            self.stack[-1][1].append("\n")
        elif tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if tag in BLOCK_TAGS and any(t == tag for t, _, _ in self.stack):
            while self.stack:
                if self._pop() == tag:
                    break
        elif tag in CLOSES_P and self.stack and self.stack[-1][0] == "p":
            self._pop()

    def handle_data(self, data):
        if self.skip:
            return
        if self._in_title:
            self.title += data
        if self.stack:
            self.stack[-1][1].append(data)

    def close(self):
        super().close()
        while self.stack:
            self._pop()
        self.blocks = [(t, x) for _, t, x in sorted(self._out)]

    def _pop(self) -> str:
        tag, parts, order = self.stack.pop()
        self._emit(tag, parts, order)
        return tag

    def _emit(self, tag: str, parts: list[str], order: int) -> None:
        raw = "".join(parts)
        if tag == "pre":
            lines = [ln.rstrip() for ln in raw.split("\n")]
        else:
            lines = [" ".join(ln.split()) for ln in raw.split("\n")]
        lines = [ln for ln in lines if ln.strip()]
        if lines:
            self._out.append((order, tag, "\n".join(lines)))


def scrape(html: str) -> tuple[list[tuple[str, str]], str, str]:
    p = NaiveScraper()
    p.feed(html)
    p.close()
    return p.blocks, " ".join(p.title.split()), " ".join(p.og_title.split())


_WORDS = re.compile(r"[^\W_]+")


def norm(s: str) -> str:
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", s).casefold()))


def label_blocks(blocks: list[tuple[str, str]], body: str, titles: list[str]) -> list[dict]:
    body_lines = [norm(x) for x in body.splitlines() if x.strip()]
    body_set = set(body_lines)
    body_all = " ".join(body_lines)
    titles_n = [norm(t) for t in titles if t.strip()]
    out = []
    for i, (tag, text) in enumerate(blocks):
        n = norm(text)
        words = len(n.split())
        score = 0.0
        label = "boilerplate"
        if n and n in body_set:
            label, score = "article", 100.0
        elif words >= 4 and n in body_all:
            label, score = "article", 100.0
        elif words >= 4:
            best = max((fuzz.ratio(n, b) for b in body_lines if abs(len(b) - len(n)) < 0.3 * len(n) + 10), default=0.0)
            if best < 90 and words >= 8:
                # a block that holds a body line plus a little, or a piece of a long line
                best = max(best, fuzz.partial_ratio(n, body_all) if len(n) <= len(body_all) else 0.0)
            score = best
            if best >= 90:
                label = "article"
        out.append({"i": i, "label": label, "tag": tag, "words": words, "score": round(score, 1)})
    art = [r["i"] for r in out if r["label"] == "article"]
    first, last = (art[0], art[-1]) if art else (-1, -1)
    for r, (tag, text) in zip(out, blocks):
        if r["label"] != "boilerplate":
            continue
        n = norm(text)
        if tag in ("h1", "h2", "h3") and n and any(n == t or (len(n) >= 12 and n in t) or fuzz.ratio(n, t) >= 90 for t in titles_n):
            r["label"] = "title"
        elif tag == "figcaption" and art and first - 3 <= r["i"] <= last:
            r["label"] = "caption"
    return out


def git_show(git_dir: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"HEAD:{path}"], check=True, capture_output=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git-dir", default=DEFAULT_GIT)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not Path(args.git_dir).exists():
        print(f"aeb_build: error: {args.git_dir}: no such git directory (fetch scrapinghub/article-extraction-benchmark)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "READY").unlink(missing_ok=True)
    truth = json.loads(git_show(args.git_dir, "ground-truth.json"))
    manifest = []
    for sha in sorted(truth):
        if not sha.startswith(DEV_PREFIXES):
            continue  # reserved half: never read
        html = gzip.decompress(git_show(args.git_dir, f"html/{sha}.html.gz")).decode("utf-8", "replace")
        blocks, title, og = scrape(html)
        body = truth[sha].get("articleBody") or ""
        labels = label_blocks(blocks, body, [title, og])
        (out / f"{sha}.txt").write_text("\n\n".join(t for _, t in blocks) + "\n", encoding="utf-8")
        (out / f"{sha}.body.txt").write_text(body.strip() + "\n", encoding="utf-8")
        with open(out / f"{sha}.labels.jsonl", "w", encoding="utf-8") as f:
            for r in labels:
                f.write(json.dumps(r) + "\n")
        counts: dict[str, int] = {}
        for r in labels:
            counts[r["label"]] = counts.get(r["label"], 0) + 1
        manifest.append({"sha": sha, "url": truth[sha].get("url"), "blocks": len(blocks), "labels": counts})
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m) + "\n")
    tot: dict[str, int] = {}
    for m in manifest:
        for k, v in m["labels"].items():
            tot[k] = tot.get(k, 0) + v
    print(f"{len(manifest)} development pages -> {out}; blocks: {tot}")
    (out / "READY").write_text(f"{len(manifest)} pages\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
