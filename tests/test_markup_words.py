"""``markup._masked_words_in`` (the words a document writes inside its blanked regions, found
by a few scans of the regions joined) against the region-by-region form it replaced, kept here
as written before the change, on generated sources and regions."""

from __future__ import annotations

import random
import re

import pytest

from garblint.lint import markup as M


def _masked_words_old(src: str, masks: list[tuple[int, int]]) -> frozenset[str]:
    out: set[str] = set()
    for a, b in masks:
        part = M._EMAIL.sub(" ", M._BARE_URL.sub(" ", src[a:b]))
        if "](" in part or "<" in part:
            part = re.sub(r"\]\([^)]*\)|<[^>]*>", " ", part)
        out.update(m.group().casefold() for m in M._CODE_WORD.finditer(part))
        out.update(m.group().casefold() for m in re.finditer(r"[A-Za-z]+", part))
    return frozenset(out)


# pieces of code, addresses, e-mail addresses, links and tags, cases and edges mixed
_PIECES = [
    "http://",
    "HTTPS://",
    "ftp://",
    "www.",
    "WwW.",
    "://",
    "@",
    "a@b.io",
    "x.org",
    "](",
    ")",
    "](url)",
    "<",
    ">",
    "<b>",
    "[",
    "]",
    "(",
    ".",
    ",",
    "_",
    "-",
    "'",
    "\n",
    " ",
    "\t",
    "HTTPTransport",
    "doctree",
    "app.config",
    "getURL",
    "Cafe\u0301",
    "\u017fs",
    "K",
    "ab",
    "Ab",
    "AB",
    "zq",
    "9",
]


def _case(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    src = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 60)))
    cuts = sorted(rng.randrange(0, len(src) + 1) for _ in range(2 * rng.randrange(0, 6)))
    masks = list(zip(cuts[::2], cuts[1::2]))
    if masks and rng.random() < 0.2:
        masks.append((0, len(src)))  # (overlapping regions)
    return src, masks


@pytest.mark.parametrize("seed", [1, 2])
def test_masked_words_same_as_region_by_region(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        src, masks = _case(rng)
        assert M._masked_words_in(src, masks) == _masked_words_old(src, masks), (src, masks)


def test_masked_words_of_a_page() -> None:
    src = (
        "Run `pip install webargs` and set `HTTPTransport.timeout`.\n"
        "See <https://example.org/docs/page> or [the guide](https://example.org/guide) and "
        "`mail admin@example.org`; `www.Example.com/Path` is `ftp://host/x_y`.\n"
        "```\nfrom app.config import getURL\n```\n"
    )
    masks = [(m.start(), m.end()) for m in re.finditer(r"`[^`]+`|<[^>]+>|\]\([^)]*\)|```.*?```", src, re.S)]
    got = M._masked_words_in(src, masks)
    assert got == _masked_words_old(src, masks)
    assert sorted(got) == [
        "app", "config", "from", "get", "geturl", "http", "httptransport", "import", "install",
        "mail", "pip", "timeout", "transport", "url", "webargs",
    ]  # fmt: skip


# ---- technical(): only the lines a mask touches are read for blanking (frozen old loop below)


def _technical_old(doc) -> bool:
    if not doc.masks:
        return False
    src, text = doc.source, doc.text
    signs = 0
    for a, b in doc.masks:
        if M._CODE_SIGN.search(src, a, b):
            signs += 1
            if signs >= 3:
                break
    if signs < 3:
        return False
    posts = M.embedded_post_regions(src)
    n = blanked = 0
    for a, b in zip(doc.line_starts, doc.line_starts[1:] + [len(text)]):
        if src[a:b].strip():
            n += 1
            if not text[a:b].strip() and not any(x <= a < y for x, y in posts):
                blanked += 1
    return blanked >= 5 and blanked * 12 >= n


_LINES = [
    "run x_y --flag",
    "a = b[0]",
    "plain words here",
    "",
    "   ",
    "\u2014 Some One (@someone) March 3, 2020",
    "see the post",
    "path/to/file",
    "More prose. And more.",
]


@pytest.mark.parametrize("seed", range(8))
def test_technical_same_as_every_line(seed: int) -> None:
    from garblint.lint.document import Document

    rng = random.Random(seed)
    seen = set()
    for _ in range(150):
        src = "\n".join(rng.choice(_LINES) for _ in range(rng.randrange(1, 60)))
        if rng.random() < 0.3:
            src = src.replace("\n", "\r\n")
        masks = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(len(src) + 1)
            masks.append((a, min(len(src), a + rng.randrange(0, 80))))
        merged = tuple(M.merge(masks))
        doc = Document(M.blank(src, merged), source=src, masks=merged)
        want = _technical_old(Document(doc.text, source=src, masks=merged))
        assert M.technical(doc) is want, (src, merged)
        seen.add(want)
    assert seen == {True, False}  # (both answers met)
