"""The sped-up name analysis (rules/_mentions.py) gives the very answers of the original one.

``ref_mentions.py`` is a frozen copy of the module before the speed work. Both analyse the same
documents -- generated ones full of names, titles, particles, quotes, possessives and odd gaps,
and damaged copies of the repository's clean news texts -- and every mention, entity and flag
must be equal, field by field.
"""
from __future__ import annotations

import importlib.util
import random
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from garblint.lint.document import Document
from garblint.rules import _mentions as new

HERE = Path(__file__).parent


def _load_reference():
    spec = importlib.util.spec_from_file_location("garblint_ref_mentions", HERE / "ref_mentions.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


ref = _load_reference()
TEXTS = sorted((HERE / "data" / "names_clean").glob("*.txt")) + sorted((HERE.parent / "data" / "clean_news").glob("*.txt"))

# Invented names only (none from the seed article).
FIRSTS = ["Ada", "Tomas", "Mira", "Ivo", "Rhea", "J.", "Pat", "Lena", "Omar", "Yuki", "Zofia", "Ben", "Ana"]
SURNAMES = ["Quell", "Brenneck", "Castell", "Tellant", "Morvane", "Okonkwo-Reyes", "Al-Nour", "Karimov",
            "Karimova", "Nowacki", "Abela", "Lindqvist", "Ferrand", "Dubois", "Haddad", "Marsh", "Stone"]
PARTS = ["von der", "de la", "bin", "van", "al-", "di"]
TITLES = ["Defense Minister", "Dr.", "Maj. Gen.", "President", "Mr", "Secretary of State", "Sen.", "Chief Executive",
          "French", "Interior Minister", "Prof."]
PLACES = ["Kenya", "Kenyan", "Shanxi", "Shaanxi", "Ottawa", "Lagos", "Porto", "Brno", "Valletta", "Quito"]
ORGS = ["Central Bank", "Health Ministry", "National Museum", "City Council", "Red Cross", "Supreme Court"]
WORDS = ("the a of said told reporters on Monday after meeting with and in plan budget critics attacked "
         "would not comment however this week March new Will May Long White House Bill Rose Hope "
         "Violet Sunday party members who called it I officials added").split()
GAPS = [" ", " ", " ", "  ", "\n", " \n", ", ", ". ", ": ", " \u201c", "\u201d ", " (", ") ", " \"", "\" ", "; ", " - "]


def _damage(word: str, rnd: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rnd.randrange(1, len(word))
    op = rnd.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1 :]
    if op == 1:
        return word[:i] + word[i] + word[i:]
    if op == 2 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rnd.choice("aeilnorst") + word[i + 1 :]


def _generated(seed: int) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    for _ in range(rnd.randrange(20, 160)):
        r = rnd.random()
        sur = rnd.choice(SURNAMES)
        if rnd.random() < 0.25:
            sur = _damage(sur, rnd)
        if r < 0.2:
            piece = f"{rnd.choice(TITLES)} {rnd.choice(FIRSTS)} {sur}"
        elif r < 0.35:
            piece = f"{rnd.choice(FIRSTS)} {rnd.choice(PARTS)} {sur}"
        elif r < 0.5:
            piece = sur + rnd.choice(["", "'s", "\u2019s", " said", " told"])
        elif r < 0.58:
            piece = rnd.choice(PLACES)
        elif r < 0.64:
            piece = rnd.choice(ORGS)
        elif r < 0.67:
            piece = rnd.choice(["NATO", "US-led", "China-style", "UN", "3M", "al-Nour", "von Quell", "Jr.", "III"])
        else:
            piece = rnd.choice(WORDS)
        if rnd.random() < 0.15:
            piece = piece[:1].upper() + piece[1:]
        out.append(piece)
        out.append(rnd.choice(GAPS) if rnd.random() < 0.4 else " ")
        if rnd.random() < 0.08:
            out.append(".\n\n" if rnd.random() < 0.5 else ". ")
    text = "".join(out)
    if rnd.random() < 0.3:  # a paragraph pasted twice (a caption)
        paras = text.split("\n\n")
        if len(paras) > 1:
            text += "\n\n" + rnd.choice(paras)
    return text


def _damaged_file(path: Path, seed: int) -> str:
    rnd = random.Random(seed)
    words = path.read_text(encoding="utf-8").split(" ")
    for k, w in enumerate(words):
        if w[:1].isupper() and rnd.random() < 0.15:
            words[k] = _damage(w, rnd)
    return " ".join(words)


def _span(m):
    try:
        return m.surname_span
    except IndexError:  # "Pat Jr": no surname token left (same in both)
        return "IndexError"


def _snapshot(mod, doc: Document, names: list[str] | None):
    index = mod.NamesIndex(names) if names else None
    a = mod._analyse(doc, index)
    mentions = [(asdict(m), m.surname, _span(m), m.first, m.text) for m in a.mentions]
    entities = [(e.id, [m.start for m in e.mentions], e.person, e.listed, [m.start for m in e.loose]) for e in a.entities]
    flags = [(f.code, f.start, f.end, f.suggestions, f.message, f.confidence, f.mention.start) for f in a.flags]
    return mentions, entities, flags, sorted(a.accepted)


def _inputs():
    for seed in range(150):
        yield f"gen{seed}", _generated(seed)
    for k, path in enumerate(TEXTS):
        yield path.stem, path.read_text(encoding="utf-8")
        for seed in range(3):
            yield f"{path.stem}-damaged{seed}", _damaged_file(path, 100 * k + seed)


NAMES_LIST = ["Tomas Brenneck", "Mira Castell", "Ada Quell", "Valletta", "Lena von der Abela"]


@pytest.mark.parametrize("names", [None, NAMES_LIST], ids=["no-list", "names-list"])
def test_fast_analysis_equals_reference(names) -> None:
    n_mentions = 0
    for label, text in _inputs():
        got = _snapshot(new, Document(text), names)
        want = _snapshot(ref, Document(text), names)
        assert got == want, label
        n_mentions += len(want[0])
    assert n_mentions > 5000  # the inputs do exercise the extractor
