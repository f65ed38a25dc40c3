"""The built-in weaker spun forms (rules/data/spun-forms.txt) are found by bisection in the
file's sorted lines until a run has looked up many words, then with the parsed table: both
ways must find the same forms, which holds while the generated file stays normalised."""

from __future__ import annotations

import random

import pytest

from garblint.lint.document import Document
from garblint.rules import spun


def test_shipped_weaker_forms_are_normalised_and_sorted() -> None:
    lines = spun._weak_lines()
    assert lines, "no weaker forms"
    keys = []
    for line in lines:
        form, sep, original = line.partition(" -> ")
        assert sep, line
        assert form == " ".join(form.lower().split()) and form.count(" ") == 1 and form.isascii(), line
        assert original == original.strip() and original, line
        keys.append(form)
    assert lines == sorted(lines)
    assert len(set(keys)) == len(keys)
    # the C-level parse gives what the line-by-line parse of user files gives
    table: dict[str, str] = {}
    spun._parse(lines, table, None)
    assert spun.load_weak().table == table


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = spun._weak_lines()
    forms = [ln.split(" -> ")[0] for ln in rng.sample(lines, 12)]
    pieces = []
    for f in forms:
        a, b = f.split(" ")
        pieces += [f, a.capitalize() + " " + b, a.upper() + " " + b, a + "  " + b, a + " " + b.capitalize(), "\u212a" + a[1:] + " " + b]
    pieces += ["the", "a", "new", ".", ". ", "!", "\n", " ", "\u201c", "(", "x", "-"]
    out = []
    for _ in range(5):
        out.append("".join(rng.choice(pieces) + rng.choice([" ", " ", ". ", "\n", ", "]) for _ in range(rng.randrange(5, 60))))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_bisection_finds_what_the_table_finds(seed) -> None:
    table = spun.load_weak()
    lines = spun._weak_lines()
    for text in _texts(seed):
        doc = Document(text)
        assert spun._bisect_hits(doc, lines) == spun._hits(doc, table), text


def test_weak_hits_same_before_and_after_the_table_is_built(monkeypatch) -> None:
    text = " ".join(ln.split(" -> ")[0] for ln in spun._weak_lines()[::997])
    doc = Document(text + ". " + text.capitalize())
    expected = spun._hits(doc, spun.load_weak())
    assert expected
    monkeypatch.setattr(spun, "_looked_up", [0])
    assert spun._weak_hits(Document(doc.text), ()) == expected
    monkeypatch.setattr(spun, "_looked_up", [spun._LOOKUP_BUDGET])
    assert spun._weak_hits(Document(doc.text), ()) == expected


def test_builtin_table_cached_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    spun.load_weak.cache_clear()
    try:
        built = spun.load_weak()  # parsed, then written to the cache folder
        files = list(tmp_path.glob("spun-forms-*.marshal"))
        assert len(files) == 1
        spun.load_weak.cache_clear()
        read = spun.load_weak()
        assert read is not built
        for attr in ("table", "first", "first_cap", "heads", "second"):
            assert getattr(read, attr) == getattr(built, attr), attr
        assert list(read.table.items()) == list(built.table.items())
        files[0].write_bytes(b"not marshal data")  # a damaged file is passed by
        spun.load_weak.cache_clear()
        assert spun.load_weak().table == built.table
    finally:
        spun.load_weak.cache_clear()


@pytest.mark.parametrize("seed", range(30))
def test_may_pair_never_hides_a_hit(seed, monkeypatch) -> None:
    """``_hits`` with ``_may_pair``'s early answer against the scan of every word, on short
    texts holding forms of both tables as written, capitalised (after a full stop too), in
    upper case, split apart (head and second word far from each other) and with a Kelvin sign."""
    from garblint.lint.config import Config

    rng = random.Random(seed)
    files = spun._files(Config({}))
    tables = (spun.load_phrases(files)[0], spun.load_weak(files))
    skipped = found = 0
    for phrases in tables:
        forms = rng.sample(sorted(phrases.table), 6)
        fillers = ["the", "a", "new", "x", ".", ". ", "\n", "(", "\u201c"]
        words, whole = [], []
        for i, f in enumerate(forms):
            a, b = f.split(" ")
            words += [a, a.capitalize()] if i % 2 else [b, b.upper()]  # (heads of some forms, seconds of others)
            whole += [f, a.capitalize() + " " + b, ". " + a.capitalize() + " " + b, a.upper() + " " + b, "\u212a" + a[1:] + " " + b]
        for k in range(40):
            pieces = fillers + words + (whole if k % 2 else [])  # (every other text: the words apart only)
            text = "".join(rng.choice(pieces) + rng.choice([" ", " ", ", ", ". "]) for _ in range(rng.randrange(1, 30)))
            doc = Document(text)
            fast = spun._hits(doc, phrases)
            skipped += not spun._may_pair(phrases, doc.word_counts)
            with monkeypatch.context() as m:
                m.setattr(spun, "_may_pair", lambda phrases, distinct: True)
                assert fast == spun._hits(Document(text), phrases), text
            found += bool(fast)
    assert skipped > 20 and found > 20, (skipped, found)


def _flat_hits(doc, phrases) -> list[tuple[int, int, str]]:
    """``_hits`` as it was with the flat table (form -> original, the two words joined by one
    space) and no early answers: every pair of neighbouring words looked up."""
    table = phrases.table
    first = frozenset(f.partition(" ")[0] for f in table)
    words, text = doc.words, doc.text
    out = []
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        head = a.text
        if head in first:
            hit = table.get(head + " " + b.text)
            if hit is not None and b.start == a.end + 1 and text[a.end] == " ":
                out.append((i, i + 2, hit))
            continue
        if head[:1].upper() + head[1:] != head or head[:1].lower() + head[1:] not in first:
            continue  # (not a capitalised first word: the candidate filter leaves it out)
        if b.start != a.end + 1 or text[a.end] != " " or not spun._sentence_start(text, a.start):
            continue
        hit = table.get(head.lower() + " " + b.text)
        if hit is not None:
            out.append((i, i + 2, hit))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_pairs_find_what_the_flat_table_finds(seed, tmp_path, monkeypatch) -> None:
    """``Phrases.pairs`` (first word -> second word -> original), built from the table and read
    back from the data cache, finds in ``_hits`` what the flat table finds, with the same
    originals, and ``table`` gives the flat table back; on texts with forms of both tables as
    written, capitalised (after a full stop too), with a first word's capital inside, upper
    case, spaced twice, with a capitalised second word, and words of forms put together with other forms' words."""
    from garblint.lint.config import Config

    rng = random.Random(seed)
    files = spun._files(Config({}))
    strong = spun.load_phrases(files)[0]
    weak = spun.load_weak(files)
    built = spun.Phrases(weak.table)
    assert built.table == weak.table and built.first == weak.first and built.second == weak.second
    assert built.first_cap == weak.first_cap and built.heads == weak.heads
    for phrases in (strong, weak, built):
        forms = rng.sample(sorted(phrases.table), 25)
        firsts = [f.split(" ")[0] for f in forms]
        seconds = [f.split(" ")[1] for f in forms]
        pieces = ["the", "a", ".", ". ", "\n", "(", "\u201c", "x"]
        for f in forms:
            a, b = f.split(" ")
            pieces += [f, a.capitalize() + " " + b, ". " + a.capitalize() + " " + b, a.upper() + " " + b, a + "  " + b]
            pieces += [a[:1] + a[1:].upper() + " " + b, a + " " + b.capitalize(), rng.choice(firsts) + " " + rng.choice(seconds)]
        found = 0
        for _ in range(10):
            text = "".join(rng.choice(pieces) + rng.choice([" ", " ", ", ", ". "]) for _ in range(rng.randrange(1, 80)))
            doc = Document(text)
            got = spun._hits(doc, phrases)
            assert got == _flat_hits(doc, phrases), text
            found += len(got)
        assert found > 10
