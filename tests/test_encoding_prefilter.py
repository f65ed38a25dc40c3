"""E001 asks ftfy only about paragraphs with a trigger character: the shortcut must be exact."""
from __future__ import annotations

from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given
from hypothesis import strategies as st

from garblint.lint.config import Config
from garblint.lint.runner import lint_text
from garblint.rules.encoding import _COMMON_TYPOGRAPHY, _NON_ASCII, _mojibake_triggers

# Characters ftfy's expression is built from, plus ASCII and common typography.
_BADNESS_CHARS = sorted({c for c in BADNESS_RE.pattern if ord(c) > 127})
_MIXED = st.text(alphabet=st.sampled_from(_BADNESS_CHARS + list(_COMMON_TYPOGRAPHY) + list("aZ 9.\n")), max_size=12)
_SAFE = st.text(alphabet=st.sampled_from([chr(c) for c in range(128)] + list(_COMMON_TYPOGRAPHY)), max_size=40)


def test_current_ftfy_gets_the_narrow_trigger():
    # With ftfy's present expression the shortcut applies (else we silently lost the speed-up).
    assert _mojibake_triggers() is not _NON_ASCII
    assert not _mojibake_triggers().search("“Quoted” – it’s fine…")
    assert _mojibake_triggers().search("cafÃ©")


@given(_SAFE)
def test_ascii_and_common_typography_are_never_bad(s):
    assert not is_bad(s)


@given(_MIXED)
def test_every_bad_text_has_a_trigger(s):
    if is_bad(s):
        assert _mojibake_triggers().search(s)


def test_mojibake_still_found_next_to_clean_paragraphs():
    text = "A clean “quoted” paragraph – with dashes…\n\nThe cafÃ© reopened on Monday.\n"
    found = [f for f in lint_text(text, Config()) if f.code == "E001"]
    assert len(found) == 1 and found[0].suggestions[0].replacement == "café"


def _clear_shape_caches(E) -> None:
    for fn in (E._badness_shape, E._mojibake_triggers, E._mojibake_width, E._badness_re):
        fn.cache_clear()


def test_the_kept_badness_expression_is_ftfys(tmp_path, monkeypatch):
    from garblint.rules import encoding as E

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    _clear_shape_caches(E)
    try:
        assert E._badness_re() is BADNESS_RE  # nothing kept yet: ftfy's own, and kept
        (kept,) = tmp_path.glob("mojibake-badness-*.txt")
        _clear_shape_caches(E)
        again = E._badness_re()
        assert again is not BADNESS_RE  # read back from the file, compiled without ftfy
        assert (again.pattern, again.flags) == (BADNESS_RE.pattern, BADNESS_RE.flags)
        kept.write_text("not a number\n(", encoding="utf-8")  # damaged: ftfy's own again
        _clear_shape_caches(E)
        assert E._badness_re() is BADNESS_RE
    finally:
        _clear_shape_caches(E)


@given(_MIXED)
def test_the_kept_badness_expression_finds_what_ftfy_finds(s):
    from garblint.rules import encoding as E

    assert bool(E._badness_re().search(s)) == is_bad(s)


def test_the_expressions_shape_is_kept_between_runs(tmp_path, monkeypatch):
    from garblint.rules import encoding as E

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    _clear_shape_caches(E)
    try:
        parsed = (E._analyse_triggers() is not _NON_ASCII, E._analyse_width())
        assert E._badness_shape() == parsed
        (kept,) = tmp_path.glob("mojibake-shape-*.txt")
        (expression,) = tmp_path.glob("mojibake-badness-*.txt")  # kept in the same run
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept.name, expression.name])  # no temporary file
        kept.write_text("any none", encoding="ascii")  # what a later run reads, not parses
        _clear_shape_caches(E)
        assert E._badness_shape() == (False, None)
        assert E._mojibake_triggers() is _NON_ASCII and E._mojibake_width() is None
        kept.write_text("\x00garbage", encoding="latin1")  # damaged: parsed again and rewritten
        _clear_shape_caches(E)
        assert E._badness_shape() == parsed
        assert kept.read_text(encoding="ascii").startswith("narrow" if parsed[0] else "any")
    finally:
        _clear_shape_caches(E)


def test_without_a_cache_folder_the_expression_is_parsed(monkeypatch):
    from garblint.rules import encoding as E

    monkeypatch.setenv("GARBLINT_DATA_CACHE", "")
    _clear_shape_caches(E)
    try:
        assert E._badness_shape() == (E._analyse_triggers() is not _NON_ASCII, E._analyse_width())
    finally:
        _clear_shape_caches(E)


def test_a_text_without_mojibake_does_not_import_ftfy(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text("She said \u201cyes\u201d \u2013 twice\u2026 and left.\n", encoding="utf-8")
    accents = tmp_path / "accents.txt"  # trigger characters, no mojibake
    accents.write_text("Jos\u00e9 Mar\u00eda opened the caf\u00e9 in Z\u00fcrich.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("The caf\u00c3\u00a9 reopened on Monday.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from garblint.lint.cli import main\n"
        "try:\n"
        "    main(['check', '--no-cache', '--select', 'E001', '--exit-zero', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('ftfy' in sys.modules)\n"
    )
    env = {**__import__("os").environ, "GARBLINT_DATA_CACHE": str(tmp_path / "cache")}
    run = [sys.executable, "-c", probe]
    first = subprocess.run([*run, str(page)], capture_output=True, text=True, check=True, env=env).stdout
    assert first.strip().splitlines()[-1] == "True"  # the first run parses the expression (and keeps its shape)
    again = subprocess.run([*run, str(page)], capture_output=True, text=True, check=True, env=env).stdout
    assert again.strip().splitlines() == ["All clear: no findings in 1 file.", "False"]
    accented = subprocess.run([*run, str(accents)], capture_output=True, text=True, check=True, env=env).stdout
    assert accented.strip().splitlines() == ["All clear: no findings in 1 file.", "False"]
    flagged = subprocess.run([*run, str(bad)], capture_output=True, text=True, check=True, env=env).stdout
    assert "E001" in flagged and flagged.strip().splitlines()[-1] == "True"


def test_kept_expressions_that_cannot_be_read_now_are_left_alone(tmp_path, monkeypatch):
    """A kept shape or expression file that is there but cannot be read now (no file handle
    left, no permission) is not written over; a missing one is written."""
    import errno
    import pathlib

    from garblint.rules import encoding as E

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    _clear_shape_caches(E)
    try:
        parsed = E._badness_shape()
        files = sorted(tmp_path.glob("mojibake-*.txt"))
        assert len(files) == 2
        for f in files:
            f.write_text("left alone", encoding="ascii")
        real = pathlib.Path.read_text

        def failing(self, *args, **kwargs):
            if self.name.startswith("mojibake-"):
                raise OSError(errno.EMFILE, "Too many open files")
            return real(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "read_text", failing)
        _clear_shape_caches(E)
        assert E._badness_shape() == parsed and E._badness_re().pattern == BADNESS_RE.pattern
        assert [real(f) for f in files] == ["left alone", "left alone"]
        monkeypatch.setattr(pathlib.Path, "read_text", real)
        for f in files:
            f.unlink()
        _clear_shape_caches(E)
        assert E._badness_shape() == parsed and len(list(tmp_path.glob("mojibake-*.txt"))) == 2
    finally:
        _clear_shape_caches(E)
