"""The sped-up U001 (rules/untranslated.py, rules/_langid.py) gives the very answers of the original.

``ref_untranslated.py`` is a frozen copy of the rule before the speed work; both check the same
generated documents (English with foreign phrases, look-alike letters, other scripts,
Vietnamese) and their findings must be equal. The lean py3langid loader must give
py3langid's own answer and score on every text.
"""
from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import untranslated as new

HERE = Path(__file__).parent


def _load_reference():
    spec = importlib.util.spec_from_file_location("garblint_ref_untranslated", HERE / "ref_untranslated.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


ref = _load_reference()

ENGLISH = ("the council said on monday that a new plan would cut costs for families and small firms "
           "while critics argued it was too late and the budget was not enough to help").split()
SPANISH = "nunca olvidaremos tanta injusticia sufrida por el pueblo la gente dijo que mañana".split()
FRENCH = "nous avons décidé de ne pas répondre à cette lettre l'école était fermée".split()
GERMAN = "wir haben gestern die straße gesehen und über alles geredet".split()
PINYIN = "zhongguo renmin zhengfu xinwen baodao jintian".split()
VIET = ["người", "dân", "Hà", "Nội", "phở", "bánh", "mì", "Việt"]
OTHER = ["北京", "両会", "映画は素晴らしい", "Россия", "и", "Киев", "שלום", "αβγ", "α", "μ", "Ω", "안녕하세요", "ไทย"]
HOMOGLYPHS = ["\u0422he", "pl\u0430n", "\u0441at", "\u043epen", "d\u043eg", "Ka\u0442ya"]
GAPS = [" "] * 12 + ["  ", "\n", ", ", ". ", " (", ") ", " \u201c", "\u201d ", " - ", "'"]


def _doc(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for _ in range(rnd.randrange(30, 250)):
        r = rnd.random()
        if r < 0.08:
            words = rnd.choice([SPANISH, FRENCH, GERMAN, PINYIN])
            k = rnd.randrange(len(words))
            piece = " ".join(words[k : k + rnd.randrange(2, 8)])
        elif r < 0.12:
            piece = " ".join(rnd.choice(VIET) for _ in range(rnd.randrange(1, 4)))
        elif r < 0.16:
            piece = rnd.choice(OTHER)
        elif r < 0.18:
            piece = rnd.choice(HOMOGLYPHS)
        else:
            piece = rnd.choice(ENGLISH)
        if rnd.random() < 0.1:
            piece = piece[:1].upper() + piece[1:]
        out.append(piece)
        out.append(rnd.choice(GAPS))
    return "".join(out)


def _findings(rule, text: str, config: Config):
    return [(f.start, f.end, f.message, f.suggestions, f.confidence, f.properties, f.fingerprint)
            for f in rule.check(Document(text), config)]


def test_fast_rule_equals_reference() -> None:
    config = Config()
    fast = new.ForeignFragment()
    old = ref.ForeignFragment()
    old.code = "U001"
    total = 0
    for seed in range(120):
        text = _doc(seed)
        want = _findings(old, text, config)
        assert _findings(fast, text, config) == want, seed
        total += len(want)
    assert total > 300


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
    (tmp_path / "cache" / "langid-model-1-2.npz").write_bytes(b"an older model's copy")
    first = _langid._lean_identifier()
    copies = list((tmp_path / "cache").iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("langid-model-")
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
