"""The sped-up U001 (rules/untranslated.py, rules/_langid.py) gives the very answers of the original.

Its findings on generated documents (English with foreign phrases, look-alike letters, other
scripts, Vietnamese; ``tests/generated.py``) are in the golden snapshot (``tests/golden.py``);
here the scans and the lean py3langid loader must give the same answers as their plain forms.
"""
from __future__ import annotations

import os
import random
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


def test_lean_langid_gives_py3langid_answers() -> None:
    py3langid = pytest.importorskip("py3langid")
    from garblint.rules import _langid

    _langid.classify("warm up")  # loads the lean model once
    lean = _langid._STATE[0]
    assert lean is not None, "the lean loader fell back to py3langid's own"
    rnd = random.Random(3)
    texts = ["", " ", "a", "Hello", "HELLO WORLD", "l'école", "nunca olvidaremos tanta injusticia sufrida"]
    pools = ENGLISH + SPANISH + FRENCH + GERMAN + PINYIN + VIET + OTHER
    for _ in range(400):
        texts.append(" ".join(rnd.choice(pools) for _ in range(rnd.randrange(1, 9))))
    for _ in range(100):
        texts.append("".join(chr(rnd.randrange(32, 0x2FFF)) for _ in range(rnd.randrange(1, 30))))
    for t in texts:
        assert lean.classify(t) == py3langid.classify(t), t
        assert _langid.classify(t) == py3langid.classify(t)[0]


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
    copies = list((tmp_path / "cache").iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("langid-")
    stamp = copies[0].stat().st_mtime_ns
    second = _langid._lean_identifier()  # a new process would do the same: open the copy
    assert list((tmp_path / "cache").iterdir()) == copies and copies[0].stat().st_mtime_ns == stamp
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
    (copy,) = tmp_path.iterdir()
    size = copy.stat().st_size
    copy.write_bytes(b"not a zip archive")
    ident = _langid._lean_identifier()
    assert copy.stat().st_size == size
    for t in _PROBES:
        assert ident.classify(t) == py3langid.classify(t)
