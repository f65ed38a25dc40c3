"""The sped-up U001 (rules/untranslated.py, rules/_langid.py) gives the very answers of the original.

Its findings on generated documents (English with foreign phrases, look-alike letters, other
scripts, Vietnamese; ``tests/generated.py``) are in the golden snapshot (``tests/golden.py``);
here the scans and the lean py3langid loader must give the same answers as their plain forms.
"""
from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import time

import pytest

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import untranslated as new

from generated import ENGLISH, FRENCH, GERMAN, OTHER, PINYIN, SPANISH, VIET
from generated import u_text as _doc


def _findings(rule, text: str, config: Config):
    return [(f.start, f.end, f.message, f.suggestions, f.confidence, f.properties, f.fingerprint)
            for f in rule.check(Document(text), config)]


def test_foreign_latin_runs_equal_the_word_by_word_walk() -> None:
    rule = new.ForeignFragment()
    found = 0
    for seed in range(200):
        doc = Document(_doc(1000 + seed))
        runs = rule._foreign_latin_runs(doc)
        assert runs == rule._foreign_latin_runs_reference(doc), seed
        found += len(runs)
    assert found > 20


@pytest.mark.parametrize("most", [7, 262144])
def test_run_states_same_as_asking_every_word(most, monkeypatch) -> None:
    """``_run_states`` (each lower-case word's state kept for the process, the table emptied
    when it would outgrow ``most``) against ``_latin_word_state(word, True)`` of every word,
    on documents that share words, met in two orders; and the runs found with it against the
    word-by-word walk."""
    monkeypatch.setattr(new, "_RUN_STATES", {})
    monkeypatch.setattr(new, "_RUN_STATES_MOST", most)
    texts = [_doc(3000 + seed) for seed in range(60)]
    rule = new.ForeignFragment()
    for order in (texts, texts[::-1]):
        for text in order:
            doc = Document(text)
            table, opening = new._run_states(doc.word_counts)
            assert {w: table.get(w) for w in doc.word_counts} == {w: new._latin_word_state(w, True) for w in doc.word_counts}
            assert all(w in table for w in doc.word_counts if w.islower())
            assert opening == {w for w in doc.word_counts if new._latin_word_state(w, True) is False}
            assert rule._foreign_latin_runs(doc) == rule._foreign_latin_runs_reference(doc)
    # (a document's own words are kept even past the bound)
    assert len(new._RUN_STATES) <= max(most, max(sum(map(str.islower, Document(t).word_counts)) for t in texts))


@pytest.mark.parametrize("most", [5, 262144])
def test_opens_a_run_same_as_asking_every_word(most, monkeypatch) -> None:
    """``_opens_a_run`` (a fact of each word kept for the process, rules/_lexfacts.py)
    against ``_latin_word_state`` of every word, on documents that share words; with a small
    bound the kept facts are emptied now and then."""
    from garblint.lint.judged import WordFacts
    from garblint.rules import _lexfacts

    monkeypatch.setattr(_lexfacts, "FACTS", WordFacts(_lexfacts._facts, most))
    rnd = random.Random(most)
    pool = ["the", "house", "por", "muito", "nunca", "olvidaremos", "tanta", "la", "de", "Paris", "école", "l'école", "xqzv", "42", "The"]
    opened = 0
    for _ in range(300):
        doc = Document(" ".join(rnd.sample(pool, rnd.randrange(0, 6))))
        want = False in map(new._latin_word_state, doc.word_counts)
        assert new._opens_a_run(doc) == want, doc.text
        opened += want
    assert 30 < opened < 270


def test_elsewhere_words_are_the_words_common_elsewhere_says_yes_to(tmp_path, monkeypatch) -> None:
    """``_elsewhere_words``: every word of the lexicon index whose line passes the test of
    ``_common_elsewhere`` (asked of each line's word through ``foreign`` and ``zipf``),
    made into the data cache folder, read back, and made again after damage; and
    ``_common_elsewhere`` gives the same answers before and after ELSEWHERE_AFTER."""
    from garblint.lint import lexicon

    index = lexicon._index()
    want = set()
    for line in bytes(index.buf[index.base :]).decode("utf-8").splitlines():
        w = line.split("\t", 1)[0]
        _, fz = lexicon.foreign(w)
        if fz >= 4.5 and fz - lexicon.zipf(w) >= 2.5:
            want.add(w)
    assert len(want) > 1000
    monkeypatch.setattr(lexicon, "_cache_dir", lambda: tmp_path)
    new._elsewhere_words.cache_clear()
    try:
        made = new._elsewhere_words()
        (stored,) = tmp_path.glob("elsewhere-*.bin")
        new._elsewhere_words.cache_clear()
        assert new._elsewhere_words() == made  # (read back)
        stored.write_bytes(b"\x00damaged")
        new._elsewhere_words.cache_clear()
        assert new._elsewhere_words() == made  # (made again)
    finally:
        new._elsewhere_words.cache_clear()
    assert made == want
    # a small index whose first and last lines pass the test (and lines that do not)
    small = lexicon._Index.from_lines(["ao\t150\t0\tpt\t700", "bo\t300\t1\tes\t500", "co\t0\t0\t\t0", "do\t100\t0\tit\t449", "zo\t0\t0\tde\t450"])
    assert new._elsewhere_scan(small) == ["ao", "zo"]
    assert new._elsewhere_scan(lexicon._Index.from_bytes(small.to_bytes())) == ["ao", "zo"]  # (lines after a header, as mapped)
    rnd = random.Random(3)
    asked = rnd.sample(sorted(want), 200) + rnd.sample(sorted(lexicon.frequencies()), 400) + ["", "xqzv", "l'école", "ihre", "muito", "por", "the"]
    monkeypatch.setattr(new, "_elsewhere_asked", 0)
    monkeypatch.setattr(new, "ELSEWHERE_AFTER", 10**9)
    by_index = [new._common_elsewhere(w) for w in asked]
    monkeypatch.setattr(new, "ELSEWHERE_AFTER", -1)
    assert [new._common_elsewhere(w) for w in asked] == by_index
    assert 150 < sum(by_index) < len(asked) - 150


def test_scans_equal_the_regex_scans() -> None:
    rnd = random.Random(7)
    alphabet = list("abc xyzẠạƠơƯưđĐ.,-'1_\n") + ["ệ", "ẫ", "ợ", "é", "ñ", "Ж", "β", "北"]
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 60)))
        assert [m.span() for m in new._viet_words(text)] == [m.span() for m in new._VIET_WORD.finditer(text)], text
        assert new._latin_letters(text) == sum(m.end() - m.start() for m in new._LATIN_RUN.finditer(text)), text
        doc = Document(text)
        want = [w for w in doc.words if new._CYRILLIC_OR_GREEK.search(w.text)]
        assert new._words_with_cyrillic_or_greek(doc) == want, text


def _latin_share_old(text: str) -> float:
    latin = sum(m.end() - m.start() for m in new._LATIN_RUN.finditer(text))
    foreign = 0 if text.isascii() else len("".join("".join(new._RUN.findall(text)).split()))
    total = latin + foreign
    return latin / total if total else 1.0


@pytest.mark.parametrize("seed", range(6))
def test_scans_by_the_characters_outside_ascii_equal_the_regex_scans(seed) -> None:
    """``_runs``, ``_latin_share`` and ``_words_with_cyrillic_or_greek``, which look for their
    characters among the text's characters outside ASCII (``_non_ascii``) and find them by
    ``str.find``, against the regex over the whole text: few and many distinct letters of
    other scripts (both sides of ``_MAX_FIND_CHARS``), characters outside the BMP, a lone
    surrogate, accented Latin letters, quotes, CJK punctuation, digits and spaces."""
    rnd = random.Random(seed)
    foreign = list("ЖжаеоβγλπΩשלוםعربي两会汤甜北京日本語カタカナ한국어ไทยनमस्ते") + ["\U00020001", "\U0002a6d6"]
    base = list("abc xyz.,-'1_\n\t") + ["é", "ñ", "ễ", "Ạ", "ß", "\u2019", "\u201c", "\u00b7", "\u30fb", "\u3001", "\uff0c", "\u2014", "\u00a0", "\ud800", "€"]
    for _ in range(600):
        letters = rnd.sample(foreign, rnd.choice([0, 1, 2, 5, 20, 30, len(foreign)]))
        pool = base + letters * rnd.randrange(1, 4)
        text = "".join(rnd.choice(pool) for _ in range(rnd.randrange(0, 120)))
        if rnd.random() < 0.2:
            text = "".join(ch for ch in text if ch.isascii())  # (an ASCII text: no letter of another script)
        others = new._non_ascii(text)
        assert others == "".join(ch for ch in text if ord(ch) > 127), text
        assert [m.span() for m in new._runs(text, others)] == [m.span() for m in new._RUN.finditer(text)], text
        assert new._latin_share(text) == _latin_share_old(text), text
        assert new._latin_share(text, others) == _latin_share_old(text), text
        assert new._latin_share(text, others, list(new._runs(text, others))) == _latin_share_old(text), text
        doc = Document(text)
        want = [w for w in doc.words if new._CYRILLIC_OR_GREEK.search(w.text)]
        assert new._words_with_cyrillic_or_greek(doc) == want, text
        assert new._words_with_cyrillic_or_greek(doc, others) == want, text
        assert new._words_with_cyrillic_or_greek(doc, others, list(new._runs(text, others))) == want, text
        assert new._words_with_cyrillic_or_greek(doc, others, list(new._RUN.finditer(text))) == want, text


def _langid_texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    texts = ["", " ", "a", "Hello", "HELLO WORLD", "l'école", "nunca olvidaremos tanta injusticia sufrida"]
    # languages the model holds in two scripts (two columns, one label)
    texts += ["Ovo je rečenica na srpskom jeziku", "Ово је реченица на српском језику"]
    texts += ["O'zbekiston poytaxti Toshkent shahri", "Ўзбекистон пойтахти Тошкент шаҳри"]
    pools = ENGLISH + SPANISH + FRENCH + GERMAN + PINYIN + VIET + OTHER
    for _ in range(n):
        texts.append(" ".join(rnd.choice(pools) for _ in range(rnd.randrange(1, 9))))
    for _ in range(n // 4):
        texts.append("".join(chr(rnd.randrange(32, 0x2FFF)) for _ in range(rnd.randrange(1, 30))))
    for _ in range(n // 4):
        texts.append("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz  éèàñüöß") for _ in range(rnd.randrange(1, 40))))
    return texts


def test_lean_langid_gives_py3langid_answers() -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid

    lean = _langid._lean_identifier()  # the numpy loader: py3langid's own code, same numbers
    for t in _langid_texts(3, 400):
        assert lean.classify(t) == py3langid.classify(t), t


def test_plain_python_langid_gives_py3langid_answers() -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid, _langid_pure

    if _langid_pure.model_path() is None:
        pytest.skip("the installed py3langid is not a release the plain-Python scorer repeats")
    _langid.classify("warm up")  # loads the model once
    pure = _langid._STATE[0]
    assert isinstance(pure, _langid_pure.PureIdentifier)
    for t in _langid_texts(4, 2000):
        want = py3langid.classify(t)
        got = pure.classify(t)
        assert got[0] == want[0], t
        assert got[1] == pytest.approx(want[1], rel=1e-5, abs=1e-3), t  # double against single precision
        assert _langid.classify(t) == want[0]


def _classify_old(ident, text: str) -> tuple[str, float]:
    """``PureIdentifier.classify`` as it was before its rows were kept and its columns summed
    (frozen: the new form must give the same labels and the same scores to the last bit)."""
    import math
    import os
    import unicodedata

    from garblint.rules._langid_pure import _RAW_FLOOR, _f32

    if text.isupper():
        text = text.lower()
    data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
    counts = ident._visits(data)
    n = len(ident.classes)
    if counts:
        scores = [0.0] * n
        unpack, size = ident.ptc_row.unpack, ident.ptc_row.size
        for f, c in counts.items():
            w = _f32(math.log1p(c))
            weights = unpack(os.pread(ident.fd, size, ident.ptc_offset + f * size))
            scores = [s + w * x for s, x in zip(scores, weights)]
        scores = [s + p for s, p in zip(scores, ident.pc)]
    else:
        scores = [_RAW_FLOOR] * n
    for i, j in ident.aliases:
        scores[i] = max(scores[i], scores[j])
        scores[j] = _RAW_FLOOR
    best = max(range(n), key=scores.__getitem__)
    return ident.classes[best], scores[best]


@pytest.mark.parametrize("plain_sum", [True, False])
def test_plain_python_langid_same_scores_as_the_frozen_form(plain_sum, monkeypatch) -> None:
    """``PureIdentifier.classify`` with its weighted rows kept (``_step``, emptied when full)
    and each language's column summed by ``sum`` (before Python 3.12) or row by row: the same
    labels and scores, bit for bit, as the old loop over the features."""
    pytest.importorskip("py3langid")
    from garblint.rules import _langid, _langid_pure

    if _langid_pure.model_path() is None:
        pytest.skip("the installed py3langid is not a release the plain-Python scorer repeats")
    if plain_sum and not _langid_pure._PLAIN_SUM:
        pytest.skip("sum() compensates for rounding on this Python")
    monkeypatch.setattr(_langid_pure, "_PLAIN_SUM", plain_sum)
    _langid.classify("warm up")
    pure = _langid._STATE[0]
    assert isinstance(pure, _langid_pure.PureIdentifier)
    monkeypatch.setattr(pure, "STEPS", 64)  # (emptied again and again)
    pure._steps.clear()
    texts = _langid_texts(5, 600) + ["", "   ", "A", "ÉTÉ", "bonjour bonjour bonjour", "the the the the"]
    texts += [t + " " + t for t in texts[:50]]  # (features met more than once)
    for t in texts + texts[::-1]:
        got = pure.classify(t)
        want = _classify_old(pure, t)
        assert got[0] == want[0] and (got[1] == want[1] or got[1] != got[1] and want[1] != want[1]), t
        assert len(pure._steps) <= 64


@pytest.mark.parametrize("plain_sum", [True, False])
def test_langid_column_sums_add_in_the_loops_order(plain_sum, monkeypatch) -> None:
    """``_langid_pure._scores`` on rows of doubles of every size (where the order of the
    additions changes the last bits): the loop's sums exactly."""
    from garblint.rules import _langid_pure

    if plain_sum and not _langid_pure._PLAIN_SUM:
        pytest.skip("sum() compensates for rounding on this Python")
    monkeypatch.setattr(_langid_pure, "_PLAIN_SUM", plain_sum)
    rng = random.Random(7)
    for k in [1, 2, 3, 5, 30, 200]:
        pc = [rng.uniform(-30, 0) for _ in range(9)]
        rows = [[rng.uniform(-1, 1) * 10.0 ** rng.randrange(-12, 6) for _ in pc] for _ in range(k)]
        want = [0.0] * len(pc)
        for row in rows:
            want = [s + x for s, x in zip(want, row)]
        want = [s + p for s, p in zip(want, pc)]
        assert _langid_pure._scores(rows, pc) == want


def test_identifying_a_phrase_does_not_import_numpy(tmp_path) -> None:
    pytest.importorskip("py3langid")
    from garblint.rules import _langid_pure

    if _langid_pure.model_path() is None:
        pytest.skip("the installed py3langid is not a release the plain-Python scorer repeats")
    page = tmp_path / "page.txt"
    page.write_text(
        "The mayor thanked the volunteers. As the banner said, nunca olvidaremos tanta injusticia\n"
        "sufrida por nuestro pueblo, and the crowd cheered before the speeches went on.\n",
        encoding="utf-8",
    )
    probe = (
        "import sys\n"
        "from garblint.lint.cli import main\n"
        "try:\n"
        f"    main(['check', '--no-cache', '--select', 'U001', '--exit-zero', {str(page)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "from garblint.rules import _langid\n"
        "print(type(_langid._STATE[0]).__name__ if _langid._STATE else 'unused', 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "U001" in out
    assert out.strip().splitlines()[-1] == "PureIdentifier False"


def test_another_py3langid_release_uses_its_own_code(monkeypatch) -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid, _langid_pure

    monkeypatch.setattr(_langid_pure, "_RELEASES", ())
    assert _langid_pure.model_path() is None
    ident = _langid._identifier()
    assert not isinstance(ident, _langid_pure.PureIdentifier)
    for t in _PROBES:
        assert ident.classify(t) == py3langid.classify(t)


_PROBES = ["nunca olvidaremos tanta injusticia sufrida", "the council met on Monday", "der Hafen bleibt geschlossen"]


def test_model_copy_is_made_once_and_reused(tmp_path, monkeypatch) -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    stale = tmp_path / "cache" / "langid-1-2.npz"
    stale.write_bytes(b"an older model's copy, written long ago")
    os.utime(stale, (time.time() - 8 * 86400,) * 2)
    recent = tmp_path / "cache" / "langid-3-4.npz"
    recent.write_bytes(b"another venv's model, still in use")
    first = _langid._lean_identifier()
    assert recent.exists() and not stale.exists()  # another venv may still read a recent copy
    recent.unlink()
    copies = list((tmp_path / "cache").glob("*.npz"))
    assert len(copies) == 1 and copies[0].name.startswith("langid-")
    (crc,) = (tmp_path / "cache").glob("langid-*.crc")  # the model's CRC, kept for later runs
    assert sorted((tmp_path / "cache").iterdir()) == sorted(copies + [crc])
    assert copies[0].name == f"langid-{crc.name.split('-')[1]}-{crc.read_text()}.npz"
    stamp = copies[0].stat().st_mtime_ns, crc.stat().st_mtime_ns
    second = _langid._lean_identifier()  # a new process would do the same: open the copy
    assert list((tmp_path / "cache").glob("*.npz")) == copies
    assert (copies[0].stat().st_mtime_ns, crc.stat().st_mtime_ns) == stamp
    for t in _PROBES:
        assert first.classify(t) == second.classify(t) == py3langid.classify(t)


@pytest.mark.parametrize("setting", ["unwritable", "off"])
def test_without_a_cache_folder_the_model_still_loads(tmp_path, monkeypatch, setting) -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid

    if setting == "unwritable":
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        monkeypatch.setenv("GARBLINT_DATA_CACHE", str(blocker / "cache"))  # mkdir fails, even as root
    else:
        monkeypatch.setenv("GARBLINT_DATA_CACHE", "")
    ident = _langid._lean_identifier()
    assert sorted(p.name for p in tmp_path.iterdir()) == (["file"] if setting == "unwritable" else [])
    for t in _PROBES:
        assert ident.classify(t) == py3langid.classify(t)


def test_a_damaged_model_copy_is_made_again(tmp_path, monkeypatch) -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    _langid._lean_identifier()
    (copy,) = tmp_path.glob("*.npz")
    size = copy.stat().st_size
    copy.write_bytes(b"not a zip archive")
    ident = _langid._lean_identifier()
    assert copy.stat().st_size == size
    for t in _PROBES:
        assert ident.classify(t) == py3langid.classify(t)


def _old_latin_word_state(t: str, other_languages: bool = False):
    """``_latin_word_state`` before its other-languages answer reused the plain one (frozen)."""
    if not t.islower():
        return None
    freqs = new.counts()
    core = max(new._ELISION.split(t), key=len) if new._ELISION.search(t) else t
    if not core.isalpha() or (not core.isascii() and (new._CYRILLIC_OR_GREEK.search(t) or new._RUN.match(t))):
        return None
    if len(core) > 2 and core not in freqs and t not in freqs and new._VOWEL.search(core):
        return False
    if other_languages and len(core) > 2 and new._common_elsewhere(core):
        return False
    if (len(core) <= 4 or freqs.get(core, 0) < 2_000_000) and core not in new._ENGLISH_GLUE:
        return True
    return None


@pytest.mark.parametrize("first", [False, True])
def test_latin_word_state_equals_the_frozen_form(first) -> None:
    """Both answers of ``_latin_word_state`` against the form before, on lexicon words (common,
    rare, far commoner elsewhere), unknown words, elisions, hyphens, other scripts, capitals
    and digits; with the plain answer cached first (as _opens_a_run asks it) or not."""
    from garblint.lint import lexicon

    rnd = random.Random(11)
    pool = sorted(lexicon.frequencies())
    elsewhere = sorted(new._elsewhere_words())
    words = rnd.sample(pool, 1500) + rnd.sample(elsewhere, 500) + [w.upper() for w in rnd.sample(pool, 50)]
    words += ["por", "muito", "ihre", "la", "de", "à", "tanta", "the", "and", "l'école", "d'ihre", "well-known", "xqzv-por",
              "l'\u0436ar", "\u0436ar", "caf\u00e9", "x1", "42", "", "-", "'", "ab", "ecole", "na\u00efve", "\u00e9t\u00e9", "au-del\u00e0"]
    new._latin_word_state.cache_clear()
    try:
        for w in words:
            if first:
                new._latin_word_state(w)
            assert new._latin_word_state(w, True) == _old_latin_word_state(w, True), w
            assert new._latin_word_state(w) == _old_latin_word_state(w), w
    finally:
        new._latin_word_state.cache_clear()
    kinds = [_old_latin_word_state(w, True) for w in words]
    assert kinds.count(False) > 100 and kinds.count(True) > 100 and kinds.count(None) > 100
    assert sum(1 for w in words if _old_latin_word_state(w) is not False and _old_latin_word_state(w, True) is False) > 20


def test_states_of_new_words_equal_asking_each_word(monkeypatch) -> None:
    """``_states_of_new`` (words of ASCII letters judged in one loop, words of other characters
    without an elision mark that are not all letters answered None) against
    ``_latin_word_state(word, True)``, on lexicon words (common, rare, glue), words far
    commoner elsewhere, made-up words with and without vowels, short words and words of other
    characters (elisions, hyphens, accents, Cyrillic, digits, marks), with
    ``_common_elsewhere`` asked through the index and through its set."""
    from garblint.lint import lexicon

    rnd = random.Random(12)
    pool = sorted(lexicon.frequencies())
    made = ["".join(rnd.choice("bcdfghjklmnpqrstvwxzaeiouy") for _ in range(rnd.randint(1, 9))) for _ in range(800)]
    words = rnd.sample(pool, 1500) + rnd.sample(sorted(new._elsewhere_words()), 400) + made
    words += sorted(new._ENGLISH_GLUE) + ["por", "muito", "tanta", "people", "l'école", "well-known", "caf\u00e9", "\u0436ar", "x1"]
    # (words of other characters: numbers with letters, hex ids, marks, elisions with digits)
    words += ["8eb8d8d011", "1990s", "x\u00b2", "a.b", "x_y", "l\u2019x1", "ab-1", "d'1", "\u00e9t\u00e91", "a\u00b7b", "\u00bd", "n1", "jinja2"]
    words += ["".join(rnd.choice("abcdef0123456789'-.\u2019\u00e9") for _ in range(rnd.randint(1, 8))) for _ in range(300)]
    words = [w for w in dict.fromkeys(words) if w.islower()]
    for by_set in (False, True):
        new._latin_word_state.cache_clear()
        monkeypatch.setattr(new, "_elsewhere_asked", new.ELSEWHERE_AFTER + 1 if by_set else 0)
        try:
            got = new._states_of_new(words)
            assert got == [new._latin_word_state(w, True) for w in words]
        finally:
            new._latin_word_state.cache_clear()
        assert got.count(False) > 300 and got.count(True) > 300 and got.count(None) > 200


def test_the_kept_crc_names_the_copy_and_a_bad_one_is_made_again(tmp_path) -> None:
    """_model_crc reads the CRC its stamp keeps (a stamp of 8 hexadecimal digits names the copy
    looked for) and checksums the model again when the stamp is damaged or missing."""
    import zlib

    from garblint.rules import _langid

    model = tmp_path / "model.npz.xz"
    model.write_bytes(b"compressed model bytes" * 100)
    want = f"{zlib.crc32(model.read_bytes()):08x}"
    folder = tmp_path / "cache"
    assert _langid._model_crc(model, folder) == (2200, want)
    (stamp,) = folder.glob("langid-*.crc")
    stamp.write_bytes(b"0123abcd")
    assert _langid._model_crc(model, folder) == (2200, "0123abcd")  # (read, not checksummed)
    for bad in (b"0123abc", b"0123ABCD", b"0123abcz", b""):
        stamp.write_bytes(bad)
        assert _langid._model_crc(model, folder) == (2200, want)
        assert stamp.read_bytes() == want.encode()
    old = folder / "langid-1-2-3.crc"
    old.write_bytes(b"00000000")
    os.utime(old, (time.time() - 8 * 86400,) * 2)
    stamp.unlink()
    assert _langid._model_crc(model, folder) == (2200, want)
    assert sorted(p.name for p in folder.iterdir()) == [stamp.name]  # (a week old: removed)


def _zip_bytes(members, *, comment=b"", before=b"", method=None) -> bytes:
    import zipfile

    buf = io.BytesIO()
    buf.write(before)
    with zipfile.ZipFile(buf, "a" if before else "w", compression=method or zipfile.ZIP_STORED) as zf:
        for name, data in members:
            zf.writestr(name, data)
        zf.comment = comment
    return buf.getvalue()


@pytest.mark.parametrize(
    "case",
    ["plain", "empty", "one", "deflated", "appended", "comment", "before", "unicode", "not a zip", "short"],
)
def test_zip_members_read_what_zipfile_reads(case) -> None:
    """zip_members gives zipfile's (name, method, header offset) for the archives it reads, and
    None (zipfile asked instead) for the others; _is_zip agrees with zipfile.is_zipfile."""
    import zipfile

    from garblint.rules import _langid
    from garblint.rules._langid_pure import _zipfile_members, zip_members

    members = [("ptc.npy", b"x" * 300), ("pc.npy", b"yz"), ("classes.npy", b"")]
    data = {
        "plain": _zip_bytes(members),
        "empty": _zip_bytes([]),
        "one": _zip_bytes(members[:1]),
        "deflated": _zip_bytes(members, method=zipfile.ZIP_DEFLATED),
        "comment": _zip_bytes(members, comment=b"a comment"),
        "appended": _zip_bytes(members, before=b"data before, offsets counted from the file's start " * 3),
        "before": b"a stub before an archive whose offsets start after it " * 3 + _zip_bytes(members),
        "unicode": _zip_bytes([("caf\u00e9.npy", b"1")]),
        "not a zip": b"PK\x05\x06 but not an archive at all" * 3,
        "short": b"PK",
    }[case]
    fh = io.BytesIO(data)
    got = zip_members(fh)
    if case in ("plain", "empty", "one", "deflated", "appended"):
        assert got == _zipfile_members(io.BytesIO(data))
    else:
        assert got is None
    assert _langid._is_zip(io.BytesIO(data)) == zipfile.is_zipfile(io.BytesIO(data))
