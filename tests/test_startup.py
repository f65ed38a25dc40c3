"""Start-up work done on demand (lint/lazyimport.py, rules/spun.py's list reader): the lazy
forms give what the eager ones gave, and a one-line file imports none of the heavy modules."""

from __future__ import annotations

import subprocess
import sys

from garblint.lint.lazyimport import lazy_module
from garblint.rules import spun


def test_lazy_module_imports_on_first_use() -> None:
    mod = lazy_module("colorsys")
    assert "rgb_to_hsv" not in vars(mod)
    import colorsys

    assert mod.rgb_to_hsv(0.2, 0.4, 0.4) == colorsys.rgb_to_hsv(0.2, 0.4, 0.4)
    assert vars(mod)["rgb_to_hsv"] is colorsys.rgb_to_hsv  # kept: later look-ups are plain


def test_spun_lists_fast_reader_equals_the_line_parser() -> None:
    for name in ("spun-forms.txt", "tortured-phrases.txt"):
        lines = spun._builtin(name)
        table: dict[str, str] = {}
        spun._parse(lines, table, None)
        plain = spun._parse_plain(lines)
        assert plain is not None and list(plain[0].items()) == list(table.items())
        a, b = spun.Phrases(table), spun.Phrases(*plain)
        assert (a.first, a.second, a.heads) == (b.first, b.second, b.heads)
    # lines of other shapes go the slow way
    for odd in (["~ a b -> c"], ["a b ->  c"], ["A b -> c"], ["a b c -> d"], ["a b -> c "]):
        assert spun._parse_plain(odd) is None


def test_one_line_file_imports_no_heavy_module(tmp_path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("The vote was held today.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from garblint.lint.cli import main\n"
        f"sys.argv = ['garblint', 'check', '--no-cache', '-j', '1', {str(one)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['ftfy', 'rapidfuzz', 'symspellpy', 'wordfreq', 'py3langid', 'sqlite3', 'tomllib', 'garblint.lint.cache', 'garblint.lint.bigfile']\n"
        "print('HEAVY:' + ' '.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert "All clear" in out
    assert out.strip().splitlines()[-1] == "HEAVY:", out
