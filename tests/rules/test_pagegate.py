"""The document-level pre-test of B001-B003 (rules/_pagegate.py): a document it calls quiet
gets no finding from the full page analysis. Texts are generated from pieces written for
this test, with the features the rules look for (phrases, share and bio words, datelines,
imperatives, runs of short lines, long paragraphs whose head is cut)."""

from __future__ import annotations

import random

import pytest

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import _pagegate, _pageshape
from garblint.rules.boilerplate import ScrapedDateline, PageTemplate, ScraperBoilerplate

PROSE = (
    "the council met on a wet evening and talked for hours about the old bridge and its repairs "
    "while residents waited outside with signs asking for more buses and a safer crossing near "
    "the school where children walk every morning about nine"
).split()
TRIGGERS = [
    "Read more",
    "read more about it",
    "More",
    "more",
    "Related Articles",
    "Related articles:",
    "Advertisement",
    "About the author",
    "Follow us on Facebook",
    "follow  us on",
    "Share",
    "Facebook Twitter",
    "Print Email",
    "writer",
    "blogger",
    "bachelor's",
    "Home > News > Local",
    "News / Sport",
    "Sign up",
    "Click here",
    "Subscribe",
    "Copyright 2020",
    "\u00a9 2021 Example Media",
    "All rights reserved.",
    "By Jane Doe",
    "By Jane Doe | Updated 3 hours ago",
    "March 2, 2021 4:15 pm",
    "5 min read",
    "Updated 3 hours ago",
    "Posted at 8:20 PM",
    "2021-03-02",
    "on Monday",
    "Leave a Reply",
    "Source link",
    "e-mail",
    "x",
    "\u201cWe will see,\u201d she said.",
    "It\u2019s done \u2014 for now\u2026",
    "caf\u00e9",
    "This site uses cookies to help",
    "Please read our newsletter",
    "Find them on google news",
    "Pinterest Tumblr",
    "Click to see what you think",
    "Copyright your own work",
    "Please tell your friends",
]
MENU = ["Garden Ideas", "Travel Notes", "Local Food", "Weekend", "Letters", "Puzzles"]


def _sentence(rng: random.Random, lo: int, hi: int) -> str:
    words = [rng.choice(PROSE) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(TRIGGERS))
    s = " ".join(words)
    s = s[:1].upper() + s[1:]
    return s + rng.choice([".", ".", "", "?", ":"])


def _paragraph(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return rng.choice(TRIGGERS)
    if r < 0.25:
        return rng.choice(MENU)
    if r < 0.45:
        return _sentence(rng, 1, 6)
    if r < 0.55:
        # a long one-line paragraph: the head the phrase tests read is cut at 300 characters
        return " ".join(_sentence(rng, 8, 20) for _ in range(rng.randint(3, 6)))
    if r < 0.6:
        return rng.choice(TRIGGERS) + " " + _sentence(rng, 8, 20)  # a glued prefix
    if r < 0.65:
        return _sentence(rng, 4, 8) + "\n" + _sentence(rng, 4, 8)  # two lines
    return " ".join(_sentence(rng, 6, 18) for _ in range(rng.randint(1, 3)))


def _findings(doc: Document, config: Config) -> list:
    out = []
    for rule in (ScraperBoilerplate(), PageTemplate(), ScrapedDateline()):
        out += [(f.code, f.start, f.end, f.message) for f in rule.check(doc, config)]
    return out


def test_a_quiet_document_has_no_page_finding():
    rng = random.Random(2026)
    config = Config({})
    quiet = loud = 0
    for i in range(2000):
        paras = [_paragraph(rng) for _ in range(rng.randint(1, 12))]
        text = "\n\n".join(paras) + "\n"
        doc = Document(text, path=f"gen{i}.txt")
        page = _pageshape._analyse(doc, config)
        found = bool(page.strong or page.flags or page.glued)
        if _pagegate._quiet(Document(text, path=f"gen{i}.txt"), config):
            quiet += 1
            assert not found, text
            assert _findings(Document(text, path=f"gen{i}.txt"), config) == []
        elif found:
            loud += 1
    # the generated texts reach both sides (a test that never calls a text quiet proves nothing)
    assert quiet >= 100 and loud >= 300, (quiet, loud)


def test_the_gate_keeps_every_finding_of_the_rules():
    """B001-B003 with the gate and with the full analysis forced give the same findings."""
    rng = random.Random(77)
    config = Config({})
    for i in range(300):
        text = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 8))) + "\n"
        gated = _findings(Document(text, path="a.txt"), config)
        saved = _pagegate._quiet
        _pagegate._quiet = lambda doc, config: False
        try:
            full = _findings(Document(text, path="a.txt"), config)
        finally:
            _pagegate._quiet = saved
        assert gated == full, text


ARTICLE = (
    "The council met on a wet evening and talked for hours about the old bridge, while residents "
    "waited outside with signs asking for safer crossings near the school. Engineers said the "
    "repairs would take two years and close one lane at a time, and the work would start once the "
    "river was low enough in the summer. Several neighbours said they would watch the vote closely "
    "and ask for a second meeting if the plan changed again."
)
LOUD = {
    # a site notice with no interface word: an imperative and the reader addressed
    "notice": "Bridge repairs approved\n\n" + ARTICLE + "\n\nPlease tell your friends\n",
    "bio": "Bridge repairs approved\n\n" + ARTICLE + "\n\nJane Roe is a writer and blogger with a passion for towns. She loves her journey.\n",
    "trail": "Gardens > Roses > Pruning\n\n" + ARTICLE + "\n",
    # a long unit's phrases are read in its first 300 characters: "Read" + spaces + "more"
    # ending there makes the head "read more", though the text's word is "moreish"
    "cut": "Read" + " " * 292 + "moreish " + ARTICLE[:200] + "\n\n" + ARTICLE + "\n",
}


@pytest.mark.parametrize("name", sorted(LOUD))
def test_each_way_to_a_finding_keeps_the_analysis(name):
    text = LOUD[name]
    config = Config({})
    page = _pageshape._analyse(Document(text, path="c.txt"), config)
    assert page.strong or page.flags
    assert not _pagegate.quiet(Document(text, path="c.txt"), config)


def test_plain_prose_is_quiet():
    text = (
        "Council weighs bridge repairs\n\n"
        "The council met on a wet evening and talked for hours about the old bridge, while "
        "residents waited outside with signs asking for safer crossings near the school.\n\n"
        "Engineers said the repairs would take two years and close one lane at a time, and "
        "the work would start once the river was low enough in the summer.\n"
    )
    assert _pagegate.quiet(Document(text, path="p.txt"), Config({}))
    assert not _pagegate.quiet(Document(text + "\nRelated Articles\n", path="p.txt"), Config({}))
