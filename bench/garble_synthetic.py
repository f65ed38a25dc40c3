"""Synthetic recall of the G rules: corrupt clean text the way paraphrasers do, count catches.

Takes clean English files (default: the clean news fixtures), makes one corruption at a time
at a random sentence, and reports per corruption type how often a G finding overlaps the
damage, plus the findings on the untouched text. Seeded, so runs are comparable::

    python bench/garble_synthetic.py [FILES...] [--trials 200] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = sorted((ROOT / "tests" / "corpus" / "clean").glob("news-*.txt"))
_WORD = re.compile(r"[a-z]+")


def _sentences(text: str):
    doc = Document(text)
    return [s for s in doc.sentences if len(s.text.split()) >= 8 and s.text.endswith(".") and '"' not in s.text
            and "\u201c" not in s.text and "\u201d" not in s.text]


def split_lower(text, s, rng):
    """'The council voted to expand.' -> 'The council voted. to expand.'"""
    words = list(re.finditer(r"(?<= )[a-z]+", s.text))
    if len(words) < 4:
        return None
    m = words[rng.randrange(2, len(words) - 1)]
    cut = s.start + m.start() - 1
    return text[:cut] + ". " + text[cut + 1 :], (cut, s.end + 1)


def capitalise_word(text, s, rng):
    words = [m for m in re.finditer(r"(?<= )[a-z]{3,}", s.text)]
    if not words:
        return None
    m = rng.choice(words)
    a = s.start + m.start()
    return text[:a] + text[a].upper() + text[a + 1 :], (a, s.start + m.end())


def echo_fragment(text, s, rng):
    words = [m.group() for m in re.finditer(r"[a-z]{3,}", s.text)]
    if not words:
        return None
    w = rng.choice(words[-4:])
    frag = " " + w.capitalize() + "."
    return text[: s.end] + frag + text[s.end :], (s.end + 1, s.end + len(frag))


def truncate(text, s, rng):
    words = list(re.finditer(r"(?<= )(the|a|an|of|and|their|its) ", s.text))
    if not words:
        return None
    m = rng.choice(words)
    a = s.start + m.end() - 1
    return text[:a] + "." + text[s.end :], (a - len(m.group(1)), a + 1)


CORRUPTIONS = {"split-lower": split_lower, "capitalised-word": capitalise_word, "echo-fragment": echo_fragment,
               "truncated-clause": truncate}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--select", default="G")
    args = ap.parse_args(argv)
    files = args.files or DEFAULT
    texts = [f.read_text(encoding="utf-8") for f in files]
    cfg = Config({"select": convert("select", args.select)})
    rng = random.Random(args.seed)
    base = sum(len(lint_text(t, cfg)) for t in texts)
    words = sum(Document(t).word_count for t in texts)
    print(f"{len(texts)} files, {words} words, {base} findings on the clean text")
    for name, fn in CORRUPTIONS.items():
        hit = n = 0
        for _ in range(args.trials):
            t = rng.choice(texts)
            sents = _sentences(t)
            if not sents:
                continue
            out = fn(t, rng.choice(sents), rng)
            if out is None:
                continue
            bad, (a, b) = out
            n += 1
            if any(f.start < b and a < f.end for f in lint_text(bad, cfg)):
                hit += 1
        print(f"  {name:18} caught {hit}/{n} ({100 * hit / max(1, n):.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
