"""How much garblint's LanguageTool adapter costs, apart from LanguageTool itself.

Starts the test suite's LanguageTool-protocol server on 127.0.0.1 (its checker is trivial, so
the time measured is garblint's: chunking, HTTP, offset mapping, finding mapping, doubles),
lints a generated document of about WORDS words with and without L001, and prints the numbers.

    python bench/languagetool_overhead.py [WORDS]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from languagetool_fake import FakeLanguageTool  # noqa: E402

from garblint.lint import languagetool as lt  # noqa: E402
from garblint.lint.config import Config  # noqa: E402
from garblint.lint.runner import lint_text  # noqa: E402


def make_text(words: int) -> str:
    para = (
        "The council met on Monday \U0001F4F0 and approved teh budget for year {i}. "
        "Members said the plan was fair, and the mayor thanked the staff for their work. "
    )
    n = max(1, words // len(para.split()))
    return "\n\n".join(para.format(i=i) for i in range(n)) + "\n"


def main() -> None:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    text = make_text(words)
    n_words = len(text.split())
    t = time.perf_counter()
    base = lint_text(text, Config({}))
    t_off = time.perf_counter() - t
    with FakeLanguageTool() as server:
        cfg = Config({"languagetool": server.url})
        lt.reset()
        t = time.perf_counter()
        found = lint_text(text, cfg)
        t_on = time.perf_counter() - t
        n_req = len(server.checks)
        t = time.perf_counter()
        lint_text(text, cfg)  # every chunk cached now
        t_cached = time.perf_counter() - t
    l001 = sum(f.code == "L001" for f in found)
    print(f"words {n_words}  chars {len(text)}  findings without L001 {len(base)}  L001 {l001}  check requests {n_req}")
    print(f"off {t_off:.2f}s  on {t_on:.2f}s  on, cached {t_cached:.2f}s  "
          f"adapter+server overhead {1000 * (t_on - t_off) / (n_words / 1000):.1f} ms per 1,000 words")


if __name__ == "__main__":
    main()
